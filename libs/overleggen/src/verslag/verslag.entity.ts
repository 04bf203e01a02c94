import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Gebruiker, Gemeente, Organisatie } from '@wijkkompas/core';
import { sqlLijst } from '@wijkkompas/verantwoording';
import { AGENDA_BRONNEN, AgendaBronSoort } from '../agenda/agenda.regels';
import { Overleg } from '../overleg/overleg.entity';
import { OverlegSoort } from '../overleg/overleg.regels';
import {
  ACTIE_STATUSSEN,
  ActieStatus,
  BESLUIT_ONDERWERPEN,
  BesluitOnderwerp,
} from './verslag.regels';

/** A decision taken in a meeting, with the source it is about and, when it belongs elsewhere, why. */
@Entity({ name: 'besluiten' })
@Index('ix_besluiten_overleg', ['overlegId'])
@Index('ix_besluiten_gemeente', ['gemeenteId'])
@Check('ck_besluiten_onderwerp', `onderwerp IN (${sqlLijst(BESLUIT_ONDERWERPEN)})`)
@Check(
  'ck_besluiten_bron_soort',
  `bron_soort IS NULL OR bron_soort IN (${sqlLijst(AGENDA_BRONNEN)})`,
)
export class Besluit {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_besluiten' })
  id: string;

  @Column({ name: 'gemeente_id', type: 'uuid' })
  gemeenteId: string;

  @ManyToOne(() => Gemeente, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'gemeente_id', foreignKeyConstraintName: 'fk_besluiten_gemeente' })
  gemeente?: Relation<Gemeente>;

  @Column({ name: 'overleg_id', type: 'uuid' })
  overlegId: string;

  @ManyToOne(() => Overleg, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'overleg_id', foreignKeyConstraintName: 'fk_besluiten_overleg' })
  overleg?: Relation<Overleg>;

  @Column({ type: 'text' })
  tekst: string;

  @Column({ type: 'varchar', length: 20 })
  onderwerp: BesluitOnderwerp;

  @Column({ name: 'bron_soort', type: 'varchar', length: 30, nullable: true })
  bronSoort: AgendaBronSoort | null;

  @Column({ name: 'bron_id', type: 'uuid', nullable: true })
  bronId: string | null;

  /** The kind of meeting the decision belongs in, when not the one it was taken in. */
  @Column({ name: 'hoort_bij', type: 'varchar', length: 30, nullable: true })
  hoortBij: OverlegSoort | null;

  /** Why it was flagged (Dutch), shown on the verslag. */
  @Column({ type: 'text', nullable: true })
  signalering: string | null;

  @Column({ name: 'vastgelegd_door_id', type: 'uuid', nullable: true })
  vastgelegdDoorId: string | null;

  @Column({ name: 'vastgelegd_door_naam', type: 'varchar', length: 200 })
  vastgelegdDoorNaam: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

/**
 * An action agreed in a meeting. The owner is a person or an organisation; the organisation
 * is always filled (a person's own), so "the actions of this aanbieder" is one indexed column.
 */
@Entity({ name: 'acties' })
@Index('ix_acties_gemeente_status', ['gemeenteId', 'status'])
@Index('ix_acties_overleg', ['overlegId'])
@Index('ix_acties_besluit', ['besluitId'])
@Index('ix_acties_eigenaar_organisatie', ['eigenaarOrganisatieId'])
@Index('ix_acties_eigenaar_gebruiker', ['eigenaarGebruikerId'])
@Check('ck_acties_status', `status IN (${sqlLijst(ACTIE_STATUSSEN)})`)
export class Actie {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_acties' })
  id: string;

  @Column({ name: 'gemeente_id', type: 'uuid' })
  gemeenteId: string;

  @ManyToOne(() => Gemeente, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'gemeente_id', foreignKeyConstraintName: 'fk_acties_gemeente' })
  gemeente?: Relation<Gemeente>;

  @Column({ name: 'overleg_id', type: 'uuid' })
  overlegId: string;

  @ManyToOne(() => Overleg, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'overleg_id', foreignKeyConstraintName: 'fk_acties_overleg' })
  overleg?: Relation<Overleg>;

  @Column({ name: 'besluit_id', type: 'uuid', nullable: true })
  besluitId: string | null;

  @ManyToOne(() => Besluit, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'besluit_id', foreignKeyConstraintName: 'fk_acties_besluit' })
  besluit?: Relation<Besluit> | null;

  @Column({ type: 'text' })
  omschrijving: string;

  @Column({ name: 'eigenaar_gebruiker_id', type: 'uuid', nullable: true })
  eigenaarGebruikerId: string | null;

  @ManyToOne(() => Gebruiker, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'eigenaar_gebruiker_id',
    foreignKeyConstraintName: 'fk_acties_eigenaar_gebruiker',
  })
  eigenaarGebruiker?: Relation<Gebruiker> | null;

  @Column({ name: 'eigenaar_organisatie_id', type: 'uuid' })
  eigenaarOrganisatieId: string;

  @ManyToOne(() => Organisatie, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'eigenaar_organisatie_id',
    foreignKeyConstraintName: 'fk_acties_eigenaar_organisatie',
  })
  eigenaarOrganisatie?: Relation<Organisatie>;

  /** 'Bea Beleid (Gemeente Voorbeeldstad)' or 'Wijkteams Noord', as read on agendas. */
  @Column({ name: 'eigenaar_naam', type: 'varchar', length: 300 })
  eigenaarNaam: string;

  @Column({ type: 'date', nullable: true })
  deadline: string | null;

  @Column({ type: 'varchar', length: 20, default: 'open' })
  status: ActieStatus;

  /** What the owner wrote when marking it gereed, or why it lapsed. */
  @Column({ type: 'text', nullable: true })
  toelichting: string | null;

  @Column({ name: 'afgehandeld_op', type: 'timestamptz', nullable: true })
  afgehandeldOp: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

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
import { CENTEN_TRANSFORMER, Perceel } from '@wijkkompas/opdrachten';
import { Kpi, KpiVersie } from '../kpi/kpi.entity';
import {
  KWARTAALVERANTWOORDING_STATUSSEN,
  KwartaalverantwoordingStatus,
} from '../kwartaalverantwoording.lifecycle';
import { Rapportageperiode } from '../periode/rapportageperiode.entity';
import { sqlLijst } from '../shared/sql';

/**
 * The account of one aanbieder to one gemeente for one reporting period. Only a concept is
 * edited (optimistic concurrency on `version`, exposed as ETag); what was submitted or
 * adopted is frozen in kwartaalverantwoording_versies, and a correction after adoption is a
 * new revision (revisie + 1) of the same period: earlier revisions stay readable.
 */
@Entity({ name: 'kwartaalverantwoordingen' })
@Index('ix_kwartaalverantwoordingen_aanbieder_id', ['aanbiederId'])
@Index('uq_kwartaalverantwoordingen_periode_revisie', ['rapportageperiodeId', 'revisie'], {
  unique: true,
})
@Index('ix_kwartaalverantwoordingen_aanbieder', ['gemeenteId', 'aanbiederId', 'periode'])
@Check(
  'ck_kwartaalverantwoordingen_status',
  `status IN (${sqlLijst(KWARTAALVERANTWOORDING_STATUSSEN)})`,
)
@Check('ck_kwartaalverantwoordingen_revisie', 'revisie >= 1')
export class Kwartaalverantwoording {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_kwartaalverantwoordingen' })
  id: string;

  @Column({ name: 'gemeente_id', type: 'uuid' })
  gemeenteId: string;

  @ManyToOne(() => Gemeente, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'gemeente_id',
    foreignKeyConstraintName: 'fk_kwartaalverantwoordingen_gemeente',
  })
  gemeente?: Relation<Gemeente>;

  @Column({ name: 'aanbieder_id', type: 'uuid' })
  aanbiederId: string;

  @ManyToOne(() => Organisatie, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'aanbieder_id',
    foreignKeyConstraintName: 'fk_kwartaalverantwoordingen_aanbieder',
  })
  aanbieder?: Relation<Organisatie>;

  @Column({ name: 'rapportageperiode_id', type: 'uuid' })
  rapportageperiodeId: string;

  @ManyToOne(() => Rapportageperiode, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'rapportageperiode_id',
    foreignKeyConstraintName: 'fk_kwartaalverantwoordingen_rapportageperiode',
  })
  rapportageperiode?: Relation<Rapportageperiode>;

  /** Copied from the reporting period for filtering: '2026-Q3'. */
  @Column({ type: 'varchar', length: 7 })
  periode: string;

  @Column({ type: 'int', default: 1 })
  revisie: number;

  @Column({ type: 'varchar', length: 20, default: 'concept' })
  status: KwartaalverantwoordingStatus;

  @Column({ type: 'text', nullable: true })
  hoogtepunten: string | null;

  @Column({ type: 'text', nullable: true })
  knelpunten: string | null;

  @Column({ type: 'text', nullable: true })
  vooruitblik: string | null;

  @Column({
    name: 'budget_begroot_centen',
    type: 'bigint',
    nullable: true,
    transformer: CENTEN_TRANSFORMER,
  })
  budgetBegrootCenten: number | null;

  @Column({
    name: 'budget_gerealiseerd_centen',
    type: 'bigint',
    nullable: true,
    transformer: CENTEN_TRANSFORMER,
  })
  budgetGerealiseerdCenten: number | null;

  @Column({ name: 'budget_toelichting', type: 'text', nullable: true })
  budgetToelichting: string | null;

  @Column({ name: 'formatie_fte', type: 'numeric', precision: 10, scale: 2, nullable: true })
  formatieFte: string | null;

  @Column({ name: 'vacatures_fte', type: 'numeric', precision: 10, scale: 2, nullable: true })
  vacaturesFte: string | null;

  /** Staff turnover over the quarter, in percent. */
  @Column({ name: 'verloop_percentage', type: 'numeric', precision: 6, scale: 2, nullable: true })
  verloopPercentage: string | null;

  @Column({ name: 'formatie_toelichting', type: 'text', nullable: true })
  formatieToelichting: string | null;

  @Column({ name: 'ingediend_op', type: 'timestamptz', nullable: true })
  ingediendOp: Date | null;

  @Column({ name: 'ingediend_door_id', type: 'uuid', nullable: true })
  ingediendDoorId: string | null;

  @Column({ name: 'vastgesteld_op', type: 'timestamptz', nullable: true })
  vastgesteldOp: Date | null;

  @Column({ name: 'vastgesteld_door_id', type: 'uuid', nullable: true })
  vastgesteldDoorId: string | null;

  @Column({ name: 'teruggezet_op', type: 'timestamptz', nullable: true })
  teruggezetOp: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

export const DATAKWALITEITEN = ['betrouwbaar', 'voorlopig', 'onvolledig', 'onzeker'] as const;
export type Datakwaliteit = (typeof DATAKWALITEITEN)[number];

/**
 * One realised figure: a KPI (as of the version it was reported against) for a perceel, or
 * for the whole aanbieder when the KPI is not per perceel.
 */
@Entity({ name: 'kpi_waarden' })
@Index('ix_kpi_waarden_verantwoording', ['kwartaalverantwoordingId'])
@Index('ix_kpi_waarden_kpi_versie', ['kpiVersieId'])
@Index('ix_kpi_waarden_perceel', ['perceelId'])
@Index('uq_kpi_waarden_perceel', ['kwartaalverantwoordingId', 'kpiId', 'perceelId'], {
  unique: true,
  where: 'perceel_id IS NOT NULL',
})
@Index('uq_kpi_waarden_totaal', ['kwartaalverantwoordingId', 'kpiId'], {
  unique: true,
  where: 'perceel_id IS NULL',
})
@Index('ix_kpi_waarden_kpi', ['kpiId'])
@Check('ck_kpi_waarden_datakwaliteit', `datakwaliteit IN (${sqlLijst(DATAKWALITEITEN)})`)
export class KpiWaarde {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_kpi_waarden' })
  id: string;

  @Column({ name: 'kwartaalverantwoording_id', type: 'uuid' })
  kwartaalverantwoordingId: string;

  @ManyToOne(() => Kwartaalverantwoording, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'kwartaalverantwoording_id',
    foreignKeyConstraintName: 'fk_kpi_waarden_kwartaalverantwoording',
  })
  kwartaalverantwoording?: Relation<Kwartaalverantwoording>;

  @Column({ name: 'kpi_id', type: 'uuid' })
  kpiId: string;

  @ManyToOne(() => Kpi, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kpi_id', foreignKeyConstraintName: 'fk_kpi_waarden_kpi' })
  kpi?: Relation<Kpi>;

  @Column({ name: 'kpi_versie_id', type: 'uuid' })
  kpiVersieId: string;

  @ManyToOne(() => KpiVersie, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kpi_versie_id', foreignKeyConstraintName: 'fk_kpi_waarden_kpi_versie' })
  kpiVersie?: Relation<KpiVersie>;

  @Column({ name: 'perceel_id', type: 'uuid', nullable: true })
  perceelId: string | null;

  @ManyToOne(() => Perceel, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'perceel_id', foreignKeyConstraintName: 'fk_kpi_waarden_perceel' })
  perceel?: Relation<Perceel> | null;

  @Column({ type: 'numeric', precision: 18, scale: 4 })
  waarde: string;

  /** Weight for a weighted mean across percelen (e.g. the number of residents). */
  @Column({ type: 'numeric', precision: 18, scale: 4, nullable: true })
  gewicht: string | null;

  @Column({ type: 'text', nullable: true })
  toelichting: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  bron: string | null;

  @Column({ type: 'varchar', length: 20, default: 'betrouwbaar' })
  datakwaliteit: Datakwaliteit;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A version of an account as it was submitted or adopted: frozen, readable for ever. */
@Entity({ name: 'kwartaalverantwoording_versies' })
@Index('uq_kwartaalverantwoording_versies_volgnummer', ['kwartaalverantwoordingId', 'volgnummer'], {
  unique: true,
})
@Check(
  'ck_kwartaalverantwoording_versies_status',
  `status IN (${sqlLijst(KWARTAALVERANTWOORDING_STATUSSEN)})`,
)
export class KwartaalverantwoordingVersie {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_kwartaalverantwoording_versies' })
  id: string;

  @Column({ name: 'kwartaalverantwoording_id', type: 'uuid' })
  kwartaalverantwoordingId: string;

  @ManyToOne(() => Kwartaalverantwoording, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'kwartaalverantwoording_id',
    foreignKeyConstraintName: 'fk_kwartaalverantwoording_versies_kwartaalverantwoording',
  })
  kwartaalverantwoording?: Relation<Kwartaalverantwoording>;

  @Column({ type: 'int' })
  volgnummer: number;

  @Column({ type: 'int' })
  revisie: number;

  /** The status the account reached when this version was frozen. */
  @Column({ type: 'varchar', length: 20 })
  status: KwartaalverantwoordingStatus;

  /** The whole account with its figures, as the API showed it at that moment. */
  @Column({ type: 'jsonb' })
  inhoud: Record<string, unknown>;

  @Column({ name: 'aangemaakt_door_id', type: 'uuid', nullable: true })
  aangemaaktDoorId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export const BEOORDELING_ONDERDELEN = [
  'algemeen',
  'kpi-waarde',
  'verhaal',
  'budget',
  'formatie',
  'casus',
  'signaal',
] as const;
export type BeoordelingOnderdeel = (typeof BEOORDELING_ONDERDELEN)[number];

/** A contractmanager's question or remark on one item of a submitted account. */
@Entity({ name: 'beoordelingsopmerkingen' })
@Index('ix_beoordelingsopmerkingen_auteur', ['auteurId'])
@Index('ix_beoordelingsopmerkingen_verantwoording', ['kwartaalverantwoordingId'])
@Check('ck_beoordelingsopmerkingen_onderdeel', `onderdeel IN (${sqlLijst(BEOORDELING_ONDERDELEN)})`)
export class Beoordelingsopmerking {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_beoordelingsopmerkingen' })
  id: string;

  @Column({ name: 'kwartaalverantwoording_id', type: 'uuid' })
  kwartaalverantwoordingId: string;

  @ManyToOne(() => Kwartaalverantwoording, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'kwartaalverantwoording_id',
    foreignKeyConstraintName: 'fk_beoordelingsopmerkingen_kwartaalverantwoording',
  })
  kwartaalverantwoording?: Relation<Kwartaalverantwoording>;

  /** Which revision the remark was made on. */
  @Column({ type: 'int' })
  revisie: number;

  @Column({ type: 'varchar', length: 20 })
  onderdeel: BeoordelingOnderdeel;

  /** The KPI, casus or signaal the remark is about, when it is about one. */
  @Column({ name: 'onderdeel_id', type: 'uuid', nullable: true })
  onderdeelId: string | null;

  @Column({ type: 'text' })
  tekst: string;

  @Column({ name: 'auteur_id', type: 'uuid' })
  auteurId: string;

  @ManyToOne(() => Gebruiker, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'auteur_id', foreignKeyConstraintName: 'fk_beoordelingsopmerkingen_auteur' })
  auteur?: Relation<Gebruiker>;

  /** The aanbieder's answer. */
  @Column({ type: 'text', nullable: true })
  reactie: string | null;

  @Column({ name: 'reactie_door_id', type: 'uuid', nullable: true })
  reactieDoorId: string | null;

  @Column({ name: 'reactie_op', type: 'timestamptz', nullable: true })
  reactieOp: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

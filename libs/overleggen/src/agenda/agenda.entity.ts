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
import { sqlLijst } from '@wijkkompas/verantwoording';
import { Overleg } from '../overleg/overleg.entity';
import {
  AGENDA_BRONNEN,
  AGENDA_DOELEN,
  AgendaBronSoort,
  AgendaDoel,
  GepubliceerdAgendapunt,
} from './agenda.regels';

/**
 * An item of the agenda being prepared (the concept). Publishing copies the items into an
 * immutable AgendaVersie; the concept stays editable and the next publication is a new
 * version.
 */
@Entity({ name: 'agendapunten' })
@Index('ix_agendapunten_overleg', ['overlegId', 'volgorde'])
@Check('ck_agendapunten_bron_soort', `bron_soort IN (${sqlLijst(AGENDA_BRONNEN)})`)
@Check('ck_agendapunten_doel', `doel IN (${sqlLijst(AGENDA_DOELEN)})`)
@Check('ck_agendapunten_bron', `(bron_soort = 'vrij') = (bron_id IS NULL)`)
@Check('ck_agendapunten_minuten', 'minuten IS NULL OR minuten BETWEEN 1 AND 480')
export class Agendapunt {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_agendapunten' })
  id: string;

  @Column({ name: 'overleg_id', type: 'uuid' })
  overlegId: string;

  @ManyToOne(() => Overleg, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'overleg_id', foreignKeyConstraintName: 'fk_agendapunten_overleg' })
  overleg?: Relation<Overleg>;

  /** Position on the agenda, set by whoever prepares it (1 is first). */
  @Column({ type: 'int' })
  volgorde: number;

  @Column({ name: 'bron_soort', type: 'varchar', length: 30 })
  bronSoort: AgendaBronSoort;

  @Column({ name: 'bron_id', type: 'uuid', nullable: true })
  bronId: string | null;

  @Column({ type: 'varchar', length: 300 })
  onderwerp: string;

  @Column({ type: 'text', nullable: true })
  toelichting: string | null;

  /** Why the drafting proposed it (Dutch); null for an item added by hand. */
  @Column({ type: 'text', nullable: true })
  reden: string | null;

  @Column({ type: 'varchar', length: 20 })
  doel: AgendaDoel;

  @Column({ type: 'smallint', nullable: true })
  minuten: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

/** A published agenda: immutable, numbered per meeting (1, 2, …). */
@Entity({ name: 'agenda_versies' })
@Index('uq_agenda_versies_overleg_versie', ['overlegId', 'versie'], { unique: true })
@Check('ck_agenda_versies_punten', `jsonb_typeof(punten) = 'array'`)
export class AgendaVersie {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_agenda_versies' })
  id: string;

  @Column({ name: 'overleg_id', type: 'uuid' })
  overlegId: string;

  @ManyToOne(() => Overleg, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'overleg_id', foreignKeyConstraintName: 'fk_agenda_versies_overleg' })
  overleg?: Relation<Overleg>;

  @Column({ type: 'int' })
  versie: number;

  @Column({ type: 'jsonb' })
  punten: GepubliceerdAgendapunt[];

  @Column({ name: 'gepubliceerd_door_id', type: 'uuid', nullable: true })
  gepubliceerdDoorId: string | null;

  @Column({ name: 'gepubliceerd_door_naam', type: 'varchar', length: 200 })
  gepubliceerdDoorNaam: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

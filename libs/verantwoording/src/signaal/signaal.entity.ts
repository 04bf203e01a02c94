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
import { Perceel, Wijk } from '@wijkkompas/opdrachten';
import { LEERORDES, SIGNAAL_STATUSSEN, SignaalStatus } from '../signaal.lifecycle';
import { sqlLijst } from '../shared/sql';

export const SIGNAAL_SOORTEN = [
  'regels',
  'aanbod',
  'samenwerking',
  'zijsturing',
  'financiering',
  'anders',
] as const;
export type SignaalSoort = (typeof SIGNAAL_SOORTEN)[number];

/**
 * A signal from practice (brief §3). The loop must close: the answer and the feedback to
 * the professionals are part of the record, and the learning order it led to.
 */
@Entity({ name: 'signalen' })
@Index('ix_signalen_ingebracht_door', ['ingebrachtDoorId'])
@Index('ix_signalen_perceel', ['perceelId'])
@Index('ix_signalen_wijk', ['wijkId'])
@Index('ix_signalen_gemeente_status', ['gemeenteId', 'status'])
@Index('ix_signalen_organisatie', ['organisatieId'])
@Check('ck_signalen_status', `status IN (${sqlLijst(SIGNAAL_STATUSSEN)})`)
@Check('ck_signalen_soort', `soort IN (${sqlLijst(SIGNAAL_SOORTEN)})`)
@Check('ck_signalen_leerorde', `leerorde IS NULL OR leerorde IN (${sqlLijst(LEERORDES)})`)
export class Signaal {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_signalen' })
  id: string;

  @Column({ name: 'gemeente_id', type: 'uuid' })
  gemeenteId: string;

  @ManyToOne(() => Gemeente, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'gemeente_id', foreignKeyConstraintName: 'fk_signalen_gemeente' })
  gemeente?: Relation<Gemeente>;

  /** The organisation that raised it: an aanbieder, or the gemeente itself. */
  @Column({ name: 'organisatie_id', type: 'uuid' })
  organisatieId: string;

  @ManyToOne(() => Organisatie, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisatie_id', foreignKeyConstraintName: 'fk_signalen_organisatie' })
  organisatie?: Relation<Organisatie>;

  @Column({ type: 'varchar', length: 300 })
  titel: string;

  /** What was seen in practice. */
  @Column({ type: 'text' })
  waarneming: string;

  @Column({ type: 'varchar', length: 20 })
  soort: SignaalSoort;

  @Column({ type: 'varchar', length: 20, default: 'nieuw' })
  status: SignaalStatus;

  @Column({ name: 'perceel_id', type: 'uuid', nullable: true })
  perceelId: string | null;

  @ManyToOne(() => Perceel, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'perceel_id', foreignKeyConstraintName: 'fk_signalen_perceel' })
  perceel?: Relation<Perceel> | null;

  @Column({ name: 'wijk_id', type: 'uuid', nullable: true })
  wijkId: string | null;

  @ManyToOne(() => Wijk, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'wijk_id', foreignKeyConstraintName: 'fk_signalen_wijk' })
  wijk?: Relation<Wijk> | null;

  @Column({ name: 'keten_ids', type: 'uuid', array: true, default: () => "'{}'" })
  ketenIds: string[];

  /** The quarter it was raised in, for the account: '2026-Q3'. */
  @Column({ type: 'varchar', length: 7 })
  periode: string;

  /** The date by which an answer was agreed. */
  @Column({ name: 'antwoord_termijn', type: 'date', nullable: true })
  antwoordTermijn: string | null;

  @Column({ type: 'text', nullable: true })
  antwoord: string | null;

  /** The feedback to the professionals who raised it. */
  @Column({ type: 'text', nullable: true })
  terugkoppeling: string | null;

  @Column({ type: 'smallint', nullable: true })
  leerorde: number | null;

  @Column({ name: 'ingebracht_door_id', type: 'uuid' })
  ingebrachtDoorId: string;

  @ManyToOne(() => Gebruiker, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'ingebracht_door_id',
    foreignKeyConstraintName: 'fk_signalen_ingebracht_door',
  })
  ingebrachtDoor?: Relation<Gebruiker>;

  @Column({ name: 'beantwoord_op', type: 'timestamptz', nullable: true })
  beantwoordOp: Date | null;

  @Column({ name: 'gesloten_op', type: 'timestamptz', nullable: true })
  geslotenOp: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

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
} from 'typeorm';
import { Gebruiker, Gemeente, Organisatie } from '@wijkkompas/core';
import { Overleg } from '@wijkkompas/overleggen';
import type { DossierDocument } from '../assembleer';

export const DOSSIER_STATUSSEN = ['wachtrij', 'bezig', 'gereed', 'mislukt'] as const;
export type DossierStatus = (typeof DOSSIER_STATUSSEN)[number];

/** A run that has not ended yet: at most one per aanbieder and quarter (uq_dossiers_actief). */
export const ACTIEVE_DOSSIER_STATUSSEN: readonly DossierStatus[] = ['wachtrij', 'bezig'];

export const DOSSIER_AANLEIDINGEN = ['planning', 'op-verzoek'] as const;
export type DossierAanleiding = (typeof DOSSIER_AANLEIDINGEN)[number];

/**
 * One requested assembly of the dossier of an aanbieder for a quarter, and, once it is
 * `gereed`, one immutable version of that dossier. The row is created `wachtrij`, the job
 * moves it to `bezig` (with voortgang) and ends it `gereed` (versie, document and hash written
 * together in one transaction) or `mislukt` (with the reason). The check constraint makes a
 * half-written version impossible: a document exists exactly when the row is gereed.
 */
@Entity({ name: 'dossiers' })
@Index('ix_dossiers_aangevraagd_door', ['aangevraagdDoorId'])
@Index('uq_dossiers_versie', ['gemeenteId', 'aanbiederId', 'periode', 'versie'], {
  unique: true,
  where: 'versie IS NOT NULL',
})
@Index('uq_dossiers_actief', ['gemeenteId', 'aanbiederId', 'periode'], {
  unique: true,
  where: `status IN ('wachtrij', 'bezig')`,
})
@Index('ix_dossiers_gemeente_periode', ['gemeenteId', 'periode'])
@Index('ix_dossiers_aanbieder', ['aanbiederId'])
@Index('ix_dossiers_overleg', ['overlegId'])
@Index('ix_dossiers_vorige_versie', ['vorigeVersieId'])
@Check('ck_dossiers_status', `status IN ('wachtrij', 'bezig', 'gereed', 'mislukt')`)
@Check('ck_dossiers_aanleiding', `aanleiding IN ('planning', 'op-verzoek')`)
@Check('ck_dossiers_periode', `periode ~ '^[0-9]{4}-Q[1-4]$'`)
@Check('ck_dossiers_voortgang', 'voortgang BETWEEN 0 AND 100')
@Check(
  'ck_dossiers_gereed',
  `(status = 'gereed') = (versie IS NOT NULL AND document IS NOT NULL AND inhoud_hash IS NOT NULL AND gereed_op IS NOT NULL)`,
)
export class Dossier {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_dossiers' })
  id: string;

  @Column({ name: 'gemeente_id', type: 'uuid' })
  gemeenteId: string;

  @ManyToOne(() => Gemeente, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'gemeente_id', foreignKeyConstraintName: 'fk_dossiers_gemeente' })
  gemeente?: Relation<Gemeente>;

  @Column({ name: 'aanbieder_id', type: 'uuid' })
  aanbiederId: string;

  @ManyToOne(() => Organisatie, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'aanbieder_id', foreignKeyConstraintName: 'fk_dossiers_aanbieder' })
  aanbieder?: Relation<Organisatie>;

  /** The quarter: '2026-Q3'. */
  @Column({ type: 'varchar', length: 7 })
  periode: string;

  /** The verantwoordingsgesprek the dossier is for, when one was named or planned. */
  @Column({ name: 'overleg_id', type: 'uuid', nullable: true })
  overlegId: string | null;

  @ManyToOne(() => Overleg, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'overleg_id', foreignKeyConstraintName: 'fk_dossiers_overleg' })
  overleg?: Relation<Overleg> | null;

  /**
   * The day the dossier is as of ('YYYY-MM-DD'): the planned day of the quarterly rhythm that
   * asked for it. Null for a request on demand: then the day of assembly is used.
   */
  @Column({ type: 'date', nullable: true })
  peildatum: string | null;

  @Column({ type: 'varchar', length: 20, default: 'wachtrij' })
  status: DossierStatus;

  /** Percentage of the run done: 10 loading, 50 assembling, 90 storing, 100 gereed. */
  @Column({ type: 'smallint', default: 0 })
  voortgang: number;

  /** Why the last attempt failed, in Dutch; kept when the run ends mislukt. */
  @Column({ type: 'text', nullable: true })
  fout: string | null;

  /** Attempts started (a retried or recovered job counts again). */
  @Column({ type: 'int', default: 0 })
  pogingen: number;

  /** Version number within (gemeente, aanbieder, periode); only once gereed. */
  @Column({ type: 'int', nullable: true })
  versie: number | null;

  @Column({ type: 'jsonb', nullable: true })
  document: DossierDocument | null;

  /**
   * The printable HTML of a gereed version, rendered at its first request and kept: a version
   * never changes, so neither does its HTML. Not loaded unless asked for.
   */
  @Column({ type: 'text', nullable: true, select: false })
  html?: string | null;

  /** sha256 of the canonical JSON of the document (dossierHash). */
  @Column({ name: 'inhoud_hash', type: 'varchar', length: 64, nullable: true })
  inhoudHash: string | null;

  /** The gereed version this one follows, for "what changed". */
  @Column({ name: 'vorige_versie_id', type: 'uuid', nullable: true })
  vorigeVersieId: string | null;

  @ManyToOne(() => Dossier, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'vorige_versie_id', foreignKeyConstraintName: 'fk_dossiers_vorige_versie' })
  vorigeVersie?: Relation<Dossier> | null;

  /** Who asked for it; null when the quarterly planning did. */
  @Column({ name: 'aangevraagd_door_id', type: 'uuid', nullable: true })
  aangevraagdDoorId: string | null;

  @ManyToOne(() => Gebruiker, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'aangevraagd_door_id',
    foreignKeyConstraintName: 'fk_dossiers_aangevraagd_door',
  })
  aangevraagdDoor?: Relation<Gebruiker> | null;

  @Column({ type: 'varchar', length: 20 })
  aanleiding: DossierAanleiding;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'gereed_op', type: 'timestamptz', nullable: true })
  gereedOp: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

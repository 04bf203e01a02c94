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
import { Gemeente, Organisatie } from '@wijkkompas/core';
import { Keten } from '@wijkkompas/opdrachten';
import { sqlLijst } from '@wijkkompas/verantwoording';
import { Deelnemer, OverlegSoort, OverlegStatus } from './overleg.regels';

/**
 * A meeting of the gemeente: a verantwoordingsgesprek with one aanbieder about one quarter,
 * a ketenoverleg, an ontwikkeloverleg or the stuurgroep. Agenda items, decisions and actions
 * will be tables of their own that point here (overleg_id), so this row stays the meeting
 * itself: when, where, with whom.
 */
@Entity({ name: 'overleggen' })
@Index('uq_overleggen_verantwoordingsgesprek', ['gemeenteId', 'aanbiederId', 'periode'], {
  unique: true,
  where: `soort = 'verantwoordingsgesprek' AND status <> 'geannuleerd'`,
})
@Index('ix_overleggen_gemeente_datum', ['gemeenteId', 'datum'])
@Index('ix_overleggen_aanbieder', ['aanbiederId'])
@Index('ix_overleggen_keten', ['ketenId'])
@Check(
  'ck_overleggen_soort',
  `soort IN ('verantwoordingsgesprek', 'ketenoverleg', 'ontwikkeloverleg', 'stuurgroep')`,
)
@Check('ck_overleggen_status', `status IN (${sqlLijst(Object.values(OverlegStatus))})`)
@Check('ck_overleggen_periode', `periode IS NULL OR periode ~ '^[0-9]{4}-Q[1-4]$'`)
@Check(
  'ck_overleggen_verantwoordingsgesprek',
  `soort <> 'verantwoordingsgesprek' OR (aanbieder_id IS NOT NULL AND periode IS NOT NULL)`,
)
@Check('ck_overleggen_keten', `(soort = 'ketenoverleg') = (keten_id IS NOT NULL)`)
@Check('ck_overleggen_deelnemers', `jsonb_typeof(deelnemers) = 'array'`)
export class Overleg {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_overleggen' })
  id: string;

  @Column({ name: 'gemeente_id', type: 'uuid' })
  gemeenteId: string;

  @ManyToOne(() => Gemeente, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'gemeente_id', foreignKeyConstraintName: 'fk_overleggen_gemeente' })
  gemeente?: Relation<Gemeente>;

  @Column({ type: 'varchar', length: 30 })
  soort: OverlegSoort;

  @Column({ type: 'varchar', length: 300 })
  titel: string;

  /** The aanbieder a verantwoordingsgesprek is with (required there). */
  @Column({ name: 'aanbieder_id', type: 'uuid', nullable: true })
  aanbiederId: string | null;

  @ManyToOne(() => Organisatie, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'aanbieder_id', foreignKeyConstraintName: 'fk_overleggen_aanbieder' })
  aanbieder?: Relation<Organisatie> | null;

  /** The keten of a ketenoverleg (only there). */
  @Column({ name: 'keten_id', type: 'uuid', nullable: true })
  ketenId: string | null;

  @ManyToOne(() => Keten, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'keten_id', foreignKeyConstraintName: 'fk_overleggen_keten' })
  keten?: Relation<Keten> | null;

  /** The quarter the meeting is about ('2026-Q3'); required for a verantwoordingsgesprek. */
  @Column({ type: 'varchar', length: 7, nullable: true })
  periode: string | null;

  /** When the meeting takes place. */
  @Column({ type: 'timestamptz' })
  datum: Date;

  @Column({ type: 'varchar', length: 300, nullable: true })
  locatie: string | null;

  /** Who takes part: people with an account (gebruikerId) and guests by name. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  deelnemers: Deelnemer[];

  @Column({ type: 'varchar', length: 20, default: OverlegStatus.Gepland })
  status: OverlegStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

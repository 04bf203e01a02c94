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
import { Kpi, sqlLijst } from '@wijkkompas/verantwoording';
import { DIAGNOSES, Diagnose } from '../review';
import { KWARTAAL_SQL, Verandertheorie } from '../verandertheorie/verandertheorie.entity';

/**
 * What the assumption review of one quarter concluded about one assumption: why a KPI on its
 * path went off track (uitvoering, randvoorwaarden, externe factor, veronderstelling klopt
 * niet, nog onbekend) and a note. Kept per quarter, so the history of what was learned stays.
 * Without a KPI the diagnosis holds under every uit-koers KPI of the review; with one, only
 * under that KPI (and it wins there).
 */
@Entity({ name: 'veronderstelling_diagnoses' })
@Index('ix_veronderstelling_diagnoses_kpi', ['kpiId'])
@Index(
  'uq_veronderstelling_diagnoses_kpi',
  ['theorieId', 'periode', 'veronderstellingId', 'kpiId'],
  { unique: true, where: 'kpi_id IS NOT NULL' },
)
@Index('uq_veronderstelling_diagnoses_algemeen', ['theorieId', 'periode', 'veronderstellingId'], {
  unique: true,
  where: 'kpi_id IS NULL',
})
@Index('ix_veronderstelling_diagnoses_veronderstelling', ['theorieId', 'veronderstellingId'])
@Check('ck_veronderstelling_diagnoses_periode', `periode ${KWARTAAL_SQL}`)
@Check('ck_veronderstelling_diagnoses_diagnose', `diagnose IN (${sqlLijst(DIAGNOSES)})`)
export class VeronderstellingDiagnose {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_veronderstelling_diagnoses' })
  id: string;

  @Column({ name: 'theorie_id', type: 'uuid' })
  theorieId: string;

  @ManyToOne(() => Verandertheorie, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'theorie_id',
    foreignKeyConstraintName: 'fk_veronderstelling_diagnoses_theorie',
  })
  theorie?: Relation<Verandertheorie>;

  /** The quarter of the review: '2026-Q3'. */
  @Column({ type: 'varchar', length: 7 })
  periode: string;

  /** The id of the assumption inside the theory's content. */
  @Column({ name: 'veronderstelling_id', type: 'uuid' })
  veronderstellingId: string;

  @Column({ name: 'kpi_id', type: 'uuid', nullable: true })
  kpiId: string | null;

  @ManyToOne(() => Kpi, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kpi_id', foreignKeyConstraintName: 'fk_veronderstelling_diagnoses_kpi' })
  kpi?: Relation<Kpi> | null;

  @Column({ type: 'varchar', length: 40 })
  diagnose: Diagnose;

  @Column({ type: 'text', nullable: true })
  notitie: string | null;

  @Column({ name: 'gesteld_door_id', type: 'uuid', nullable: true })
  gesteldDoorId: string | null;

  @Column({ name: 'gesteld_door_naam', type: 'varchar', length: 200 })
  gesteldDoorNaam: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

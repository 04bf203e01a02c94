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
import { AanvullendeOpdracht } from '@wijkkompas/opdrachten';
import { PERIODE_CHECK } from '../kpi/kpi.entity';

/**
 * The period an aanbieder accounts for to a gemeente: a quarter of the hoofdopdracht, or a
 * period of an aanvullende opdracht with its own frequency, each with a deadline. Opened at
 * the start of the quarter (by the scheduler or a contractmanager).
 */
@Entity({ name: 'rapportageperiodes' })
@Index('ix_rapportageperiodes_aanbieder', ['aanbiederId'])
@Index('ix_rapportageperiodes_aanvullende_opdracht', ['aanvullendeOpdrachtId'])
@Index('uq_rapportageperiodes_hoofd', ['gemeenteId', 'aanbiederId', 'periode'], {
  unique: true,
  where: 'aanvullende_opdracht_id IS NULL',
})
@Index(
  'uq_rapportageperiodes_aanvullend',
  ['gemeenteId', 'aanbiederId', 'aanvullendeOpdrachtId', 'periode'],
  { unique: true, where: 'aanvullende_opdracht_id IS NOT NULL' },
)
@Index('ix_rapportageperiodes_deadline', ['gemeenteId', 'deadline'])
@Check('ck_rapportageperiodes_periode', `periode ${PERIODE_CHECK}`)
@Check('ck_rapportageperiodes_datums', 'einddatum >= begindatum AND deadline >= einddatum')
export class Rapportageperiode {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_rapportageperiodes' })
  id: string;

  @Column({ name: 'gemeente_id', type: 'uuid' })
  gemeenteId: string;

  @ManyToOne(() => Gemeente, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'gemeente_id', foreignKeyConstraintName: 'fk_rapportageperiodes_gemeente' })
  gemeente?: Relation<Gemeente>;

  @Column({ name: 'aanbieder_id', type: 'uuid' })
  aanbiederId: string;

  @ManyToOne(() => Organisatie, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'aanbieder_id',
    foreignKeyConstraintName: 'fk_rapportageperiodes_aanbieder',
  })
  aanbieder?: Relation<Organisatie>;

  @Column({ name: 'aanvullende_opdracht_id', type: 'uuid', nullable: true })
  aanvullendeOpdrachtId: string | null;

  @ManyToOne(() => AanvullendeOpdracht, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'aanvullende_opdracht_id',
    foreignKeyConstraintName: 'fk_rapportageperiodes_aanvullende_opdracht',
  })
  aanvullendeOpdracht?: Relation<AanvullendeOpdracht> | null;

  /** '2026-Q3' for a quarter, '2026' for a yearly period. */
  @Column({ type: 'varchar', length: 7 })
  periode: string;

  @Column({ type: 'date' })
  begindatum: string;

  @Column({ type: 'date' })
  einddatum: string;

  @Column({ type: 'date' })
  deadline: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

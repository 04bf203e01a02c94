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
import { Gemeente } from '@wijkkompas/core';
import { KPI_EENHEDEN, KPI_RICHTINGEN, KpiEenheid, KpiRichting } from '../kpi-status';
import { sqlLijst } from '../shared/sql';

/**
 * A measure the gemeente defines once for all its aanbieders ("percentage vragen binnen 10
 * werkdagen opgepakt"). Each hoofdopdracht and aanvullende opdracht keeps its own KPIs; a KPI
 * that measures the same thing adopts the indicator, so its figures can be read side by side
 * with those of the other aanbieders. Unit and direction are the indicator's: a KPI can only
 * adopt an indicator that it measures in the same unit and direction.
 */
@Entity({ name: 'indicatoren' })
@Index('uq_indicatoren_gemeente_code', ['gemeenteId', 'code'], { unique: true })
@Check('ck_indicatoren_eenheid', `eenheid IN (${sqlLijst(KPI_EENHEDEN)})`)
@Check('ck_indicatoren_richting', `richting IN (${sqlLijst(KPI_RICHTINGEN)})`)
export class Indicator {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_indicatoren' })
  id: string;

  @Column({ name: 'gemeente_id', type: 'uuid' })
  gemeenteId: string;

  @ManyToOne(() => Gemeente, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'gemeente_id', foreignKeyConstraintName: 'fk_indicatoren_gemeente' })
  gemeente?: Relation<Gemeente>;

  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  naam: string;

  @Column({ type: 'text', nullable: true })
  omschrijving: string | null;

  @Column({ type: 'varchar', length: 20 })
  eenheid: KpiEenheid;

  @Column({ type: 'varchar', length: 20 })
  richting: KpiRichting;

  @Column({ name: 'keten_ids', type: 'uuid', array: true, default: () => "'{}'" })
  ketenIds: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

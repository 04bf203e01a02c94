import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Relation,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Gemeente, Organisatie } from '@wijkkompas/core';
import { Financieringsvorm, sqlIn } from '../shared/enums';
import { CENTEN_TRANSFORMER } from '../shared/geld';
import { Wijzigingssoort } from './wijziging';

/**
 * The main assignment of one aanbieder in one gemeente. The terms that change over time live
 * in versions (amendments); this row holds what identifies the contract.
 */
@Entity({ name: 'hoofdopdrachten' })
@Index('ix_hoofdopdrachten_aanbieder', ['aanbiederId'])
@Index('ix_hoofdopdrachten_gemeente_aanbieder', ['gemeenteId', 'aanbiederId'])
@Check('ck_hoofdopdrachten_periode', 'einddatum >= startdatum')
export class Hoofdopdracht {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_hoofdopdrachten' })
  id: string;

  @Column({ name: 'gemeente_id', type: 'uuid' })
  gemeenteId: string;

  @ManyToOne(() => Gemeente, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'gemeente_id', foreignKeyConstraintName: 'fk_hoofdopdrachten_gemeente' })
  gemeente?: Relation<Gemeente>;

  @Column({ name: 'aanbieder_id', type: 'uuid' })
  aanbiederId: string;

  @ManyToOne(() => Organisatie, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'aanbieder_id', foreignKeyConstraintName: 'fk_hoofdopdrachten_aanbieder' })
  aanbieder?: Relation<Organisatie>;

  @Column({ type: 'varchar', length: 200 })
  titel: string;

  @Column({ type: 'date' })
  startdatum: string;

  @Column({ type: 'date' })
  einddatum: string;

  @OneToMany(() => HoofdopdrachtVersie, (v) => v.hoofdopdracht)
  versies?: Relation<HoofdopdrachtVersie[]>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

export interface Herijkingsmoment {
  datum: string;
  omschrijving: string;
}

/** One version of the terms: a full snapshot, in force from its ingangsdatum. Never updated. */
@Entity({ name: 'hoofdopdracht_versies' })
@Index('uq_hoofdopdracht_versies_versie', ['hoofdopdrachtId', 'versie'], { unique: true })
@Check(
  'ck_hoofdopdracht_versies_financieringsvorm',
  `financieringsvorm IN (${sqlIn(Financieringsvorm)})`,
)
@Check('ck_hoofdopdracht_versies_soort', `soort IN (${sqlIn(Wijzigingssoort)})`)
export class HoofdopdrachtVersie {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_hoofdopdracht_versies' })
  id: string;

  @Column({ name: 'hoofdopdracht_id', type: 'uuid' })
  hoofdopdrachtId: string;

  @ManyToOne(() => Hoofdopdracht, (h) => h.versies, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'hoofdopdracht_id',
    foreignKeyConstraintName: 'fk_hoofdopdracht_versies_hoofdopdracht',
  })
  hoofdopdracht?: Relation<Hoofdopdracht>;

  @Column({ type: 'int' })
  versie: number;

  @Column({ type: 'date' })
  ingangsdatum: string;

  /** The kind of change: the end date and budgets change only by their own soort. */
  @Column({ type: 'varchar', length: 30, default: Wijzigingssoort.Oorspronkelijk })
  soort: Wijzigingssoort;

  /** The end date this version agrees; the hoofdopdracht row holds the latest version's. */
  @Column({ type: 'date' })
  einddatum: string;

  /** The motivation. */
  @Column({ type: 'text' })
  reden: string;

  @Column({ type: 'text' })
  visie: string;

  @Column({ type: 'text' })
  missie: string;

  @Column({ type: 'varchar', length: 30 })
  financieringsvorm: Financieringsvorm;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  herijkingsmomenten: Herijkingsmoment[];

  @Column({ name: 'perceel_ids', type: 'uuid', array: true, default: () => "'{}'" })
  perceelIds: string[];

  @OneToMany(() => HoofdopdrachtJaarbudget, (b) => b.versie, { cascade: ['insert'] })
  jaarbudgetten?: Relation<HoofdopdrachtJaarbudget[]>;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ name: 'created_by_naam', type: 'varchar', length: 200 })
  createdByNaam: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A yearly budget of one version, with that year's indexation in basis points (2,75% = 275). */
@Entity({ name: 'hoofdopdracht_jaarbudgetten' })
@Check('ck_hoofdopdracht_jaarbudgetten_budget', 'budget_centen >= 0')
@Check('ck_hoofdopdracht_jaarbudgetten_indexatie', 'indexatie_basispunten BETWEEN -10000 AND 10000')
export class HoofdopdrachtJaarbudget {
  @PrimaryColumn({
    name: 'versie_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_hoofdopdracht_jaarbudgetten',
  })
  versieId: string;

  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'pk_hoofdopdracht_jaarbudgetten' })
  jaar: number;

  @ManyToOne(() => HoofdopdrachtVersie, (v) => v.jaarbudgetten, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'versie_id',
    foreignKeyConstraintName: 'fk_hoofdopdracht_jaarbudgetten_versie',
  })
  versie?: Relation<HoofdopdrachtVersie>;

  @Column({ name: 'budget_centen', type: 'bigint', transformer: CENTEN_TRANSFORMER })
  budgetCenten: number;

  @Column({ name: 'indexatie_basispunten', type: 'int', default: 0 })
  indexatieBasispunten: number;
}

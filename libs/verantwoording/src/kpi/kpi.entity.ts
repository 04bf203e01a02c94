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
import { AanvullendeOpdracht, Hoofdopdracht } from '@wijkkompas/opdrachten';
import {
  KPI_AGGREGATIES,
  KPI_EENHEDEN,
  KPI_FREQUENTIES,
  KPI_RICHTINGEN,
  KPI_TYPES,
  KpiAggregatie,
  KpiEenheid,
  KpiFrequentie,
  KpiRichting,
  KpiType,
} from '../kpi-status';
import { sqlLijst } from '../shared/sql';
import { Indicator } from '../indicator/indicator.entity';

/** Where a KPI's figures come from (brief §3). */
export const KPI_BRONNEN = [
  'registratiesysteem',
  'clientervaringsonderzoek',
  'eigen-registratie',
  'cbs',
  'anders',
] as const;
export type KpiBron = (typeof KPI_BRONNEN)[number];

/** A period of a norm: a year ('2026') or a quarter ('2026-Q3'). */
export const PERIODE_CHECK = `~ '^[0-9]{4}(-Q[1-4])?$'`;
/** A quarter: '2026-Q3'. */
export const KWARTAAL_CHECK = `~ '^[0-9]{4}-Q[1-4]$'`;

/**
 * The stable identity of an indicator in a KPI set: its code, the opdracht it belongs to and
 * the goals and chains it is linked to. What it measures lives in its versions: a changed
 * definition starts a new version, and figures stay tied to the version they were reported
 * against.
 */
@Entity({ name: 'kpis' })
@Index('uq_kpis_gemeente_code', ['gemeenteId', 'code'], { unique: true })
@Index('ix_kpis_hoofdopdracht', ['hoofdopdrachtId'])
@Index('ix_kpis_aanvullende_opdracht', ['aanvullendeOpdrachtId'])
@Index('ix_kpis_indicator', ['indicatorId'])
@Check('ck_kpis_een_opdracht', '(hoofdopdracht_id IS NULL) <> (aanvullende_opdracht_id IS NULL)')
export class Kpi {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_kpis' })
  id: string;

  @Column({ name: 'gemeente_id', type: 'uuid' })
  gemeenteId: string;

  @ManyToOne(() => Gemeente, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'gemeente_id', foreignKeyConstraintName: 'fk_kpis_gemeente' })
  gemeente?: Relation<Gemeente>;

  @Column({ name: 'hoofdopdracht_id', type: 'uuid', nullable: true })
  hoofdopdrachtId: string | null;

  @ManyToOne(() => Hoofdopdracht, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'hoofdopdracht_id', foreignKeyConstraintName: 'fk_kpis_hoofdopdracht' })
  hoofdopdracht?: Relation<Hoofdopdracht> | null;

  @Column({ name: 'aanvullende_opdracht_id', type: 'uuid', nullable: true })
  aanvullendeOpdrachtId: string | null;

  @ManyToOne(() => AanvullendeOpdracht, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'aanvullende_opdracht_id',
    foreignKeyConstraintName: 'fk_kpis_aanvullende_opdracht',
  })
  aanvullendeOpdracht?: Relation<AanvullendeOpdracht> | null;

  @Column({ type: 'varchar', length: 40 })
  code: string;

  /** The gemeente-wide indicator this KPI measures, so it can be compared across aanbieders. */
  @Column({ name: 'indicator_id', type: 'uuid', nullable: true })
  indicatorId: string | null;

  @ManyToOne(() => Indicator, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'indicator_id', foreignKeyConstraintName: 'fk_kpis_indicator' })
  indicator?: Relation<Indicator> | null;

  /** Number of the version in force now (the highest). */
  @Column({ name: 'huidige_versie', type: 'int', default: 1 })
  huidigeVersie: number;

  @Column({ name: 'doel_ids', type: 'uuid', array: true, default: () => "'{}'" })
  doelIds: string[];

  @Column({ name: 'keten_ids', type: 'uuid', array: true, default: () => "'{}'" })
  ketenIds: string[];

  /** A KPI that is no longer used keeps its figures; it just stops being asked for. */
  @Column({ type: 'boolean', default: true })
  actief: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

/** What a KPI measures, as of a version. Immutable once written. */
@Entity({ name: 'kpi_versies' })
@Index('uq_kpi_versies_kpi_versie', ['kpiId', 'versie'], { unique: true })
@Check('ck_kpi_versies_type', `type IN (${sqlLijst(KPI_TYPES)})`)
@Check('ck_kpi_versies_eenheid', `eenheid IN (${sqlLijst(KPI_EENHEDEN)})`)
@Check('ck_kpi_versies_richting', `richting IN (${sqlLijst(KPI_RICHTINGEN)})`)
@Check('ck_kpi_versies_frequentie', `frequentie IN (${sqlLijst(KPI_FREQUENTIES)})`)
@Check('ck_kpi_versies_aggregatie', `aggregatie IN (${sqlLijst(KPI_AGGREGATIES)})`)
@Check('ck_kpi_versies_bron', `bron IS NULL OR bron IN (${sqlLijst(KPI_BRONNEN)})`)
@Check('ck_kpi_versies_geldig_vanaf', `geldig_vanaf ${KWARTAAL_CHECK}`)
export class KpiVersie {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_kpi_versies' })
  id: string;

  @Column({ name: 'kpi_id', type: 'uuid' })
  kpiId: string;

  @ManyToOne(() => Kpi, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'kpi_id', foreignKeyConstraintName: 'fk_kpi_versies_kpi' })
  kpi?: Relation<Kpi>;

  @Column({ type: 'int' })
  versie: number;

  @Column({ type: 'varchar', length: 200 })
  naam: string;

  /** The exact definition in words; teller and noemer for a ratio. */
  @Column({ type: 'text', nullable: true })
  definitie: string | null;

  @Column({ type: 'text', nullable: true })
  teller: string | null;

  @Column({ type: 'text', nullable: true })
  noemer: string | null;

  @Column({ type: 'varchar', length: 20 })
  type: KpiType;

  @Column({ type: 'varchar', length: 20 })
  eenheid: KpiEenheid;

  @Column({ type: 'varchar', length: 20 })
  richting: KpiRichting;

  @Column({ type: 'varchar', length: 30, nullable: true })
  bron: KpiBron | null;

  @Column({ name: 'bron_omschrijving', type: 'text', nullable: true })
  bronOmschrijving: string | null;

  @Column({ type: 'varchar', length: 20 })
  frequentie: KpiFrequentie;

  @Column({ type: 'varchar', length: 30 })
  aggregatie: KpiAggregatie;

  /** Reported per perceel (and aggregated), or once for the whole aanbieder. */
  @Column({ name: 'per_perceel', type: 'boolean', default: true })
  perPerceel: boolean;

  /** The first quarter reported against this version. */
  @Column({ name: 'geldig_vanaf', type: 'varchar', length: 7 })
  geldigVanaf: string;

  @Column({ name: 'aangemaakt_door_id', type: 'uuid', nullable: true })
  aangemaaktDoorId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A target for a year or a quarter, with amber and red tolerances in the KPI's own unit. */
@Entity({ name: 'kpi_normen' })
@Index('uq_kpi_normen_kpi_periode', ['kpiId', 'periode'], { unique: true })
@Check('ck_kpi_normen_periode', `periode ${PERIODE_CHECK}`)
@Check(
  'ck_kpi_normen_toleranties',
  'tolerantie_let_op >= 0 AND tolerantie_uit_koers >= tolerantie_let_op',
)
export class KpiNormRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_kpi_normen' })
  id: string;

  @Column({ name: 'kpi_id', type: 'uuid' })
  kpiId: string;

  @ManyToOne(() => Kpi, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'kpi_id', foreignKeyConstraintName: 'fk_kpi_normen_kpi' })
  kpi?: Relation<Kpi>;

  @Column({ type: 'varchar', length: 7 })
  periode: string;

  @Column({ type: 'numeric', precision: 18, scale: 4 })
  streefwaarde: string;

  @Column({ name: 'tolerantie_let_op', type: 'numeric', precision: 18, scale: 4 })
  tolerantieLetOp: string;

  @Column({ name: 'tolerantie_uit_koers', type: 'numeric', precision: 18, scale: 4 })
  tolerantieUitKoers: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

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
import { Gebruiker, Gemeente, Organisatie } from '@wijkkompas/core';
import { Keten } from '../keten/keten.entity';
import { Perceel } from '../perceel/perceel.entity';
import {
  BinnengekomenVia,
  OpdrachtBron,
  Rapportagefrequentie,
  sqlIn,
  Toetsoordeel,
} from '../shared/enums';
import { CENTEN_TRANSFORMER } from '../shared/geld';
import { Wijzigingssoort } from '../hoofdopdracht/wijziging';
import { AanvullendeOpdrachtStatus } from './levenscyclus';

/**
 * A supplementary assignment, from request to end. Every request from a department enters
 * here first; binnengekomen_via records whether it came through the register or reached a
 * team directly (zijsturing), so that becomes visible.
 */
@Entity({ name: 'aanvullende_opdrachten' })
@Index('ix_aanvullende_opdrachten_aanvrager', ['aangevraagdDoorId'])
@Index('ix_aanvullende_opdrachten_toetser', ['getoetstDoorId'])
@Index('ix_aanvullende_opdrachten_gemeente_status', ['gemeenteId', 'status'])
@Index('ix_aanvullende_opdrachten_gemeente_einddatum', ['gemeenteId', 'einddatum'])
@Check('ck_aanvullende_opdrachten_periode', 'einddatum >= startdatum')
@Check('ck_aanvullende_opdrachten_budget', 'budget_centen >= 0')
@Check('ck_aanvullende_opdrachten_status', `status IN (${sqlIn(AanvullendeOpdrachtStatus)})`)
@Check('ck_aanvullende_opdrachten_bron', `bron IN (${sqlIn(OpdrachtBron)})`)
@Check('ck_aanvullende_opdrachten_via', `binnengekomen_via IN (${sqlIn(BinnengekomenVia)})`)
@Check(
  'ck_aanvullende_opdrachten_frequentie',
  `rapportagefrequentie IN (${sqlIn(Rapportagefrequentie)})`,
)
@Check(
  'ck_aanvullende_opdrachten_oordeel',
  `toets_oordeel IS NULL OR toets_oordeel IN (${sqlIn(Toetsoordeel)})`,
)
export class AanvullendeOpdracht {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_aanvullende_opdrachten' })
  id: string;

  @Column({ name: 'gemeente_id', type: 'uuid' })
  gemeenteId: string;

  @ManyToOne(() => Gemeente, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'gemeente_id',
    foreignKeyConstraintName: 'fk_aanvullende_opdrachten_gemeente',
  })
  gemeente?: Relation<Gemeente>;

  @Column({ type: 'varchar', length: 200 })
  titel: string;

  @Column({ type: 'text' })
  doel: string;

  @Column({ type: 'varchar', length: 30 })
  bron: OpdrachtBron;

  @Column({ name: 'programma_naam', type: 'varchar', length: 200, nullable: true })
  programmaNaam: string | null;

  @Column({ name: 'aanvragende_afdeling', type: 'varchar', length: 200 })
  aanvragendeAfdeling: string;

  @Column({ type: 'varchar', length: 200 })
  opdrachtgever: string;

  @Column({ type: 'date' })
  startdatum: string;

  @Column({ type: 'date' })
  einddatum: string;

  /** Always the sum of the aanbieders' shares. */
  @Column({ name: 'budget_centen', type: 'bigint', transformer: CENTEN_TRANSFORMER })
  budgetCenten: number;

  @Column({ type: 'boolean', default: false })
  geoormerkt: boolean;

  @Column({ type: 'varchar', length: 100 })
  thema: string;

  @Column({ type: 'varchar', length: 20 })
  rapportagefrequentie: Rapportagefrequentie;

  @Column({ type: 'varchar', length: 40 })
  status: AanvullendeOpdrachtStatus;

  @Column({ name: 'binnengekomen_via', type: 'varchar', length: 20 })
  binnengekomenVia: BinnengekomenVia;

  /** When the request was made (may precede its registration, for zijsturing found later). */
  @Column({ name: 'aangevraagd_op', type: 'date' })
  aangevraagdOp: string;

  @Column({ name: 'aangevraagd_door_id', type: 'uuid', nullable: true })
  aangevraagdDoorId: string | null;

  @ManyToOne(() => Gebruiker, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'aangevraagd_door_id',
    foreignKeyConstraintName: 'fk_aanvullende_opdrachten_aanvrager',
  })
  aangevraagdDoor?: Relation<Gebruiker> | null;

  @Column({ name: 'toets_oordeel', type: 'varchar', length: 10, nullable: true })
  toetsOordeel: Toetsoordeel | null;

  @Column({ name: 'toets_motivering', type: 'text', nullable: true })
  toetsMotivering: string | null;

  @Column({ name: 'getoetst_door_id', type: 'uuid', nullable: true })
  getoetstDoorId: string | null;

  @ManyToOne(() => Gebruiker, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'getoetst_door_id',
    foreignKeyConstraintName: 'fk_aanvullende_opdrachten_toetser',
  })
  getoetstDoor?: Relation<Gebruiker> | null;

  @Column({ name: 'getoetst_door_naam', type: 'varchar', length: 200, nullable: true })
  getoetstDoorNaam: string | null;

  @Column({ name: 'getoetst_op', type: 'timestamptz', nullable: true })
  getoetstOp: Date | null;

  @OneToMany(() => AanvullendeOpdrachtAanbieder, (a) => a.opdracht)
  aanbieders?: Relation<AanvullendeOpdrachtAanbieder[]>;

  @OneToMany(() => AanvullendeOpdrachtPerceel, (p) => p.opdracht)
  percelen?: Relation<AanvullendeOpdrachtPerceel[]>;

  @OneToMany(() => AanvullendeOpdrachtKeten, (k) => k.opdracht)
  ketens?: Relation<AanvullendeOpdrachtKeten[]>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

/** An aanbieder carrying out the opdracht, with its share of the budget. */
@Entity({ name: 'aanvullende_opdracht_aanbieders' })
@Index('ix_aanvullende_opdracht_aanbieders_aanbieder', ['aanbiederId'])
@Check('ck_aanvullende_opdracht_aanbieders_budget', 'budget_centen >= 0')
export class AanvullendeOpdrachtAanbieder {
  @PrimaryColumn({
    name: 'opdracht_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_aanvullende_opdracht_aanbieders',
  })
  opdrachtId: string;

  @PrimaryColumn({
    name: 'aanbieder_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_aanvullende_opdracht_aanbieders',
  })
  aanbiederId: string;

  @ManyToOne(() => AanvullendeOpdracht, (o) => o.aanbieders, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'opdracht_id',
    foreignKeyConstraintName: 'fk_aanvullende_opdracht_aanbieders_opdracht',
  })
  opdracht?: Relation<AanvullendeOpdracht>;

  @ManyToOne(() => Organisatie, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'aanbieder_id',
    foreignKeyConstraintName: 'fk_aanvullende_opdracht_aanbieders_aanbieder',
  })
  aanbieder?: Relation<Organisatie>;

  @Column({ name: 'budget_centen', type: 'bigint', transformer: CENTEN_TRANSFORMER })
  budgetCenten: number;
}

@Entity({ name: 'aanvullende_opdracht_percelen' })
@Index('ix_aanvullende_opdracht_percelen_perceel', ['perceelId'])
export class AanvullendeOpdrachtPerceel {
  @PrimaryColumn({
    name: 'opdracht_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_aanvullende_opdracht_percelen',
  })
  opdrachtId: string;

  @PrimaryColumn({
    name: 'perceel_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_aanvullende_opdracht_percelen',
  })
  perceelId: string;

  @ManyToOne(() => AanvullendeOpdracht, (o) => o.percelen, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'opdracht_id',
    foreignKeyConstraintName: 'fk_aanvullende_opdracht_percelen_opdracht',
  })
  opdracht?: Relation<AanvullendeOpdracht>;

  @ManyToOne(() => Perceel, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'perceel_id',
    foreignKeyConstraintName: 'fk_aanvullende_opdracht_percelen_perceel',
  })
  perceel?: Relation<Perceel>;
}

@Entity({ name: 'aanvullende_opdracht_ketens' })
@Index('ix_aanvullende_opdracht_ketens_keten', ['ketenId'])
export class AanvullendeOpdrachtKeten {
  @PrimaryColumn({
    name: 'opdracht_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_aanvullende_opdracht_ketens',
  })
  opdrachtId: string;

  @PrimaryColumn({
    name: 'keten_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_aanvullende_opdracht_ketens',
  })
  ketenId: string;

  @ManyToOne(() => AanvullendeOpdracht, (o) => o.ketens, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'opdracht_id',
    foreignKeyConstraintName: 'fk_aanvullende_opdracht_ketens_opdracht',
  })
  opdracht?: Relation<AanvullendeOpdracht>;

  @ManyToOne(() => Keten, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'keten_id',
    foreignKeyConstraintName: 'fk_aanvullende_opdracht_ketens_keten',
  })
  keten?: Relation<Keten>;
}

/** The lifecycle history: every status change, by whom, when and why. */
@Entity({ name: 'aanvullende_opdracht_statuswijzigingen' })
@Index('ix_aanvullende_opdracht_statuswijzigingen_opdracht', ['opdrachtId', 'op'])
export class AanvullendeOpdrachtStatuswijziging {
  @PrimaryGeneratedColumn('uuid', {
    primaryKeyConstraintName: 'pk_aanvullende_opdracht_statuswijzigingen',
  })
  id: string;

  @Column({ name: 'opdracht_id', type: 'uuid' })
  opdrachtId: string;

  @ManyToOne(() => AanvullendeOpdracht, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'opdracht_id',
    foreignKeyConstraintName: 'fk_aanvullende_opdracht_statuswijzigingen_opdracht',
  })
  opdracht?: Relation<AanvullendeOpdracht>;

  @Column({ type: 'varchar', length: 40, nullable: true })
  van: AanvullendeOpdrachtStatus | null;

  @Column({ type: 'varchar', length: 40 })
  naar: AanvullendeOpdrachtStatus;

  @Column({ type: 'text', nullable: true })
  toelichting: string | null;

  @Column({ name: 'door_id', type: 'uuid', nullable: true })
  doorId: string | null;

  @Column({ name: 'door_naam', type: 'varchar', length: 200 })
  doorNaam: string;

  @CreateDateColumn({ type: 'timestamptz' })
  op: Date;
}

/** A comment on an opdracht, from the gemeente or an aanbieder involved. */
@Entity({ name: 'aanvullende_opdracht_reacties' })
@Index('ix_aanvullende_opdracht_reacties_opdracht', ['opdrachtId', 'createdAt'])
export class AanvullendeOpdrachtReactie {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_aanvullende_opdracht_reacties' })
  id: string;

  @Column({ name: 'opdracht_id', type: 'uuid' })
  opdrachtId: string;

  @ManyToOne(() => AanvullendeOpdracht, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'opdracht_id',
    foreignKeyConstraintName: 'fk_aanvullende_opdracht_reacties_opdracht',
  })
  opdracht?: Relation<AanvullendeOpdracht>;

  @Column({ name: 'auteur_id', type: 'uuid', nullable: true })
  auteurId: string | null;

  @Column({ name: 'auteur_naam', type: 'varchar', length: 200 })
  auteurNaam: string;

  @Column({ name: 'organisatie_id', type: 'uuid' })
  organisatieId: string;

  @Column({ type: 'text' })
  tekst: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A share of the budget in a version: who gets how much. */
export interface Budgetaandeel {
  aanbiederId: string;
  budgetCenten: number;
}

/**
 * One version of an active opdracht's terms: end date and budget shares, with the kind of
 * change, from when and why. Written at the first wijziging (version 1 is the agreed
 * original) and at every wijziging after it; never updated.
 */
@Entity({ name: 'aanvullende_opdracht_versies' })
@Index('uq_aanvullende_opdracht_versies_versie', ['opdrachtId', 'versie'], { unique: true })
@Check('ck_aanvullende_opdracht_versies_soort', `soort IN (${sqlIn(Wijzigingssoort)})`)
@Check('ck_aanvullende_opdracht_versies_budget', 'budget_centen >= 0')
export class AanvullendeOpdrachtVersie {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_aanvullende_opdracht_versies' })
  id: string;

  @Column({ name: 'opdracht_id', type: 'uuid' })
  opdrachtId: string;

  @ManyToOne(() => AanvullendeOpdracht, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'opdracht_id',
    foreignKeyConstraintName: 'fk_aanvullende_opdracht_versies_opdracht',
  })
  opdracht?: Relation<AanvullendeOpdracht>;

  @Column({ type: 'int' })
  versie: number;

  @Column({ type: 'varchar', length: 30 })
  soort: Wijzigingssoort;

  @Column({ type: 'date' })
  ingangsdatum: string;

  @Column({ type: 'date' })
  einddatum: string;

  @Column({ name: 'budget_centen', type: 'bigint', transformer: CENTEN_TRANSFORMER })
  budgetCenten: number;

  @Column({ type: 'jsonb' })
  aandelen: Budgetaandeel[];

  @Column({ type: 'text' })
  reden: string;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ name: 'created_by_naam', type: 'varchar', length: 200 })
  createdByNaam: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

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
import { Wijk } from '../wijk/wijk.entity';

/** A lot: a named set of wijken, assigned to one aanbieder per period. */
@Entity({ name: 'percelen' })
@Index('uq_percelen_gemeente_naam', ['gemeenteId', 'naam'], { unique: true })
export class Perceel {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_percelen' })
  id: string;

  @Column({ name: 'gemeente_id', type: 'uuid' })
  gemeenteId: string;

  @ManyToOne(() => Gemeente, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'gemeente_id', foreignKeyConstraintName: 'fk_percelen_gemeente' })
  gemeente?: Relation<Gemeente>;

  @Column({ type: 'varchar', length: 200 })
  naam: string;

  @Column({ type: 'text', nullable: true })
  omschrijving: string | null;

  @OneToMany(() => PerceelWijk, (pw) => pw.perceel)
  wijken?: Relation<PerceelWijk[]>;

  @OneToMany(() => PerceelToewijzing, (t) => t.perceel)
  toewijzingen?: Relation<PerceelToewijzing[]>;

  @OneToMany(() => PerceelProgramma, (p) => p.perceel)
  programmas?: Relation<PerceelProgramma[]>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

/** A wijk belongs to at most one perceel (unique wijk_id): areas of responsibility do not overlap. */
@Entity({ name: 'perceel_wijken' })
@Index('uq_perceel_wijken_wijk', ['wijkId'], { unique: true })
export class PerceelWijk {
  @PrimaryColumn({
    name: 'perceel_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_perceel_wijken',
  })
  perceelId: string;

  @PrimaryColumn({ name: 'wijk_id', type: 'uuid', primaryKeyConstraintName: 'pk_perceel_wijken' })
  wijkId: string;

  @ManyToOne(() => Perceel, (p) => p.wijken, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'perceel_id', foreignKeyConstraintName: 'fk_perceel_wijken_perceel' })
  perceel?: Relation<Perceel>;

  @ManyToOne(() => Wijk, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'wijk_id', foreignKeyConstraintName: 'fk_perceel_wijken_wijk' })
  wijk?: Relation<Wijk>;
}

/**
 * Who runs a perceel from when to when. Periods of one perceel never overlap; enforced by
 * the service under a row lock on the perceel (no btree_gist exclusion in embedded PGlite).
 */
@Entity({ name: 'perceel_toewijzingen' })
@Index('ix_perceel_toewijzingen_perceel_van', ['perceelId', 'van'])
@Index('ix_perceel_toewijzingen_aanbieder', ['aanbiederId'])
@Check('ck_perceel_toewijzingen_periode', 'tot IS NULL OR tot >= van')
export class PerceelToewijzing {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_perceel_toewijzingen' })
  id: string;

  @Column({ name: 'perceel_id', type: 'uuid' })
  perceelId: string;

  @ManyToOne(() => Perceel, (p) => p.toewijzingen, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'perceel_id', foreignKeyConstraintName: 'fk_perceel_toewijzingen_perceel' })
  perceel?: Relation<Perceel>;

  @Column({ name: 'aanbieder_id', type: 'uuid' })
  aanbiederId: string;

  @ManyToOne(() => Organisatie, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'aanbieder_id',
    foreignKeyConstraintName: 'fk_perceel_toewijzingen_aanbieder',
  })
  aanbieder?: Relation<Organisatie>;

  @Column({ type: 'date' })
  van: string;

  @Column({ type: 'date', nullable: true })
  tot: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A programme on a perceel with its own (second) opdrachtgever, e.g. a PACT-wijk. */
@Entity({ name: 'perceel_programmas' })
@Index('ix_perceel_programmas_perceel', ['perceelId'])
@Check('ck_perceel_programmas_periode', 'tot IS NULL OR tot >= van')
export class PerceelProgramma {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_perceel_programmas' })
  id: string;

  @Column({ name: 'perceel_id', type: 'uuid' })
  perceelId: string;

  @ManyToOne(() => Perceel, (p) => p.programmas, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'perceel_id', foreignKeyConstraintName: 'fk_perceel_programmas_perceel' })
  perceel?: Relation<Perceel>;

  @Column({ type: 'varchar', length: 100 })
  naam: string;

  @Column({ type: 'varchar', length: 200 })
  opdrachtgever: string;

  @Column({ type: 'date' })
  van: string;

  @Column({ type: 'date', nullable: true })
  tot: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

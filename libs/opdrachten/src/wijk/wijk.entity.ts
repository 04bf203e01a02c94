import {
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

/** A neighbourhood of one gemeente, with its CBS wijk code. */
@Entity({ name: 'wijken' })
@Index('uq_wijken_gemeente_cbs_code', ['gemeenteId', 'cbsCode'], { unique: true })
export class Wijk {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_wijken' })
  id: string;

  @Column({ name: 'gemeente_id', type: 'uuid' })
  gemeenteId: string;

  @ManyToOne(() => Gemeente, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'gemeente_id', foreignKeyConstraintName: 'fk_wijken_gemeente' })
  gemeente?: Relation<Gemeente>;

  @Column({ name: 'cbs_code', type: 'varchar', length: 8 })
  cbsCode: string;

  @Column({ type: 'varchar', length: 200 })
  naam: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/** The tenant: everything a gemeente's users see is scoped to one gemeente. */
@Entity({ name: 'gemeenten' })
@Index('uq_gemeenten_cbs_code', ['cbsCode'], { unique: true })
export class Gemeente {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_gemeenten' })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  naam: string;

  @Column({ name: 'cbs_code', type: 'varchar', length: 6 })
  cbsCode: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

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
import { Hoofdopdracht } from '../hoofdopdracht/hoofdopdracht.entity';
import { DoelNiveau, sqlIn } from '../shared/enums';

/**
 * A goal of a hoofdopdracht: ambitie → doel → resultaat. Ids are stable (KPIs, theories of
 * change and case stories link to them); edits are audited, not versioned.
 */
@Entity({ name: 'doelen' })
@Index('ix_doelen_hoofdopdracht', ['hoofdopdrachtId'])
@Index('ix_doelen_parent', ['parentId'])
@Check('ck_doelen_niveau', `niveau IN (${sqlIn(DoelNiveau)})`)
@Check('ck_doelen_ambitie_zonder_parent', `(niveau = 'ambitie') = (parent_id IS NULL)`)
export class Doel {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_doelen' })
  id: string;

  @Column({ name: 'gemeente_id', type: 'uuid' })
  gemeenteId: string;

  @Column({ name: 'hoofdopdracht_id', type: 'uuid' })
  hoofdopdrachtId: string;

  @ManyToOne(() => Hoofdopdracht, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'hoofdopdracht_id', foreignKeyConstraintName: 'fk_doelen_hoofdopdracht' })
  hoofdopdracht?: Relation<Hoofdopdracht>;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Doel, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_doelen_parent' })
  parent?: Relation<Doel> | null;

  @Column({ type: 'varchar', length: 20 })
  niveau: DoelNiveau;

  @Column({ type: 'varchar', length: 300 })
  titel: string;

  @Column({ type: 'text', nullable: true })
  omschrijving: string | null;

  @Column({ type: 'varchar', length: 40, array: true, default: () => "'{}'" })
  themas: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Relation,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Gemeente } from './gemeente.entity';
import { Organisatie } from './organisatie.entity';

/**
 * An aanbieder's relation with one gemeente: only then can its people get roles there. The
 * organisation (its KvK number) is shared by every gemeente it works for; everything a gemeente
 * records about it — the name as contracted — lives here, so no gemeente sees or changes
 * another's.
 */
@Entity({ name: 'aanbieder_gemeenten' })
@Index('ix_aanbieder_gemeenten_gemeente_id', ['gemeenteId'])
export class AanbiederGemeente {
  @PrimaryColumn({
    name: 'aanbieder_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_aanbieder_gemeenten',
  })
  aanbiederId: string;

  @PrimaryColumn({
    name: 'gemeente_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_aanbieder_gemeenten',
  })
  gemeenteId: string;

  @ManyToOne(() => Organisatie, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'aanbieder_id',
    foreignKeyConstraintName: 'fk_aanbieder_gemeenten_aanbieder',
  })
  aanbieder?: Relation<Organisatie>;

  @ManyToOne(() => Gemeente, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'gemeente_id', foreignKeyConstraintName: 'fk_aanbieder_gemeenten_gemeente' })
  gemeente?: Relation<Gemeente>;

  /** The name as this gemeente contracted the aanbieder. */
  @Column({ type: 'varchar', length: 200 })
  naam: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

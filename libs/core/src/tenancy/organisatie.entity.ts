import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  Relation,
} from 'typeorm';
import { Gemeente } from './gemeente.entity';
import { OrganisatieSoort } from './rol';

/**
 * An organisation people work for: the gemeente itself, or an aanbieder. An aanbieder may
 * work for several gemeenten; the gemeenten it works for are linked by the opdrachten
 * capability, and a provider user's access per gemeente comes from its roles there.
 */
@Entity({ name: 'organisaties' })
@Index('ix_organisaties_gemeente_id', ['gemeenteId'])
@Check('ck_organisaties_soort', `soort IN ('gemeente', 'aanbieder')`)
@Check(
  'ck_organisaties_gemeente_heeft_gemeente_id',
  `soort <> 'gemeente' OR gemeente_id IS NOT NULL`,
)
export class Organisatie {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_organisaties' })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  naam: string;

  @Column({ type: 'varchar', length: 20 })
  soort: OrganisatieSoort;

  @Column({ name: 'kvk_nummer', type: 'varchar', length: 8, nullable: true })
  kvkNummer: string | null;

  /** For soort=gemeente: the gemeente this organisation is. Null for aanbieders. */
  @Column({ name: 'gemeente_id', type: 'uuid', nullable: true })
  gemeenteId: string | null;

  @ManyToOne(() => Gemeente, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'gemeente_id', foreignKeyConstraintName: 'fk_organisaties_gemeente' })
  gemeente?: Relation<Gemeente>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

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
 * work for several gemeenten: it is one organisation (its KvK number is the shared identity)
 * with a separate relation per gemeente (AanbiederGemeente) that holds what that gemeente
 * records, its name included; a provider user's access per gemeente comes from its roles there.
 */
@Entity({ name: 'organisaties' })
@Index('ix_organisaties_gemeente_id', ['gemeenteId'])
// The KvK number is an aanbieder's identity on the platform: one organisation per number.
@Index('uq_organisaties_kvk_nummer', ['kvkNummer'], { unique: true })
@Check('ck_organisaties_soort', `soort IN ('gemeente', 'aanbieder')`)
@Check('ck_organisaties_naam', `(soort = 'gemeente') = (naam IS NOT NULL)`)
@Check(
  'ck_organisaties_gemeente_heeft_gemeente_id',
  `soort <> 'gemeente' OR gemeente_id IS NOT NULL`,
)
export class Organisatie {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_organisaties' })
  id: string;

  /**
   * A gemeente's own name. Null in the table for an aanbieder, whose name is per gemeente:
   * readers fill it in from the relation with the reader's gemeente (`vulAanbiederNamen`), so
   * an object read for one gemeente never carries another's name.
   */
  @Column({ type: 'varchar', length: 200, nullable: true })
  naam: string | null;

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

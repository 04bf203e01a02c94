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
import { Gemeente, Organisatie } from '@wijkkompas/core';
import { AanvullendeOpdracht, Hoofdopdracht } from '@wijkkompas/opdrachten';
import { TheorieInhoud } from './inhoud';

/** A quarter: '2026-Q3'. */
export const KWARTAAL_SQL = `~ '^[0-9]{4}-Q[1-4]$'`;

/**
 * A theory of change (brief §3, Verandertheorie) of one hoofdopdracht, one aanvullende opdracht
 * or one theme, owned by the gemeente and co-authored by the aanbieder. This row is what
 * identifies it; the content lives in versions: every change writes a new version, so the
 * dossier of a past quarter can show the theory as it stood then.
 */
@Entity({ name: 'verandertheorieen' })
@Index('ix_verandertheorieen_aanbieder', ['aanbiederId'])
@Index('ix_verandertheorieen_gemeente', ['gemeenteId'])
@Index('ix_verandertheorieen_hoofdopdracht', ['hoofdopdrachtId'])
@Index('ix_verandertheorieen_aanvullende_opdracht', ['aanvullendeOpdrachtId'])
@Check(
  'ck_verandertheorieen_een_onderwerp',
  'num_nonnulls(hoofdopdracht_id, aanvullende_opdracht_id, thema) = 1',
)
@Check('ck_verandertheorieen_huidige_versie', 'huidige_versie >= 1')
export class Verandertheorie {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_verandertheorieen' })
  id: string;

  @Column({ name: 'gemeente_id', type: 'uuid' })
  gemeenteId: string;

  @ManyToOne(() => Gemeente, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'gemeente_id', foreignKeyConstraintName: 'fk_verandertheorieen_gemeente' })
  gemeente?: Relation<Gemeente>;

  /** The current title (also in each version's content), for lists. */
  @Column({ type: 'varchar', length: 200 })
  titel: string;

  @Column({ name: 'hoofdopdracht_id', type: 'uuid', nullable: true })
  hoofdopdrachtId: string | null;

  @ManyToOne(() => Hoofdopdracht, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'hoofdopdracht_id',
    foreignKeyConstraintName: 'fk_verandertheorieen_hoofdopdracht',
  })
  hoofdopdracht?: Relation<Hoofdopdracht> | null;

  @Column({ name: 'aanvullende_opdracht_id', type: 'uuid', nullable: true })
  aanvullendeOpdrachtId: string | null;

  @ManyToOne(() => AanvullendeOpdracht, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'aanvullende_opdracht_id',
    foreignKeyConstraintName: 'fk_verandertheorieen_aanvullende_opdracht',
  })
  aanvullendeOpdracht?: Relation<AanvullendeOpdracht> | null;

  /** A theme across opdrachten, e.g. 'armoede en schulden'. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  thema: string | null;

  /**
   * The aanbieder that co-authors the theory: the aanbieder of the hoofdopdracht, or one
   * aanbieder of an aanvullende opdracht or theme. Null for an aanvullende opdracht means
   * every aanbieder carrying it out co-authors.
   */
  @Column({ name: 'aanbieder_id', type: 'uuid', nullable: true })
  aanbiederId: string | null;

  @ManyToOne(() => Organisatie, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'aanbieder_id', foreignKeyConstraintName: 'fk_verandertheorieen_aanbieder' })
  aanbieder?: Relation<Organisatie> | null;

  /** The number of the newest version. */
  @Column({ name: 'huidige_versie', type: 'int', default: 1 })
  huidigeVersie: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

/**
 * One version of a theory: its whole content, in force from a quarter until a later version
 * takes over. Never updated.
 */
@Entity({ name: 'verandertheorie_versies' })
@Index('uq_verandertheorie_versies_versie', ['theorieId', 'versie'], { unique: true })
@Check('ck_verandertheorie_versies_geldig_vanaf', `geldig_vanaf ${KWARTAAL_SQL}`)
@Check('ck_verandertheorie_versies_versie', 'versie >= 1')
export class VerandertheorieVersie {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_verandertheorie_versies' })
  id: string;

  @Column({ name: 'theorie_id', type: 'uuid' })
  theorieId: string;

  @ManyToOne(() => Verandertheorie, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'theorie_id',
    foreignKeyConstraintName: 'fk_verandertheorie_versies_theorie',
  })
  theorie?: Relation<Verandertheorie>;

  @Column({ type: 'int' })
  versie: number;

  /** The first quarter this version is in force: '2026-Q3'. */
  @Column({ name: 'geldig_vanaf', type: 'varchar', length: 7 })
  geldigVanaf: string;

  /** The whole theory: ambitie, strategie, elementen, verbanden, veronderstellingen, KPI-bewijzen. */
  @Column({ type: 'jsonb' })
  inhoud: TheorieInhoud;

  /** What changed and why, in Dutch. */
  @Column({ type: 'text' })
  toelichting: string;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ name: 'created_by_naam', type: 'varchar', length: 200 })
  createdByNaam: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

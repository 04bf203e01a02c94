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
import { Gebruiker, Gemeente, Organisatie } from '@wijkkompas/core';
import { Perceel, Wijk } from '@wijkkompas/opdrachten';
import { KWARTAAL_CHECK } from '../kpi/kpi.entity';

/**
 * A case story (casusverhaal, brief §3): the story next to the figure. Pseudonymised: the
 * service refuses text with direct identifiers before it is ever stored.
 */
@Entity({ name: 'casussen' })
@Index('ix_casussen_aanbieder', ['aanbiederId'])
@Index('ix_casussen_auteur', ['auteurId'])
@Index('ix_casussen_perceel', ['perceelId'])
@Index('ix_casussen_wijk', ['wijkId'])
@Index('ix_casussen_aanbieder_periode', ['gemeenteId', 'aanbiederId', 'periode'])
@Check('ck_casussen_periode', `periode ${KWARTAAL_CHECK}`)
export class Casus {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_casussen' })
  id: string;

  @Column({ name: 'gemeente_id', type: 'uuid' })
  gemeenteId: string;

  @ManyToOne(() => Gemeente, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'gemeente_id', foreignKeyConstraintName: 'fk_casussen_gemeente' })
  gemeente?: Relation<Gemeente>;

  @Column({ name: 'aanbieder_id', type: 'uuid' })
  aanbiederId: string;

  @ManyToOne(() => Organisatie, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'aanbieder_id', foreignKeyConstraintName: 'fk_casussen_aanbieder' })
  aanbieder?: Relation<Organisatie>;

  /** The quarter the story belongs to: '2026-Q3'. */
  @Column({ type: 'varchar', length: 7 })
  periode: string;

  @Column({ type: 'varchar', length: 300 })
  titel: string;

  /** The situation: the facts as constructed together. */
  @Column({ type: 'text' })
  situatie: string;

  /** The question or dilemma. */
  @Column({ type: 'text', nullable: true })
  vraag: string | null;

  /** The values at stake. */
  @Column({ type: 'text', nullable: true })
  waarden: string | null;

  /** Who was involved: formal and informal partners. */
  @Column({ type: 'text', nullable: true })
  betrokkenen: string | null;

  /** What was done. */
  @Column({ type: 'text', nullable: true })
  aanpak: string | null;

  /** The effect for the resident. */
  @Column({ type: 'text', nullable: true })
  effect: string | null;

  @Column({ type: 'text', nullable: true })
  les: string | null;

  /** The kwestie to raise with policy. */
  @Column({ type: 'text', nullable: true })
  kwestie: string | null;

  @Column({ name: 'perceel_id', type: 'uuid', nullable: true })
  perceelId: string | null;

  @ManyToOne(() => Perceel, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'perceel_id', foreignKeyConstraintName: 'fk_casussen_perceel' })
  perceel?: Relation<Perceel> | null;

  @Column({ name: 'wijk_id', type: 'uuid', nullable: true })
  wijkId: string | null;

  @ManyToOne(() => Wijk, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'wijk_id', foreignKeyConstraintName: 'fk_casussen_wijk' })
  wijk?: Relation<Wijk> | null;

  @Column({ name: 'kpi_ids', type: 'uuid', array: true, default: () => "'{}'" })
  kpiIds: string[];

  @Column({ name: 'doel_ids', type: 'uuid', array: true, default: () => "'{}'" })
  doelIds: string[];

  @Column({ name: 'keten_ids', type: 'uuid', array: true, default: () => "'{}'" })
  ketenIds: string[];

  @Column({ name: 'auteur_id', type: 'uuid' })
  auteurId: string;

  @ManyToOne(() => Gebruiker, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'auteur_id', foreignKeyConstraintName: 'fk_casussen_auteur' })
  auteur?: Relation<Gebruiker>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

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
import { Gebruiker, Gemeente } from '@wijkkompas/core';

/** A policy chain (Jeugd, Wmo/Zorg, ...) with its ketenregisseur. */
@Entity({ name: 'ketens' })
@Index('uq_ketens_gemeente_naam', ['gemeenteId', 'naam'], { unique: true })
@Index('ix_ketens_ketenregisseur', ['ketenregisseurId'])
export class Keten {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_ketens' })
  id: string;

  @Column({ name: 'gemeente_id', type: 'uuid' })
  gemeenteId: string;

  @ManyToOne(() => Gemeente, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'gemeente_id', foreignKeyConstraintName: 'fk_ketens_gemeente' })
  gemeente?: Relation<Gemeente>;

  @Column({ type: 'varchar', length: 200 })
  naam: string;

  @Column({ type: 'text', nullable: true })
  omschrijving: string | null;

  @Column({ name: 'ketenregisseur_id', type: 'uuid', nullable: true })
  ketenregisseurId: string | null;

  @ManyToOne(() => Gebruiker, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'ketenregisseur_id', foreignKeyConstraintName: 'fk_ketens_ketenregisseur' })
  ketenregisseur?: Relation<Gebruiker> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

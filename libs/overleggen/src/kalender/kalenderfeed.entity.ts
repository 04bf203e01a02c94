import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { Gebruiker, Gemeente } from '@wijkkompas/core';

/**
 * A secret calendar address of one user in one gemeente. Calendar clients cannot send a
 * bearer token, so the address itself is the key; only its SHA-256 is stored. Revoking sets
 * ingetrokken_op and the address answers 404 from then on.
 */
@Entity({ name: 'kalenderfeeds' })
@Index('uq_kalenderfeeds_token_hash', ['tokenHash'], { unique: true })
@Index('ix_kalenderfeeds_gebruiker', ['gebruikerId', 'gemeenteId'])
@Index('ix_kalenderfeeds_gemeente_id', ['gemeenteId'])
export class Kalenderfeed {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_kalenderfeeds' })
  id: string;

  @Column({ name: 'gemeente_id', type: 'uuid' })
  gemeenteId: string;

  @ManyToOne(() => Gemeente, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'gemeente_id', foreignKeyConstraintName: 'fk_kalenderfeeds_gemeente' })
  gemeente?: Relation<Gemeente>;

  @Column({ name: 'gebruiker_id', type: 'uuid' })
  gebruikerId: string;

  @ManyToOne(() => Gebruiker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'gebruiker_id', foreignKeyConstraintName: 'fk_kalenderfeeds_gebruiker' })
  gebruiker?: Relation<Gebruiker>;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'ingetrokken_op', type: 'timestamptz', nullable: true })
  ingetrokkenOp: Date | null;
}

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
import { Sessie } from './sessie.entity';

/**
 * One refresh token of a session; only its SHA-256 is stored. Each refresh uses the token
 * up and issues the next; presenting a used token again means it was stolen, and the whole
 * session is revoked.
 */
@Entity({ name: 'refresh_tokens' })
@Index('uq_refresh_tokens_token_hash', ['tokenHash'], { unique: true })
@Index('ix_refresh_tokens_sessie_id', ['sessieId'])
export class RefreshToken {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_refresh_tokens' })
  id: string;

  @Column({ name: 'sessie_id', type: 'uuid' })
  sessieId: string;

  @ManyToOne(() => Sessie, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sessie_id', foreignKeyConstraintName: 'fk_refresh_tokens_sessie' })
  sessie?: Relation<Sessie>;

  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}

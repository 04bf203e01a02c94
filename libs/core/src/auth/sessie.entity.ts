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
import { Gebruiker } from './gebruiker.entity';

/**
 * A login session in one gemeente. Access tokens carry its id, so logging out (revoking the
 * session) ends the access token too, not only the refresh token.
 */
@Entity({ name: 'sessies' })
@Index('ix_sessies_gebruiker_id', ['gebruikerId'])
export class Sessie {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_sessies' })
  id: string;

  @Column({ name: 'gebruiker_id', type: 'uuid' })
  gebruikerId: string;

  @ManyToOne(() => Gebruiker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'gebruiker_id', foreignKeyConstraintName: 'fk_sessies_gebruiker' })
  gebruiker?: Relation<Gebruiker>;

  @Column({ name: 'gemeente_id', type: 'uuid' })
  gemeenteId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_reason', type: 'varchar', length: 40, nullable: true })
  revokedReason: string | null;
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Failed logins, kept briefly to rate-limit per account and per address across instances. */
@Entity({ name: 'login_failures' })
@Index('ix_login_failures_email', ['email', 'occurredAt'])
@Index('ix_login_failures_ip', ['ip', 'occurredAt'])
export class LoginFailure {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_login_failures' })
  id: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 64 })
  ip: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One domain write: who, when, which entity, before and after. Written in the same transaction. */
@Entity({ name: 'audit_entries' })
@Index('ix_audit_entries_gemeente_occurred', ['gemeenteId', 'occurredAt'])
@Index('ix_audit_entries_entity', ['entityType', 'entityId'])
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_audit_entries' })
  id: string;

  @Column({ name: 'gemeente_id', type: 'uuid', nullable: true })
  gemeenteId: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_naam', type: 'varchar', length: 200 })
  actorNaam: string;

  @Column({ type: 'varchar', length: 60 })
  action: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 80 })
  entityType: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 80 })
  entityId: string;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ name: 'request_id', type: 'varchar', length: 100, nullable: true })
  requestId: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One-time links that have been used (their token id), kept until they would have expired
 * anyway: a queue dashboard link opens the dashboard once, also across API instances.
 */
@Entity({ name: 'gebruikte_links' })
@Index('ix_gebruikte_links_verloopt_op', ['verlooptOp'])
export class GebruikteLink {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'pk_gebruikte_links' })
  id: string;

  @Column({ name: 'verloopt_op', type: 'timestamptz' })
  verlooptOp: Date;
}

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
} from 'typeorm';
import { Gebruiker, Gemeente } from '@wijkkompas/core';

/**
 * Where the e-mail of a notification stands:
 * - wachtrij: to be mailed on its own by the outbox (preference 'direct');
 * - digest: waits for the daily digest (preference 'dagelijks');
 * - bezig: claimed by a sender right now;
 * - verzonden: mailed, on its own or in a digest;
 * - overgeslagen: not mailed (no SMTP configured, preference 'geen', already read in the app,
 *   or the account is blocked);
 * - mislukt: given up after MAX_MAILPOGINGEN attempts, with the last error in mail_fout.
 */
export const MAIL_STATUSSEN = [
  'wachtrij',
  'digest',
  'bezig',
  'verzonden',
  'overgeslagen',
  'mislukt',
] as const;
export type MailStatus = (typeof MAIL_STATUSSEN)[number];

/** The states in which a mail may still go out; the outbox index covers only these. */
export const OPEN_MAIL_STATUSSEN: readonly MailStatus[] = ['wachtrij', 'digest', 'bezig'];

const lijst = (waarden: readonly string[]) => waarden.map((w) => `'${w}'`).join(', ');

/**
 * A notification for one user in one gemeente: stored (read/unread in the app) and, by the
 * user's preference, mailed at once or in the daily digest. `sleutel` makes notifying
 * idempotent: a retried job or a second worker that notifies the same user of the same event
 * inserts nothing (unique per user).
 */
@Entity({ name: 'notificaties' })
@Index('ix_notificaties_gemeente', ['gemeenteId'])
@Index('uq_notificaties_gebruiker_sleutel', ['gebruikerId', 'sleutel'], { unique: true })
@Index('ix_notificaties_gebruiker', ['gebruikerId', 'gemeenteId', 'createdAt'])
@Index('ix_notificaties_ongelezen', ['gebruikerId', 'gemeenteId'], {
  where: 'gelezen_op IS NULL',
})
@Index('ix_notificaties_mail_open', ['mailStatus', 'mailVolgendePogingOp'], {
  where: `mail_status IN (${lijst(OPEN_MAIL_STATUSSEN)})`,
})
@Check('ck_notificaties_mail_status', `mail_status IN (${lijst(MAIL_STATUSSEN)})`)
@Check('ck_notificaties_soort', `soort ~ '^[a-z][a-z0-9-]*$'`)
@Check('ck_notificaties_link', `link IS NULL OR (link LIKE '/%' AND link NOT LIKE '//%')`)
@Check('ck_notificaties_entiteit', `(entiteit_type IS NULL) = (entiteit_id IS NULL)`)
@Check('ck_notificaties_mail_pogingen', `mail_pogingen >= 0`)
export class Notificatie {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_notificaties' })
  id: string;

  @Column({ name: 'gemeente_id', type: 'uuid' })
  gemeenteId: string;

  @ManyToOne(() => Gemeente, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'gemeente_id', foreignKeyConstraintName: 'fk_notificaties_gemeente' })
  gemeente?: Relation<Gemeente>;

  @Column({ name: 'gebruiker_id', type: 'uuid' })
  gebruikerId: string;

  @ManyToOne(() => Gebruiker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'gebruiker_id', foreignKeyConstraintName: 'fk_notificaties_gebruiker' })
  gebruiker?: Relation<Gebruiker>;

  /** What kind of event, kebab-case: 'periode-geopend', 'herinnering', 'ingediend', ... */
  @Column({ type: 'varchar', length: 40 })
  soort: string;

  @Column({ type: 'varchar', length: 300 })
  titel: string;

  @Column({ type: 'text' })
  tekst: string;

  /** Where in the product it leads: a path on PUBLIC_URL (app or API), never another site. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  link: string | null;

  /** What it is about, e.g. ('kwartaalverantwoording', id). */
  @Column({ name: 'entiteit_type', type: 'varchar', length: 60, nullable: true })
  entiteitType: string | null;

  @Column({ name: 'entiteit_id', type: 'uuid', nullable: true })
  entiteitId: string | null;

  /** Dedup key of the event, unique per user. */
  @Column({ type: 'varchar', length: 300 })
  sleutel: string;

  @Column({ name: 'gelezen_op', type: 'timestamptz', nullable: true })
  gelezenOp: Date | null;

  @Column({ name: 'mail_status', type: 'varchar', length: 20 })
  mailStatus: MailStatus;

  /** Send attempts started (counted when claimed, so a sender that crashes counts too). */
  @Column({ name: 'mail_pogingen', type: 'int', default: 0 })
  mailPogingen: number;

  /** When a sender claimed it; a claim that is much older belongs to a crashed sender. */
  @Column({ name: 'mail_geclaimd_op', type: 'timestamptz', nullable: true })
  mailGeclaimdOp: Date | null;

  /** After a failed attempt: not before this moment (backoff). */
  @Column({ name: 'mail_volgende_poging_op', type: 'timestamptz', nullable: true })
  mailVolgendePogingOp: Date | null;

  @Column({ name: 'mail_verzonden_op', type: 'timestamptz', nullable: true })
  mailVerzondenOp: Date | null;

  /** The last error of the mail server (for beheerders and logs; not shown to the user). */
  @Column({ name: 'mail_fout', type: 'text', nullable: true })
  mailFout: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

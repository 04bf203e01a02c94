/** Every queue of the platform; one processor per queue. */
export enum QueueName {
  Housekeeping = 'housekeeping',
  Notificaties = 'notificaties',
}

/** Job names, each mapped to its payload type in JobPayloads. */
export const JobName = {
  HousekeepingNightly: 'housekeeping.nightly',
  MailOutbox: 'notificaties.mail-outbox',
  MailDigest: 'notificaties.mail-digest',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

export interface JobPayloads {
  [JobName.HousekeepingNightly]: { reason: 'schedule' | 'manual' };
  [JobName.MailOutbox]: { reason: 'schedule' | 'nieuw' | 'manual' };
  [JobName.MailDigest]: { reason: 'schedule' | 'manual' };
}

export const QUEUE_OF_JOB: { [N in JobName]: QueueName } = {
  [JobName.HousekeepingNightly]: QueueName.Housekeeping,
  [JobName.MailOutbox]: QueueName.Notificaties,
  [JobName.MailDigest]: QueueName.Notificaties,
};

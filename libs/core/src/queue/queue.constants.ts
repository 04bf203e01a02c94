/** Every queue of the platform; one processor per queue. */
export enum QueueName {
  Housekeeping = 'housekeeping',
  Notificaties = 'notificaties',
  Dossiers = 'dossiers',
  Ritme = 'ritme',
}

/** Job names, each mapped to its payload type in JobPayloads. */
export const JobName = {
  HousekeepingNightly: 'housekeeping.nightly',
  MailOutbox: 'notificaties.mail-outbox',
  MailDigest: 'notificaties.mail-digest',
  DossierSamenstellen: 'dossiers.samenstellen',
  RitmeDag: 'ritme.dag',
  RitmeTaak: 'ritme.taak',
  RitmeSynchronisatie: 'ritme.synchronisatie',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

export interface JobPayloads {
  [JobName.HousekeepingNightly]: { reason: 'schedule' | 'manual' };
  [JobName.MailOutbox]: { reason: 'schedule' | 'nieuw' | 'manual' };
  [JobName.MailDigest]: { reason: 'schedule' | 'manual' };
  /** Assemble this requested dossier (the job id is the dossier id). */
  [JobName.DossierSamenstellen]: { dossierId: string };
  /** Plan one gemeente's day of the quarterly rhythm; `datum` (YYYY-MM-DD) defaults to today. */
  [JobName.RitmeDag]: { gemeenteId: string; datum?: string };
  /** One unit job of the rhythm, as the planner made it (kwartaalritme's RitmeTaak). */
  [JobName.RitmeTaak]: {
    soort: string;
    jobId: string;
    gemeenteId: string;
    datum?: string;
  } & Record<string, unknown>;
  /** Make sure every gemeente has its daily rhythm schedule. */
  [JobName.RitmeSynchronisatie]: { reason: 'schedule' | 'manual' };
}

export const QUEUE_OF_JOB: { [N in JobName]: QueueName } = {
  [JobName.HousekeepingNightly]: QueueName.Housekeeping,
  [JobName.MailOutbox]: QueueName.Notificaties,
  [JobName.MailDigest]: QueueName.Notificaties,
  [JobName.DossierSamenstellen]: QueueName.Dossiers,
  [JobName.RitmeDag]: QueueName.Ritme,
  [JobName.RitmeTaak]: QueueName.Ritme,
  [JobName.RitmeSynchronisatie]: QueueName.Ritme,
};

import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  JobName,
  QueueName,
  QueueService,
  TypedJob,
} from '@wijkkompas/core';
import { MailResultaat, MailService } from './mail.service';

export const MAIL_OUTBOX_SCHEDULER_ID = 'notificaties:mail-outbox';
export const MAIL_DIGEST_SCHEDULER_ID = 'notificaties:mail-digest';

/**
 * Worker side: mails the outbox (MAIL_OUTBOX_CRON, every minute) and the daily digest
 * (MAIL_DIGEST_CRON, 07:00 in TZ_GEMEENTE) as BullMQ job schedulers, one schedule however
 * many workers start. One job at a time per worker; two workers never send the same mail
 * because the service claims rows with SKIP LOCKED. A mail that fails is retried by the next
 * run, so a failed send does not fail the job; only a database error does (and BullMQ retries).
 */
@Injectable()
export class MailProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly queues: QueueService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues.startWorker(QueueName.Notificaties, (job) => this.handle(job as TypedJob), {
      concurrency: 1,
    });
    await this.queues.schedule(
      MAIL_OUTBOX_SCHEDULER_ID,
      { pattern: this.config.mailOutboxCron },
      JobName.MailOutbox,
      { reason: 'schedule' },
    );
    await this.queues.schedule(
      MAIL_DIGEST_SCHEDULER_ID,
      { pattern: this.config.mailDigestCron },
      JobName.MailDigest,
      { reason: 'schedule' },
    );
  }

  async handle(job: TypedJob): Promise<MailResultaat> {
    switch (job.name) {
      case JobName.MailOutbox:
        return this.mail.verwerkOutbox();
      case JobName.MailDigest:
        return this.mail.verstuurDigest();
      default:
        throw new Error(`Onbekende taak ${String(job.name)} in wachtrij ${QueueName.Notificaties}`);
    }
  }
}

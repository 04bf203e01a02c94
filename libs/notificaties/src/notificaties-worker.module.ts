import { Module } from '@nestjs/common';
import { MailProcessor } from './mail/mail.processor';
import { NotificatiesModule } from './notificaties.module';

/** The job side: the outbox and the daily digest. */
@Module({ imports: [NotificatiesModule], providers: [MailProcessor] })
export class NotificatiesWorkerModule {}

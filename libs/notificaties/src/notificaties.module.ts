import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailTransport } from './mail/mail-transport';
import { MailService } from './mail/mail.service';
import { MailVoorkeurService } from './mail-voorkeur.service';
import { Notificatie } from './notificatie.entity';
import { NotificatieService } from './notificatie.service';
import { NotificatiesDemoSeed } from './seed/notificaties.seed';

/**
 * Stored notifications and their e-mail. Other capabilities import this module and call
 * NotificatieService.notificeer inside their own transaction; the worker module sends.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Notificatie])],
  providers: [
    NotificatieService,
    MailVoorkeurService,
    MailService,
    MailTransport,
    NotificatiesDemoSeed,
  ],
  exports: [NotificatieService, MailVoorkeurService, MailService, TypeOrmModule],
})
export class NotificatiesModule {}

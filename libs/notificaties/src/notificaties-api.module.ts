import { Module } from '@nestjs/common';
import { MailVoorkeurController } from './mail-voorkeur.controller';
import { NotificatieController } from './notificatie.controller';
import { NotificatiesModule } from './notificaties.module';

/** The HTTP side: one's own notifications and e-mail preference. */
@Module({
  imports: [NotificatiesModule],
  controllers: [NotificatieController, MailVoorkeurController],
})
export class NotificatiesApiModule {}

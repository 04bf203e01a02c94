import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Actor,
  APP_CONFIG,
  AppConfig,
  AuditService,
  Gebruiker,
  NotFoundError,
} from '@wijkkompas/core';

export type MailVoorkeur = Gebruiker['mailVoorkeur'];
export const MAIL_VOORKEUREN: readonly MailVoorkeur[] = ['direct', 'dagelijks', 'geen'];

export interface MailVoorkeurStand {
  mailVoorkeur: MailVoorkeur;
  email: string;
  /** False when the platform has no SMTP_URL: then nothing is mailed, whatever the preference. */
  mailIngeschakeld: boolean;
  /** Mails still waiting that moved along with a change of preference. */
  verplaatst?: number;
}

/** Where mails still waiting go when the preference changes. */
const VERPLAATSING: Record<MailVoorkeur, { van: string[]; naar: string }> = {
  direct: { van: ['digest'], naar: 'wachtrij' },
  dagelijks: { van: ['wachtrij'], naar: 'digest' },
  geen: { van: ['wachtrij', 'digest'], naar: 'overgeslagen' },
};

/** Each user's own choice of how notifications reach them by e-mail. */
@Injectable()
export class MailVoorkeurService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async lees(actor: Actor): Promise<MailVoorkeurStand> {
    const gebruiker = await this.dataSource
      .getRepository(Gebruiker)
      .findOneBy({ id: actor.gebruikerId });
    if (!gebruiker) throw new NotFoundError('Gebruiker', actor.gebruikerId);
    return this.stand(gebruiker.mailVoorkeur, gebruiker.email);
  }

  /**
   * Sets the preference and moves the mails still waiting along with it — to the digest, to
   * the outbox, or out — so "geen" stops mail at once and "dagelijks" gathers today's mails.
   * Audited as a change of the gebruiker.
   */
  async zet(actor: Actor, voorkeur: MailVoorkeur): Promise<MailVoorkeurStand> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Gebruiker);
      const gebruiker = await repo.findOne({
        where: { id: actor.gebruikerId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!gebruiker) throw new NotFoundError('Gebruiker', actor.gebruikerId);
      if (gebruiker.mailVoorkeur === voorkeur)
        return { ...this.stand(voorkeur, gebruiker.email), verplaatst: 0 };
      await repo.update({ id: gebruiker.id }, { mailVoorkeur: voorkeur });
      const { van, naar } = VERPLAATSING[voorkeur];
      // An UPDATE through query() answers [rows, affected].
      const [, verplaatst]: [unknown[], number] = await manager.query(
        `UPDATE notificaties
            SET mail_status = $3, mail_pogingen = 0, mail_volgende_poging_op = NULL, mail_fout = NULL
          WHERE gebruiker_id = $1 AND mail_status = ANY($2::varchar[])`,
        [gebruiker.id, van, naar],
      );
      await this.audit.record(manager, actor, {
        action: 'mail-voorkeur-gewijzigd',
        entityType: 'gebruiker',
        entityId: gebruiker.id,
        before: { mailVoorkeur: gebruiker.mailVoorkeur },
        after: { mailVoorkeur: voorkeur },
      });
      return { ...this.stand(voorkeur, gebruiker.email), verplaatst };
    });
  }

  private stand(mailVoorkeur: MailVoorkeur, email: string): MailVoorkeurStand {
    return { mailVoorkeur, email, mailIngeschakeld: this.config.smtpUrl !== undefined };
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@wijkkompas/core';
import { MailStatus } from '../notificatie.entity';
import { foutmelding, MAX_MAILPOGINGEN, naMislukking, VERLATEN_CLAIM_MINUTEN } from './mail-poging';
import { digestMail, directeMail, MailBericht, MailOpmaak } from './mail-tekst';
import { MailTransport } from './mail-transport';

/** Mails claimed per round: small enough that a slow server never outlives a claim. */
const BATCH = 20;
/** Rounds per outbox run; the next run (a minute later) takes the rest. */
const MAX_RONDES = 25;
/** Notifications in one digest; more wait for the next. */
const MAX_PER_DIGEST = 200;

export interface MailResultaat {
  /** Mails the SMTP server accepted (a digest counts once). */
  verzonden: number;
  /** Failed attempts that will be tried again. */
  opnieuw: number;
  /** Mails given up after MAX_MAILPOGINGEN attempts. */
  mislukt: number;
  /** Notifications not mailed: no SMTP, preference 'geen', already read, or blocked account. */
  overgeslagen: number;
}

interface GeclaimdeMail {
  id: string;
  gebruikerId: string;
  titel: string;
  tekst: string;
  link: string | null;
  createdAt: Date;
  pogingen: number;
  gelezen: boolean;
  email: string;
  naam: string;
  actief: boolean;
  mailVoorkeur: string;
  gemeenteNaam: string;
}

interface ClaimRij {
  id: string;
  gebruiker_id: string;
  titel: string;
  tekst: string;
  link: string | null;
  created_at: Date | string;
  mail_pogingen: number;
  gelezen_op: Date | string | null;
  email: string;
  naam: string;
  actief: boolean;
  mail_voorkeur: string;
  gemeente_naam: string;
}

const leeg = (): MailResultaat => ({ verzonden: 0, opnieuw: 0, mislukt: 0, overgeslagen: 0 });

/**
 * Sends what the notifications table holds, from jobs: the outbox (every minute) mails each
 * notification of users who want them at once, and the daily digest mails one overview per
 * user who chose 'dagelijks'. Claiming is one UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP
 * LOCKED) … RETURNING, in autocommit — no transaction is open while a mail is being sent —
 * so two workers never send the same mail. Each attempt is counted when claimed; a failure
 * goes back with a growing wait and is given up after MAX_MAILPOGINGEN attempts; a claim
 * older than VERLATEN_CLAIM_MINUTEN (a sender that crashed) is released. Delivery is at least
 * once: a crash after the server accepted a mail but before it was marked sends it again,
 * with the same Message-ID.
 *
 * Both runs take `nu`, so tests and other jobs drive them with a controlled clock.
 */
@Injectable()
export class MailService {
  private readonly logger = new Logger(MailService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get opmaak(): MailOpmaak {
    return { publicUrl: this.config.publicUrl, tijdzone: this.config.timeZone };
  }

  /** One outbox run: the mails of 'direct' users, and digests that failed earlier. */
  async verwerkOutbox(nu: Date = new Date()): Promise<MailResultaat> {
    const resultaat = leeg();
    if (!this.transport.ingeschakeld) {
      resultaat.overgeslagen = await this.slaOverZonderSmtp(['wachtrij', 'digest']);
      return resultaat;
    }
    await this.geefVerlatenClaimsVrij(nu);
    for (let ronde = 0; ronde < MAX_RONDES; ronde++) {
      const mails = await this.claim(
        `mail_status = 'wachtrij'
         AND (mail_volgende_poging_op IS NULL OR mail_volgende_poging_op <= $1)`,
        [nu],
        nu,
        BATCH,
      );
      for (const mail of mails) await this.verstuurDirect(mail, nu, resultaat);
      if (mails.length < BATCH) break;
    }
    // A digest that failed is tried again here, after its wait, not a day later. Only its
    // own notifications (attempted before): today's new ones wait for tomorrow's digest.
    const herkansingen: { gebruiker_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT gebruiker_id FROM notificaties
        WHERE mail_status = 'digest' AND mail_pogingen > 0 AND mail_volgende_poging_op <= $1`,
      [nu],
    );
    for (const { gebruiker_id } of herkansingen)
      await this.verstuurDigestVoor(gebruiker_id, nu, true, resultaat);
    this.meld('Outbox', resultaat);
    return resultaat;
  }

  /** The daily digest: one mail per user with everything that waited for it until `nu`. */
  async verstuurDigest(nu: Date = new Date()): Promise<MailResultaat> {
    const resultaat = leeg();
    if (!this.transport.ingeschakeld) {
      resultaat.overgeslagen = await this.slaOverZonderSmtp(['digest']);
      return resultaat;
    }
    await this.geefVerlatenClaimsVrij(nu);
    const gebruikers: { gebruiker_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT gebruiker_id FROM notificaties
        WHERE mail_status = 'digest' AND created_at <= $1`,
      [nu],
    );
    for (const { gebruiker_id } of gebruikers)
      await this.verstuurDigestVoor(gebruiker_id, nu, false, resultaat);
    this.meld('Dagelijks overzicht', resultaat);
    return resultaat;
  }

  private async verstuurDirect(mail: GeclaimdeMail, nu: Date, resultaat: MailResultaat) {
    if (this.niemandMeer(mail)) {
      resultaat.overgeslagen += await this.markeerOvergeslagen([mail]);
      return;
    }
    const bericht = directeMail(mail.naam, mail, this.opmaak);
    const fout = await this.verstuur(mail, bericht, `notificatie.${mail.id}`);
    await this.verwerkUitkomst([mail], fout, 'wachtrij', nu, resultaat);
  }

  private async verstuurDigestVoor(
    gebruikerId: string,
    nu: Date,
    herkansing: boolean,
    resultaat: MailResultaat,
  ): Promise<void> {
    const mails = await this.claim(
      `gebruiker_id = $2 AND mail_status = 'digest' AND created_at <= $1` +
        (herkansing ? ` AND mail_pogingen > 0 AND mail_volgende_poging_op <= $1` : ''),
      [nu, gebruikerId],
      nu,
      MAX_PER_DIGEST,
    );
    if (mails.length === 0) return; // another worker has them
    const weg = mails.filter((mail) => this.niemandMeer(mail));
    const mee = mails.filter((mail) => !this.niemandMeer(mail));
    resultaat.overgeslagen += await this.markeerOvergeslagen(weg);
    if (mee.length === 0) return;
    const bericht = digestMail(mee[0].naam, mee, this.opmaak, nu);
    const fout = await this.verstuur(mee[0], bericht, `overzicht.${mee[0].id}`);
    await this.verwerkUitkomst(mee, fout, 'digest', nu, resultaat);
  }

  /** Read in the app already, account blocked, or no mail wanted any more: nothing to send. */
  private niemandMeer(mail: GeclaimdeMail): boolean {
    return mail.gelezen || !mail.actief || mail.mailVoorkeur === 'geen';
  }

  private async verstuur(
    mail: GeclaimdeMail,
    bericht: MailBericht,
    messageId: string,
  ): Promise<string | undefined> {
    try {
      await this.transport.verstuur(
        {
          aan: { naam: mail.naam, email: mail.email },
          messageId: `<${messageId}@${this.transport.domein}>`,
        },
        bericht,
      );
      return undefined;
    } catch (error) {
      return foutmelding(error);
    }
  }

  private async verwerkUitkomst(
    mails: GeclaimdeMail[],
    fout: string | undefined,
    terug: 'wachtrij' | 'digest',
    nu: Date,
    resultaat: MailResultaat,
  ): Promise<void> {
    if (fout === undefined) {
      await this.dataSource.query(
        `UPDATE notificaties
            SET mail_status = 'verzonden', mail_verzonden_op = $2, mail_fout = NULL,
                mail_geclaimd_op = NULL, mail_volgende_poging_op = NULL
          WHERE id = ANY($1::uuid[]) AND mail_status = 'bezig'`,
        [mails.map((mail) => mail.id), nu],
      );
      resultaat.verzonden++;
      return;
    }
    let opgegeven = false;
    for (const mail of mails) {
      const volgende = naMislukking(mail.pogingen, terug, nu);
      await this.dataSource.query(
        `UPDATE notificaties
            SET mail_status = $2, mail_volgende_poging_op = $3, mail_fout = $4,
                mail_geclaimd_op = NULL
          WHERE id = $1 AND mail_status = 'bezig'`,
        [mail.id, volgende.status, volgende.volgendePogingOp, fout],
      );
      opgegeven ||= volgende.status === 'mislukt';
    }
    const context = {
      notificatieIds: mails.map((mail) => mail.id),
      gebruikerId: mails[0].gebruikerId,
      pogingen: Math.max(...mails.map((mail) => mail.pogingen)),
      fout,
    };
    if (opgegeven) {
      resultaat.mislukt++;
      this.logger.error(context, `E-mail opgegeven na ${MAX_MAILPOGINGEN} pogingen`);
    } else {
      resultaat.opnieuw++;
      this.logger.warn(context, 'E-mail niet verzonden; volgt later opnieuw');
    }
  }

  private async claim(
    voorwaarde: string,
    parameters: unknown[],
    nu: Date,
    limiet: number,
  ): Promise<GeclaimdeMail[]> {
    const claimOp = `$${parameters.length + 1}`;
    const rows: ClaimRij[] = await this.dataSource.query(
      `WITH geclaimd AS (
         UPDATE notificaties n
            SET mail_status = 'bezig', mail_geclaimd_op = ${claimOp},
                mail_pogingen = n.mail_pogingen + 1
          WHERE n.id IN (SELECT id FROM notificaties
                          WHERE ${voorwaarde}
                          ORDER BY created_at, id
                          LIMIT ${limiet}
                          FOR UPDATE SKIP LOCKED)
         RETURNING n.id, n.gebruiker_id, n.gemeente_id, n.titel, n.tekst, n.link, n.created_at,
                   n.mail_pogingen, n.gelezen_op)
       SELECT c.*, g.email, COALESCE(gg.naam, g.email) AS naam, COALESCE(gg.actief, false) AS actief,
              g.mail_voorkeur, gm.naam AS gemeente_naam
         FROM geclaimd c
         JOIN gebruikers g ON g.id = c.gebruiker_id
         LEFT JOIN gebruiker_gemeenten gg ON gg.gebruiker_id = c.gebruiker_id AND gg.gemeente_id = c.gemeente_id
         JOIN gemeenten gm ON gm.id = c.gemeente_id
        ORDER BY c.created_at, c.id`,
      [...parameters, nu],
    );
    return rows.map((row) => ({
      id: row.id,
      gebruikerId: row.gebruiker_id,
      titel: row.titel,
      tekst: row.tekst,
      link: row.link,
      createdAt: new Date(row.created_at),
      pogingen: Number(row.mail_pogingen),
      gelezen: row.gelezen_op !== null,
      email: row.email,
      naam: row.naam,
      actief: row.actief,
      mailVoorkeur: row.mail_voorkeur,
      gemeenteNaam: row.gemeente_naam,
    }));
  }

  private async markeerOvergeslagen(mails: GeclaimdeMail[]): Promise<number> {
    if (mails.length === 0) return 0;
    await this.dataSource.query(
      `UPDATE notificaties SET mail_status = 'overgeslagen', mail_geclaimd_op = NULL
        WHERE id = ANY($1::uuid[]) AND mail_status = 'bezig'`,
      [mails.map((mail) => mail.id)],
    );
    return mails.length;
  }

  /** Without SMTP_URL nothing is mailed; what waited stays in the app only. */
  private async slaOverZonderSmtp(statussen: MailStatus[]): Promise<number> {
    const [, aantal]: [unknown[], number] = await this.dataSource.query(
      `UPDATE notificaties SET mail_status = 'overgeslagen'
        WHERE mail_status = ANY($1::varchar[])`,
      [statussen],
    );
    return aantal;
  }

  /** Claims of a sender that crashed go back where they came from (or are given up). */
  private async geefVerlatenClaimsVrij(nu: Date): Promise<void> {
    const grens = new Date(nu.getTime() - VERLATEN_CLAIM_MINUTEN * 60_000);
    const [, aantal]: [unknown[], number] = await this.dataSource.query(
      `UPDATE notificaties n
          SET mail_status = CASE WHEN n.mail_pogingen >= $2 THEN 'mislukt'
                                 WHEN g.mail_voorkeur = 'dagelijks' THEN 'digest'
                                 ELSE 'wachtrij' END,
              mail_fout = CASE WHEN n.mail_pogingen >= $2
                               THEN 'Verzending afgebroken: de verzender stopte midden in een poging'
                               ELSE n.mail_fout END,
              mail_geclaimd_op = NULL
         FROM gebruikers g
        WHERE g.id = n.gebruiker_id AND n.mail_status = 'bezig' AND n.mail_geclaimd_op < $1`,
      [grens, MAX_MAILPOGINGEN],
    );
    if (aantal > 0)
      this.logger.warn({ aantal }, 'Verlaten e-mailclaims vrijgegeven (verzender gestopt?)');
  }

  private meld(run: string, resultaat: MailResultaat): void {
    if (Object.values(resultaat).some((aantal) => aantal > 0))
      this.logger.log({ resultaat }, `${run}: e-mail verwerkt`);
  }
}

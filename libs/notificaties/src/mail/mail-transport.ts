import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '@wijkkompas/core';
import { MailBericht } from './mail-tekst';

export interface Envelop {
  aan: { naam: string; email: string };
  /** Stable per notification, so a receiving system can drop a mail that was sent twice. */
  messageId?: string;
}

/**
 * The SMTP connection (SMTP_URL), through nodemailer with a small pool, so a burst at the
 * start of a quarter does not open a connection per mail. Timeouts are short: a mail server
 * that hangs costs one attempt, not the outbox job.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private transporter?: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get ingeschakeld(): boolean {
    return this.config.smtpUrl !== undefined;
  }

  /** The domain for Message-IDs: the host of PUBLIC_URL. */
  get domein(): string {
    try {
      return new URL(this.config.publicUrl).hostname || 'wijkkompas.invalid';
    } catch {
      return 'wijkkompas.invalid';
    }
  }

  async verstuur(envelop: Envelop, bericht: MailBericht): Promise<void> {
    if (!this.config.smtpUrl) throw new Error('Geen SMTP_URL ingesteld');
    this.transporter ??= createTransport({
      url: this.config.smtpUrl,
      pool: true,
      maxConnections: 2,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    await this.transporter.sendMail({
      from: this.config.mailFrom,
      to: { name: envelop.aan.naam, address: envelop.aan.email },
      subject: bericht.onderwerp,
      text: bericht.tekst,
      html: bericht.html,
      messageId: envelop.messageId,
      headers: {
        // Automatic mail: no out-of-office replies back to the sender address.
        'Auto-Submitted': 'auto-generated',
        'X-Auto-Response-Suppress': 'All',
      },
    });
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
    this.transporter = undefined;
  }
}

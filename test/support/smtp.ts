import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface OntvangenMail {
  aan: string[];
  onderwerp: string;
  tekst: string;
  html: string;
}

/**
 * A real SMTP server on a random loopback port, for tests: it accepts (or, when told to,
 * refuses) every message and keeps what arrived, parsed.
 */
export class TestSmtpServer {
  readonly ontvangen: OntvangenMail[] = [];
  weiger = false;
  private server?: SMTPServer;
  private poort = 0;

  get url(): string {
    return `smtp://127.0.0.1:${this.poort}`;
  }

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        if (this.weiger) {
          stream.resume();
          stream.on('end', () =>
            callback(
              Object.assign(new Error('Mailbox tijdelijk niet beschikbaar'), { responseCode: 451 }),
            ),
          );
          return;
        }
        simpleParser(stream)
          .then((mail: ParsedMail) => {
            const aan = ([] as { value: { address?: string }[] }[])
              .concat((mail.to as never) ?? [])
              .flatMap((a) => a.value.map((v) => v.address ?? ''));
            this.ontvangen.push({
              aan,
              onderwerp: mail.subject ?? '',
              tekst: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.poort = (this.server.server.address() as AddressInfo).port;
  }

  aan(email: string): OntvangenMail[] {
    return this.ontvangen.filter((m) => m.aan.includes(email));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

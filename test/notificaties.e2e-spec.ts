import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import {
  AuditEntry,
  AuditService,
  DemoSeedContext,
  Gebruiker,
  Gemeente,
  JobName,
  Organisatie,
  QueueName,
  QueueService,
  Rol,
} from '@wijkkompas/core';
import {
  createTestApp,
  login,
  makeAanbieder,
  makeGebruiker,
  makeGemeente,
  TestApp,
  TestGebruiker,
  unique,
} from '@wijkkompas/core/testing';
import { NotificatiesDemoSeed } from '../libs/notificaties/src/seed/notificaties.seed';
import {
  MAIL_DIGEST_SCHEDULER_ID,
  MAIL_OUTBOX_SCHEDULER_ID,
  MailService,
  Notificatie,
  NotificatieInvoer,
  NotificatieService,
} from '@wijkkompas/notificaties';

/**
 * Notifications end to end: stored per user, mailed through a real SMTP server that this
 * test starts (smtp-server) and reads back (mailparser), at once or as a daily digest, with
 * retries when the server refuses; and the HTTP side, where everyone only sees their own.
 */

interface Ontvangen {
  aan: string[];
  mail: ParsedMail;
}

/** A real SMTP server on a random port that keeps what it receives, or refuses on demand. */
class TestSmtp {
  readonly ontvangen: Ontvangen[] = [];
  weigeren = false;
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 500,
    onRcptTo: (_address, _session, callback) => {
      if (!this.weigeren) return callback();
      callback(
        Object.assign(new Error('Mailbox tijdelijk niet beschikbaar'), { responseCode: 450 }),
      );
    },
    onData: (stream, session, callback) => {
      simpleParser(stream).then(
        (mail) => {
          this.ontvangen.push({ aan: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  aan(email: string): ParsedMail[] {
    return this.ontvangen.filter((o) => o.aan.includes(email)).map((o) => o.mail);
  }
}

const PUBLIC_URL = 'https://wijkkompas.test.example';
const MAIL_FROM = 'Wijkkompas <meldingen@test.example>';
const minuten = (moment: Date, aantal: number) => new Date(moment.getTime() + aantal * 60_000);

describe('Notificaties met e-mail', () => {
  const smtp = new TestSmtp();
  let t: TestApp;
  let notificaties: NotificatieService;
  let mail: MailService;
  let gemeente: Gemeente;
  let andereGemeente: Gemeente;
  let aanbiederX: Organisatie;
  let aanbiederY: Organisatie;
  const u: Record<string, TestGebruiker> = {};
  const http = () => request(t.app.getHttpServer());

  async function rij(id: string): Promise<Notificatie> {
    return t.dataSource.getRepository(Notificatie).findOneByOrFail({ id });
  }

  async function vanGebruiker(naam: string, sleutel: string): Promise<Notificatie> {
    return t.dataSource
      .getRepository(Notificatie)
      .findOneByOrFail({ gebruikerId: u[naam].gebruiker.id, sleutel });
  }

  function melding(
    sleutel: string,
    ontvangers: Pick<NotificatieInvoer, 'gebruikerIds' | 'rollen' | 'organisatieId'>,
    overrides: Partial<NotificatieInvoer> = {},
  ): NotificatieInvoer {
    return {
      gemeenteId: gemeente.id,
      soort: 'ingediend',
      titel: `Kwartaalverantwoording ingediend: ${aanbiederX.naam}`,
      tekst: `${aanbiederX.naam} heeft de kwartaalverantwoording over het 3e kwartaal 2026 ingediend. U kunt hem nu beoordelen.`,
      link: '/api/v1/kwartaalverantwoordingen/3f1c2a9e-8d7b-4c6a-9e5f-1a2b3c4d5e6f',
      entiteit: { type: 'kwartaalverantwoording', id: '3f1c2a9e-8d7b-4c6a-9e5f-1a2b3c4d5e6f' },
      sleutel,
      ...ontvangers,
      ...overrides,
    } as NotificatieInvoer;
  }

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    t = await createTestApp(
      {},
      { SMTP_URL: smtpUrl, PUBLIC_URL: PUBLIC_URL, MAIL_FROM: MAIL_FROM },
    );
    notificaties = t.app.get(NotificatieService);
    mail = t.app.get(MailService);
    const a = await makeGemeente(t.dataSource);
    const b = await makeGemeente(t.dataSource);
    gemeente = a.gemeente;
    andereGemeente = b.gemeente;
    aanbiederX = await makeAanbieder(t.dataSource, [gemeente]);
    aanbiederY = await makeAanbieder(t.dataSource, [gemeente]);
    const maak = async (
      naam: string,
      organisatie: Organisatie,
      rollen: { gemeente: Gemeente; rol: Rol }[],
      overrides: Partial<Gebruiker> = {},
    ) => {
      u[naam] = await makeGebruiker(t.dataSource, organisatie, rollen, {
        naam: `${naam} ${unique('t')}`,
        ...overrides,
      });
    };
    await maak('cm1', a.organisatie, [{ gemeente, rol: Rol.Contractmanager }]);
    await maak('cm2', a.organisatie, [{ gemeente, rol: Rol.Contractmanager }]);
    await maak('cmInactief', a.organisatie, [{ gemeente, rol: Rol.Contractmanager }], {
      actief: false,
    });
    await maak('bestuurder', a.organisatie, [{ gemeente, rol: Rol.Bestuurder }], {
      mailVoorkeur: 'dagelijks',
    });
    await maak('adviseur', a.organisatie, [{ gemeente, rol: Rol.Beleidsadviseur }], {
      mailVoorkeur: 'geen',
    });
    await maak('directeurX', aanbiederX, [{ gemeente, rol: Rol.Directeur }]);
    await maak('teamleiderX', aanbiederX, [{ gemeente, rol: Rol.Teamleider }]);
    await maak('directeurY', aanbiederY, [{ gemeente, rol: Rol.Directeur }]);
    await maak('cmAnder', b.organisatie, [{ gemeente: andereGemeente, rol: Rol.Contractmanager }]);
  });

  afterAll(async () => {
    await t?.close();
    await smtp.stop();
  });

  beforeEach(() => {
    smtp.weigeren = false;
  });

  describe('ontvangers', () => {
    it('finds the active users with a role in the gemeente, optionally of one organisation', async () => {
      const cms = await notificaties.ontvangers(undefined, gemeente.id, [Rol.Contractmanager]);
      expect(cms).toEqual([u.cm1.gebruiker.id, u.cm2.gebruiker.id].sort());
      expect(
        await notificaties.ontvangers(undefined, gemeente.id, [Rol.Directeur], aanbiederX.id),
      ).toEqual([u.directeurX.gebruiker.id]);
      expect(
        (
          await notificaties.ontvangers(undefined, gemeente.id, [Rol.Directeur, Rol.Teamleider])
        ).sort(),
      ).toEqual(
        [u.directeurX.gebruiker.id, u.teamleiderX.gebruiker.id, u.directeurY.gebruiker.id].sort(),
      );
      expect(await notificaties.ontvangers(undefined, gemeente.id, [])).toEqual([]);
    });
  });

  describe('notificeer', () => {
    it('notifies by role within one organisation only', async () => {
      const sleutel = unique('periode-geopend');
      const nieuw = await notificaties.notificeer(
        undefined,
        melding(sleutel, { rollen: [Rol.Directeur], organisatieId: aanbiederX.id }),
      );
      expect(nieuw).toBe(1);
      const rijen = await t.dataSource.getRepository(Notificatie).findBy({ sleutel });
      expect(rijen.map((r) => r.gebruikerId)).toEqual([u.directeurX.gebruiker.id]);
      expect(rijen[0]).toMatchObject({
        gemeenteId: gemeente.id,
        soort: 'ingediend',
        entiteitType: 'kwartaalverantwoording',
        mailStatus: 'wachtrij',
        mailPogingen: 0,
        gelezenOp: null,
      });
    });

    it('never notifies across tenants or blocked accounts, even when named', async () => {
      const sleutel = unique('escalatie');
      const nieuw = await notificaties.notificeer(
        undefined,
        melding(sleutel, {
          gebruikerIds: [
            u.cm1.gebruiker.id,
            u.cmAnder.gebruiker.id,
            u.cmInactief.gebruiker.id,
            u.cm1.gebruiker.id,
          ],
        }),
      );
      expect(nieuw).toBe(1);
      const rijen = await t.dataSource.getRepository(Notificatie).findBy({ sleutel });
      expect(rijen.map((r) => r.gebruikerId)).toEqual([u.cm1.gebruiker.id]);
    });

    it('stores each event once per user: a retried or concurrent notify with the same key adds nothing', async () => {
      const sleutel = unique('herinnering');
      const titel = `Herinnering ${sleutel}`;
      const invoer = melding(sleutel, { rollen: [Rol.Contractmanager] }, { titel });
      expect(await notificaties.notificeer(undefined, invoer)).toBe(2);
      expect(await notificaties.notificeer(undefined, invoer)).toBe(0);
      const gelijktijdig = { ...invoer, sleutel: `${sleutel}-b`, titel: `${titel} (b)` };
      const tegelijk = await Promise.all([
        notificaties.notificeer(undefined, gelijktijdig),
        notificaties.notificeer(undefined, gelijktijdig),
      ]);
      expect(tegelijk.reduce((a, b) => a + b, 0)).toBe(2);
      // Inside a caller's transaction too (the way the other capabilities call it).
      await t.dataSource.transaction((manager) => notificaties.notificeer(manager, invoer));
      const rijen = await t.dataSource
        .getRepository(Notificatie)
        .findBy({ gebruikerId: u.cm1.gebruiker.id, sleutel });
      expect(rijen).toHaveLength(1);

      // One mail per user per event, however often it was notified.
      await mail.verwerkOutbox();
      await mail.verwerkOutbox();
      for (const naam of ['cm1', 'cm2'])
        for (const onderwerp of [titel, `${titel} (b)`])
          expect(
            smtp.aan(u[naam].email).filter((m) => m.subject === `[Wijkkompas] ${onderwerp}`),
          ).toHaveLength(1);
      expect(smtp.aan(u.cm1.email).map((m) => m.messageId)).toContain(
        `<notificatie.${rijen[0].id}@wijkkompas.test.example>`,
      );
    });

    it('commits and rolls back with the transaction of the event', async () => {
      const sleutel = unique('ingediend');
      await expect(
        t.dataSource.transaction(async (manager) => {
          expect(
            await notificaties.notificeer(
              manager,
              melding(sleutel, { rollen: [Rol.Contractmanager] }),
            ),
          ).toBe(2);
          throw new Error('de indiening mislukt');
        }),
      ).rejects.toThrow('de indiening mislukt');
      expect(await t.dataSource.getRepository(Notificatie).countBy({ sleutel })).toBe(0);
    });

    it('refuses a link to another site and an empty key, before touching the database', async () => {
      await expect(
        notificaties.notificeer(
          undefined,
          melding(
            unique('x'),
            { rollen: [Rol.Contractmanager] },
            { link: 'https://elders.example' },
          ),
        ),
      ).rejects.toThrow(/link/);
      await expect(
        notificaties.notificeer(undefined, melding('', { rollen: [Rol.Contractmanager] })),
      ).rejects.toThrow(/sleutel/);
    });
  });

  describe('e-mail', () => {
    it("mails 'direct' users each notification at once, in Dutch, with the link on PUBLIC_URL", async () => {
      const sleutel = unique('ingediend');
      await notificaties.notificeer(undefined, melding(sleutel, { rollen: [Rol.Contractmanager] }));
      const resultaat = await mail.verwerkOutbox();
      expect(resultaat.verzonden).toBeGreaterThanOrEqual(2);

      for (const naam of ['cm1', 'cm2']) {
        const rijCm = await vanGebruiker(naam, sleutel);
        expect(rijCm).toMatchObject({ mailStatus: 'verzonden', mailPogingen: 1, mailFout: null });
        expect(rijCm.mailVerzondenOp).toBeInstanceOf(Date);
        const mails = smtp
          .aan(u[naam].email)
          .filter((m) => m.messageId === `<notificatie.${rijCm.id}@wijkkompas.test.example>`);
        expect(mails).toHaveLength(1);
        const [m] = mails;
        expect(m.subject).toBe(`[Wijkkompas] Kwartaalverantwoording ingediend: ${aanbiederX.naam}`);
        expect(m.from?.value).toEqual([{ address: 'meldingen@test.example', name: 'Wijkkompas' }]);
        expect(m.to).toMatchObject({
          value: [{ address: u[naam].email, name: u[naam].gebruiker.naam }],
        });
        expect(m.headers.get('auto-submitted')).toBe('auto-generated');
        expect(m.text).toContain(`Beste ${u[naam].gebruiker.naam},`);
        expect(m.text).toContain(
          'heeft de kwartaalverantwoording over het 3e kwartaal 2026 ingediend',
        );
        expect(m.text).toContain(
          `Bekijk het in Wijkkompas: ${PUBLIC_URL}/verantwoordingen/3f1c2a9e-8d7b-4c6a-9e5f-1a2b3c4d5e6f`,
        );
        expect(m.text).toContain(gemeente.naam);
        expect(m.text).toContain('meldingen direct per e-mail ontvangt');
        expect(m.text).toContain('meldingsvoorkeur');
        expect(m.html).toContain('<html lang="nl">');
        expect(m.html).toContain(
          `href="${PUBLIC_URL}/verantwoordingen/3f1c2a9e-8d7b-4c6a-9e5f-1a2b3c4d5e6f"`,
        );
      }
      // Nobody else got this one, and a second run sends nothing again.
      const voorTweede = smtp.ontvangen.length;
      await mail.verwerkOutbox();
      expect(smtp.ontvangen.length).toBe(voorTweede);
    });

    it("sends 'geen' nothing but keeps the notification in the app", async () => {
      const sleutel = unique('signaal-termijn');
      await notificaties.notificeer(
        undefined,
        melding(sleutel, { gebruikerIds: [u.adviseur.gebruiker.id] }, { soort: 'signaal-termijn' }),
      );
      expect((await vanGebruiker('adviseur', sleutel)).mailStatus).toBe('overgeslagen');
      await mail.verwerkOutbox();
      await mail.verstuurDigest(minuten(new Date(), 1));
      expect(smtp.aan(u.adviseur.email)).toHaveLength(0);
      const sessie = await login(t.app, u.adviseur.email);
      const lijst = await http().get('/api/v1/notificaties').set(sessie.auth).expect(200);
      expect(lijst.body.items.map((n: { soort: string }) => n.soort)).toContain('signaal-termijn');
    });

    it("gives 'dagelijks' users one digest of what is unread, not a mail per notification", async () => {
      const sleutels = [unique('a'), unique('b'), unique('c'), unique('d')];
      const titels = [
        'Rapportageperiode 3e kwartaal 2026 geopend',
        'Herinnering: verantwoording 3e kwartaal 2026',
        'Kwartaalverantwoording te laat',
        'Dossier verantwoordingsgesprek gereed',
      ];
      for (const [i, sleutel] of sleutels.slice(0, 3).entries())
        await notificaties.notificeer(
          undefined,
          melding(sleutel, { gebruikerIds: [u.bestuurder.gebruiker.id] }, { titel: titels[i] }),
        );
      const [{ nu }] = await t.dataSource.query(`SELECT clock_timestamp() AS nu`);
      const digestMoment = new Date(nu);
      await new Promise((resolve) => setTimeout(resolve, 20));
      // After the digest moment: waits for the next digest.
      await notificaties.notificeer(
        undefined,
        melding(sleutels[3], { gebruikerIds: [u.bestuurder.gebruiker.id] }, { titel: titels[3] }),
      );
      expect((await vanGebruiker('bestuurder', sleutels[0])).mailStatus).toBe('digest');

      await mail.verwerkOutbox();
      expect(smtp.aan(u.bestuurder.email)).toHaveLength(0);

      // Read in the app in the meantime: not worth a mail any more.
      const sessie = await login(t.app, u.bestuurder.email);
      const gelezen = await vanGebruiker('bestuurder', sleutels[1]);
      await http()
        .patch(`/api/v1/notificaties/${gelezen.id}`)
        .set(sessie.auth)
        .send({ gelezen: true })
        .expect(200);

      const resultaat = await mail.verstuurDigest(digestMoment);
      expect(resultaat).toMatchObject({ verzonden: 1, overgeslagen: 1 });
      const mails = smtp.aan(u.bestuurder.email);
      expect(mails).toHaveLength(1);
      const [digest] = mails;
      const datum = new Intl.DateTimeFormat('nl-NL', {
        dateStyle: 'long',
        timeZone: 'Europe/Amsterdam',
      }).format(digestMoment);
      expect(digest.subject).toBe(`[Wijkkompas] Uw overzicht van ${datum}: 2 meldingen`);
      expect(digest.text).toContain('zijn er 2 nieuwe meldingen voor u');
      expect(digest.text).toContain(`* ${titels[0]} (`);
      expect(digest.text).toContain(`* ${titels[2]} (`);
      expect(digest.text).not.toContain(titels[1]);
      expect(digest.text).not.toContain(titels[3]);
      expect(digest.text).toContain('gekozen voor één e-mail per dag');
      expect(digest.html).toContain(`<h2 style="font-size:16px">${gemeente.naam}</h2>`);
      expect((await vanGebruiker('bestuurder', sleutels[0])).mailStatus).toBe('verzonden');
      expect((await vanGebruiker('bestuurder', sleutels[1])).mailStatus).toBe('overgeslagen');
      expect((await vanGebruiker('bestuurder', sleutels[2])).mailStatus).toBe('verzonden');
      expect((await vanGebruiker('bestuurder', sleutels[3])).mailStatus).toBe('digest');

      // The same digest moment again sends nothing; the next digest has the last one.
      await mail.verstuurDigest(digestMoment);
      expect(smtp.aan(u.bestuurder.email)).toHaveLength(1);
      await mail.verstuurDigest(minuten(new Date(), 1));
      const volgende = smtp.aan(u.bestuurder.email);
      expect(volgende).toHaveLength(2);
      expect(volgende[1].subject).toMatch(/: 1 melding$/);
      expect(volgende[1].text).toContain(titels[3]);
    });

    it('keeps a refused mail, tries again after a growing wait, and gives up after five attempts', async () => {
      const nu = new Date();
      const sleutel = unique('herinnering');
      await notificaties.notificeer(
        undefined,
        melding(sleutel, { gebruikerIds: [u.cm1.gebruiker.id] }),
      );
      const id = (await vanGebruiker('cm1', sleutel)).id;
      smtp.weigeren = true;

      await mail.verwerkOutbox(nu);
      let stand = await rij(id);
      expect(stand).toMatchObject({ mailStatus: 'wachtrij', mailPogingen: 1 });
      expect(stand.mailFout).toContain('450');
      expect(stand.mailVolgendePogingOp).toEqual(minuten(nu, 5));

      // Not before the wait is over.
      await mail.verwerkOutbox(minuten(nu, 4));
      expect((await rij(id)).mailPogingen).toBe(1);

      let moment = nu;
      for (const [poging, wacht] of [
        [2, 5],
        [3, 10],
        [4, 20],
      ] as const) {
        moment = minuten(moment, wacht);
        await mail.verwerkOutbox(moment);
        stand = await rij(id);
        expect(stand).toMatchObject({ mailStatus: 'wachtrij', mailPogingen: poging });
      }
      await mail.verwerkOutbox(minuten(moment, 40));
      stand = await rij(id);
      expect(stand).toMatchObject({
        mailStatus: 'mislukt',
        mailPogingen: 5,
        mailVolgendePogingOp: null,
      });
      expect(stand.mailFout).toContain('Mailbox tijdelijk niet beschikbaar');
      expect(smtp.aan(u.cm1.email).filter((m) => m.messageId?.includes(id))).toHaveLength(0);
      // Given up: later runs leave it alone.
      smtp.weigeren = false;
      await mail.verwerkOutbox(minuten(moment, 600));
      expect((await rij(id)).mailStatus).toBe('mislukt');
    });

    it('loses nothing when the server refuses for a while: the retry delivers it once', async () => {
      const nu = new Date();
      const sleutel = unique('herinnering');
      await notificaties.notificeer(
        undefined,
        melding(sleutel, { gebruikerIds: [u.cm2.gebruiker.id] }),
      );
      const id = (await vanGebruiker('cm2', sleutel)).id;
      smtp.weigeren = true;
      const resultaat = await mail.verwerkOutbox(nu);
      expect(resultaat.opnieuw).toBeGreaterThanOrEqual(1);
      smtp.weigeren = false;
      await mail.verwerkOutbox(minuten(nu, 5));
      expect(await rij(id)).toMatchObject({
        mailStatus: 'verzonden',
        mailPogingen: 2,
        mailFout: null,
      });
      expect(smtp.aan(u.cm2.email).filter((m) => m.messageId?.includes(id))).toHaveLength(1);
    });

    it('retries a refused digest through the outbox after its wait, with the same notifications', async () => {
      const sleutel = unique('dossier-gereed');
      await notificaties.notificeer(
        undefined,
        melding(
          sleutel,
          { gebruikerIds: [u.bestuurder.gebruiker.id] },
          { soort: 'dossier-gereed', titel: 'Dossier gereed voor het gesprek met Aanbieder X' },
        ),
      );
      const id = (await vanGebruiker('bestuurder', sleutel)).id;
      const nu = minuten(new Date(), 1);
      const voor = smtp.aan(u.bestuurder.email).length;
      smtp.weigeren = true;
      await mail.verstuurDigest(nu);
      expect(await rij(id)).toMatchObject({ mailStatus: 'digest', mailPogingen: 1 });
      smtp.weigeren = false;
      await mail.verwerkOutbox(minuten(nu, 4));
      expect(smtp.aan(u.bestuurder.email)).toHaveLength(voor);
      await mail.verwerkOutbox(minuten(nu, 5));
      const mails = smtp.aan(u.bestuurder.email);
      expect(mails).toHaveLength(voor + 1);
      expect(mails[mails.length - 1].text).toContain(
        'Dossier gereed voor het gesprek met Aanbieder X',
      );
      expect(await rij(id)).toMatchObject({ mailStatus: 'verzonden', mailPogingen: 2 });
    });

    it('releases the claim of a sender that crashed and sends the mail after all', async () => {
      const sleutel = unique('escalatie');
      await notificaties.notificeer(
        undefined,
        melding(sleutel, { gebruikerIds: [u.cm1.gebruiker.id] }),
      );
      const id = (await vanGebruiker('cm1', sleutel)).id;
      const nu = new Date();
      await t.dataSource.query(
        `UPDATE notificaties SET mail_status = 'bezig', mail_pogingen = 1, mail_geclaimd_op = $2 WHERE id = $1`,
        [id, minuten(nu, -10)],
      );
      await mail.verwerkOutbox(nu);
      expect((await rij(id)).mailStatus).toBe('bezig'); // ten minutes: still the other sender's
      await mail.verwerkOutbox(minuten(nu, 21));
      expect(await rij(id)).toMatchObject({ mailStatus: 'verzonden', mailPogingen: 2 });
      expect(smtp.aan(u.cm1.email).filter((m) => m.messageId?.includes(id))).toHaveLength(1);
    });
  });

  describe('demodata', () => {
    it('lets the wethouder and the beleidsadviseur read one overview a day, the others each mail', async () => {
      const { gemeente: demo, organisatie } = await makeGemeente(t.dataSource);
      const wethouder = await makeGebruiker(t.dataSource, organisatie, [
        { gemeente: demo, rol: Rol.Bestuurder },
      ]);
      const cm = await makeGebruiker(t.dataSource, organisatie, [
        { gemeente: demo, rol: Rol.Contractmanager },
      ]);
      const gebruiker = (g: TestGebruiker, rol: Rol) => ({
        email: g.email,
        naam: g.gebruiker.naam,
        rol,
        organisatie: organisatie.naam,
        password: g.password,
        id: g.gebruiker.id,
      });
      await t.dataSource.transaction((manager) =>
        t.app.get(NotificatiesDemoSeed).run({
          manager,
          audit: t.app.get(AuditService),
          gemeente: demo,
          gemeenteOrganisatie: organisatie,
          aanbieders: {} as DemoSeedContext['aanbieders'],
          gebruikers: [gebruiker(wethouder, Rol.Bestuurder), gebruiker(cm, Rol.Contractmanager)],
        }),
      );
      const voorkeur = async (g: TestGebruiker) =>
        (await t.dataSource.getRepository(Gebruiker).findOneByOrFail({ id: g.gebruiker.id }))
          .mailVoorkeur;
      expect(await voorkeur(wethouder)).toBe('dagelijks');
      expect(await voorkeur(cm)).toBe('direct');
      expect(
        await t.dataSource
          .getRepository(AuditEntry)
          .countBy({ entityId: wethouder.gebruiker.id, action: 'mail-voorkeur-gewijzigd' }),
      ).toBe(1);
    });
  });

  describe('HTTP', () => {
    it('lists only my own notifications in this gemeente, newest first, with the unread count', async () => {
      const sleutels = [unique('l1'), unique('l2'), unique('l3')];
      for (const [i, sleutel] of sleutels.entries()) {
        await notificaties.notificeer(
          undefined,
          melding(
            sleutel,
            { gebruikerIds: [u.teamleiderX.gebruiker.id] },
            { titel: `Melding ${i + 1}` },
          ),
        );
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await notificaties.notificeer(
        undefined,
        melding(
          unique('ander'),
          { gebruikerIds: [u.directeurX.gebruiker.id] },
          { titel: 'Niet voor teamleider' },
        ),
      );
      const sessie = await login(t.app, u.teamleiderX.email);
      const lijst = await http()
        .get('/api/v1/notificaties?pageSize=2')
        .set(sessie.auth)
        .expect(200);
      expect(lijst.body.meta).toEqual({ page: 1, pageSize: 2, totalItems: 3, totalPages: 2 });
      expect(lijst.body.ongelezen).toBe(3);
      expect(lijst.body.items.map((n: { titel: string }) => n.titel)).toEqual([
        'Melding 3',
        'Melding 2',
      ]);
      expect(lijst.body.items[0]).toEqual({
        id: expect.any(String),
        soort: 'ingediend',
        titel: 'Melding 3',
        tekst: expect.stringContaining('ingediend'),
        link: '/api/v1/kwartaalverantwoordingen/3f1c2a9e-8d7b-4c6a-9e5f-1a2b3c4d5e6f',
        entiteitType: 'kwartaalverantwoording',
        entiteitId: '3f1c2a9e-8d7b-4c6a-9e5f-1a2b3c4d5e6f',
        gelezen: false,
        gelezenOp: null,
        mailStatus: 'wachtrij',
        mailVerzondenOp: null,
        createdAt: expect.stringMatching(/Z$/),
      });
      const tweede = await http()
        .get('/api/v1/notificaties?pageSize=2&page=2')
        .set(sessie.auth)
        .expect(200);
      expect(tweede.body.items.map((n: { titel: string }) => n.titel)).toEqual(['Melding 1']);

      // Someone in another gemeente sees none of these.
      const ander = await login(t.app, u.cmAnder.email);
      const leeg = await http().get('/api/v1/notificaties').set(ander.auth).expect(200);
      expect(leeg.body).toMatchObject({ items: [], ongelezen: 0, meta: { totalItems: 0 } });
    });

    it('marks my own read and unread, filters on it, and answers 404 for anyone else’s', async () => {
      const sleutel = unique('lees');
      await notificaties.notificeer(undefined, melding(sleutel, { rollen: [Rol.Directeur] }));
      const vanX = await vanGebruiker('directeurX', sleutel);
      const vanY = await vanGebruiker('directeurY', sleutel);
      const x = await login(t.app, u.directeurX.email);
      const y = await login(t.app, u.directeurY.email);

      const problem = await http()
        .patch(`/api/v1/notificaties/${vanX.id}`)
        .set(y.auth)
        .send({ gelezen: true })
        .expect(404);
      expect(problem.headers['content-type']).toContain('application/problem+json');
      expect((await rij(vanX.id)).gelezenOp).toBeNull();

      const gelezen = await http()
        .patch(`/api/v1/notificaties/${vanX.id}`)
        .set(x.auth)
        .send({ gelezen: true })
        .expect(200);
      expect(gelezen.body).toMatchObject({ id: vanX.id, gelezen: true });
      expect(gelezen.body.gelezenOp).toMatch(/Z$/);
      const ongelezen = await http()
        .get('/api/v1/notificaties?gelezen=false')
        .set(x.auth)
        .expect(200);
      expect(ongelezen.body.items.map((n: { id: string }) => n.id)).not.toContain(vanX.id);
      const alleenGelezen = await http()
        .get('/api/v1/notificaties?gelezen=true')
        .set(x.auth)
        .expect(200);
      expect(alleenGelezen.body.items.map((n: { id: string }) => n.id)).toEqual([vanX.id]);

      const weerOngelezen = await http()
        .patch(`/api/v1/notificaties/${vanX.id}`)
        .set(x.auth)
        .send({ gelezen: false })
        .expect(200);
      expect(weerOngelezen.body).toMatchObject({ gelezen: false, gelezenOp: null });
      expect((await rij(vanY.id)).gelezenOp).toBeNull();

      const fout = await http().get('/api/v1/notificaties?gelezen=ja').set(x.auth).expect(400);
      expect(fout.body.invalidParams).toEqual([
        { name: 'gelezen', reason: 'gelezen moet true of false zijn' },
      ]);
      await http()
        .patch(`/api/v1/notificaties/${vanX.id}`)
        .set(x.auth)
        .send({ gelezen: 'ja' })
        .expect(400);
      await http()
        .patch('/api/v1/notificaties/geen-uuid')
        .set(x.auth)
        .send({ gelezen: true })
        .expect(400);
      await http().get('/api/v1/notificaties').expect(401);
    });

    it('marks everything read up to the moment I saw, so a newer one stays unread', async () => {
      const oud = unique('oud');
      await notificaties.notificeer(
        undefined,
        melding(oud, { gebruikerIds: [u.cm2.gebruiker.id] }),
      );
      await notificaties.notificeer(
        undefined,
        melding(unique('oud2'), { gebruikerIds: [u.cm2.gebruiker.id] }),
      );
      const sessie = await login(t.app, u.cm2.email);
      const gezien = await http()
        .get('/api/v1/notificaties?pageSize=1')
        .set(sessie.auth)
        .expect(200);
      const totEnMet: string = gezien.body.items[0].createdAt;
      await new Promise((resolve) => setTimeout(resolve, 10));
      const nieuw = unique('nieuw');
      await notificaties.notificeer(
        undefined,
        melding(nieuw, { gebruikerIds: [u.cm2.gebruiker.id] }),
      );

      const antwoord = await http()
        .post('/api/v1/notificaties/alles-gelezen')
        .set(sessie.auth)
        .send({ totEnMet })
        .expect(200);
      expect(antwoord.body.gemarkeerd).toBeGreaterThanOrEqual(2);
      expect(antwoord.body.ongelezen).toBe(1);
      expect((await vanGebruiker('cm2', oud)).gelezenOp).not.toBeNull();
      expect((await vanGebruiker('cm2', nieuw)).gelezenOp).toBeNull();

      const rest = await http()
        .post('/api/v1/notificaties/alles-gelezen')
        .set(sessie.auth)
        .send({})
        .expect(200);
      expect(rest.body).toEqual({ gemarkeerd: 1, ongelezen: 0 });
      await http()
        .post('/api/v1/notificaties/alles-gelezen')
        .set(sessie.auth)
        .send({ totEnMet: 'gisteren' })
        .expect(400);
    });

    it('shows and changes my e-mail preference, moves waiting mails along, and audits the change', async () => {
      const sessie = await login(t.app, u.teamleiderX.email);
      const stand = await http()
        .get('/api/v1/notificatie-instellingen')
        .set(sessie.auth)
        .expect(200);
      expect(stand.body).toEqual({
        mailVoorkeur: 'direct',
        email: u.teamleiderX.email,
        mailIngeschakeld: true,
      });

      const sleutel = unique('wacht');
      await notificaties.notificeer(
        undefined,
        melding(sleutel, { gebruikerIds: [u.teamleiderX.gebruiker.id] }),
      );
      expect((await vanGebruiker('teamleiderX', sleutel)).mailStatus).toBe('wachtrij');

      const dagelijks = await http()
        .put('/api/v1/notificatie-instellingen')
        .set(sessie.auth)
        .send({ mailVoorkeur: 'dagelijks' })
        .expect(200);
      expect(dagelijks.body.mailVoorkeur).toBe('dagelijks');
      expect((await vanGebruiker('teamleiderX', sleutel)).mailStatus).toBe('digest');

      await http()
        .put('/api/v1/notificatie-instellingen')
        .set(sessie.auth)
        .send({ mailVoorkeur: 'geen' })
        .expect(200);
      expect((await vanGebruiker('teamleiderX', sleutel)).mailStatus).toBe('overgeslagen');
      await mail.verwerkOutbox();
      await mail.verstuurDigest(minuten(new Date(), 1));
      expect(smtp.aan(u.teamleiderX.email)).toHaveLength(0);
      expect(
        (
          await t.dataSource
            .getRepository(Gebruiker)
            .findOneByOrFail({ id: u.teamleiderX.gebruiker.id })
        ).mailVoorkeur,
      ).toBe('geen');

      const audit = await t.dataSource.getRepository(AuditEntry).find({
        where: { entityId: u.teamleiderX.gebruiker.id, action: 'mail-voorkeur-gewijzigd' },
        order: { occurredAt: 'ASC' },
      });
      expect(audit.map((a) => [a.before, a.after])).toEqual([
        [{ mailVoorkeur: 'direct' }, { mailVoorkeur: 'dagelijks' }],
        [{ mailVoorkeur: 'dagelijks' }, { mailVoorkeur: 'geen' }],
      ]);
      expect(audit[0]).toMatchObject({
        actorId: u.teamleiderX.gebruiker.id,
        gemeenteId: gemeente.id,
      });

      const fout = await http()
        .put('/api/v1/notificatie-instellingen')
        .set(sessie.auth)
        .send({ mailVoorkeur: 'wekelijks' })
        .expect(400);
      expect(fout.body.invalidParams).toEqual([
        { name: 'mailVoorkeur', reason: 'mailVoorkeur moet direct, dagelijks of geen zijn' },
      ]);
    });

    it('documents the endpoints in the OpenAPI document', async () => {
      const { body } = await http().get('/api/v1/openapi.json').expect(200);
      expect(Object.keys(body.paths)).toEqual(
        expect.arrayContaining([
          '/notificaties',
          '/notificaties/{id}',
          '/notificaties/alles-gelezen',
          '/notificatie-instellingen',
        ]),
      );
      expect(body.paths['/notificaties/{id}'].patch.responses['404']).toBeDefined();
    });
  });
});

describe('Notificaties als taken in de wachtrij', () => {
  const smtp = new TestSmtp();
  let t: TestApp;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    // Schedules that never fire during the test: the test runs the job itself.
    t = await createTestApp(
      { runWorker: true, mailOutboxCron: '0 0 1 1 *', mailDigestCron: '30 6 * * *' },
      { SMTP_URL: smtpUrl, PUBLIC_URL: PUBLIC_URL },
    );
  });
  afterAll(async () => {
    await t?.close();
    await smtp.stop();
  });

  it('registers the outbox and digest schedules once, with the configured patterns and time zone', async () => {
    const queues = t.app.get(QueueService);
    await queues.whenReady();
    const queue = queues.queue(QueueName.Notificaties);
    expect(await queue.getJobScheduler(MAIL_OUTBOX_SCHEDULER_ID)).toMatchObject({
      key: MAIL_OUTBOX_SCHEDULER_ID,
      pattern: '0 0 1 1 *',
      tz: 'Europe/Amsterdam',
      name: JobName.MailOutbox,
    });
    expect(await queue.getJobScheduler(MAIL_DIGEST_SCHEDULER_ID)).toMatchObject({
      key: MAIL_DIGEST_SCHEDULER_ID,
      pattern: '30 6 * * *',
      tz: 'Europe/Amsterdam',
      name: JobName.MailDigest,
    });
    const alle = await queue.getJobSchedulers();
    expect(alle.filter((s) => s.key === MAIL_OUTBOX_SCHEDULER_ID)).toHaveLength(1);
  });

  it('sends a notification when the outbox job runs through the queue', async () => {
    const { gemeente, organisatie } = await makeGemeente(t.dataSource);
    const cm = await makeGebruiker(t.dataSource, organisatie, [
      { gemeente, rol: Rol.Contractmanager },
    ]);
    await t.app.get(NotificatieService).notificeer(undefined, {
      gemeenteId: gemeente.id,
      rollen: [Rol.Contractmanager],
      soort: 'escalatie',
      titel: 'Kwartaalverantwoording te laat: Wijkteams Noord',
      tekst: 'De deadline van de kwartaalverantwoording over het 3e kwartaal 2026 is verstreken.',
      sleutel: unique('escalatie'),
    });
    const job = await t.app.get(QueueService).add(JobName.MailOutbox, { reason: 'manual' });
    const deadline = Date.now() + 30_000;
    let state = await job.getState();
    while (state !== 'completed' && state !== 'failed' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      state = await job.getState();
    }
    expect(state).toBe('completed');
    const mails = smtp.aan(cm.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('[Wijkkompas] Kwartaalverantwoording te laat: Wijkteams Noord');
  });
});

describe('Notificaties zonder mailserver', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({}, { SMTP_URL: '' });
  });
  afterAll(() => t?.close());

  it('stores notifications for the app only and says so in the preference', async () => {
    expect(t.config.smtpUrl).toBeUndefined();
    const { gemeente, organisatie } = await makeGemeente(t.dataSource);
    const cm = await makeGebruiker(t.dataSource, organisatie, [
      { gemeente, rol: Rol.Contractmanager },
    ]);
    const sleutel = unique('ingediend');
    expect(
      await t.app.get(NotificatieService).notificeer(undefined, {
        gemeenteId: gemeente.id,
        gebruikerIds: [cm.gebruiker.id],
        soort: 'ingediend',
        titel: 'Kwartaalverantwoording ingediend',
        tekst: 'Er is een kwartaalverantwoording ingediend.',
        sleutel,
      }),
    ).toBe(1);
    const rij = await t.dataSource
      .getRepository(Notificatie)
      .findOneByOrFail({ gebruikerId: cm.gebruiker.id, sleutel });
    expect(rij.mailStatus).toBe('overgeslagen');
    expect((await t.app.get(MailService).verwerkOutbox()).verzonden).toBe(0);
    const sessie = await login(t.app, cm.email);
    const stand = await request(t.app.getHttpServer())
      .get('/api/v1/notificatie-instellingen')
      .set(sessie.auth)
      .expect(200);
    expect(stand.body).toMatchObject({ mailVoorkeur: 'direct', mailIngeschakeld: false });
    const lijst = await request(t.app.getHttpServer())
      .get('/api/v1/notificaties')
      .set(sessie.auth)
      .expect(200);
    expect(lijst.body.items).toHaveLength(1);
  });
});

import { QueueName, QueueService } from '@wijkkompas/core';
import { createTestApp, TestApp } from '@wijkkompas/core/testing';
import { RitmeService, RitmeTaak } from '@wijkkompas/kwartaalritme';
import { MailService } from '@wijkkompas/notificaties';
import request from 'supertest';
import {
  DossierFixture,
  maakAanvullendeOpdracht,
  maakDossierFixture,
  maakSignaal,
} from './support/dossier-fixture';
import { pdfTekst } from './support/pdf-tekst';
import { TestSmtpServer } from './support/smtp';

type Body = Record<string, unknown>;

/**
 * The quarterly rhythm of the brief (§4) for one quarter, with the test controlling the
 * date: the period opens on the first working day, reminders go out 10 and 3 days before the
 * deadline, the contractmanager hears of the late account, the account is submitted and
 * adopted, and the dossier is assembled five days before the verantwoordingsgesprek — its PDF
 * shows the figures, the targets and the stories that explain them. Mails arrive at a real
 * SMTP server started by the test.
 */
describe('Een kwartaal in het ritme', () => {
  const smtp = new TestSmtpServer();
  let t: TestApp;
  let f: DossierFixture;
  let ritme: RitmeService;
  let mail: MailService;
  const email: Record<'cm' | 'directeur', string> = { cm: '', directeur: '' };
  let periodeId: string;
  let verantwoordingId: string;
  let etag: string;
  const KWARTAAL = '2026-Q3';
  const verhaalTitel = 'Buurtcoach voorkomt uithuisplaatsing in Noord-West';

  const http = () => request(t.app.getHttpServer());

  async function wachtOpTaken(jobIds: string[]): Promise<void> {
    const queue = t.app.get(QueueService).queue(QueueName.Ritme);
    for (const id of jobIds) {
      const tot = Date.now() + 30_000;
      for (;;) {
        const job = await queue.getJob(id);
        const state = job ? await job.getState() : 'unknown';
        if (state === 'completed') break;
        if (state === 'failed') throw new Error(`Ritmetaak ${id} mislukt: ${job?.failedReason}`);
        if (Date.now() > tot) throw new Error(`Ritmetaak ${id} niet klaar (${state})`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  /** Plans the day, waits until its unit jobs ran, then mails what they notified. */
  let laatsteTaken: RitmeTaak[] = [];
  async function dag(datum: string): Promise<string[]> {
    smtp.ontvangen.length = 0;
    const { taken } = await ritme.draaiDag(f.gemeenteId, datum);
    await wachtOpTaken(taken.map((taak) => taak.jobId));
    await mail.verwerkOutbox();
    laatsteTaken = taken;
    return taken.map((taak) => taak.soort);
  }

  beforeAll(async () => {
    await smtp.start();
    t = await createTestApp({
      runWorker: true,
      smtpUrl: smtp.url,
      publicUrl: 'https://wijkkompas.test',
    });
    ritme = t.app.get(RitmeService);
    mail = t.app.get(MailService);
    // History: adopted accounts for the four quarters before this one, for the trend.
    f = await maakDossierFixture(t, { kpis: 4, kwartalen: 4, verhalen: 3, periode: '2026-Q2' });
    const adressen: { rol: string; email: string }[] = await t.dataSource.query(
      `SELECT r.rol, g.email FROM gebruikers g JOIN gebruiker_rollen r ON r.gebruiker_id = g.id
         JOIN gebruiker_gemeenten gg ON gg.gebruiker_id = g.id AND gg.gemeente_id = r.gemeente_id
        WHERE r.gemeente_id = $1 AND r.rol IN ('contractmanager', 'directeur') AND gg.organisatie_id IN
              (SELECT id FROM organisaties WHERE id = $2 OR soort = 'gemeente')`,
      [f.gemeenteId, f.aanbieder.id],
    );
    email.cm = adressen.find((a) => a.rol === 'contractmanager')!.email;
    email.directeur = adressen.find((a) => a.rol === 'directeur')!.email;
  });
  afterAll(async () => {
    await t?.close();
    await smtp.stop();
  });

  it('opens the period on the first working day of the next quarter and tells the directeur', async () => {
    await dag('2026-09-30');
    const ervoor = await http()
      .get(`/api/v1/rapportageperiodes?aanbiederId=${f.aanbieder.id}&periode=${KWARTAAL}`)
      .set(f.auth.directeur)
      .expect(200);
    expect(ervoor.body.items).toHaveLength(0);
    expect(await dag('2026-10-01')).toContain('periode-openen');
    const lijst = await http()
      .get(`/api/v1/rapportageperiodes?aanbiederId=${f.aanbieder.id}&periode=${KWARTAAL}`)
      .set(f.auth.directeur)
      .expect(200);
    expect(lijst.body.items).toHaveLength(1);
    expect(lijst.body.items[0]).toMatchObject({ periode: KWARTAAL, deadline: '2026-10-30' });
    periodeId = lijst.body.items[0].id as string;
    const mails = smtp.aan(email.directeur);
    expect(mails).toHaveLength(1);
    expect(mails[0].onderwerp).toBe('[Wijkkompas] Verantwoording 3e kwartaal 2026 staat open');
    expect(mails[0].tekst).toContain('uiterlijk 30 oktober 2026');
    // The next day plans the same job again; it runs and notifies once.
    await dag('2026-10-02');
    expect(smtp.aan(email.directeur)).toHaveLength(0);
  });

  it('reminds the aanbieder 10 and 3 days before the deadline, once each', async () => {
    expect(await dag('2026-10-19')).not.toContain('herinnering');
    expect(await dag('2026-10-20')).toContain('herinnering');
    expect(smtp.aan(email.directeur).map((m) => m.onderwerp)).toEqual([
      '[Wijkkompas] Herinnering: verantwoording 3e kwartaal 2026 moet over 10 dagen binnen zijn',
    ]);
    await dag('2026-10-21');
    expect(smtp.aan(email.directeur)).toHaveLength(0);
    await dag('2026-10-27');
    expect(smtp.aan(email.directeur).map((m) => m.onderwerp)).toEqual([
      '[Wijkkompas] Herinnering: verantwoording 3e kwartaal 2026 moet over 3 dagen binnen zijn',
    ]);
  });

  it('tells the contractmanager when the deadline has passed', async () => {
    await dag('2026-10-30');
    expect(smtp.aan(email.cm)).toHaveLength(0);
    expect(await dag('2026-10-31')).toContain('escalatie');
    // Both aanbieders are late; each gets its own escalation.
    const mails = smtp.aan(email.cm).filter((m) => m.onderwerp.includes('Wijkteams Noord'));
    expect(mails).toHaveLength(1);
    expect(mails[0].onderwerp).toContain(
      'Te laat: verantwoording 3e kwartaal 2026 van Wijkteams Noord',
    );
    expect(mails[0].tekst).toContain('de uiterste datum was 30 oktober 2026');
  });

  it('the directeur submits (late), the contractmanager is told and adopts', async () => {
    const aangemaakt = await http()
      .post('/api/v1/kwartaalverantwoordingen')
      .set(f.auth.directeur)
      .send({ rapportageperiodeId: periodeId })
      .expect(201);
    verantwoordingId = aangemaakt.body.id as string;
    etag = aangemaakt.headers.etag as string;
    const pad = `/api/v1/kwartaalverantwoordingen/${verantwoordingId}`;
    const waarden = f.kpis.flatMap((kpi, k) =>
      f.percelen.map((perceel, p) => ({
        kpiId: kpi.id,
        perceelId: perceel.id,
        waarde: k === 0 ? ['72.5', '77.5'][p] : String(90 + k + p),
        toelichting: k === 0 ? 'Twee vacatures in het team Noord-West.' : null,
      })),
    );
    let res = await http()
      .put(`${pad}/waarden`)
      .set(f.auth.directeur)
      .set('If-Match', etag)
      .send({ waarden });
    expect(res.status).toBe(200);
    etag = res.headers.etag as string;
    res = await http().patch(pad).set(f.auth.directeur).set('If-Match', etag).send({
      hoogtepunten: 'De buurtcoaches in Noord-West bereiken meer gezinnen vroeg.',
      knelpunten: 'Twee vacatures maakten de wachttijd in Noord-West langer.',
      vooruitblik: 'Beide vacatures zijn per 1 november ingevuld.',
    });
    expect(res.status).toBe(200);
    etag = res.headers.etag as string;
    await http()
      .post('/api/v1/casussen')
      .set(f.auth.directeur)
      .send({
        periode: KWARTAAL,
        titel: verhaalTitel,
        situatie: 'Een gezin met drie kinderen had een huurachterstand van vier maanden.',
        aanpak: 'De buurtcoach regelde binnen een week een betalingsregeling met de corporatie.',
        effect: 'Het gezin blijft in de woning; de kinderen blijven op hun school.',
        perceelId: f.percelen[0].id,
        kpiIds: [f.kpis[0].id],
      })
      .expect(201);
    res = await http()
      .post(`${pad}/statuswijzigingen`)
      .set(f.auth.directeur)
      .set('If-Match', etag)
      .send({ status: 'ingediend' });
    expect(res.status).toBe(201);
    smtp.ontvangen.length = 0;
    await mail.verwerkOutbox();
    const ingediend = smtp.aan(email.cm);
    expect(ingediend).toHaveLength(1);
    expect(ingediend[0].onderwerp).toContain('heeft de verantwoording 3e kwartaal 2026 ingediend');
    await http()
      .post(`${pad}/statuswijzigingen`)
      .set(f.auth.cm)
      .send({ status: 'vastgesteld' })
      .expect(201);
    // Submitted: no more reminders or escalations for this period (the other aanbieder is still late).
    await dag('2026-11-01');
    expect(laatsteTaken.filter((t) => 'periodeId' in t && t.periodeId === periodeId)).toEqual([]);
    expect(smtp.aan(email.cm).filter((m) => m.onderwerp.includes('Wijkteams Noord'))).toEqual([]);
  });

  it('assembles the dossier five days before the verantwoordingsgesprek; its PDF has the figures next to the stories', async () => {
    await http()
      .post('/api/v1/overleggen')
      .set(f.auth.cm)
      .send({
        soort: 'verantwoordingsgesprek',
        titel: 'Verantwoordingsgesprek 3e kwartaal 2026 — Wijkteams Noord',
        aanbiederId: f.aanbieder.id,
        periode: KWARTAAL,
        tijdstip: '2026-11-20T10:00:00+01:00',
      })
      .expect(201);
    expect(await dag('2026-11-14')).not.toContain('dossier');
    expect(await dag('2026-11-15')).toContain('dossier');
    const lijst = await http()
      .get(`/api/v1/dossiers?aanbiederId=${f.aanbieder.id}&periode=${KWARTAAL}`)
      .set(f.auth.cm)
      .expect(200);
    expect(lijst.body.items).toHaveLength(1);
    const id = lijst.body.items[0].id as string;
    const tot = Date.now() + 60_000;
    let dossier: Body;
    for (;;) {
      dossier = (await http().get(`/api/v1/dossiers/${id}`).set(f.auth.cm).expect(200))
        .body as Body;
      if (dossier.status === 'gereed' || dossier.status === 'mislukt' || Date.now() > tot) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(dossier).toMatchObject({ status: 'gereed', versie: 1, voortgang: 100 });
    // As of the planned day, whatever the machine's clock says.
    expect((dossier.document as Body).peildatum).toBe('2026-11-15');
    // Planned once: the next day does not ask again.
    expect(await dag('2026-11-16')).not.toContain('dossier');

    const pdf = await http()
      .get(`/api/v1/dossiers/${id}/pdf`)
      .set(f.auth.cm)
      .buffer(true)
      .parse((res, cb) => {
        const delen: Buffer[] = [];
        res.on('data', (d: Buffer) => delen.push(d));
        res.on('end', () => cb(null, Buffer.concat(delen)));
      })
      .expect(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const { tekst } = await pdfTekst(pdf.body as Buffer);
    for (const kpi of f.kpis) expect(tekst).toContain(kpi.naam);
    expect(tekst).toContain(verhaalTitel);
    // KPI 1: 72,5% and 77,5% per perceel against a target of 85%.
    expect(tekst).toContain('72,5%');
    expect(tekst).toContain('77,5%');
    expect(tekst).toContain('85%');
    expect(tekst).toContain('Dossier verantwoordingsgesprek Q3 2026');
    expect(tekst).toContain('Gesprek20 november 2026 om 10:00');
  });

  it('daily: tells the contractmanager of an aanvullende opdracht ending within 90 and then 30 days and of a signal past its term, once each, by mail too', async () => {
    const opdracht = await maakAanvullendeOpdracht(t, f, {
      titel: 'Vroegsignalering geldzorgen',
      einddatum: '2027-01-31',
    });
    const signaal = await maakSignaal(t, f, {
      titel: 'Loketten verwijzen inwoners naar elkaar door',
      antwoordTermijn: '2026-11-17',
    });
    const opdrachtMails = () =>
      smtp.aan(email.cm).filter((m) => m.onderwerp.includes('Vroegsignalering geldzorgen'));
    const signaalMails = () =>
      smtp.aan(email.cm).filter((m) => m.onderwerp.includes('Loketten verwijzen'));

    // 75 days before the end; the answer is due today, so not yet late.
    expect(await dag('2026-11-17')).toContain('opdracht-loopt-af');
    expect(laatsteTaken.filter((x) => x.soort === 'signaal-termijn')).toEqual([]);
    expect(opdrachtMails().map((m) => m.onderwerp)).toEqual([
      '[Wijkkompas] Aanvullende opdracht loopt binnen 90 dagen af: Vroegsignalering geldzorgen',
    ]);
    expect(opdrachtMails()[0].tekst).toContain('loopt af op 31 januari 2027');
    expect(signaalMails()).toEqual([]);

    // The day after the term: the signal is late; the opdracht was already signalled at 90.
    expect(await dag('2026-11-18')).toContain('signaal-termijn');
    expect(opdrachtMails()).toEqual([]);
    expect(signaalMails().map((m) => m.onderwerp)).toEqual([
      '[Wijkkompas] Signaal zonder antwoord: Loketten verwijzen inwoners naar elkaar door',
    ]);
    expect(signaalMails()[0].tekst).toContain('uiterlijk 17 november 2026 een antwoord');
    await dag('2026-11-19');
    expect(signaalMails()).toEqual([]);

    // 29 days before the end: the 30-day notice, once.
    await dag('2027-01-02');
    expect(opdrachtMails().map((m) => m.onderwerp)).toEqual([
      '[Wijkkompas] Aanvullende opdracht loopt binnen 30 dagen af: Vroegsignalering geldzorgen',
    ]);
    expect(signaalMails()).toEqual([]);
    await dag('2027-01-03');
    expect(opdrachtMails()).toEqual([]);

    // Extended to the end of June: warned about again once that new date is within 90 days.
    const gelezen = await http()
      .get(`/api/v1/aanvullende-opdrachten/${opdracht.id}`)
      .set(f.auth.cm)
      .expect(200);
    await http()
      .post(`/api/v1/aanvullende-opdrachten/${opdracht.id}/wijzigingen`)
      .set(f.auth.cm)
      .send({
        soort: 'verlenging',
        ingangsdatum: '2027-01-03',
        einddatum: '2027-06-30',
        reden: 'Het programma loopt een half jaar langer.',
        version: gelezen.body.version,
      })
      .expect(201);
    await dag('2027-01-04');
    expect(opdrachtMails()).toEqual([]);
    expect(await dag('2027-04-05')).toContain('opdracht-loopt-af');
    expect(opdrachtMails().map((m) => m.onderwerp)).toEqual([
      '[Wijkkompas] Aanvullende opdracht loopt binnen 90 dagen af: Vroegsignalering geldzorgen',
    ]);
    expect(opdrachtMails()[0].tekst).toContain('loopt af op 30 juni 2027');

    // A warning job that runs only after the opdracht was closed, or extended, says nothing.
    const taak = laatsteTaken.find((x) => x.soort === 'opdracht-loopt-af')!;
    expect(await ritme.voerUit({ ...taak, einddatum: '2027-01-31' })).toEqual({
      overgeslagen: 'einddatum gewijzigd',
    });
    await t.dataSource.query(
      `UPDATE aanvullende_opdrachten SET status = 'afgerond' WHERE id = $1`,
      [opdracht.id],
    );
    expect(await ritme.voerUit({ ...taak, dagen: 30 })).toEqual({
      overgeslagen: 'opdracht is afgerond',
    });

    const meldingen = await http()
      .get('/api/v1/notificaties?pageSize=100')
      .set(f.auth.cm)
      .expect(200);
    const van = (entiteitId: string) =>
      (meldingen.body.items as { soort: string; link: string; titel: string }[])
        .filter((n) => n.link.endsWith(entiteitId))
        .map((n) => [n.soort, n.titel]);
    expect(van(opdracht.id)).toEqual([
      [
        'opdracht-loopt-af',
        'Aanvullende opdracht loopt binnen 90 dagen af: Vroegsignalering geldzorgen',
      ],
      [
        'opdracht-loopt-af',
        'Aanvullende opdracht loopt binnen 30 dagen af: Vroegsignalering geldzorgen',
      ],
      [
        'opdracht-loopt-af',
        'Aanvullende opdracht loopt binnen 90 dagen af: Vroegsignalering geldzorgen',
      ],
    ]);
    expect(van(signaal.id)).toEqual([
      ['signaal-termijn', 'Signaal zonder antwoord: Loketten verwijzen inwoners naar elkaar door'],
    ]);
  });
});

import request from 'supertest';
import { AuditService, Gemeente, Organisatie, QueueName, QueueService } from '@wijkkompas/core';
import { createTestApp, TestApp } from '@wijkkompas/core/testing';
import {
  formatKpiWaarde,
  KpisInhoud,
  VerhalenInhoud,
  bestandsnaamDeel,
} from '@wijkkompas/dossiers';
import { Auth, DossierFixture, fixtureWaarde, maakDossierFixture } from './support/dossier-fixture';
import { DossiersDemoSeed } from '../libs/dossiers/src/seed/dossiers.seed';
import { pdfTekst } from './support/pdf-tekst';

/**
 * The dossier capability end to end, with the job running in-process on the test's queue
 * backend: request, progress, the finished version and its content, a new version after a
 * corrected account with what changed, concurrent requests sharing one run, a failing run
 * ending visibly, the renderings and who may see what.
 */

type Body = Record<string, unknown> & {
  id: string;
  status: string;
  versie: number | null;
  fout: string | null;
  document: {
    titel: string;
    periode: string;
    secties: { sleutel: string; titel: string; inhoud: unknown }[];
  } | null;
};

describe('Dossiers', () => {
  let t: TestApp;
  let f: DossierFixture;
  let api: ReturnType<typeof request>;

  beforeAll(async () => {
    t = await createTestApp({ runWorker: true });
    api = request(t.app.getHttpServer());
    f = await maakDossierFixture(t);
  });
  afterAll(() => t.close());

  const vraagAan = (auth: Auth, aanbiederId = f.aanbieder.id, extra: object = {}) =>
    api
      .post('/api/v1/dossiers')
      .set(auth)
      .send({ aanbiederId, periode: f.periode, ...extra });

  /** Polls until the dossier has left wachtrij/bezig; records every state seen on the way. */
  async function wachtTotKlaar(
    id: string,
    timeoutMs = 45_000,
  ): Promise<{ body: Body; gezien: { status: string; voortgang: number; fout: string | null }[] }> {
    const gezien: { status: string; voortgang: number; fout: string | null }[] = [];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const res = await api.get(`/api/v1/dossiers/${id}`).set(f.auth.cm);
      if (res.status !== 200) throw new Error(`GET dossier: ${res.status} ${res.text}`);
      const body = res.body as Body;
      gezien.push({ status: body.status, voortgang: Number(body.voortgang), fout: body.fout });
      if (body.status === 'gereed' || body.status === 'mislukt') return { body, gezien };
      if (Date.now() > deadline)
        throw new Error(`Dossier ${id} bleef ${body.status}: ${JSON.stringify(gezien.slice(-3))}`);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }

  const sectie = <T>(doc: Body['document'], sleutel: string): T =>
    doc!.secties.find((s) => s.sleutel === sleutel)!.inhoud as T;

  let eerste: Body;

  it('a contractmanager requests a dossier: 202 with a Location, the job makes version 1', async () => {
    const res = await vraagAan(f.auth.cm).expect(202);
    expect(res.headers.location).toBe(`/api/v1/dossiers/${res.body.id}`);
    expect(['wachtrij', 'bezig', 'gereed']).toContain(res.body.status);
    expect(res.body).toMatchObject({
      aanbiederId: f.aanbieder.id,
      aanbiederNaam: f.aanbieder.naam,
      periode: f.periode,
      aanleiding: 'op-verzoek',
    });
    expect(res.body.aangevraagdDoorId).toEqual(expect.any(String));

    const { body } = await wachtTotKlaar(res.body.id);
    expect(body).toMatchObject({
      status: 'gereed',
      versie: 1,
      voortgang: 100,
      pogingen: 1,
      fout: null,
      vorigeVersieId: null,
    });
    expect(body.inhoudHash).toMatch(/^[0-9a-f]{64}$/);
    expect(body.document!.titel).toContain(f.aanbieder.naam);
    eerste = body;

    const audit = await t.dataSource.query(
      `SELECT action, actor_naam FROM audit_entries WHERE entity_type = 'dossier' AND entity_id = $1 ORDER BY occurred_at`,
      [body.id],
    );
    expect(audit).toEqual([
      { action: 'aangevraagd', actor_naam: expect.stringMatching(/^Test /) },
      { action: 'gereed', actor_naam: 'systeem: dossier-samenstellen' },
    ]);
  });

  it('the document has the KPI table by goal with targets, realisation per perceel and in total, the trend and the linked stories', () => {
    const kpis = sectie<KpisInhoud>(eerste.document, 'kpis');
    expect(kpis.groepen.map((g) => g.titel)).toEqual([
      f.doelen.snel.titel,
      f.doelen.zelfredzaam.titel,
    ]);
    expect(kpis.groepen[0].pad).toEqual([f.doelen.ambitie.titel]);
    expect(kpis.groepen[0].kpis.map((k) => k.code)).toEqual(['NW-01', 'NW-03']);

    const [noordWest, noordOost] = f.percelen;
    const eersteKpi = kpis.groepen[0].kpis[0];
    expect(eersteKpi).toMatchObject({
      naam: 'Vragen binnen vijf werkdagen opgepakt',
      streefwaarde: '85',
      realisatie: '84',
      realisatieBron: 'berekend',
    });
    expect(eersteKpi.perPerceel.map((p) => [p.perceelCode, p.waarde])).toEqual(
      [
        [noordOost.naam, '81.5'],
        [noordWest.naam, '86.5'],
      ].sort((a, b) => a[0].localeCompare(b[0], 'nl')),
    );
    expect(eersteKpi.verhalen.map((v) => v.titel)).toEqual([f.casussen[0].titel]);
    expect(eersteKpi.toelichtingen.map((x) => x.tekst)).toEqual([
      'Langere wachttijd door ziekte in het team.',
    ]);

    // NW-02 sums its percelen; the trend shows every quarter with figures, oldest first.
    const tweede = kpis.groepen[1].kpis.find((k) => k.code === 'NW-02')!;
    const verwacht = f.kwartalen.map((kwartaal, q) => ({
      periode: kwartaal,
      waarde: String(Number(fixtureWaarde(1, q, 0)) + Number(fixtureWaarde(1, q, 1))),
    }));
    expect(
      tweede.trend
        .filter((p) => p.waarde !== null)
        .map((p) => ({ periode: p.periode, waarde: p.waarde })),
    ).toEqual(verwacht);
    expect(tweede.realisatie).toBe(verwacht[verwacht.length - 1].waarde);

    const verhalen = sectie<VerhalenInhoud>(eerste.document, 'verhalen');
    expect(verhalen.verhalen.map((v) => v.titel).sort()).toEqual(
      f.casussen.map((c) => c.titel).sort(),
    );
    expect(eerste.document!.secties.map((s) => s.sleutel)).toEqual(
      expect.arrayContaining(['agenda', 'kpis', 'verhalen', 'opdrachten', 'signalen', 'acties']),
    );
  });

  it('the first version has nothing to compare with', async () => {
    const res = await api
      .get(`/api/v1/dossiers/${eerste.id}/wijzigingen`)
      .set(f.auth.cm)
      .expect(200);
    expect(res.body).toMatchObject({ versie: 1, eersteVersie: true, vorigeVersieId: null });
  });

  it('HTML: one self-contained document with inline SVG, no external resources', async () => {
    const res = await api.get(`/api/v1/dossiers/${eerste.id}/html`).set(f.auth.cm).expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    const html = res.text;
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).toContain('Vragen binnen vijf werkdagen opgepakt');
    expect(html).toContain(f.casussen[0].titel);
    expect(html).toMatch(/<dt>Versie<\/dt><dd>1<\/dd>/);
  });

  it('HTML: rendered once and kept with the version; later requests get the kept document', async () => {
    const eerst = await api.get(`/api/v1/dossiers/${eerste.id}/html`).set(f.auth.cm).expect(200);
    const [rij] = await t.dataSource.query('SELECT html FROM dossiers WHERE id = $1', [eerste.id]);
    expect(rij.html).toBe(eerst.text);
    // What is served is what was kept, not a new rendering.
    const merk = '<!-- bewaard -->';
    await t.dataSource.query('UPDATE dossiers SET html = html || $2 WHERE id = $1', [
      eerste.id,
      merk,
    ]);
    const daarna = await api.get(`/api/v1/dossiers/${eerste.id}/html`).set(f.auth.cm).expect(200);
    expect(daarna.text).toBe(eerst.text + merk);
    await t.dataSource.query('UPDATE dossiers SET html = $2 WHERE id = $1', [
      eerste.id,
      eerst.text,
    ]);
    // Kept or not, another aanbieder still gets a 404.
    await api.get(`/api/v1/dossiers/${eerste.id}/html`).set(f.auth.directeurAnder).expect(404);
  });

  it('PDF: an attachment with a Dutch file name whose text holds KPI names, values, targets and story titles', async () => {
    const res = await api
      .get(`/api/v1/dossiers/${eerste.id}/pdf`)
      .set(f.auth.cm)
      .buffer(true)
      .parse((response, klaar) => {
        const delen: Buffer[] = [];
        response.on('data', (d: Buffer) => delen.push(d));
        response.on('end', () => klaar(null, Buffer.concat(delen)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="dossier-${bestandsnaamDeel(f.aanbieder.naam ?? '')}-${f.periode}-v1.pdf"`,
    );
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { tekst } = await pdfTekst(pdf);
    for (const kpi of f.kpis) expect(tekst).toContain(kpi.naam);
    expect(tekst).toContain(formatKpiWaarde('86.5', 'percentage'));
    expect(tekst).toContain(formatKpiWaarde('81.5', 'percentage'));
    expect(tekst).toContain(formatKpiWaarde('84', 'percentage'));
    expect(tekst).toContain(formatKpiWaarde('85', 'percentage'));
    const nw02 = f.kpis[1];
    expect(tekst).toContain(formatKpiWaarde(nw02.streefwaarde, nw02.eenheid));
    for (const casus of f.casussen) expect(tekst).toContain(casus.titel);
  });

  let tweede: Body;

  it('after a corrected account a new request makes version 2, and the changes name the figure', async () => {
    const bron = f.verantwoordingen[f.periode];
    const revisie = await api
      .post(`/api/v1/kwartaalverantwoordingen/${bron}/revisies`)
      .set(f.auth.directeur)
      .expect(201);
    const nw02 = f.kpis[1];
    const gecorrigeerd = await api
      .put(`/api/v1/kwartaalverantwoordingen/${revisie.body.id}/waarden`)
      .set(f.auth.directeur)
      .set('If-Match', revisie.headers.etag)
      .send({ waarden: [{ kpiId: nw02.id, perceelId: f.percelen[0].id, waarde: '99' }] })
      .expect(200);
    await api
      .post(`/api/v1/kwartaalverantwoordingen/${revisie.body.id}/statuswijzigingen`)
      .set(f.auth.directeur)
      .set('If-Match', gecorrigeerd.headers.etag)
      .send({ status: 'ingediend' })
      .expect(201);

    const res = await vraagAan(f.auth.cm).expect(202);
    expect(res.body.id).not.toBe(eerste.id);
    const { body } = await wachtTotKlaar(res.body.id);
    expect(body).toMatchObject({ status: 'gereed', versie: 2, vorigeVersieId: eerste.id });
    expect(body.inhoudHash).not.toBe(eerste.inhoudHash);
    tweede = body;

    const q = f.kwartalen.length - 1;
    const wijzigingen = await api
      .get(`/api/v1/dossiers/${body.id}/wijzigingen`)
      .set(f.auth.cm)
      .expect(200);
    expect(wijzigingen.body).toMatchObject({
      versie: 2,
      vorigeVersie: 1,
      vorigeVersieId: eerste.id,
      eersteVersie: false,
      ongewijzigd: false,
    });
    expect(wijzigingen.body.kpiWaarden.gewijzigd).toEqual(
      expect.arrayContaining([
        {
          kpiCode: 'NW-02',
          naam: nw02.naam,
          veld: `realisatie perceel ${f.percelen[0].naam}`,
          oud: fixtureWaarde(1, q, 0),
          nieuw: '99',
        },
        {
          kpiCode: 'NW-02',
          naam: nw02.naam,
          veld: 'realisatie',
          oud: String(Number(fixtureWaarde(1, q, 0)) + Number(fixtureWaarde(1, q, 1))),
          nieuw: String(99 + Number(fixtureWaarde(1, q, 1))),
        },
      ]),
    );
    expect(
      wijzigingen.body.kpiWaarden.gewijzigd.every(
        (w: { kpiCode: string }) => w.kpiCode === 'NW-02',
      ),
    ).toBe(true);
    expect(wijzigingen.body.verhalen).toEqual({ toegevoegd: [], verwijderd: [], gewijzigd: [] });
    expect(wijzigingen.body.samenvatting).toMatch(
      /^Ten opzichte van de vorige versie: .*in de cijfers van 1 KPI/,
    );

    const html = await api.get(`/api/v1/dossiers/${body.id}/html`).set(f.auth.cm).expect(200);
    expect(html.text).toContain('Wijzigingen in deze versie.');
    expect(html.text).toMatch(/<dt>Versie<\/dt><dd>2<\/dd>/);
    // Version 1 is immutable: still its own figures.
    const v1 = await api.get(`/api/v1/dossiers/${eerste.id}`).set(f.auth.cm).expect(200);
    expect(v1.body.inhoudHash).toBe(eerste.inhoudHash);
    expect(v1.body.document).toEqual(eerste.document);
  });

  it('five concurrent requests share one run and produce exactly one new version', async () => {
    // Held in the queue while the requests come in, so none of them can arrive after the run.
    const wachtrij = t.app.get(QueueService).queue(QueueName.Dossiers);
    await wachtrij.pause();
    let antwoorden: request.Response[];
    try {
      antwoorden = await Promise.all(Array.from({ length: 5 }, () => vraagAan(f.auth.cm)));
    } finally {
      await wachtrij.resume();
    }
    for (const res of antwoorden) expect(res.status).toBe(202);
    expect(antwoorden.every((r) => r.body.status === 'wachtrij')).toBe(true);
    const ids = new Set(antwoorden.map((r) => r.body.id as string));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    const { body } = await wachtTotKlaar(id);
    expect(body).toMatchObject({
      status: 'gereed',
      versie: 3,
      vorigeVersieId: tweede.id,
      pogingen: 1,
    });

    const rijen = await t.dataSource.query(
      `SELECT status, versie FROM dossiers WHERE aanbieder_id = $1 AND periode = $2 ORDER BY versie`,
      [f.aanbieder.id, f.periode],
    );
    expect(rijen).toEqual([
      { status: 'gereed', versie: 1 },
      { status: 'gereed', versie: 2 },
      { status: 'gereed', versie: 3 },
    ]);
    const unchanged = await api
      .get(`/api/v1/dossiers/${id}/wijzigingen`)
      .set(f.auth.cm)
      .expect(200);
    expect(unchanged.body.kpiWaarden.gewijzigd).toEqual([]);
    const audit = await t.dataSource.query(
      `SELECT count(*)::int AS aantal FROM audit_entries WHERE entity_type = 'dossier' AND entity_id = $1 AND action = 'aangevraagd'`,
      [id],
    );
    expect(audit[0].aantal).toBe(1);
  });

  it('a run that keeps failing is retried with the reason shown, then ends mislukt with a Dutch reason', async () => {
    const functie = `dossier_test_weiger_${Date.now()}`;
    await t.dataSource.query(
      `CREATE FUNCTION ${functie}() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'Opslag van dit dossier is geweigerd door de database'; END $$`,
    );
    await t.dataSource.query(
      `CREATE TRIGGER ${functie} BEFORE UPDATE ON dossiers FOR EACH ROW
       WHEN (NEW.status = 'gereed' AND NEW.aanbieder_id = '${f.andereAanbieder.id}')
       EXECUTE FUNCTION ${functie}()`,
    );
    try {
      const res = await vraagAan(f.auth.cm, f.andereAanbieder.id).expect(202);
      const { body, gezien } = await wachtTotKlaar(res.body.id, 60_000);
      expect(body).toMatchObject({ status: 'mislukt', versie: null, document: null, pogingen: 3 });
      // In Dutch for the contractmanager; PostgreSQL's own message stays in the log.
      expect(body.fout).toBe(
        'Het samenstellen is na 3 pogingen mislukt: de gegevens konden niet uit de database worden gelezen of erin worden opgeslagen.',
      );
      expect(body.fout).not.toContain('Opslag van dit dossier is geweigerd');
      // Between the attempts the dossier waited, with the reason of the failed attempt.
      expect(
        gezien.some(
          (g) => g.status === 'wachtrij' && g.fout?.startsWith('Poging 1 van 3 is mislukt'),
        ),
      ).toBe(true);
      const audit = await t.dataSource.query(
        `SELECT action FROM audit_entries WHERE entity_type = 'dossier' AND entity_id = $1 ORDER BY occurred_at`,
        [body.id],
      );
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['aangevraagd', 'mislukt']);
    } finally {
      await t.dataSource.query(`DROP TRIGGER IF EXISTS ${functie} ON dossiers`);
      await t.dataSource.query(`DROP FUNCTION IF EXISTS ${functie}()`);
    }
    // The failed run no longer blocks the quarter: a new request succeeds.
    const opnieuw = await vraagAan(f.auth.cm, f.andereAanbieder.id).expect(202);
    const { body } = await wachtTotKlaar(opnieuw.body.id);
    expect(body).toMatchObject({ status: 'gereed', versie: 1 });
    const wijzigingen = await api
      .get(`/api/v1/dossiers/${body.id}/html`)
      .set(f.auth.cm)
      .expect(200);
    expect(wijzigingen.text).toContain(f.andereAanbieder.naam);
  });

  it('what is not ready has no wijzigingen, HTML or PDF (409)', async () => {
    const [mislukt] = await t.dataSource.query(
      `SELECT id FROM dossiers WHERE aanbieder_id = $1 AND status = 'mislukt'`,
      [f.andereAanbieder.id],
    );
    for (const deel of ['wijzigingen', 'html', 'pdf']) {
      const res = await api
        .get(`/api/v1/dossiers/${mislukt.id}/${deel}`)
        .set(f.auth.cm)
        .expect(409);
      expect(res.body.code).toBe('dossier-niet-gereed');
    }
  });

  describe('who may see and ask what', () => {
    it('a provider sees only its own finished versions; another aanbieder’s dossier is 404', async () => {
      const lijst = await api.get('/api/v1/dossiers').set(f.auth.directeur).expect(200);
      expect(lijst.body.items.length).toBe(3);
      expect(
        lijst.body.items.every(
          (d: Body) => d.aanbiederId === f.aanbieder.id && d.status === 'gereed',
        ),
      ).toBe(true);
      await api.get(`/api/v1/dossiers/${eerste.id}`).set(f.auth.directeur).expect(200);
      await api.get(`/api/v1/dossiers/${eerste.id}/html`).set(f.auth.directeur).expect(200);
      await api.get(`/api/v1/dossiers/${eerste.id}`).set(f.auth.directeurAnder).expect(404);
      await api.get(`/api/v1/dossiers/${eerste.id}/pdf`).set(f.auth.directeurAnder).expect(404);
      const [mislukt] = await t.dataSource.query(
        `SELECT id FROM dossiers WHERE aanbieder_id = $1 AND status = 'mislukt'`,
        [f.andereAanbieder.id],
      );
      // Not even its own aanbieder sees a failed run.
      await api.get(`/api/v1/dossiers/${mislukt.id}`).set(f.auth.directeurAnder).expect(404);
    });

    it('another gemeente sees nothing: 404', async () => {
      await api.get(`/api/v1/dossiers/${eerste.id}`).set(f.auth.cmAndereGemeente).expect(404);
      await api
        .get(`/api/v1/dossiers/${eerste.id}/wijzigingen`)
        .set(f.auth.cmAndereGemeente)
        .expect(404);
      const lijst = await api.get('/api/v1/dossiers').set(f.auth.cmAndereGemeente).expect(200);
      expect(lijst.body.items).toEqual([]);
    });

    it('gemeente roles read and filter the list; only the contractmanager requests', async () => {
      for (const auth of [f.auth.beleidsadviseur, f.auth.ketenregisseur]) {
        const lijst = await api
          .get('/api/v1/dossiers')
          .query({ aanbiederId: f.aanbieder.id, status: 'gereed' })
          .set(auth)
          .expect(200);
        expect(lijst.body.items.map((d: Body) => d.versie)).toEqual([3, 2, 1]);
        expect(lijst.body.items[0]).not.toHaveProperty('document');
        await vraagAan(auth).expect(403);
      }
      await vraagAan(f.auth.directeur).expect(403);
      const mislukt = await api
        .get('/api/v1/dossiers')
        .query({ status: 'mislukt' })
        .set(f.auth.cm)
        .expect(200);
      expect(mislukt.body.items).toHaveLength(1);
      expect(mislukt.body.items[0].aanbiederId).toBe(f.andereAanbieder.id);
    });

    it('the demo step assembles a finished dossier for the latest adopted quarter, without the queue', async () => {
      const gemeente = await t.dataSource
        .getRepository(Gemeente)
        .findOneByOrFail({ id: f.gemeenteId });
      const gemeenteOrganisatie = await t.dataSource
        .getRepository(Organisatie)
        .findOneByOrFail({ gemeenteId: f.gemeenteId });
      await t.dataSource.transaction((manager) =>
        t.app.get(DossiersDemoSeed).run({
          manager,
          audit: t.app.get(AuditService),
          gemeente,
          gemeenteOrganisatie,
          aanbieders: {
            noord: { ...f.aanbieder, naam: f.aanbieder.naam ?? '' },
            oost: { ...f.andereAanbieder, naam: f.andereAanbieder.naam ?? '' },
            zuid: { ...f.andereAanbieder, naam: f.andereAanbieder.naam ?? '' },
          },
          gebruikers: [],
        }),
      );
      const [demo] = await t.dataSource.query(
        `SELECT id, periode, status, versie, aanleiding, aangevraagd_door_id, pogingen FROM dossiers
         WHERE aanbieder_id = $1 ORDER BY created_at DESC LIMIT 1`,
        [f.aanbieder.id],
      );
      expect(demo).toMatchObject({
        periode: f.periode,
        status: 'gereed',
        versie: 4,
        aanleiding: 'planning',
        aangevraagd_door_id: null,
      });
      const audit = await t.dataSource.query(
        `SELECT action, actor_naam FROM audit_entries WHERE entity_type = 'dossier' AND entity_id = $1 ORDER BY occurred_at`,
        [demo.id],
      );
      expect(audit).toEqual([
        { action: 'aangevraagd', actor_naam: 'systeem: demo-data' },
        { action: 'gereed', actor_naam: 'systeem: demo-data' },
      ]);
    });

    it('refuses a bad request with the field named', async () => {
      const fout = async (body: object, veld: string) => {
        const res = await api.post('/api/v1/dossiers').set(f.auth.cm).send(body).expect(400);
        expect(res.body.invalidParams.map((p: { name: string }) => p.name)).toContain(veld);
      };
      await fout({ aanbiederId: f.aanbieder.id, periode: '2026-Q5' }, 'periode');
      await fout({ aanbiederId: f.aanbieder.id, periode: '2099-Q1' }, 'periode');
      await fout({ aanbiederId: 'geen-uuid', periode: f.periode }, 'aanbiederId');
      await fout(
        { aanbiederId: '00000000-0000-4000-8000-000000000000', periode: f.periode },
        'aanbiederId',
      );
      await fout(
        {
          aanbiederId: f.aanbieder.id,
          periode: f.periode,
          overlegId: '00000000-0000-4000-8000-000000000000',
        },
        'overlegId',
      );
    });
  });
});

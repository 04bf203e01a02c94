import { createTestApp, TestApp } from '@wijkkompas/core/testing';
import { KpisInhoud } from '@wijkkompas/dossiers';
import request from 'supertest';
import {
  Auth,
  maakVerantwoordingFixture,
  VerantwoordingFixture,
} from './support/verantwoording-fixture';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Every aggregation rule from a CSV import to the figure in the adopted account and in the
 * dossier: som, gemiddelde and gewogen-gemiddelde over three percelen.
 */
describe('Van CSV-import tot het cijfer in het dossier, per aggregatieregel', () => {
  let t: TestApp;
  let f: VerantwoordingFixture;
  let id: string;
  const http = () => request(t.app.getHttpServer());

  async function etagVan(auth: Auth): Promise<string> {
    const res = await http().get(`/api/v1/kwartaalverantwoordingen/${id}`).set(auth).expect(200);
    return res.headers.etag as string;
  }

  beforeAll(async () => {
    t = await createTestApp({ runWorker: true });
    f = await maakVerantwoordingFixture(t, {
      aantalPercelen: 3,
      kpis: [
        { code: 'SOM-01', naam: 'Bereikte inwoners', aggregatie: 'som' },
        { code: 'GEM-01', naam: 'Tevredenheid', aggregatie: 'gemiddelde', eenheid: 'score' },
        {
          code: 'GEW-01',
          naam: 'Binnen vijf werkdagen gesproken',
          aggregatie: 'gewogen-gemiddelde',
          eenheid: 'percentage',
        },
      ],
    });
    const res = await http()
      .post('/api/v1/kwartaalverantwoordingen')
      .set(f.auth.teamleider)
      .send({ rapportageperiodeId: f.periode.id })
      .expect(201);
    id = res.body.id;
  });
  afterAll(() => t.close());

  const [A, B, C] = [0, 1, 2];
  const verwacht: Record<string, string> = {
    'SOM-01': '60', // 10 + 20 + 30
    'GEM-01': '7', // (7 + 8 + 6) / 3
    'GEW-01': '78.3333', // (80×10 + 90×30 + 60×20) / 60 = 4700 / 60
  };

  it('imports, adopts and assembles: the account and the dossier show each rule’s figure', async () => {
    const p = (i: number) => f.percelen[i].naam;
    const rijen = [
      'kpi-code;perceel;waarde;gewicht',
      `SOM-01;${p(A)};10;`,
      `SOM-01;${p(B)};20;`,
      `SOM-01;${p(C)};30;`,
      `GEM-01;${p(A)};7;`,
      `GEM-01;${p(B)};8;`,
      `GEM-01;${p(C)};6;`,
      `GEW-01;${p(A)};80;10`,
      `GEW-01;${p(B)};90;30`,
      `GEW-01;${p(C)};60;20`,
    ];
    const upload = await http()
      .post(`/api/v1/kwartaalverantwoordingen/${id}/imports`)
      .set(f.auth.teamleider)
      .set('If-Match', await etagVan(f.auth.teamleider))
      .attach('bestand', Buffer.from(`${rijen.join('\r\n')}\r\n`, 'utf8'), 'export.csv');
    expect(upload.status).toBe(201);
    expect(upload.body).toMatchObject({ aantalRijen: 9, toegevoegd: 9 });

    await http()
      .patch(`/api/v1/kwartaalverantwoordingen/${id}`)
      .set(f.auth.directeur)
      .set('If-Match', await etagVan(f.auth.directeur))
      .send({ hoogtepunten: 'Meer bereik.', knelpunten: 'Ziekte.', vooruitblik: 'Inloop.' })
      .expect(200);
    await http()
      .post(`/api/v1/kwartaalverantwoordingen/${id}/statuswijzigingen`)
      .set(f.auth.directeur)
      .set('If-Match', await etagVan(f.auth.directeur))
      .send({ status: 'ingediend' })
      .expect(201);
    await http()
      .post(`/api/v1/kwartaalverantwoordingen/${id}/statuswijzigingen`)
      .set(f.auth.cm)
      .set('If-Match', await etagVan(f.auth.cm))
      .send({ status: 'vastgesteld' })
      .expect(201);

    const account = (
      await http().get(`/api/v1/kwartaalverantwoordingen/${id}`).set(f.auth.cm).expect(200)
    ).body as Body;
    expect(account.status).toBe('vastgesteld');
    const totalen = Object.fromEntries(
      (account.waarden as Body[]).map((k) => [k.code, k.totaal.waarde]),
    );
    expect(totalen).toEqual(verwacht);

    const aanvraag = await http()
      .post('/api/v1/dossiers')
      .set(f.auth.cm)
      .send({ aanbiederId: f.aanbieder.id, periode: f.periode.periode })
      .expect(202);
    const tot = Date.now() + 45_000;
    let dossier: Body;
    for (;;) {
      dossier = (
        await http().get(`/api/v1/dossiers/${aanvraag.body.id}`).set(f.auth.cm).expect(200)
      ).body as Body;
      if (dossier.status === 'gereed' || dossier.status === 'mislukt') break;
      if (Date.now() > tot) throw new Error(`dossier bleef ${dossier.status}`);
      await new Promise((r) => setTimeout(r, 150));
    }
    expect(dossier.status).toBe('gereed');
    const kpis = (dossier.document.secties as Body[]).find((s) => s.sleutel === 'kpis')!
      .inhoud as KpisInhoud;
    const inDossier = Object.fromEntries(
      kpis.groepen.flatMap((g) => g.kpis).map((k) => [k.code, k.realisatie]),
    );
    expect(inDossier).toEqual(verwacht);
    // The weighted mean's percelen carry their own figures into the dossier.
    const gew = kpis.groepen.flatMap((g) => g.kpis).find((k) => k.code === 'GEW-01')!;
    expect(gew.perPerceel.map((x) => x.waarde).sort()).toEqual(['60', '80', '90']);
    expect(gew.realisatieBron).not.toBe('ontbreekt');
  });
});

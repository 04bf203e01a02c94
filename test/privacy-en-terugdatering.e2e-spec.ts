import request from 'supertest';
import { createTestApp, TestApp } from '@wijkkompas/core/testing';
import { vandaag } from '@wijkkompas/opdrachten';
import { kwartaalVan, verschuifKwartaal } from '@wijkkompas/verantwoording';
import { VerandertheorieVersie } from '@wijkkompas/verandertheorieen';
import {
  Auth,
  maakVerantwoordingFixture,
  VerantwoordingFixture,
} from './support/verantwoording-fixture';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

/** A valid BSN (elfproef) written in ways an honest paste or a phone keyboard produces. */
const BSN = '111222333';
const BSN_BREED = '１１１２２２３３３';
const BSN_ONZICHTBAAR = '111\u200b222\u200d333';

/**
 * Issue 13: every free text that reaches a dossier, agenda or e-mail goes through the privacy
 * scan (theories of change, KPI texts, aanvullende opdrachten, reacties, overleggen), after
 * Unicode normalisation, and the 422 never repeats the identifier; the bestuurder is
 * read-only; a theory of change dated back takes its additions into the quarter it was dated
 * to until it is in use.
 */
describe('Privacy scan on every dossier text, read-only bestuurder, theories dated back', () => {
  let t: TestApp;
  let f: VerantwoordingFixture;
  let hoofdopdrachtId: string;
  const H = kwartaalVan(vandaag());
  const terug = verschuifKwartaal(H, -2);
  const http = () => request(t.app.getHttpServer());

  async function send(
    methode: 'post' | 'patch' | 'put',
    pad: string,
    auth: Auth,
    body: Body,
    status: number,
    headers: Record<string, string> = {},
  ): Promise<request.Response> {
    const res = await http()[methode](`/api/v1${pad}`).set(auth).set(headers).send(body);
    if (res.status !== status)
      throw new Error(`${methode} ${pad}: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  }

  /** 422 direct-identificerende-gegevens naming the field, never echoing what was sent. */
  function expectGeweigerd(res: request.Response, veld: string, soort: string): void {
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe('direct-identificerende-gegevens');
    expect(res.body.invalidParams).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: veld, code: soort })]),
    );
    const tekst = JSON.stringify(res.body);
    for (const verboden of [BSN, BSN_BREED, '\u200b', '1503', 'jan@', '0612345678'])
      expect(tekst).not.toContain(verboden);
  }

  const theorieBody = (extra: Body = {}): Body => ({
    titel: 'Wijkteam Noord: eerder en dichtbij',
    hoofdopdrachtId,
    strategie: 'ecosysteem',
    ambitie: { tekst: 'Inwoners redden zich zelf, samen met hun omgeving', doelIds: [] },
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp();
    f = await maakVerantwoordingFixture(t, { kpis: [{ code: 'PR-01' }, { code: 'PR-02' }] });
    const lijst = await http().get('/api/v1/hoofdopdrachten').set(f.auth.cm).expect(200);
    hoofdopdrachtId = (lijst.body.items as Body[]).find(
      (h) => h.aanbiederId === f.aanbieder.id,
    )!.id;
  });

  afterAll(() => t.close());

  describe('privacy scan', () => {
    it('refuses a theory whose ambitie or title holds a BSN, also in full-width digits', async () => {
      const voor = await t.dataSource.getRepository(VerandertheorieVersie).count();
      expectGeweigerd(
        await http()
          .post('/api/v1/verandertheorieen')
          .set(f.auth.cm)
          .send(theorieBody({ ambitie: { tekst: `Mevrouw ${BSN_BREED} redt zich`, doelIds: [] } })),
        'ambitie.tekst',
        'bsn',
      );
      expectGeweigerd(
        await http()
          .post('/api/v1/verandertheorieen')
          .set(f.auth.cm)
          .send(theorieBody({ titel: `Theorie ${BSN}` })),
        'titel',
        'bsn',
      );
      expect(await t.dataSource.getRepository(VerandertheorieVersie).count()).toBe(voor);
    });

    it('refuses element, assumption and precondition texts with identifiers, zero-width characters or not', async () => {
      const theorie = (await send('post', '/verandertheorieen', f.auth.cm, theorieBody(), 201))
        .body;
      const pad = `/verandertheorieen/${theorie.id}`;
      expectGeweigerd(
        await http()
          .post(`/api/v1${pad}/elementen`)
          .set(f.auth.teamleider)
          .send({
            soort: 'activiteit',
            titel: 'Spreekuur',
            omschrijving: `Bijvoorbeeld BSN ${BSN_ONZICHTBAAR} uit het dossier`,
          }),
        'omschrijving',
        'bsn',
      );
      const element = (
        await send(
          'post',
          `${pad}/elementen`,
          f.auth.teamleider,
          {
            soort: 'outcome-individueel',
            titel: 'Inwoners vragen eerder om hulp',
          },
          201,
        )
      ).body;
      const verband = (
        await send(
          'post',
          `${pad}/verbanden`,
          f.auth.cm,
          {
            vanId: element.id,
            naarId: theorie.ambitie.elementId,
          },
          201,
        )
      ).body;
      const veronderstelling = (tekst: Body) =>
        http()
          .post(`/api/v1${pad}/veronderstellingen`)
          .set(f.auth.teamleider)
          .send({
            verbandId: verband.id,
            tekst: 'Een spreekuur dichtbij verlaagt de drempel.',
            kennisbron: 'professioneel',
            bewijsstatus: 'aannemelijk',
            ...tekst,
          });
      expectGeweigerd(
        await veronderstelling({ tekst: `Zoals bij jan@voorbeeld.nl bleek` }),
        'tekst',
        'e-mailadres',
      );
      expectGeweigerd(
        await veronderstelling({ randvoorwaarden: ['Een vaste plek', 'Buurthuis op 1503 ab 12'] }),
        'randvoorwaarden.1',
        'postcode-huisnummer',
      );
      expectGeweigerd(
        await veronderstelling({ externeFactoren: ['Bel 06-12345678'] }),
        'externeFactoren.0',
        'telefoonnummer',
      );
      const versies = await http().get(`/api/v1${pad}/versies`).set(f.auth.cm).expect(200);
      expect(versies.body.meta.totalItems).toBe(3);
    });

    it('refuses a KPI definition or name with an identifier, on create and on change', async () => {
      const kpi = {
        hoofdopdrachtId,
        code: 'PR-10',
        naam: 'Vragen binnen 5 werkdagen opgepakt',
        definitie: 'Het aandeel nieuwe hulpvragen met een eerste gesprek binnen 5 werkdagen.',
        type: 'throughput',
        eenheid: 'percentage',
        richting: 'hoger-is-beter',
        bron: 'registratiesysteem',
        aggregatie: 'gewogen-gemiddelde',
      };
      expectGeweigerd(
        await http()
          .post('/api/v1/kpis')
          .set(f.auth.cm)
          .send({ ...kpi, definitie: `Teller: cliënten als ${BSN_BREED}` }),
        'definitie',
        'bsn',
      );
      const gemaakt = await send('post', '/kpis', f.auth.cm, kpi, 201);
      expectGeweigerd(
        await http()
          .patch(`/api/v1/kpis/${gemaakt.body.id}`)
          .set(f.auth.cm)
          .set('If-Match', gemaakt.headers.etag)
          .send({ definitie: `Zie 1503 ab 12`, noemer: `Alle vragen van ${BSN_ONZICHTBAAR}` }),
        'noemer',
        'bsn',
      );
      const gelezen = await http().get(`/api/v1/kpis/${gemaakt.body.id}`).set(f.auth.cm);
      expect(gelezen.body.definitie ?? gelezen.body.huidigeVersie?.definitie).not.toContain('1503');
    });

    it('refuses identifiers in a goal of the hoofdopdracht', async () => {
      expectGeweigerd(
        await http().post(`/api/v1/hoofdopdrachten/${hoofdopdrachtId}/doelen`).set(f.auth.cm).send({
          niveau: 'ambitie',
          titel: 'Inwoners vinden steun in hun wijk',
          omschrijving: `Zoals het gezin op 1503\u00a0ab\u00a012`,
          themas: [],
        }),
        'omschrijving',
        'postcode-huisnummer',
      );
    });

    it('refuses identifiers in an aanvullende opdracht, a reactie and an overleg', async () => {
      const opdracht = {
        titel: 'Schuldhulp op school',
        doel: `Hulp voor het gezin op 1503 ab 12`,
        bron: 'gemeentelijk',
        aanvragendeAfdeling: 'Onderwijs',
        opdrachtgever: 'Wethouder',
        startdatum: '2026-01-01',
        einddatum: '2026-12-31',
        aanbieders: [{ aanbiederId: f.aanbieder.id, budgetCenten: 100_000 }],
        perceelIds: [],
        ketenIds: [],
        geoormerkt: false,
        thema: 'armoede',
        rapportagefrequentie: 'jaar',
      };
      expectGeweigerd(
        await http().post('/api/v1/aanvullende-opdrachten').set(f.auth.cm).send(opdracht),
        'doel',
        'postcode-huisnummer',
      );
      const ao = await send(
        'post',
        '/aanvullende-opdrachten',
        f.auth.cm,
        { ...opdracht, doel: 'Vroeg signaleren van schulden bij gezinnen' },
        201,
      );
      expectGeweigerd(
        await http()
          .post(`/api/v1/aanvullende-opdrachten/${ao.body.id}/reacties`)
          .set(f.auth.directeur)
          .send({ tekst: `Bel mij op 06 1234 5678 of mail jan@voorbeeld.nl` }),
        'tekst',
        'telefoonnummer',
      );
      const overleg = {
        soort: 'ketenoverleg',
        titel: 'Ketenoverleg Jeugd',
        ketenId: f.ketens.jeugd,
        tijdstip: '2027-02-10T10:00:00+01:00',
      };
      expectGeweigerd(
        await http()
          .post('/api/v1/overleggen')
          .set(f.auth.ketenregisseur)
          .send({ ...overleg, locatie: 'Bij mevrouw thuis, 1503 ab 12' }),
        'locatie',
        'postcode-huisnummer',
      );
      expectGeweigerd(
        await http()
          .post('/api/v1/overleggen')
          .set(f.auth.ketenregisseur)
          .send({ ...overleg, deelnemers: [{ naam: `Ria (${BSN_BREED})`, organisatie: 'GGD' }] }),
        'deelnemers.0.naam',
        'bsn',
      );
    });
  });

  describe('the bestuurder reads only', () => {
    it('cannot register an aanvullende opdracht or post a reactie (403), and still reads them', async () => {
      const eerste = await http().get('/api/v1/aanvullende-opdrachten').set(f.auth.bestuurder);
      expect(eerste.status).toBe(200);
      const [ao] = eerste.body.items as Body[];
      expect(ao).toBeDefined();
      const nieuw = await http()
        .post('/api/v1/aanvullende-opdrachten')
        .set(f.auth.bestuurder)
        .send({});
      expect(nieuw.status).toBe(403);
      const reactie = await http()
        .post(`/api/v1/aanvullende-opdrachten/${ao.id}/reacties`)
        .set(f.auth.bestuurder)
        .send({ tekst: 'Mooi initiatief' });
      expect(reactie.status).toBe(403);
      await http()
        .get(`/api/v1/aanvullende-opdrachten/${ao.id}/reacties`)
        .set(f.auth.bestuurder)
        .expect(200);
    });
  });

  describe('a theory dated back', () => {
    let theorie: Body;
    const pad = () => `/verandertheorieen/${theorie.id}`;
    let etag = 'W/"1"';

    async function voegToe(sub: string, auth: Auth, body: Body): Promise<Body> {
      const res = await send('post', `${pad()}/${sub}`, auth, body, 201, { 'If-Match': etag });
      etag = res.headers.etag;
      return res.body;
    }

    it('takes every addition into the quarter it was dated to while it is not yet in use', async () => {
      theorie = (
        await send(
          'post',
          '/verandertheorieen',
          f.auth.cm,
          theorieBody({ geldigVanaf: terug }),
          201,
        )
      ).body;
      expect(theorie.geldigVanaf).toBe(terug);
      const element = await voegToe('elementen', f.auth.teamleider, {
        soort: 'activiteit',
        titel: 'Wekelijks inloopspreekuur',
      });
      const uitkomst = await voegToe('elementen', f.auth.cm, {
        soort: 'outcome-individueel',
        titel: 'Inwoners vragen eerder om hulp',
      });
      const verband = await voegToe('verbanden', f.auth.cm, {
        vanId: element.id,
        naarId: uitkomst.id,
      });
      await voegToe('verbanden', f.auth.cm, {
        vanId: uitkomst.id,
        naarId: theorie.ambitie.elementId,
      });
      await voegToe('veronderstellingen', f.auth.directeur, {
        verbandId: verband.id,
        tekst: 'Dichtbij en zonder aanmelding verlaagt de drempel.',
        kennisbron: 'professioneel',
        bewijsstatus: 'aannemelijk',
        randvoorwaarden: ['Een vaste plek in de wijk'],
      });
      const bewijs = await send(
        'put',
        `${pad()}/elementen/${uitkomst.id}/kpi-bewijzen`,
        f.auth.cm,
        { kpiIds: [f.kpis['PR-01'].id] },
        200,
      );
      etag = bewijs.headers.etag;

      const versies = await http()
        .get(`/api/v1${pad()}/versies?pageSize=100`)
        .set(f.auth.cm)
        .expect(200);
      expect(versies.body.meta.totalItems).toBe(7);
      expect((versies.body.items as Body[]).map((v) => v.geldigVanaf)).toEqual(
        Array(7).fill(terug),
      );
      // The quarter it was dated to (and its review) sees the whole theory.
      const toen = (await http().get(`/api/v1${pad()}?periode=${terug}`).set(f.auth.cm).expect(200))
        .body;
      expect(toen.versie).toBe(7);
      expect(toen.elementen).toHaveLength(3);
      expect(toen.verbanden).toHaveLength(2);
      expect(toen.veronderstellingen).toHaveLength(1);
      expect((toen.elementen as Body[]).find((e) => e.id === uitkomst.id)!.kpiIds).toEqual([
        f.kpis['PR-01'].id,
      ]);
      const review = await http()
        .get(`/api/v1${pad()}/reviews/${terug}`)
        .set(f.auth.cm)
        .expect(200);
      expect(review.body).toMatchObject({ versie: 7, geldigVanaf: terug });
    });

    it('takes an explicit geldigVanaf from the newest version on, never before it', async () => {
      const later = verschuifKwartaal(H, -1);
      const element = await voegToe('elementen', f.auth.cm, {
        soort: 'activiteit',
        titel: 'Huisbezoek na een signaal',
        geldigVanaf: later,
      });
      expect(element.id).toBeDefined();
      const te = await http()
        .post(`/api/v1${pad()}/elementen`)
        .set(f.auth.cm)
        .send({ soort: 'activiteit', titel: 'Te vroeg', geldigVanaf: terug });
      expect(te.status).toBe(400);
      expect(te.body.invalidParams[0].name).toBe('geldigVanaf');
      const toen = (await http().get(`/api/v1${pad()}?periode=${terug}`).set(f.auth.cm).expect(200))
        .body;
      expect(toen.elementen).toHaveLength(3);
    });

    it('takes additions into the current quarter once the theory is in use', async () => {
      // Written down in an earlier quarter: in use since.
      await t.dataSource.query(
        `UPDATE verandertheorieen SET created_at = now() - interval '200 days' WHERE id = $1`,
        [theorie.id],
      );
      await voegToe('elementen', f.auth.cm, {
        soort: 'activiteit',
        titel: 'Buurtinitiatieven ondersteunen',
      });
      const versies = await http()
        .get(`/api/v1${pad()}/versies?pageSize=100`)
        .set(f.auth.cm)
        .expect(200);
      const laatste = (versies.body.items as Body[]).at(-1)!;
      expect(laatste.geldigVanaf).toBe(H);
      const terugwerkend = await http()
        .post(`/api/v1${pad()}/elementen`)
        .set(f.auth.cm)
        .send({
          soort: 'activiteit',
          titel: 'Terugwerkend',
          geldigVanaf: verschuifKwartaal(H, -1),
        });
      expect(terugwerkend.status).toBe(400);
      const toen = (await http().get(`/api/v1${pad()}?periode=${terug}`).set(f.auth.cm).expect(200))
        .body;
      expect(toen.elementen).toHaveLength(3);
    });
  });
});

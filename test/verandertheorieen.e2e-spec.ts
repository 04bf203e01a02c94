import { SaxesParser } from 'saxes';
import request from 'supertest';
import {
  AuditEntry,
  AuditService,
  DemoSeedContext,
  DemoSeedRegistry,
  Organisatie,
  Rol,
} from '@wijkkompas/core';
import {
  createTestApp,
  login,
  makeAanbieder,
  makeGebruiker,
  makeGemeente,
  TestApp,
  unique,
} from '@wijkkompas/core/testing';
import { Hoofdopdracht, Perceel, vandaag } from '@wijkkompas/opdrachten';
import {
  Casus,
  Kpi,
  KpiVersie,
  KpiWaarde,
  Kwartaalverantwoording,
  kwartaalVan,
  Rapportageperiode,
  verschuifKwartaal,
} from '@wijkkompas/verantwoording';
import {
  DossierBijdrageRegistry,
  DossierSamensteller,
  renderDossierHtml,
} from '@wijkkompas/dossiers';
import {
  VerandertheorieDossierService,
  VerandertheorieVersie,
  VeronderstellingDiagnose,
} from '@wijkkompas/verandertheorieen';
import {
  VOORBEELD_KRINGLOOP,
  voorbeeldKpis,
  voorbeeldTheorie,
  VT,
} from '../libs/verandertheorieen/src/testing';
import { browserVoorMeting, diagramProblemen, meetSvg } from './support/diagram-meting';

type Auth = { Authorization: string };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

/**
 * Issue "Verandertheorieën": the theory of change of a hoofdopdracht built from the scenario
 * data over the API, its version history, the KPI-set check's strategy rule, the assumption
 * review on adopted accounts, the diagram export, roles and scoping, and the demo seed.
 */
describe('Verandertheorieën', () => {
  let t: TestApp;
  let cm: Auth;
  let adviseur: Auth;
  let bestuurder: Auth;
  let directeurA: Auth;
  let teamleiderA: Auth;
  let teamleiderB: Auth;
  let directeurB: Auth;
  let cmAnders: Auth;
  const id: Record<string, string> = {};
  /** Fixture id → the id the server gave (elements, links, assumptions, KPIs). */
  const ids = new Map<string, string>();
  const H = kwartaalVan(vandaag());
  const http = () => request(t.app.getHttpServer());
  const vt = (sleutel: keyof typeof VT) => ids.get(VT[sleutel])!;

  async function send(
    methode: 'post' | 'put' | 'patch' | 'delete',
    path: string,
    auth: Auth,
    body: Body | undefined,
    status: number,
    headers: Record<string, string> = {},
  ): Promise<request.Response> {
    const res = await http()[methode](`/api/v1${path}`).set(auth).set(headers).send(body);
    if (res.status !== status)
      throw new Error(
        `${methode.toUpperCase()} ${path}: ${res.status} ${JSON.stringify(res.body)}`,
      );
    return res;
  }
  const post = async (path: string, auth: Auth, body: Body, status = 201) =>
    (await send('post', path, auth, body, status)).body as Body;
  async function get(path: string, auth: Auth, status = 200): Promise<Body> {
    const res = await http().get(`/api/v1${path}`).set(auth);
    if (res.status !== status)
      throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Body;
  }
  const expectProblem = (res: request.Response, status: number, code?: string) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    if (code) expect(res.body.code).toBe(code);
  };
  const versieVan = async (theorieId: string) =>
    Number(
      /W\/"(\d+)"/.exec(
        (await http().get(`/api/v1/verandertheorieen/${theorieId}`).set(cm)).headers.etag,
      )![1],
    );
  const code = (naam: string) => `${naam}-${unique('x').slice(-4)}`.toUpperCase();

  async function maakHoofdopdracht(aanbiederId: string, titel: string): Promise<Body> {
    const h = await post('/hoofdopdrachten', cm, {
      aanbiederId,
      titel,
      startdatum: '2019-01-01',
      einddatum: '2030-12-31',
      visie: 'Inwoners doen mee en vinden steun dichtbij.',
      missie: 'Het wijkteam versterkt de sociale basis en werkt preventief.',
      financieringsvorm: 'lump-sum',
      jaarbudgetten: [],
      herijkingsmomenten: [],
      perceelIds: [],
    });
    const ambitie = await post(`/hoofdopdrachten/${h.id}/doelen`, cm, {
      niveau: 'ambitie',
      titel: 'Inwoners redden zich zo veel mogelijk zelf, samen met hun omgeving',
      themas: ['zelfredzaamheid'],
    });
    return { ...h, ambitieDoelId: ambitie.id };
  }

  /** The scenario's KPI set for a hoofdopdracht, reported once per aanbieder, with quarter norms. */
  async function maakKpis(hoofdopdrachtId: string, doelId: string, alleen?: string[]) {
    const uit: Record<string, Body> = {};
    for (const kpi of voorbeeldKpis().filter((k) => !alleen || alleen.includes(k.id))) {
      const gemaakt = await post('/kpis', cm, {
        hoofdopdrachtId,
        code: code(kpi.code),
        naam: kpi.naam,
        definitie: kpi.definitie,
        teller: kpi.teller,
        noemer: kpi.noemer,
        type: kpi.type,
        eenheid: kpi.eenheid,
        richting: kpi.richting,
        bron: 'registratiesysteem',
        aggregatie: 'som',
        perPerceel: false,
        doelIds: [doelId],
      });
      for (const periode of [H, verschuifKwartaal(H, 1)])
        await send(
          'put',
          `/kpis/${gemaakt.id}/normen/${periode}`,
          cm,
          kpi.eenheid === 'percentage'
            ? { streefwaarde: '75', tolerantieLetOp: '5', tolerantieUitKoers: '10' }
            : { streefwaarde: '100', tolerantieLetOp: '10', tolerantieUitKoers: '20' },
          201,
        );
      uit[kpi.id] = gemaakt;
    }
    return uit;
  }

  /**
   * An adopted account of aanbieder A for a quarter, through the kwartaalverantwoordingen API:
   * opened by the contractmanager, filled by the teamleider, submitted by the directeur,
   * adopted by the contractmanager. `vaststellen: false` leaves it submitted.
   */
  async function verantwoord(
    periode: string,
    waarden: Record<string, string>,
    vaststellen = true,
  ): Promise<string> {
    const rp = await post('/rapportageperiodes', cm, { aanbiederId: id.a, periode });
    const kv = await send(
      'post',
      '/kwartaalverantwoordingen',
      teamleiderA,
      { rapportageperiodeId: rp.id },
      201,
    );
    let etag = kv.headers.etag as string;
    etag = (
      await send(
        'put',
        `/kwartaalverantwoordingen/${kv.body.id}/waarden`,
        teamleiderA,
        {
          waarden: Object.entries(waarden).map(([kpi, waarde]) => ({
            kpiId: ids.get(kpi)!,
            waarde,
            toelichting: 'Uit het registratiesysteem.',
          })),
        },
        200,
        { 'If-Match': etag },
      )
    ).headers.etag as string;
    await send(
      'patch',
      `/kwartaalverantwoordingen/${kv.body.id}`,
      teamleiderA,
      {
        hoogtepunten: 'Het inloopspreekuur in het buurthuis trekt steeds meer bewoners.',
        knelpunten: 'Meer huishoudens met schulden; trajecten duren langer.',
        vooruitblik: 'Afspraken met schuldhulp over een snellere doorverwijzing.',
      },
      200,
      { 'If-Match': etag },
    );
    await send(
      'post',
      `/kwartaalverantwoordingen/${kv.body.id}/statuswijzigingen`,
      directeurA,
      { status: 'ingediend' },
      201,
    );
    if (vaststellen)
      await send(
        'post',
        `/kwartaalverantwoordingen/${kv.body.id}/statuswijzigingen`,
        cm,
        { status: 'vastgesteld' },
        201,
      );
    return kv.body.id as string;
  }

  beforeAll(async () => {
    t = await createTestApp();
    const { gemeente, organisatie } = await makeGemeente(t.dataSource);
    id.gemeente = gemeente.id;
    const gebruiker = async (org: Organisatie, rol: Rol) => {
      const g = await makeGebruiker(t.dataSource, org, [{ gemeente, rol }]);
      return { id: g.gebruiker.id, auth: (await login(t.app, g.email)).auth };
    };
    cm = (await gebruiker(organisatie, Rol.Contractmanager)).auth;
    adviseur = (await gebruiker(organisatie, Rol.Beleidsadviseur)).auth;
    bestuurder = (await gebruiker(organisatie, Rol.Bestuurder)).auth;
    const a = await makeAanbieder(t.dataSource, [gemeente], { naam: unique('Wijkteams Noord') });
    const b = await makeAanbieder(t.dataSource, [gemeente], { naam: unique('Samen Zuid') });
    id.a = a.id;
    id.b = b.id;
    directeurA = (await gebruiker(a, Rol.Directeur)).auth;
    const tlA = await gebruiker(a, Rol.Teamleider);
    teamleiderA = tlA.auth;
    id.teamleiderA = tlA.id;
    teamleiderB = (await gebruiker(b, Rol.Teamleider)).auth;
    directeurB = (await gebruiker(b, Rol.Directeur)).auth;
    const ander = await makeGemeente(t.dataSource);
    cmAnders = (
      await login(
        t.app,
        (
          await makeGebruiker(t.dataSource, ander.organisatie, [
            { gemeente: ander.gemeente, rol: Rol.Contractmanager },
          ])
        ).email,
      )
    ).auth;

    const hA = await maakHoofdopdracht(a.id, 'Hoofdopdracht Wijkteams Noord');
    id.hA = hA.id;
    id.ambitieDoelA = hA.ambitieDoelId;
    const hB = await maakHoofdopdracht(b.id, 'Hoofdopdracht Samen Zuid');
    id.hB = hB.id;
    id.ambitieDoelB = hB.ambitieDoelId;
    for (const [fixture, kpi] of Object.entries(await maakKpis(id.hA, id.ambitieDoelA)))
      ids.set(fixture, kpi.id);
    // Zuid measures its ecosystem only with outputs.
    for (const [fixture, kpi] of Object.entries(
      await maakKpis(id.hB, id.ambitieDoelB, ['kpi-wt-01', 'kpi-wt-03']),
    ))
      ids.set(`B:${fixture}`, kpi.id);
  });
  afterAll(() => t.close());

  describe('opbouwen uit het scenario', () => {
    it('creates the theory of a hoofdopdracht, version 1 holding the ambitie, from an earlier quarter', async () => {
      const theorie = voorbeeldTheorie();
      const res = await send(
        'post',
        '/verandertheorieen',
        cm,
        {
          titel: theorie.titel,
          hoofdopdrachtId: id.hA,
          strategie: theorie.strategie,
          ambitie: { tekst: theorie.ambitie.tekst, doelIds: [id.ambitieDoelA] },
          geldigVanaf: verschuifKwartaal(H, -2),
          toelichting: 'Opgesteld in de werksessie met het wijkteam.',
        },
        201,
      );
      expect(res.headers.etag).toBe('W/"1"');
      expect(res.body).toMatchObject({
        titel: theorie.titel,
        hoofdopdrachtId: id.hA,
        aanvullendeOpdrachtId: null,
        thema: null,
        aanbiederId: id.a,
        versie: 1,
        huidigeVersie: 1,
        geldigVanaf: verschuifKwartaal(H, -2),
        toelichting: 'Verandertheorie opgesteld. Opgesteld in de werksessie met het wijkteam.',
        strategie: { strategie: 'ecosysteem', label: 'ecosysteem' },
        ambitie: { tekst: theorie.ambitie.tekst, doelIds: [id.ambitieDoelA] },
        elementen: [{ soort: 'ambitie', titel: theorie.ambitie.tekst, kpiIds: [] }],
        verbanden: [],
      });
      id.theorie = res.body.id;
      ids.set(VT.ambitie, res.body.ambitie.elementId);
    });

    it('adds the activities and outcomes, each as a new version, co-authored by the aanbieder', async () => {
      const schrijvers = [cm, teamleiderA, directeurA, adviseur];
      let n = 0;
      for (const element of voorbeeldTheorie().elementen.filter((e) => e.soort !== 'ambitie')) {
        const res = await send(
          'post',
          `/verandertheorieen/${id.theorie}/elementen`,
          schrijvers[n++ % schrijvers.length],
          { soort: element.soort, titel: element.titel, omschrijving: element.omschrijving },
          201,
        );
        expect(res.body).toMatchObject({ soort: element.soort, titel: element.titel, kpiIds: [] });
        expect(res.headers.etag).toBe(`W/"${n + 1}"`);
        ids.set(element.id, res.body.id);
      }
    });

    it('links them activity → outcome → ambitie and refuses a kringloop with the path in the detail', async () => {
      for (const verband of voorbeeldTheorie().verbanden) {
        const res = await send(
          'post',
          `/verandertheorieen/${id.theorie}/verbanden`,
          cm,
          { vanId: ids.get(verband.vanId), naarId: ids.get(verband.naarId) },
          201,
        );
        ids.set(verband.id, res.body.id);
      }
      const voor = await versieVan(id.theorie);
      const kringloop = await http()
        .post(`/api/v1/verandertheorieen/${id.theorie}/verbanden`)
        .set(teamleiderA)
        .send({
          vanId: ids.get(VOORBEELD_KRINGLOOP.vanId),
          naarId: ids.get(VOORBEELD_KRINGLOOP.naarId),
        });
      expectProblem(kringloop, 422, 'kringloop');
      expect(kringloop.body.detail).toBe(
        "Dit verband maakt een kringloop: 'Minder doorverwijzingen naar maatwerkvoorzieningen' → 'Inwoners vragen eerder en dichter bij huis om hulp' → 'Huishoudens kunnen na afsluiting zelf verder' → 'Minder doorverwijzingen naar maatwerkvoorzieningen'. Een verandertheorie loopt van activiteiten via uitkomsten naar de ambitie en komt nooit bij zichzelf terug. Bepaal welke uitkomst eerst komt en laat het verband weg dat terugwijst.",
      );
      expect(kringloop.body.pad).toEqual([
        vt('minderMaatwerk'),
        vt('eerderHulp'),
        vt('zelfVerder'),
        vt('minderMaatwerk'),
      ]);
      // Refused means nothing was written.
      expect(await versieVan(id.theorie)).toBe(voor);

      const direct = await http()
        .post(`/api/v1/verandertheorieen/${id.theorie}/verbanden`)
        .set(cm)
        .send({ vanId: vt('inloop'), naarId: vt('ambitie') });
      expectProblem(direct, 422, 'verband-richting-niet-toegestaan');
      expect(direct.body.detail).toContain('draagt via een uitkomst bij aan de ambitie');
      const tweedeAmbitie = await http()
        .post(`/api/v1/verandertheorieen/${id.theorie}/elementen`)
        .set(cm)
        .send({ soort: 'ambitie', titel: 'Nog een ambitie' });
      expectProblem(tweedeAmbitie, 422, 'meerdere-ambities');
    });

    it('adds the assumptions on the links, with knowledge source, evidence and dependencies', async () => {
      for (const v of voorbeeldTheorie().veronderstellingen) {
        const res = await send(
          'post',
          `/verandertheorieen/${id.theorie}/veronderstellingen`,
          teamleiderA,
          {
            verbandId: ids.get(v.verbandId),
            tekst: v.tekst,
            kennisbron: v.kennisbron,
            bewijsstatus: v.bewijsstatus,
            randvoorwaarden: v.randvoorwaarden,
            externeFactoren: v.externeFactoren,
          },
          201,
        );
        ids.set(v.id, res.body.id);
      }
      const zonderVerband = await http()
        .post(`/api/v1/verandertheorieen/${id.theorie}/veronderstellingen`)
        .set(cm)
        .send({
          verbandId: vt('ambitie'),
          tekst: 'Want.',
          kennisbron: 'professioneel',
          bewijsstatus: 'onzeker',
        });
      expectProblem(zonderVerband, 422, 'veronderstelling-zonder-verband');
      const ongeldig = await http()
        .post(`/api/v1/verandertheorieen/${id.theorie}/veronderstellingen`)
        .set(cm)
        .send({
          verbandId: vt('inloopNaarEerderHulp'),
          tekst: '',
          kennisbron: 'gevoel',
          bewijsstatus: 'zeker',
        });
      expectProblem(ongeldig, 400, 'validatiefout');
      expect(ongeldig.body.invalidParams.map((p: Body) => p.name).sort()).toEqual([
        'bewijsstatus',
        'kennisbron',
        'tekst',
      ]);
    });

    it('links the KPIs of the opdracht to the elements they evidence, and refuses a KPI of another opdracht', async () => {
      for (const kpi of voorbeeldKpis())
        for (const elementId of kpi.elementIds) {
          const res = await send(
            'put',
            `/verandertheorieen/${id.theorie}/elementen/${ids.get(elementId)}/kpi-bewijzen`,
            cm,
            { kpiIds: [ids.get(kpi.id)] },
            200,
          );
          expect(res.body.kpiIds).toEqual([ids.get(kpi.id)]);
        }
      const vreemd = await http()
        .put(`/api/v1/verandertheorieen/${id.theorie}/elementen/${vt('inloop')}/kpi-bewijzen`)
        .set(cm)
        .send({ kpiIds: [ids.get('B:kpi-wt-01')] });
      expectProblem(vreemd, 400, 'validatiefout');
      expect(vreemd.body.invalidParams[0].reason).toContain('hoort bij een andere opdracht');
      const opAmbitie = await http()
        .put(`/api/v1/verandertheorieen/${id.theorie}/elementen/${vt('ambitie')}/kpi-bewijzen`)
        .set(cm)
        .send({ kpiIds: [ids.get('kpi-wt-02')] });
      expectProblem(opAmbitie, 422);
    });

    it('reads the whole theory: 2 individual and 2 societal outcomes, 3 activities, 5 numbered assumptions, no open points', async () => {
      const res = await http().get(`/api/v1/verandertheorieen/${id.theorie}`).set(cm).expect(200);
      const theorie = res.body as Body;
      const soorten = (theorie.elementen as Body[]).map((e) => e.soort);
      expect(soorten.filter((s) => s === 'activiteit')).toHaveLength(3);
      expect(soorten.filter((s) => s === 'outcome-individueel')).toHaveLength(2);
      expect(soorten.filter((s) => s === 'outcome-maatschappelijk')).toHaveLength(2);
      expect(theorie.verbanden).toHaveLength(8);
      expect((theorie.veronderstellingen as Body[]).map((v) => v.nummer)).toEqual([1, 2, 3, 4, 5]);
      expect(theorie.veronderstellingen[0]).toMatchObject({
        id: vt('drempel'),
        kennisbron: 'professioneel',
        kennisbronLabel: 'professionele kennis',
        bewijsstatus: 'aannemelijk',
        randvoorwaarden: [
          'Een vaste, bekende locatie in elke wijk',
          'Genoeg bezetting om zonder wachtlijst te werken',
        ],
      });
      expect(theorie.kpiBewijzen).toHaveLength(5);
      expect(theorie.meldingen).toEqual([]);
      // 1 + 7 elements + 8 links + 5 assumptions + 5 KPI links
      expect(theorie.huidigeVersie).toBe(26);
      expect(res.headers.etag).toBe('W/"26"');
      expect((await get(`/verandertheorieen?hoofdopdrachtId=${id.hA}`, cm)).items).toEqual([
        expect.objectContaining({
          id: id.theorie,
          strategie: 'ecosysteem',
          aantalElementen: 8,
          aantalVeronderstellingen: 5,
          huidigeVersie: 26,
        }),
      ]);
    });

    it('tells a KPI which theory elements it is meant to show', async () => {
      const res = await get(`/kpis/${ids.get('kpi-wt-02')}/theorie-elementen`, directeurA);
      expect(res).toEqual({
        kpiId: ids.get('kpi-wt-02'),
        elementen: [
          {
            theorieId: id.theorie,
            theorieTitel: voorbeeldTheorie().titel,
            versie: 26,
            elementId: vt('zelfVerder'),
            soort: 'outcome-individueel',
            soortLabel: 'individuele uitkomst',
            titel: 'Huishoudens kunnen na afsluiting zelf verder',
          },
        ],
      });
      await get(`/kpis/${ids.get('kpi-wt-02')}/theorie-elementen`, teamleiderB, 404);
    });
  });

  describe('versies', () => {
    it('keeps every version readable and shows the version in force in a quarter', async () => {
      const versies = await get(`/verandertheorieen/${id.theorie}/versies?pageSize=100`, cm);
      expect(versies.meta.totalItems).toBe(26);
      expect(versies.items[0]).toMatchObject({ versie: 1, geldigVanaf: verschuifKwartaal(H, -2) });
      expect(versies.items[1]).toMatchObject({
        versie: 2,
        geldigVanaf: verschuifKwartaal(H, -2),
        toelichting: "Activiteit 'Wekelijks inloopspreekuur in het buurthuis' toegevoegd",
      });
      const eerste = await get(`/verandertheorieen/${id.theorie}/versies/1`, cm);
      expect(eerste.elementen).toHaveLength(1);
      expect(eerste.huidigeVersie).toBe(26);

      const vorigKwartaal = await get(
        `/verandertheorieen/${id.theorie}?periode=${verschuifKwartaal(H, -1)}`,
        cm,
      );
      // Dated back and written this quarter: every addition belongs to the quarter it was
      // dated to, so the quarter before this one already has the whole theory (issue 13).
      expect(vorigKwartaal.versie).toBe(26);
      expect(vorigKwartaal.elementen).toHaveLength(8);
      const nu = await get(`/verandertheorieen/${id.theorie}?periode=${H}`, cm);
      expect(nu.versie).toBe(26);
      const teVroeg = await http()
        .get(`/api/v1/verandertheorieen/${id.theorie}?periode=${verschuifKwartaal(H, -3)}`)
        .set(cm);
      expectProblem(teVroeg, 404, 'geen-versie-in-periode');
      expect(teVroeg.body.detail).toContain(
        `de eerste versie geldt vanaf ${verschuifKwartaal(H, -2)}`,
      );
      await get(`/verandertheorieen/${id.theorie}/versies/99`, cm, 404);
    });

    it('revises a header from a later quarter with If-Match, and never back in time', async () => {
      const zonder = await http()
        .patch(`/api/v1/verandertheorieen/${id.theorie}`)
        .set(cm)
        .send({ titel: 'Wijkteam Noord: eerder, dichtbij en samen' });
      expectProblem(zonder, 428, 'if-match-vereist');
      const verouderd = await http()
        .patch(`/api/v1/verandertheorieen/${id.theorie}`)
        .set(cm)
        .set('If-Match', 'W/"3"')
        .send({ titel: 'X' });
      expectProblem(verouderd, 412, 'versieconflict');
      const terug = await http()
        .patch(`/api/v1/verandertheorieen/${id.theorie}`)
        .set(cm)
        .set('If-Match', 'W/"26"')
        .send({ titel: 'X', geldigVanaf: verschuifKwartaal(H, -3) });
      expectProblem(terug, 400, 'validatiefout');
      const volgend = verschuifKwartaal(H, 1);
      const res = await send(
        'patch',
        `/verandertheorieen/${id.theorie}`,
        cm,
        {
          titel: 'Wijkteam Noord: eerder, dichtbij en samen',
          geldigVanaf: volgend,
          toelichting: 'Na het ontwikkeloverleg.',
        },
        200,
        { 'If-Match': 'W/"26"' },
      );
      expect(res.headers.etag).toBe('W/"27"');
      expect(res.body).toMatchObject({
        versie: 27,
        geldigVanaf: volgend,
        titel: 'Wijkteam Noord: eerder, dichtbij en samen',
        toelichting:
          "Titel gewijzigd in 'Wijkteam Noord: eerder, dichtbij en samen'. Na het ontwikkeloverleg.",
      });
      expect((await get(`/verandertheorieen/${id.theorie}?periode=${H}`, cm)).titel).toBe(
        voorbeeldTheorie().titel,
      );
      expect((await get(`/verandertheorieen/${id.theorie}`, cm)).titel).toBe(
        'Wijkteam Noord: eerder, dichtbij en samen',
      );
      // A change that changes nothing writes no version.
      await send(
        'patch',
        `/verandertheorieen/${id.theorie}`,
        cm,
        { strategie: 'ecosysteem' },
        200,
        { 'If-Match': 'W/"27"' },
      );
      expect(await versieVan(id.theorie)).toBe(27);
      // Later edits land from the newest version's quarter on.
      const element = await send(
        'patch',
        `/verandertheorieen/${id.theorie}/elementen/${vt('inloop')}`,
        teamleiderA,
        {
          omschrijving:
            'In elke wijk een vrij toegankelijk spreekuur, zonder aanmelding, met een vaste professional.',
        },
        200,
        { 'If-Match': 'W/"27"' },
      );
      expect(element.headers.etag).toBe('W/"28"');
      const v28 = (await get(`/verandertheorieen/${id.theorie}/versies?page=2&pageSize=27`, cm))
        .items[0];
      expect(v28).toMatchObject({ versie: 28, geldigVanaf: volgend });
    });
  });

  describe('KPI-set-check', () => {
    it('reports the strategy mismatch of an ecosystem theory measured with outputs only', async () => {
      const zuid = await post('/verandertheorieen', cm, {
        titel: 'Samen Zuid: hulp dichtbij',
        hoofdopdrachtId: id.hB,
        strategie: 'ecosysteem',
        ambitie: {
          tekst: 'Inwoners redden zich zo veel mogelijk zelf',
          doelIds: [id.ambitieDoelB],
        },
      });
      id.theorieB = zuid.id;
      const el = async (soort: string, titel: string) =>
        (await post(`/verandertheorieen/${zuid.id}/elementen`, teamleiderB, { soort, titel }))
          .id as string;
      const spreekuur = await el('activiteit', 'Inloopspreekuur');
      const plan = await el('activiteit', 'Eén plan per huishouden');
      const eerder = await el('outcome-individueel', 'Inwoners vragen eerder om hulp');
      const wijk = await el('outcome-maatschappelijk', 'Minder zware zorg in de wijk');
      for (const [van, naar] of [
        [spreekuur, eerder],
        [plan, eerder],
        [eerder, wijk],
        [wijk, zuid.ambitie.elementId],
      ])
        await post(`/verandertheorieen/${zuid.id}/verbanden`, directeurB, {
          vanId: van,
          naarId: naar,
        });
      await send(
        'put',
        `/verandertheorieen/${zuid.id}/elementen/${spreekuur}/kpi-bewijzen`,
        cm,
        { kpiIds: [ids.get('B:kpi-wt-01')] },
        200,
      );
      await send(
        'put',
        `/verandertheorieen/${zuid.id}/elementen/${plan}/kpi-bewijzen`,
        cm,
        { kpiIds: [ids.get('B:kpi-wt-03')] },
        200,
      );

      const check = await get(`/hoofdopdrachten/${id.hB}/kpi-check`, cm);
      const mismatch = (check.bevindingen as Body[]).filter(
        (b) => b.code === 'strategie-kpi-mismatch',
      );
      expect(mismatch).toHaveLength(1);
      expect(mismatch[0]).toEqual({
        code: 'strategie-kpi-mismatch',
        ernst: 'waarschuwing',
        melding: expect.stringContaining(
          "De verandertheorie 'Samen Zuid: hulp dichtbij' volgt de ecosysteemstrategie",
        ),
        kpiIds: expect.arrayContaining([ids.get('B:kpi-wt-01'), ids.get('B:kpi-wt-03')]),
        doelIds: [],
      });
      expect(mismatch[0].melding).toContain("Nu bevat de KPI-set alleen 2 output-KPI's");
      const zonderBewijs = (check.bevindingen as Body[]).filter(
        (b) => b.code === 'outcome-zonder-bewijs',
      );
      expect(zonderBewijs.map((b) => b.melding)).toEqual([
        expect.stringContaining(
          "Individuele uitkomst 'Inwoners vragen eerder om hulp' heeft geen KPI",
        ),
        expect.stringContaining(
          "Maatschappelijke uitkomst 'Minder zware zorg in de wijk' heeft geen KPI",
        ),
      ]);
    });

    it('finds no mismatch for the full scenario set, and a case story evidences the sociale basis', async () => {
      const codes = async () =>
        ((await get(`/hoofdopdrachten/${id.hA}/kpi-check`, cm)).bevindingen as Body[]).filter((b) =>
          ['strategie-kpi-mismatch', 'outcome-zonder-bewijs'].includes(b.code),
        );
      expect(await codes()).toEqual([
        expect.objectContaining({
          code: 'outcome-zonder-bewijs',
          melding: expect.stringContaining(
            "Maatschappelijke uitkomst 'Bewoners kijken naar elkaar om: een sterke sociale basis' heeft geen KPI en dit kwartaal geen casusverhaal",
          ),
        }),
      ]);
      const casus = await t.dataSource.getRepository(Casus).save({
        gemeenteId: id.gemeente,
        aanbiederId: id.a,
        periode: H,
        titel: 'Via de buurtmaaltijd op tijd bij het spreekuur',
        situatie:
          'Een alleenstaande oudere bewoner kwam via de wekelijkse buurtmaaltijd in gesprek met een vrijwilliger, die haar meenam naar het inloopspreekuur.',
        auteurId: id.teamleiderA,
      });
      id.casus = casus.id;
      const koppeling = await send(
        'put',
        `/verandertheorieen/${id.theorie}/verhalen/${casus.id}`,
        teamleiderA,
        { elementIds: [vt('socialeBasis')] },
        200,
      );
      expect(koppeling.body).toEqual({
        casusId: casus.id,
        titel: 'Via de buurtmaaltijd op tijd bij het spreekuur',
        periode: H,
        aanbiederId: id.a,
        gekoppeldeElementIds: [vt('socialeBasis')],
        elementIds: [vt('socialeBasis')],
      });
      expect(await codes()).toEqual([]);
      const lijst = await get(`/verandertheorieen/${id.theorie}/verhalen?periode=${H}`, cm);
      expect(lijst.items.map((v: Body) => v.casusId)).toEqual([casus.id]);
      const ambitie = await http()
        .put(`/api/v1/verandertheorieen/${id.theorie}/verhalen/${casus.id}`)
        .set(cm)
        .send({ elementIds: [vt('ambitie')] });
      expectProblem(ambitie, 400, 'validatiefout');
      const verouderd = await http()
        .put(`/api/v1/verandertheorieen/${id.theorie}/verhalen/${casus.id}`)
        .set(cm)
        .set('If-Match', 'W/"1"')
        .send({ elementIds: [] });
      expectProblem(verouderd, 412, 'versieconflict');
      // Another organisation's story is not there for a provider.
      await send(
        'put',
        `/verandertheorieen/${id.theorieB}/verhalen/${casus.id}`,
        teamleiderB,
        { elementIds: [] },
        404,
      );
    });
  });

  describe('review van veronderstellingen', () => {
    it('lists nothing while the account is only submitted', async () => {
      id.kvH = await verantwoord(
        H,
        { 'kpi-wt-01': '120', 'kpi-wt-02': '60', 'kpi-wt-04': '58' },
        false,
      );
      expect((await get(`/verandertheorieen/${id.theorie}/reviews/${H}`, cm)).kpis).toEqual([]);
    });

    it('lists, per KPI uit koers in the adopted account, exactly the assumptions on its paths', async () => {
      await send(
        'post',
        `/kwartaalverantwoordingen/${id.kvH}/statuswijzigingen`,
        cm,
        { status: 'vastgesteld' },
        201,
      );
      const review = await get(`/verandertheorieen/${id.theorie}/reviews/${H}`, cm);
      expect(review).toMatchObject({
        theorieId: id.theorie,
        periode: H,
        versie: 26,
        geldigVanaf: verschuifKwartaal(H, -2),
      });
      const perKpi = Object.fromEntries(
        (review.kpis as Body[]).map((k) => [
          k.kpiId,
          (k.veronderstellingen as Body[]).map((v) => v.veronderstellingId),
        ]),
      );
      // WT-01 (the spreekuur, 120 against 100) is op koers: the drempel assumption is not in question.
      expect(perKpi).toEqual({
        [ids.get('kpi-wt-02')!]: [vt('minderVoorzieningen')],
        [ids.get('kpi-wt-04')!]: [vt('vroegErbij'), vt('minderVoorzieningen')],
      });
      const wt04 = (review.kpis as Body[]).find((k) => k.kpiId === ids.get('kpi-wt-04'))!;
      expect(wt04.uitKoers).toEqual([
        expect.objectContaining({
          kwartaalverantwoordingId: id.kvH,
          aanbiederId: id.a,
          waarde: '58',
          streefwaarde: '75',
        }),
      ]);
      expect(wt04.elementen).toEqual([
        {
          id: vt('eerderHulp'),
          soort: 'outcome-individueel',
          titel: 'Inwoners vragen eerder en dichter bij huis om hulp',
        },
      ]);
      expect(wt04.paden.map((p: Body) => p.tekst)).toEqual([
        "'Inwoners vragen eerder en dichter bij huis om hulp' → 'Huishoudens kunnen na afsluiting zelf verder' → 'Minder doorverwijzingen naar maatwerkvoorzieningen' → 'Inwoners redden zich zo veel mogelijk zelf, samen met hun omgeving'",
      ]);
      expect(wt04.veronderstellingen[0]).toMatchObject({
        nummer: 3,
        van: 'Inwoners vragen eerder en dichter bij huis om hulp',
        naar: 'Huishoudens kunnen na afsluiting zelf verder',
        diagnose: 'nog-onbekend',
        diagnoseLabel: 'nog onbekend',
        notitie: null,
        vastgelegd: false,
      });
      // The aanbieder sees the same review over its own account; another provider nothing.
      expect(
        (await get(`/verandertheorieen/${id.theorie}/reviews/${H}`, directeurA)).kpis,
      ).toHaveLength(2);
      await get(`/verandertheorieen/${id.theorie}/reviews/${H}`, teamleiderB, 404);
      expectProblem(
        await http().get(`/api/v1/verandertheorieen/${id.theorie}/reviews/2026-K3`).set(cm),
        400,
        'validatiefout',
      );
    });

    it('stores a diagnosis per quarter, only for an assumption on a path of a KPI uit koers', async () => {
      const pad = `/verandertheorieen/${id.theorie}/reviews/${H}/diagnoses`;
      const res = await send(
        'put',
        `${pad}/${vt('vroegErbij')}`,
        directeurA,
        {
          diagnose: 'externe-factor',
          notitie: 'Meer huishoudens met schulden door de gestegen vaste lasten.',
        },
        200,
      );
      expect(res.headers.etag).toBe('W/"1"');
      expect(res.body).toMatchObject({
        periode: H,
        kpiId: null,
        diagnose: 'externe-factor',
        diagnoseLabel: 'externe factor',
      });
      // Revising this quarter's diagnosis: a stale If-Match is refused.
      expectProblem(
        await http()
          .put(`/api/v1${pad}/${vt('vroegErbij')}`)
          .set(cm)
          .set('If-Match', 'W/"5"')
          .send({ diagnose: 'uitvoering' }),
        412,
      );
      const herzien = await send(
        'put',
        `${pad}/${vt('vroegErbij')}`,
        cm,
        {
          diagnose: 'externe-factor',
          notitie: 'Schulden en vaste lasten; bevestigd door de schuldhulp.',
        },
        200,
        { 'If-Match': 'W/"1"' },
      );
      expect(herzien.body.version).toBe(2);

      const nietOpPad = await http()
        .put(`/api/v1${pad}/${vt('drempel')}`)
        .set(cm)
        .send({ diagnose: 'uitvoering' });
      expectProblem(nietOpPad, 422, 'veronderstelling-niet-in-review');
      expect(nietOpPad.body.detail).toContain(
        `in ${H} niet op het pad van een KPI die uit koers was`,
      );
      const verkeerdeKpi = await http()
        .put(`/api/v1${pad}/${vt('vroegErbij')}`)
        .set(cm)
        .send({ diagnose: 'uitvoering', kpiId: ids.get('kpi-wt-02') });
      expectProblem(verkeerdeKpi, 422, 'veronderstelling-niet-in-review');

      await send(
        'put',
        `${pad}/${vt('minderVoorzieningen')}`,
        cm,
        {
          diagnose: 'randvoorwaarden',
          notitie: 'Wachtlijst bij de Wmo-consulenten.',
          kpiId: ids.get('kpi-wt-04'),
        },
        200,
      );
      expectProblem(
        await http()
          .put(`/api/v1${pad}/${vt('minderVoorzieningen')}`)
          .set(bestuurder)
          .send({ diagnose: 'uitvoering' }),
        403,
      );

      const review = await get(`/verandertheorieen/${id.theorie}/reviews/${H}`, cm);
      const diagnose = (kpi: string, v: string) =>
        (review.kpis as Body[])
          .find((k) => k.kpiId === ids.get(kpi))!
          .veronderstellingen.find((x: Body) => x.veronderstellingId === vt(v as keyof typeof VT));
      expect(diagnose('kpi-wt-04', 'vroegErbij')).toMatchObject({
        diagnose: 'externe-factor',
        vastgelegd: true,
      });
      expect(diagnose('kpi-wt-04', 'minderVoorzieningen')).toMatchObject({
        diagnose: 'randvoorwaarden',
        notitie: 'Wachtlijst bij de Wmo-consulenten.',
      });
      // Recorded under WT-04 only: under WT-02 still unknown.
      expect(diagnose('kpi-wt-02', 'minderVoorzieningen')).toMatchObject({
        diagnose: 'nog-onbekend',
        vastgelegd: false,
      });
    });

    it('keeps each quarter’s diagnosis and shows the history of what was learned', async () => {
      const volgend = verschuifKwartaal(H, 1);
      await verantwoord(volgend, { 'kpi-wt-01': '110', 'kpi-wt-02': '80', 'kpi-wt-04': '55' });
      const review = await get(`/verandertheorieen/${id.theorie}/reviews/${volgend}`, cm);
      expect(review.versie).toBe(28);
      expect((review.kpis as Body[]).map((k) => k.kpiId)).toEqual([ids.get('kpi-wt-04')]);
      expect(review.kpis[0].veronderstellingen[0]).toMatchObject({
        veronderstellingId: vt('vroegErbij'),
        diagnose: 'nog-onbekend',
      });
      await send(
        'put',
        `/verandertheorieen/${id.theorie}/reviews/${volgend}/diagnoses/${vt('vroegErbij')}`,
        cm,
        {
          diagnose: 'veronderstelling-klopt-niet',
          notitie: 'Ook vroeg binnengekomen vragen leiden tot lange trajecten.',
        },
        200,
      );
      await send(
        'patch',
        `/verandertheorieen/${id.theorie}/veronderstellingen/${vt('vroegErbij')}`,
        cm,
        { bewijsstatus: 'weerlegd', toelichting: 'Na twee kwartalen review.' },
        200,
        { 'If-Match': 'W/"28"' },
      );

      const vorige = await get(`/verandertheorieen/${id.theorie}/reviews/${H}`, cm);
      expect(
        (vorige.kpis as Body[]).find((k) => k.kpiId === ids.get('kpi-wt-04'))!
          .veronderstellingen[0],
      ).toMatchObject({ diagnose: 'externe-factor' });

      const geschiedenis = await get(
        `/verandertheorieen/${id.theorie}/veronderstellingen/${vt('vroegErbij')}/geschiedenis`,
        adviseur,
      );
      expect(geschiedenis).toMatchObject({
        veronderstellingId: vt('vroegErbij'),
        actueel: true,
        versies: [
          { bewijsstatus: 'onzeker', geldigVanaf: verschuifKwartaal(H, -2) },
          { versie: 29, bewijsstatus: 'weerlegd', geldigVanaf: volgend },
        ],
        diagnoses: [
          {
            periode: H,
            kpiId: null,
            kpiCode: null,
            diagnose: 'externe-factor',
            notitie: 'Schulden en vaste lasten; bevestigd door de schuldhulp.',
          },
          {
            periode: volgend,
            diagnose: 'veronderstelling-klopt-niet',
            diagnoseLabel: 'veronderstelling klopt niet',
          },
        ],
      });
      await get(
        `/verandertheorieen/${id.theorie}/veronderstellingen/${vt('inloop')}/geschiedenis`,
        cm,
        404,
      );
    });
  });

  describe('diagram', () => {
    function parse(xml: string): { namen: string[]; teksten: string } {
      const parser = new SaxesParser({ xmlns: true });
      const fouten: string[] = [];
      const namen: string[] = [];
      let teksten = '';
      parser.on('error', (fout) => fouten.push(fout.message));
      parser.on('opentag', (tag) => {
        const label = tag.attributes['aria-label'];
        if (label && typeof label === 'object') namen.push(label.value);
      });
      parser.on('text', (tekst) => (teksten += ` ${tekst}`));
      parser.write(xml).close();
      if (fouten.length) throw new Error(fouten.join('\n'));
      return { namen, teksten: teksten.replace(/\s+/g, ' ') };
    }
    const tekst = (res: request.Response, cb: (err: Error | null, body: string) => void) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (deel: string) => (data += deel));
      res.on('end', () => cb(null, data));
    };

    it('exports well-formed SVG that Chromium renders with every element named whole in its own box', async () => {
      const res = await http()
        .get(`/api/v1/verandertheorieen/${id.theorie}/diagram?periode=${H}`)
        .set(cm)
        .buffer(true)
        .parse(tekst)
        .expect(200);
      expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
      expect(res.headers['api-version']).toMatch(/^1\./);
      const svg = res.body as string;
      const { namen } = parse(svg);
      for (const element of voorbeeldTheorie().elementen)
        expect(namen).toContainEqual(expect.stringContaining(element.titel));
      expect(svg).toContain('Veronderstellingen');

      // Measured in the browser the PDF dossiers use (required: CI installs it in pretest).
      const pdf = browserVoorMeting();
      try {
        const theorie = voorbeeldTheorie();
        const meting = await meetSvg(pdf, svg);
        expect(
          diagramProblemen(meting, {
            elementen: theorie.elementen.map((e) => ({ id: ids.get(e.id)!, titel: e.titel })),
            veronderstellingen: theorie.veronderstellingen.map((v) => ({
              id: ids.get(v.id)!,
              tekst: v.tekst,
            })),
            verbandenMetNummer: [
              ...new Set(theorie.veronderstellingen.map((v) => ids.get(v.verbandId)!)),
            ],
          }),
        ).toEqual([]);
        expect(meting.onderdelen.filter((o) => o.soort === 'element')).toHaveLength(
          theorie.elementen.length,
        );
      } finally {
        await pdf.onModuleDestroy();
      }
    });

    it('exports Mermaid text when asked for it', async () => {
      const res = await http()
        .get(`/api/v1/verandertheorieen/${id.theorie}/diagram`)
        .set(cm)
        .set('Accept', 'text/vnd.mermaid')
        .buffer(true)
        .parse(tekst)
        .expect(200);
      expect(res.headers['content-type']).toBe('text/vnd.mermaid; charset=utf-8');
      expect(res.headers.vary).toContain('Accept');
      const mermaid = res.body as string;
      expect(mermaid).toMatch(/^---\ntitle: "Verandertheorie: .*"\n---\nflowchart LR\n/);
      expect(mermaid).toContain('Wekelijks inloopspreekuur in het buurthuis');
      const plain = await http()
        .get(`/api/v1/verandertheorieen/${id.theorie}/diagram`)
        .set(cm)
        .set('Accept', 'text/plain')
        .expect(200);
      expect(plain.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(plain.text).toBe(mermaid);
      await get(`/verandertheorieen/${id.theorie}/diagram`, teamleiderB, 404);
    });
  });

  describe('rollen en afbakening', () => {
    it('lets the gemeente own the header and KPI links, the aanbieder co-author the rest', async () => {
      expectProblem(
        await http()
          .post('/api/v1/verandertheorieen')
          .set(directeurA)
          .send({
            titel: 'X',
            thema: 'armoede',
            strategie: 'niche',
            ambitie: { tekst: 'A', doelIds: [] },
          }),
        403,
      );
      expectProblem(
        await http()
          .patch(`/api/v1/verandertheorieen/${id.theorie}`)
          .set(directeurA)
          .set('If-Match', 'W/"29"')
          .send({ strategie: 'niche' }),
        403,
      );
      expectProblem(
        await http()
          .put(`/api/v1/verandertheorieen/${id.theorie}/elementen/${vt('inloop')}/kpi-bewijzen`)
          .set(teamleiderA)
          .send({ kpiIds: [] }),
        403,
      );
      expectProblem(
        await http()
          .post(`/api/v1/verandertheorieen/${id.theorie}/elementen`)
          .set(bestuurder)
          .send({ soort: 'activiteit', titel: 'X' }),
        403,
      );
      expect((await get(`/verandertheorieen/${id.theorie}`, bestuurder)).id).toBe(id.theorie);
    });

    it('hides another organisation’s and another gemeente’s theories', async () => {
      await get(`/verandertheorieen/${id.theorie}`, teamleiderB, 404);
      expectProblem(
        await http()
          .post(`/api/v1/verandertheorieen/${id.theorie}/elementen`)
          .set(teamleiderB)
          .send({ soort: 'activiteit', titel: 'X' }),
        404,
      );
      expect((await get('/verandertheorieen', teamleiderB)).items.map((x: Body) => x.id)).toEqual([
        id.theorieB,
      ]);
      expect((await get('/verandertheorieen', directeurA)).items.map((x: Body) => x.id)).toEqual([
        id.theorie,
      ]);
      await get(`/verandertheorieen/${id.theorie}`, cmAnders, 404);
      expect((await get('/verandertheorieen', cmAnders)).meta.totalItems).toBe(0);
      const beide = await get('/verandertheorieen', cm);
      expect(beide.items.map((x: Body) => x.id).sort()).toEqual([id.theorie, id.theorieB].sort());
    });

    it('validates the subject: exactly one opdracht or theme, of this gemeente', async () => {
      const basis = { titel: 'X', strategie: 'niche', ambitie: { tekst: 'A', doelIds: [] } };
      expectProblem(
        await http().post('/api/v1/verandertheorieen').set(cm).send(basis),
        400,
        'validatiefout',
      );
      expectProblem(
        await http()
          .post('/api/v1/verandertheorieen')
          .set(cm)
          .send({ ...basis, hoofdopdrachtId: id.hA, thema: 'armoede' }),
        400,
      );
      expectProblem(
        await http()
          .post('/api/v1/verandertheorieen')
          .set(cmAnders)
          .send({ ...basis, hoofdopdrachtId: id.hA }),
        400,
      );
      const doelVanB = await http()
        .post('/api/v1/verandertheorieen')
        .set(cm)
        .send({
          ...basis,
          hoofdopdrachtId: id.hA,
          ambitie: { tekst: 'A', doelIds: [id.ambitieDoelB] },
        });
      expectProblem(doelVanB, 400);
      expect(doelVanB.body.invalidParams[0].reason).toContain('andere hoofdopdracht');
      const thema = await post('/verandertheorieen', adviseur, {
        ...basis,
        titel: 'Armoede en schulden in Voorbeeldstad',
        thema: 'armoede en schulden',
      });
      expect(thema).toMatchObject({
        thema: 'armoede en schulden',
        aanbiederId: null,
        hoofdopdrachtId: null,
      });
      expect(
        (await get('/verandertheorieen?thema=armoede%20en%20schulden', cm)).items.map(
          (x: Body) => x.id,
        ),
      ).toEqual([thema.id]);
      await get('/verandertheorieen', teamleiderB).then((p) =>
        expect(p.items.map((x: Body) => x.id)).not.toContain(thema.id),
      );
    });
  });

  describe('verwijderen', () => {
    it('removes an element with its links and assumptions, a link, an assumption; never the ambitie', async () => {
      const theorie = await get(`/verandertheorieen/${id.theorieB}`, cm);
      const [spreekuur, plan, eerder] = (theorie.elementen as Body[])
        .slice(1)
        .map((e) => e.id as string);
      const [spreekuurEerder, planEerder] = (theorie.verbanden as Body[]).map(
        (v) => v.id as string,
      );
      const want = (verbandId: string, tekst: string) =>
        post(`/verandertheorieen/${id.theorieB}/veronderstellingen`, teamleiderB, {
          verbandId,
          tekst,
          kennisbron: 'ervaringskennis',
          bewijsstatus: 'aannemelijk',
        });
      const drempel = await want(
        spreekuurEerder,
        'Zonder afspraak binnenlopen verlaagt de drempel.',
      );
      const regie = await want(planEerder, 'Eén plan geeft het huishouden overzicht.');
      expect(drempel.nummer).toBe(1);
      expect(regie.nummer).toBe(2);

      const weg = await send(
        'delete',
        `/verandertheorieen/${id.theorieB}/elementen/${spreekuur}`,
        teamleiderB,
        undefined,
        204,
      );
      let na = await get(`/verandertheorieen/${id.theorieB}`, cm);
      expect(weg.headers.etag).toBe(`W/"${na.huidigeVersie}"`);
      expect((na.elementen as Body[]).map((e) => e.id)).not.toContain(spreekuur);
      expect((na.verbanden as Body[]).map((v) => v.id)).not.toContain(spreekuurEerder);
      expect((na.veronderstellingen as Body[]).map((v) => [v.id, v.nummer])).toEqual([
        [regie.id, 1],
      ]);
      expect(na.kpiBewijzen.map((b: Body) => b.elementId)).toEqual([plan]);
      expect(na.versie).toBeGreaterThan(theorie.versie);
      // The earlier version still has it.
      expect(
        (
          await get(`/verandertheorieen/${id.theorieB}/versies/${theorie.versie}`, cm)
        ).elementen.map((e: Body) => e.id),
      ).toContain(spreekuur);

      await send(
        'delete',
        `/verandertheorieen/${id.theorieB}/veronderstellingen/${regie.id}`,
        directeurB,
        undefined,
        204,
      );
      await send(
        'delete',
        `/verandertheorieen/${id.theorieB}/verbanden/${planEerder}`,
        cm,
        undefined,
        204,
      );
      na = await get(`/verandertheorieen/${id.theorieB}`, cm);
      expect(na.veronderstellingen).toEqual([]);
      expect((na.verbanden as Body[]).map((v) => v.vanId)).not.toContain(plan);
      expect(na.meldingen).toEqual([
        expect.objectContaining({
          code: 'element-bereikt-ambitie-niet',
          ernst: 'aandacht',
          elementIds: [plan],
        }),
      ]);
      expect(
        (
          await http()
            .delete(`/api/v1/verandertheorieen/${id.theorieB}/verbanden/${planEerder}`)
            .set(cm)
        ).status,
      ).toBe(404);
      expectProblem(
        await http()
          .delete(`/api/v1/verandertheorieen/${id.theorieB}/elementen/${na.ambitie.elementId}`)
          .set(cm),
        422,
        'geen-ambitie',
      );
      expectProblem(
        await http()
          .delete(`/api/v1/verandertheorieen/${id.theorieB}/elementen/${eerder}`)
          .set(cm)
          .set('If-Match', 'W/"2"'),
        412,
      );
      await send(
        'delete',
        `/verandertheorieen/${id.theorieB}/elementen/${eerder}`,
        teamleiderA,
        undefined,
        404,
      );
    });
  });

  describe('audit', () => {
    it('records every change of the theory, with the version it wrote', async () => {
      const regels = await t.dataSource.getRepository(AuditEntry).find({
        where: { entityType: 'verandertheorie', entityId: id.theorie },
        order: { occurredAt: 'ASC' },
      });
      const acties = regels.map((r) => r.action);
      expect(acties.filter((a) => a === 'aangemaakt')).toHaveLength(1);
      expect(acties.filter((a) => a === 'element-toegevoegd')).toHaveLength(7);
      expect(acties.filter((a) => a === 'verband-toegevoegd')).toHaveLength(8);
      expect(acties.filter((a) => a === 'veronderstelling-toegevoegd')).toHaveLength(5);
      expect(acties.filter((a) => a === 'kpi-bewijzen-gewijzigd')).toHaveLength(5);
      expect(acties).toEqual(
        expect.arrayContaining([
          'gewijzigd',
          'element-gewijzigd',
          'veronderstelling-gewijzigd',
          'verhaal-gekoppeld',
          'diagnose-vastgelegd',
        ]),
      );
      const verband = regels.find((r) => r.action === 'verband-toegevoegd')!;
      expect(verband.before).toEqual({ versie: 8, geldigVanaf: verschuifKwartaal(H, -2) });
      expect(verband.after).toMatchObject({
        versie: 9,
        toelichting:
          "Verband van 'Wekelijks inloopspreekuur in het buurthuis' naar 'Inwoners vragen eerder en dichter bij huis om hulp' gelegd",
      });
      // Refused changes left no trace: 26 content versions before the header revision.
      expect(
        await t.dataSource.getRepository(VerandertheorieVersie).countBy({ theorieId: id.theorie }),
      ).toBe(29);
    });
  });

  describe('dossiersectie', () => {
    it('gives the version in force, the outcomes without evidence this quarter and the review, as plain JSON', async () => {
      const dossier = t.app.get(VerandertheorieDossierService);
      const sectie = await dossier.dossierSectieGegevens(id.gemeente, id.a, H);
      expect(JSON.parse(JSON.stringify(sectie))).toEqual(sectie);
      expect(sectie.periode).toBe(H);
      expect(sectie.theorieen).toHaveLength(1);
      const [theorie] = sectie.theorieen;
      expect(theorie).toMatchObject({
        theorieId: id.theorie,
        versie: 26,
        geldigVanaf: verschuifKwartaal(H, -2),
        strategie: 'ecosysteem',
        titel: voorbeeldTheorie().titel,
      });
      expect(theorie.veronderstellingen).toHaveLength(5);
      expect(theorie.diagram.svg.startsWith('<svg ')).toBe(true);
      // Figures this quarter for WT-01, WT-02, WT-04; the sociale basis has its story; only
      // 'Minder doorverwijzingen' (WT-05 reported nothing) is without evidence.
      expect(theorie.outcomesZonderBewijs.map((o) => o.elementId)).toEqual([vt('minderMaatwerk')]);
      expect(theorie.outcomesZonderBewijs[0].melding).toContain('dit kwartaal geen casusverhaal');
      expect(theorie.review.kpis.map((k) => k.kpiId).sort()).toEqual(
        [ids.get('kpi-wt-02'), ids.get('kpi-wt-04')].sort(),
      );
      // The quarter it was dated to holds the theory as written down this quarter.
      expect(
        (await dossier.dossierSectieGegevens(id.gemeente, id.a, verschuifKwartaal(H, -1)))
          .theorieen[0].elementen,
      ).toHaveLength(8);
      expect(
        (await dossier.dossierSectieGegevens(id.gemeente, id.a, verschuifKwartaal(H, -3)))
          .theorieen,
      ).toEqual([]);
    });

    it('stands in the assembled dossier as its own section, and in its HTML with the diagram and the review', async () => {
      const samensteller = t.app.get(DossierSamensteller);
      const { document } = await samensteller.stelSamen(
        t.dataSource.manager,
        samensteller.scope({
          gemeenteId: id.gemeente,
          aanbiederId: id.a,
          periode: H,
          overlegId: null,
        }),
      );
      const secties = document.secties.map((s) => s.sleutel);
      expect(secties).toEqual(expect.arrayContaining(['kpis', 'verhalen', 'verandertheorieen']));
      // After the KPIs (30), before the stories (40): the theory explains the figures.
      expect(secties.indexOf('verandertheorieen')).toBe(secties.indexOf('kpis') + 1);
      const sectie = document.secties.find((s) => s.sleutel === 'verandertheorieen')!;
      expect(sectie.titel).toBe('Verandertheorie en veronderstellingen');
      const inhoud = sectie.inhoud as { theorieen: { theorieId: string; versie: number }[] };
      expect(inhoud.theorieen).toEqual([
        expect.objectContaining({ theorieId: id.theorie, versie: 26 }),
      ]);

      const html = renderDossierHtml(document, {
        renderers: t.app.get(DossierBijdrageRegistry).renderers(),
      });
      const tekst = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
      expect(html).toContain('<svg ');
      expect(tekst).toContain(voorbeeldTheorie().titel);
      expect(tekst).toContain('Versie 26');
      expect(tekst).toContain('Uitkomsten zonder bewijs dit kwartaal');
      expect(tekst).toContain('Minder doorverwijzingen');
      expect(tekst).toContain('Veronderstellingenreview');
      expect(tekst).toMatch(/uit koers/);
      // Rendered by the section's own renderer, not the generic fallback list.
      expect(html).not.toContain('<dt>theorieen</dt>');

      // An aanbieder without a theory gets the section with its empty state.
      const leeg = await samensteller.stelSamen(
        t.dataSource.manager,
        samensteller.scope({
          gemeenteId: id.gemeente,
          aanbiederId: id.a,
          periode: verschuifKwartaal(H, -3),
          overlegId: null,
        }),
      );
      expect(
        renderDossierHtml(leeg.document, {
          renderers: t.app.get(DossierBijdrageRegistry).renderers(),
        }),
      ).toContain('geen verandertheorie');
    });
  });

  describe('demodata', () => {
    it('seeds the theory of Wijkteams Noord in two versions, with KPI evidence and diagnoses of an off-track quarter', async () => {
      const { gemeente, organisatie } = await makeGemeente(t.dataSource);
      const aanbieders = {
        noord: await makeAanbieder(t.dataSource, [gemeente], { naam: 'Wijkteams Noord' }),
        oost: await makeAanbieder(t.dataSource, [gemeente], { naam: 'Sociaal Collectief Oost' }),
        zuid: await makeAanbieder(t.dataSource, [gemeente], { naam: 'Stichting Samen Zuid' }),
      };
      const stappen = t.app.get(DemoSeedRegistry).ordered();
      const basis = stappen.filter((s) => s.order <= 200);
      const eigen = stappen.find((s) => s.name === 'verandertheorieen')!;
      expect(eigen.order).toBe(400);
      const vorig = verschuifKwartaal(H, -1);
      await t.dataSource.transaction(async (manager) => {
        const context: DemoSeedContext = {
          manager,
          audit: t.app.get(AuditService),
          gemeente,
          gemeenteOrganisatie: organisatie,
          aanbieders,
          gebruikers: [],
        };
        for (const stap of basis) await stap.run(context);
        // An adopted account of last quarter with two linked KPIs off track.
        const periode = await manager.getRepository(Rapportageperiode).findOneByOrFail({
          gemeenteId: gemeente.id,
          aanbiederId: aanbieders.noord.id,
          periode: vorig,
        });
        const kv = await manager.getRepository(Kwartaalverantwoording).save({
          gemeenteId: gemeente.id,
          aanbiederId: aanbieders.noord.id,
          rapportageperiodeId: periode.id,
          periode: vorig,
          revisie: 1,
          status: 'vastgesteld',
        });
        const percelen = await manager.getRepository(Perceel).findBy({ gemeenteId: gemeente.id });
        for (const [kpiCode, waarde] of [
          ['NRD-07', '60'],
          ['NRD-02', '70'],
        ] as const) {
          const kpi = await manager
            .getRepository(Kpi)
            .findOneByOrFail({ gemeenteId: gemeente.id, code: kpiCode });
          const versie = await manager
            .getRepository(KpiVersie)
            .findOneByOrFail({ kpiId: kpi.id, versie: kpi.huidigeVersie });
          for (const naam of ['Perceel Centrum', 'Perceel Noord'])
            await manager.getRepository(KpiWaarde).insert({
              kwartaalverantwoordingId: kv.id,
              kpiId: kpi.id,
              kpiVersieId: versie.id,
              perceelId: percelen.find((p) => p.naam === naam)!.id,
              waarde,
              gewicht: '1000',
            });
        }
        await eigen.run(context);
      });
      const cmDemo = (
        await login(
          t.app,
          (await makeGebruiker(t.dataSource, organisatie, [{ gemeente, rol: Rol.Contractmanager }]))
            .email,
        )
      ).auth;
      const noord = await t.dataSource
        .getRepository(Hoofdopdracht)
        .findOneByOrFail({ gemeenteId: gemeente.id, aanbiederId: aanbieders.noord.id });
      const [samenvatting] = (await get(`/verandertheorieen?hoofdopdrachtId=${noord.id}`, cmDemo))
        .items as Body[];
      expect(samenvatting).toMatchObject({
        huidigeVersie: 2,
        strategie: 'ecosysteem',
        aantalElementen: 8,
        aantalVeronderstellingen: 5,
      });
      const theorie = await get(`/verandertheorieen/${samenvatting.id}`, cmDemo);
      expect(theorie.elementen.filter((e: Body) => e.soort === 'activiteit')).toHaveLength(3);
      expect(theorie.elementen.filter((e: Body) => e.soort.startsWith('outcome-'))).toHaveLength(4);
      expect(theorie.meldingen).toEqual([]);
      expect(theorie.ambitie.doelIds).toHaveLength(1);
      const kpiCodes = new Map(
        ((await get(`/kpis?hoofdopdrachtId=${noord.id}&pageSize=100`, cmDemo)).items as Body[]).map(
          (k) => [k.id, k.code],
        ),
      );
      expect(new Set(theorie.kpiBewijzen.map((b: Body) => kpiCodes.get(b.kpiId)))).toEqual(
        new Set(['NRD-09', 'NRD-05', 'NRD-01', 'NRD-06', 'NRD-02', 'NRD-07', 'NRD-12', 'NRD-04']),
      );
      const eerste = await get(
        `/verandertheorieen/${samenvatting.id}?periode=${verschuifKwartaal(H, -4)}`,
        cmDemo,
      );
      expect(eerste).toMatchObject({ versie: 1, strategie: { strategie: 'geintegreerd' } });
      expect(eerste.veronderstellingen).toHaveLength(4);

      const review = await get(`/verandertheorieen/${samenvatting.id}/reviews/${vorig}`, cmDemo);
      expect(review.kpis.map((k: Body) => k.code).sort()).toEqual(['NRD-02', 'NRD-07']);
      const diagnoses = await t.dataSource
        .getRepository(VeronderstellingDiagnose)
        .findBy({ theorieId: samenvatting.id });
      expect(diagnoses.map((d) => [d.periode, d.diagnose]).sort()).toEqual([
        [vorig, 'externe-factor'],
        [vorig, 'nog-onbekend'],
      ]);
      const check = await get(`/hoofdopdrachten/${noord.id}/kpi-check`, cmDemo);
      expect((check.bevindingen as Body[]).map((b) => b.code)).toContain('strategie-kpi-mismatch');
    });
  });
});

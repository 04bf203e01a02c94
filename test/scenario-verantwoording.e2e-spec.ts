import { Organisatie, Rol } from '@wijkkompas/core';
import {
  createTestApp,
  login,
  makeAanbieder,
  makeGebruiker,
  makeGemeente,
  TestApp,
} from '@wijkkompas/core/testing';
import { vandaag } from '@wijkkompas/opdrachten';
import { kwartaalVan } from '@wijkkompas/verantwoording';
import request from 'supertest';

type Auth = { Authorization: string };
// Response bodies are JSON read loosely; each step asserts the shape it relies on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

/** 1·9+1·8+1·7+2·6+2·5+2·4+3·3+3·2−3·1 = 66 = 6·11: passes the elfproef, so a real BSN. */
const GELDIG_BSN = '111222333';
/** 1·9+2·8+3·7+4·6+5·5+6·4+7·3+8·2−9·1 = 147 ≡ 4 (mod 11): just a nine-digit number. */
const ONGELDIG_BSN = '123456789';

const PERCEEL_HAVEN = 'Perceel Havenkwartier';
const PERCEEL_NOORD = 'Perceel Noorderpark';

/** A CSV export of the registration system as Excel writes it: BOM, semicolons, CRLF. */
const csv = (rijen: string[][]) =>
  Buffer.from(`\ufeff${rijen.map((r) => r.join(';')).join('\r\n')}\r\n`, 'utf8');

const KOP = ['kpi-code', 'perceel', 'waarde', 'toelichting'];
const EXPORT_RIJEN = [
  ['WT-01', PERCEEL_HAVEN, '82', 'Het nieuwe aanmeldloket werkt.'],
  ['WT-01', PERCEEL_NOORD, '66,5', 'Twee medewerkers waren langdurig ziek.'],
  ['WT-02', PERCEEL_HAVEN, '310', ''],
  ['WT-02', PERCEEL_NOORD, '240', ''],
  ['WT-03', PERCEEL_HAVEN, '7,2', ''],
  ['WT-03', PERCEEL_NOORD, '6,8', ''],
];

/**
 * The brief's second and third scenario end to end, through the HTTP API only:
 * the quarter opens; a directeur imports and enters the KPI values per perceel, writes case
 * stories (a story with a BSN is refused), raises a signal and submits; the contractmanager
 * returns the account with a question, the directeur answers, corrects and resubmits, the
 * contractmanager adopts it. Nothing earlier is lost, parallel edits never overwrite each
 * other silently, and every step is in the audit trail.
 */
describe('Scenario: kwartaalverantwoording van import tot vaststelling', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  const kwartaal = kwartaalVan(vandaag());

  const auth = {} as Record<'cm' | 'beheerder' | 'directeur' | 'teamleider', Auth>;
  const gebruikerId = {} as Record<'cm' | 'directeur', string>;
  const id: Record<string, string> = {};
  const kpi: Record<string, string> = {};
  /** The account (revision 1) and its current ETag. */
  let verantwoordingId: string;
  /** The three case stories written in step 4. */
  let verhaalIds: string[] = [];
  let etag: string;

  async function verwacht(res: request.Response, status: number, wat = ''): Promise<Body> {
    if (res.status !== status)
      throw new Error(
        `${wat} verwacht ${status}, kreeg ${res.status}: ${JSON.stringify(res.body)}`,
      );
    return res.body as Body;
  }
  const post = async (pad: string, wie: Auth, body: Body, status = 201) =>
    verwacht(await http().post(`/api/v1${pad}`).set(wie).send(body), status, `POST ${pad}`);
  const get = async (pad: string, wie: Auth, status = 200) =>
    verwacht(await http().get(`/api/v1${pad}`).set(wie), status, `GET ${pad}`);
  const verantwoording = (pad = '') => `/api/v1/kwartaalverantwoordingen/${verantwoordingId}${pad}`;
  const statuswijziging = (wie: Auth, status: string, extra: Body = {}) =>
    http()
      .post(verantwoording('/statuswijzigingen'))
      .set(wie)
      .send({ status, ...extra });
  const importeer = (bestand: Buffer, naam: string) =>
    http()
      .post(verantwoording('/imports'))
      .set(auth.directeur)
      .set('If-Match', etag)
      .attach('bestand', bestand, naam);

  /** The figures of one KPI in an account (or frozen version's inhoud). */
  const kpiGroep = (inhoud: Body, code: string) =>
    (inhoud.waarden as Body[]).find((w) => w.code === code);
  const perceelWaarde = (inhoud: Body, code: string, perceel: string) =>
    (kpiGroep(inhoud, code)?.percelen as Body[] | undefined)?.find(
      (p) => p.perceelNaam === perceel,
    );
  /** code@perceel → waarde, for comparing whole accounts at once. */
  const cijfers = (inhoud: Body) =>
    Object.fromEntries(
      (inhoud.waarden as Body[]).flatMap((w) =>
        (w.percelen as Body[]).map((p) => [`${w.code}@${p.perceelNaam}`, p.waarde]),
      ),
    );

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('1. Opzet: gemeente, aanbieder met twee percelen, hoofdopdracht met doelen, KPI’s met normen en de rapportageperiode', async () => {
    const ds = t.dataSource;
    const { gemeente, organisatie } = await makeGemeente(ds);
    const aanbieder = await makeAanbieder(ds, [gemeente], {
      naam: `Wijkteams Noord ${gemeente.cbsCode}`,
    });
    id.aanbieder = aanbieder.id;
    const gebruiker = async (org: Organisatie, rol: Rol) => {
      const g = await makeGebruiker(ds, org, [{ gemeente, rol }]);
      return { id: g.gebruiker.id, auth: (await login(t.app, g.email)).auth };
    };
    const cm = await gebruiker(organisatie, Rol.Contractmanager);
    const directeur = await gebruiker(aanbieder, Rol.Directeur);
    auth.cm = cm.auth;
    auth.directeur = directeur.auth;
    auth.teamleider = (await gebruiker(aanbieder, Rol.Teamleider)).auth;
    auth.beheerder = (await gebruiker(organisatie, Rol.Beheerder)).auth;
    gebruikerId.cm = cm.id;
    gebruikerId.directeur = directeur.id;

    // Two percelen of two wijken each, assigned to the aanbieder.
    const wijk = async (cbsCode: string, naam: string) =>
      (await post('/wijken', auth.cm, { cbsCode, naam })).id as string;
    id.havenkwartier = await wijk('WK990101', 'Havenkwartier');
    id.oudeHaven = await wijk('WK990102', 'Oude Haven');
    id.noorderpark = await wijk('WK990201', 'Noorderpark');
    id.molenwijk = await wijk('WK990202', 'Molenwijk');
    id.perceelHaven = (
      await post('/percelen', auth.cm, {
        naam: PERCEEL_HAVEN,
        wijkIds: [id.havenkwartier, id.oudeHaven],
      })
    ).id;
    id.perceelNoord = (
      await post('/percelen', auth.cm, {
        naam: PERCEEL_NOORD,
        wijkIds: [id.noorderpark, id.molenwijk],
      })
    ).id;
    for (const perceelId of [id.perceelHaven, id.perceelNoord])
      await post(`/percelen/${perceelId}/toewijzingen`, auth.cm, {
        aanbiederId: aanbieder.id,
        van: '2023-01-01',
      });
    id.armoede = (await post('/ketens', auth.cm, { naam: 'Armoede & Schulden' })).id;

    // An eight-year hoofdopdracht with an ambitie and three doelen.
    const hoofdopdracht = await post('/hoofdopdrachten', auth.cm, {
      aanbiederId: aanbieder.id,
      titel: 'Sociale wijkteams Noord 2023-2030',
      startdatum: '2023-01-01',
      einddatum: '2030-12-31',
      visie: 'Iedereen in Noord doet mee en vindt hulp dichtbij.',
      missie: 'Wij versterken de sociale basis en helpen integraal, met één plan per huishouden.',
      financieringsvorm: 'lump-sum',
      jaarbudgetten: [],
      herijkingsmomenten: [],
      perceelIds: [id.perceelHaven, id.perceelNoord],
    });
    id.hoofdopdracht = hoofdopdracht.id;
    const doel = async (body: Body) =>
      (await post(`/hoofdopdrachten/${id.hoofdopdracht}/doelen`, auth.cm, body)).id as string;
    id.ambitie = await doel({
      niveau: 'ambitie',
      titel: 'Inwoners redden zich zo veel mogelijk zelf',
      themas: ['zelfredzaamheid'],
    });
    id.socialeBasis = await doel({
      niveau: 'doel',
      parentId: id.ambitie,
      titel: 'Een sterke sociale basis in elke wijk',
      themas: ['preventie-sociale-basis'],
    });
    id.integraal = await doel({
      niveau: 'doel',
      parentId: id.ambitie,
      titel: 'Integrale hulp met één plan per huishouden',
      themas: ['integraal-werken'],
    });
    // Deliberately without KPIs.
    id.minderMaatwerk = await doel({
      niveau: 'doel',
      parentId: id.ambitie,
      titel: 'Minder doorverwijzingen naar maatwerkvoorzieningen',
      themas: ['zelfredzaamheid'],
    });

    const maakKpi = async (body: Body) =>
      (await post('/kpis', auth.cm, { hoofdopdrachtId: id.hoofdopdracht, ...body })).id as string;
    kpi['WT-01'] = await maakKpi({
      code: 'WT-01',
      naam: 'Percentage hulpvragen binnen vijf werkdagen opgepakt',
      definitie: 'Het aandeel nieuwe hulpvragen met een eerste gesprek binnen vijf werkdagen.',
      teller: 'Nieuwe hulpvragen met een eerste gesprek binnen vijf werkdagen',
      noemer: 'Alle nieuwe hulpvragen',
      type: 'throughput',
      eenheid: 'percentage',
      richting: 'hoger-is-beter',
      bron: 'registratiesysteem',
      aggregatie: 'gemiddelde',
      doelIds: [id.integraal],
      ketenIds: [id.armoede],
    });
    kpi['WT-02'] = await maakKpi({
      code: 'WT-02',
      naam: 'Aantal inwoners bereikt via de sociale basis',
      definitie: 'Unieke inwoners die dit kwartaal deelnamen aan een activiteit in de wijk.',
      type: 'output',
      eenheid: 'aantal',
      richting: 'hoger-is-beter',
      bron: 'registratiesysteem',
      aggregatie: 'som',
      doelIds: [id.socialeBasis],
    });
    kpi['WT-03'] = await maakKpi({
      code: 'WT-03',
      naam: 'Ervaren zelfredzaamheid na afsluiting',
      definitie: 'Gemiddelde score (1-10) op de zelfredzaamheidsvraag bij afsluiting.',
      type: 'outcome',
      eenheid: 'score',
      richting: 'hoger-is-beter',
      bron: 'clientervaringsonderzoek',
      aggregatie: 'gemiddelde',
      doelIds: [id.integraal],
    });
    // Deliberately unmeasurable: no definition, no source and (below) no norm.
    kpi['WT-04'] = await maakKpi({
      code: 'WT-04',
      naam: 'Tevredenheid netwerkpartners',
      type: 'outcome',
      eenheid: 'score',
      richting: 'hoger-is-beter',
      aggregatie: 'gemiddelde',
      doelIds: [id.socialeBasis],
    });
    const norm = async (code: string, periode: string, normwaarden: Body) =>
      verwacht(
        await http()
          .put(`/api/v1/kpis/${kpi[code]}/normen/${periode}`)
          .set(auth.cm)
          .send(normwaarden),
        201,
      );
    await norm('WT-01', kwartaal, { streefwaarde: 80, tolerantieLetOp: 5, tolerantieUitKoers: 10 });
    await norm('WT-02', kwartaal, {
      streefwaarde: 600,
      tolerantieLetOp: 40,
      tolerantieUitKoers: 100,
    });
    await norm('WT-03', kwartaal.slice(0, 4), {
      streefwaarde: '7',
      tolerantieLetOp: '0.3',
      tolerantieUitKoers: '0.6',
    });

    const periode = await post('/rapportageperiodes', auth.cm, {
      aanbiederId: aanbieder.id,
      periode: kwartaal,
    });
    expect(periode).toMatchObject({ periode: kwartaal, aanbiederId: aanbieder.id });
    id.periode = periode.id;
  });

  it('2. KPI-set-check: signaleert het doel zonder KPI en de onmeetbare KPI', async () => {
    const check = await get(`/hoofdopdrachten/${id.hoofdopdracht}/kpi-check`, auth.cm);
    expect(check).toMatchObject({
      opdrachtSoort: 'hoofdopdracht',
      opdrachtId: id.hoofdopdracht,
      aantalKpis: 4,
      aantalPerType: { input: 0, throughput: 1, output: 1, outcome: 2 },
    });
    const bevindingen = check.bevindingen as Body[];
    expect(bevindingen.map((b) => b.code).sort()).toEqual(['doel-zonder-kpi', 'kpi-niet-meetbaar']);
    expect(bevindingen.find((b) => b.code === 'doel-zonder-kpi')).toMatchObject({
      doelIds: [id.minderMaatwerk],
      kpiIds: [],
      melding: expect.stringContaining(
        "Doel 'Minder doorverwijzingen naar maatwerkvoorzieningen' heeft geen KPI.",
      ),
    });
    const onmeetbaar = bevindingen.find((b) => b.code === 'kpi-niet-meetbaar');
    expect(onmeetbaar).toMatchObject({ kpiIds: [kpi['WT-04']], doelIds: [] });
    expect(onmeetbaar!.melding).toContain('WT-04');
    expect(onmeetbaar!.melding).toContain('een definitie, een databron en een streefwaarde');
    // The aanbieder reads the same check on its own hoofdopdracht.
    expect(
      (await get(`/hoofdopdrachten/${id.hoofdopdracht}/kpi-check`, auth.directeur)).bevindingen,
    ).toEqual(check.bevindingen);
  });

  it('3a. De directeur begint de verantwoording; een export met één foute rij wordt geheel geweigerd', async () => {
    const res = await http()
      .post('/api/v1/kwartaalverantwoordingen')
      .set(auth.directeur)
      .send({ rapportageperiodeId: id.periode });
    const concept = await verwacht(res, 201);
    verantwoordingId = concept.id;
    etag = res.headers.etag as string;
    expect(etag).toBe(`W/"${concept.version}"`);
    expect(concept).toMatchObject({
      status: 'concept',
      revisie: 1,
      periode: kwartaal,
      aanbiederId: id.aanbieder,
      waarden: [],
    });
    // Expected: three measured KPIs and the unmeasurable one, each per perceel.
    expect(concept.ontbrekend).toHaveLength(8);

    const rijen = [KOP, ...EXPORT_RIJEN.map((r) => [...r])];
    rijen[4][2] = 'tweehonderd'; // data row 4 (WT-02, Noorderpark) is file row 5
    const fout = await verwacht(await importeer(csv(rijen), 'export-registratie.csv'), 422);
    expect(fout).toMatchObject({ code: 'import-afgekeurd', aantalFouten: 1 });
    expect(fout.fouten).toEqual([
      { rij: 5, kolom: 'waarde', melding: expect.stringContaining('is geen getal') },
    ]);

    // Nothing was written: no values, and the version did not move.
    const na = await http().get(verantwoording()).set(auth.directeur);
    expect((await verwacht(na, 200)).waarden).toEqual([]);
    expect(na.body.ontbrekend).toHaveLength(8);
    expect(na.headers.etag).toBe(etag);
  });

  it('3b. De gecorrigeerde export wordt opgeslagen; één waarde wordt met de hand gewijzigd met toelichting', async () => {
    const res = await importeer(csv([KOP, ...EXPORT_RIJEN]), 'export-registratie.csv');
    const resultaat = await verwacht(res, 201);
    expect(resultaat).toMatchObject({ aantalRijen: 6, toegevoegd: 6, bijgewerkt: 0 });
    const etagVoorImport = etag;
    etag = res.headers.etag as string;
    expect(etag).not.toBe(etagVoorImport);

    const account = await get(`/kwartaalverantwoordingen/${verantwoordingId}`, auth.directeur);
    expect(cijfers(account)).toEqual({
      [`WT-01@${PERCEEL_HAVEN}`]: '82',
      [`WT-01@${PERCEEL_NOORD}`]: '66.5',
      [`WT-02@${PERCEEL_HAVEN}`]: '310',
      [`WT-02@${PERCEEL_NOORD}`]: '240',
      [`WT-03@${PERCEEL_HAVEN}`]: '7.2',
      [`WT-03@${PERCEEL_NOORD}`]: '6.8',
    });
    expect(perceelWaarde(account, 'WT-01', PERCEEL_NOORD)).toMatchObject({
      toelichting: 'Twee medewerkers waren langdurig ziek.',
      status: 'uit-koers',
    });
    expect(kpiGroep(account, 'WT-01')!.totaal).toMatchObject({ waarde: '74.25', status: 'let-op' });
    expect(kpiGroep(account, 'WT-02')!.totaal).toMatchObject({ waarde: '550', status: 'let-op' });
    // Only the unmeasurable KPI is still missing.
    expect((account.ontbrekend as Body[]).map((o) => o.code)).toEqual(['WT-04', 'WT-04']);

    const hand = {
      kpiId: kpi['WT-03'],
      perceelId: id.perceelNoord,
      waarde: '7.1',
      toelichting: 'Nagemeten: de eerste export miste veertig antwoorden uit de cliëntpeiling.',
    };
    // Without If-Match, or with the ETag from before the import, nothing is changed.
    await verwacht(
      await http()
        .put(verantwoording('/waarden'))
        .set(auth.directeur)
        .send({ waarden: [hand] }),
      428,
    );
    await verwacht(
      await http()
        .put(verantwoording('/waarden'))
        .set(auth.directeur)
        .set('If-Match', etagVoorImport)
        .send({ waarden: [hand] }),
      412,
    );
    const handRes = await http()
      .put(verantwoording('/waarden'))
      .set(auth.directeur)
      .set('If-Match', etag)
      .send({ waarden: [hand] });
    const bijgewerkt = await verwacht(handRes, 200);
    etag = handRes.headers.etag as string;
    expect(perceelWaarde(bijgewerkt, 'WT-03', PERCEEL_NOORD)).toMatchObject({
      waarde: '7.1',
      toelichting: hand.toelichting,
    });
    expect(perceelWaarde(bijgewerkt, 'WT-03', PERCEEL_HAVEN)).toMatchObject({ waarde: '7.2' });

    const verhaal = await http()
      .patch(verantwoording())
      .set(auth.directeur)
      .set('If-Match', etag)
      .send({
        hoogtepunten: 'Het nieuwe aanmeldloket in het Havenkwartier verkort de wachttijd merkbaar.',
        knelpunten:
          'Twee medewerkers in Noorderpark waren langdurig ziek; daar liep de wachttijd op.',
        vooruitblik:
          'Volgend kwartaal start een inloopspreekuur in de bibliotheek van Noorderpark.',
      });
    await verwacht(verhaal, 200);
    etag = verhaal.headers.etag as string;
  });

  it('4. Drie casusverhalen bij de KPI’s; een verhaal met een BSN wordt geweigerd zonder het nummer te herhalen', async () => {
    const verhaal = (extra: Body): Body => ({
      periode: kwartaal,
      titel: 'Achter het schoolverzuim zaten schulden',
      situatie:
        'Zoon T. (15) van een alleenstaande vader verzuimde steeds vaker; thuis bleek een ontruimingsbrief te liggen.',
      vraag: 'Wie pakt wat op: school, schuldhulp of jeugdhulp?',
      aanpak: 'Eén plan met één regisseur; binnen een week een betalingsregeling.',
      effect: 'T. gaat weer naar school en de ontruiming is van tafel.',
      les: 'Verzuim is vaak een symptoom.',
      perceelId: id.perceelNoord,
      kpiIds: [kpi['WT-01']],
      doelIds: [id.integraal],
      ketenIds: [id.armoede],
      ...extra,
    });
    const casusIds: string[] = [];
    casusIds.push((await post('/casussen', auth.directeur, verhaal({}))).id);
    casusIds.push(
      (
        await post(
          '/casussen',
          auth.directeur,
          verhaal({
            titel: 'Een buurvrouw die weer de deur uit gaat',
            situatie:
              'Mevrouw K. (81) kwam na het overlijden van haar man de deur niet meer uit; de huisarts meldde eenzaamheid.',
            vraag: null,
            aanpak: 'Een buurtvrijwilliger nam haar mee naar de koffieochtend in het buurthuis.',
            effect: 'Ze komt er nu elke week en helpt bij de inloop.',
            les: 'Eén warme overdracht doet meer dan een folder.',
            perceelId: id.perceelHaven,
            kpiIds: [kpi['WT-02']],
            doelIds: [id.socialeBasis],
            ketenIds: [],
          }),
        )
      ).id,
    );

    // A story with a valid BSN is refused: field and kind named, the number never echoed.
    const voor = (await get(`/casussen?periode=${kwartaal}`, auth.directeur)).meta.totalItems;
    const bsn = await http()
      .post('/api/v1/casussen')
      .set(auth.directeur)
      .send(
        verhaal({
          titel: 'Huurachterstand na een fout bij de toeslagen',
          situatie: `Vader (BSN ${GELDIG_BSN}) kreeg een terugvordering en liep huurachterstand op.`,
          kpiIds: [kpi['WT-03']],
        }),
      );
    await verwacht(bsn, 422);
    expect(bsn.headers['content-type']).toContain('application/problem+json');
    expect(bsn.body).toMatchObject({
      status: 422,
      code: 'direct-identificerende-gegevens',
      invalidParams: [{ name: 'situatie', code: 'bsn', reason: expect.stringContaining('BSN') }],
    });
    expect(bsn.text).not.toContain(GELDIG_BSN);
    expect((await get(`/casussen?periode=${kwartaal}`, auth.directeur)).meta.totalItems).toBe(voor);

    // The same story with the corporation's file number, which fails the elfproef, is accepted.
    const derde = await post(
      '/casussen',
      auth.directeur,
      verhaal({
        titel: 'Huurachterstand na een fout bij de toeslagen',
        situatie: `Vader kreeg een terugvordering en liep huurachterstand op; de corporatie noemt het dossier ${ONGELDIG_BSN}.`,
        kpiIds: [kpi['WT-03'], kpi['WT-01']],
      }),
    );
    expect(derde.situatie).toContain(ONGELDIG_BSN);
    casusIds.push(derde.id);

    const lijst = await get(`/casussen?periode=${kwartaal}&pageSize=100`, auth.cm);
    expect((lijst.items as Body[]).map((c) => c.id).sort()).toEqual([...casusIds].sort());
    expect((lijst.items as Body[]).every((c) => (c.kpiIds as string[]).length > 0)).toBe(true);
    verhaalIds = [...casusIds].sort();
    id.casusMetNummer = derde.id;
  });

  it('5. De directeur brengt een signaal in', async () => {
    const signaal = await post('/signalen', auth.directeur, {
      titel: 'Beslagvrije voet wordt niet toegepast',
      waarneming:
        'Bij drie huishoudens in Noorderpark hield de deurwaarder geen rekening met de beslagvrije voet; zij hielden te weinig over voor boodschappen.',
      soort: 'regels',
      perceelId: id.perceelNoord,
      ketenIds: [id.armoede],
    });
    expect(signaal).toMatchObject({
      status: 'nieuw',
      periode: kwartaal,
      organisatieId: id.aanbieder,
    });
    id.signaal = signaal.id;

    const account = await get(`/kwartaalverantwoordingen/${verantwoordingId}`, auth.cm);
    expect((account.casussen as Body[]).map((c) => c.id).sort()).toEqual(verhaalIds);
    expect((account.signalen as Body[]).map((s) => s.id)).toEqual([id.signaal]);
  });

  it('6. De teamleider mag niet indienen (403); de directeur dient in', async () => {
    const teamleider = await verwacht(await statuswijziging(auth.teamleider, 'ingediend'), 403);
    expect(teamleider.detail).toContain('directeur');
    expect((await get(`/kwartaalverantwoordingen/${verantwoordingId}`, auth.cm)).status).toBe(
      'concept',
    );

    const res = await http()
      .post(verantwoording('/statuswijzigingen'))
      .set(auth.directeur)
      .set('If-Match', etag)
      .send({ status: 'ingediend' });
    const ingediend = await verwacht(res, 201);
    expect(ingediend).toMatchObject({
      status: 'ingediend',
      ingediendDoorId: gebruikerId.directeur,
    });
    etag = res.headers.etag as string;
  });

  it('7. De contractmanager zet terug met een vraag; de directeur antwoordt, corrigeert en dient opnieuw in; de contractmanager stelt vast', async () => {
    const vraag = await post(
      `/kwartaalverantwoordingen/${verantwoordingId}/beoordelingsopmerkingen`,
      auth.cm,
      {
        onderdeel: 'kpi-waarde',
        onderdeelId: kpi['WT-01'],
        tekst:
          'Het percentage in Noorderpark ligt ver onder de norm. Wat is de oorzaak, en is 66,5 definitief?',
      },
    );
    expect(vraag).toMatchObject({ open: true, reactie: null });
    const teruggezet = await verwacht(await statuswijziging(auth.cm, 'teruggezet'), 201);
    expect(teruggezet.status).toBe('teruggezet');
    expect((teruggezet.openOpmerkingen as Body[]).map((o) => o.id)).toEqual([vraag.id]);

    const antwoord = await verwacht(
      await http()
        .post(verantwoording(`/beoordelingsopmerkingen/${vraag.id}/reactie`))
        .set(auth.directeur)
        .send({
          reactie:
            'De export telde dubbele aanmeldingen mee; gecorrigeerd is het 71,5%. De zieke medewerkers zijn terug.',
        }),
      200,
    );
    expect(antwoord).toMatchObject({ open: false, reactieDoorId: gebruikerId.directeur });

    const concept = await verwacht(await statuswijziging(auth.directeur, 'concept'), 201);
    expect(concept.status).toBe('concept');
    etag = `W/"${concept.version}"`;
    const correctie = await http()
      .put(verantwoording('/waarden'))
      .set(auth.directeur)
      .set('If-Match', etag)
      .send({
        waarden: [
          {
            kpiId: kpi['WT-01'],
            perceelId: id.perceelNoord,
            waarde: '71.5',
            toelichting: 'Gecorrigeerd voor dubbele aanmeldingen in de export.',
          },
        ],
      });
    const gecorrigeerd = await verwacht(correctie, 200);
    etag = correctie.headers.etag as string;
    expect(kpiGroep(gecorrigeerd, 'WT-01')!.totaal).toMatchObject({
      waarde: '76.75',
      status: 'op-koers',
    });

    await verwacht(await statuswijziging(auth.directeur, 'ingediend'), 201);
    const vastgesteld = await verwacht(await statuswijziging(auth.cm, 'vastgesteld'), 201);
    expect(vastgesteld).toMatchObject({
      status: 'vastgesteld',
      vastgesteldDoorId: gebruikerId.cm,
      laatsteRevisie: true,
    });
    const opmerkingen = await get(
      `/kwartaalverantwoordingen/${verantwoordingId}/beoordelingsopmerkingen`,
      auth.cm,
    );
    expect(opmerkingen.items).toEqual([
      expect.objectContaining({ id: vraag.id, open: false, reactie: antwoord.reactie }),
    ]);
  });

  it('8. Elke eerdere versie is nog leesbaar: de eerste met de oorspronkelijke waarde, de vastgestelde met de correctie', async () => {
    const versies = await get(`/kwartaalverantwoordingen/${verantwoordingId}/versies`, auth.cm);
    expect((versies.items as Body[]).map((v) => [v.volgnummer, v.status, v.revisie])).toEqual([
      [1, 'ingediend', 1],
      [2, 'ingediend', 1],
      [3, 'vastgesteld', 1],
    ]);

    const eerste = (await get(`/kwartaalverantwoordingen/${verantwoordingId}/versies/1`, auth.cm))
      .inhoud as Body;
    expect(eerste.status).toBe('ingediend');
    expect(perceelWaarde(eerste, 'WT-01', PERCEEL_NOORD)).toMatchObject({
      waarde: '66.5',
      toelichting: 'Twee medewerkers waren langdurig ziek.',
    });
    expect(perceelWaarde(eerste, 'WT-03', PERCEEL_NOORD)).toMatchObject({
      waarde: '7.1',
      toelichting: expect.stringContaining('Nagemeten'),
    });
    expect(kpiGroep(eerste, 'WT-01')!.totaal.waarde).toBe('74.25');

    const tweede = (await get(`/kwartaalverantwoordingen/${verantwoordingId}/versies/2`, auth.cm))
      .inhoud as Body;
    expect(tweede.status).toBe('ingediend');
    expect(perceelWaarde(tweede, 'WT-01', PERCEEL_NOORD)!.waarde).toBe('71.5');

    const vastgesteld = (
      await get(`/kwartaalverantwoordingen/${verantwoordingId}/versies/3`, auth.directeur)
    ).inhoud as Body;
    expect(vastgesteld.status).toBe('vastgesteld');
    expect(perceelWaarde(vastgesteld, 'WT-01', PERCEEL_NOORD)).toMatchObject({
      waarde: '71.5',
      toelichting: 'Gecorrigeerd voor dubbele aanmeldingen in de export.',
    });
    expect(kpiGroep(vastgesteld, 'WT-01')!.totaal.waarde).toBe('76.75');

    // The stories and the signal are part of every frozen version.
    for (const inhoud of [eerste, vastgesteld]) {
      expect((inhoud.casussen as Body[]).map((c) => c.id).sort()).toEqual(verhaalIds);
      expect((inhoud.casussen as Body[]).find((c) => c.id === id.casusMetNummer)).toMatchObject({
        situatie: expect.stringContaining(ONGELDIG_BSN),
        kpiIds: expect.arrayContaining([kpi['WT-03'], kpi['WT-01']]),
      });
      expect((inhoud.signalen as Body[]).map((s) => s.id)).toEqual([id.signaal]);
      expect(inhoud.signalen[0].titel).toBe('Beslagvrije voet wordt niet toegepast');
    }
    // Nothing else changed between the first submission and adoption.
    expect({ ...cijfers(vastgesteld), [`WT-01@${PERCEEL_NOORD}`]: '66.5' }).toEqual(
      cijfers(eerste),
    );
  });

  it('9. Twee gelijktijdige wijzigingen van een nieuwe revisie: één wint volledig, de ander krijgt 412 en niets gaat verloren', async () => {
    const res = await http().post(verantwoording('/revisies')).set(auth.directeur);
    const revisie = await verwacht(res, 201);
    expect(revisie).toMatchObject({ status: 'concept', revisie: 2, laatsteRevisie: true });
    const revisieEtag = res.headers.etag as string;
    const revisiePad = `/api/v1/kwartaalverantwoordingen/${revisie.id}`;
    expect(cijfers(revisie)).toEqual(
      cijfers((await get(`/kwartaalverantwoordingen/${verantwoordingId}`, auth.cm)) as Body),
    );

    const wijzigingDirecteur = [
      { kpiId: kpi['WT-02'], perceelId: id.perceelHaven, waarde: '315' },
      { kpiId: kpi['WT-02'], perceelId: id.perceelNoord, waarde: '245' },
    ];
    const wijzigingTeamleider = [
      { kpiId: kpi['WT-02'], perceelId: id.perceelHaven, waarde: '999' },
      {
        kpiId: kpi['WT-03'],
        perceelId: id.perceelHaven,
        waarde: '7.4',
        toelichting: 'Na de tweede peilronde.',
      },
    ];
    const zet = (wie: Auth, ifMatch: string, waarden: Body[]) =>
      http().put(`${revisiePad}/waarden`).set(wie).set('If-Match', ifMatch).send({ waarden });
    const [a, b] = await Promise.all([
      zet(auth.directeur, revisieEtag, wijzigingDirecteur),
      zet(auth.teamleider, revisieEtag, wijzigingTeamleider),
    ]);
    const statussen = [a.status, b.status];
    expect(statussen).toContain(200);
    expect(statussen.filter((s) => s === 412 || s === 409)).toHaveLength(1);
    const directeurWon = a.status === 200;
    const verliezer = directeurWon ? b : a;
    expect(['versieconflict', 'verantwoording-niet-bewerkbaar']).toContain(verliezer.body.code);

    // The winner's change is there in full, the loser's not at all.
    const naConflict = await get(`/kwartaalverantwoordingen/${revisie.id}`, auth.directeur);
    const verwacht1 = directeurWon
      ? { haven2: '315', noord2: '245', haven3: '7.2' }
      : { haven2: '999', noord2: '240', haven3: '7.4' };
    expect(perceelWaarde(naConflict, 'WT-02', PERCEEL_HAVEN)!.waarde).toBe(verwacht1.haven2);
    expect(perceelWaarde(naConflict, 'WT-02', PERCEEL_NOORD)!.waarde).toBe(verwacht1.noord2);
    expect(perceelWaarde(naConflict, 'WT-03', PERCEEL_HAVEN)!.waarde).toBe(verwacht1.haven3);

    // The loser reads the new version and applies its change on top: both are kept.
    const opnieuw = await zet(
      directeurWon ? auth.teamleider : auth.directeur,
      `W/"${naConflict.version}"`,
      directeurWon ? [wijzigingTeamleider[1]] : wijzigingDirecteur,
    );
    await verwacht(opnieuw, 200);
    const samen = await get(`/kwartaalverantwoordingen/${revisie.id}`, auth.directeur);
    expect(perceelWaarde(samen, 'WT-03', PERCEEL_HAVEN)).toMatchObject({
      waarde: '7.4',
      toelichting: 'Na de tweede peilronde.',
    });
    expect(perceelWaarde(samen, 'WT-02', PERCEEL_NOORD)!.waarde).toBe('245');

    // The adopted revision and its frozen versions are untouched by the new revision.
    const vastgesteld = await get(`/kwartaalverantwoordingen/${verantwoordingId}`, auth.cm);
    expect(vastgesteld).toMatchObject({ status: 'vastgesteld', laatsteRevisie: false });
    expect(perceelWaarde(vastgesteld, 'WT-02', PERCEEL_HAVEN)!.waarde).toBe('310');
    expect(perceelWaarde(vastgesteld, 'WT-03', PERCEEL_HAVEN)!.waarde).toBe('7.2');
    const eerste = await get(`/kwartaalverantwoordingen/${verantwoordingId}/versies/1`, auth.cm);
    expect(perceelWaarde(eerste.inhoud, 'WT-01', PERCEEL_NOORD)!.waarde).toBe('66.5');
    expect(perceelWaarde(eerste.inhoud, 'WT-02', PERCEEL_HAVEN)!.waarde).toBe('310');
  });

  it('10. De audittrail toont indienen, terugzetten en vaststellen, met wie het deed', async () => {
    const audit = await get(
      `/audit-entries?entityType=kwartaalverantwoording&entityId=${verantwoordingId}&pageSize=100`,
      auth.beheerder,
    );
    const regels = [...(audit.items as Body[])].reverse(); // oldest first
    const stappen = regels
      .filter((r) => (r.action as string).startsWith('status-'))
      .map((r) => [r.action, r.actorId]);
    expect(stappen).toEqual([
      ['status-ingediend', gebruikerId.directeur],
      ['status-teruggezet', gebruikerId.cm],
      ['status-concept', gebruikerId.directeur],
      ['status-ingediend', gebruikerId.directeur],
      ['status-vastgesteld', gebruikerId.cm],
    ]);
    // The refused import left no trace; the accepted one is one entry.
    expect(regels.filter((r) => r.action === 'waarden-geimporteerd')).toHaveLength(1);
    expect(regels[0].action).toBe('aangemaakt');

    // The refused story with the BSN left nothing in the audit trail either.
    const casusAudit = await get(`/audit-entries?entityType=casus&pageSize=100`, auth.beheerder);
    expect((casusAudit.items as Body[]).filter((r) => r.action === 'aangemaakt')).toHaveLength(3);
    expect(JSON.stringify(casusAudit.items)).not.toContain(GELDIG_BSN);
  });
});

import { Organisatie, Rol } from '@wijkkompas/core';
import {
  createTestApp,
  login,
  makeAanbieder,
  makeGebruiker,
  makeGemeente,
  TestApp,
  unique,
} from '@wijkkompas/core/testing';
import request from 'supertest';

type Auth = { Authorization: string };
type Body = Record<string, unknown>;

const kvk = () => String(20000000 + Math.floor(Math.random() * 79999999));

describe('Opdrachten: de contractstructuur (scenario 1 via de API)', () => {
  let t: TestApp;
  let cm: Auth;
  let beheerder: Auth;
  let adviseur: Auth;
  let directeurNoord: Auth;
  let andereGemeente: Auth;
  const id: Record<string, string> = {};
  const http = () => request(t.app.getHttpServer());

  async function post(path: string, auth: Auth, body: Body, status = 201): Promise<Body> {
    const res = await http().post(`/api/v1${path}`).set(auth).send(body);
    if (res.status !== status)
      throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Body;
  }
  async function get(path: string, auth: Auth, status = 200): Promise<Body> {
    const res = await http().get(`/api/v1${path}`).set(auth);
    if (res.status !== status)
      throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Body;
  }

  beforeAll(async () => {
    t = await createTestApp();
    const { gemeente, organisatie } = await makeGemeente(t.dataSource);
    id.gemeente = gemeente.id;
    const gebruiker = async (rol: Rol) =>
      (
        await login(
          t.app,
          (await makeGebruiker(t.dataSource, organisatie, [{ gemeente, rol }])).email,
        )
      ).auth;
    cm = await gebruiker(Rol.Contractmanager);
    beheerder = await gebruiker(Rol.Beheerder);
    adviseur = await gebruiker(Rol.Beleidsadviseur);
    const regisseur = await makeGebruiker(t.dataSource, organisatie, [
      { gemeente, rol: Rol.Ketenregisseur },
    ]);
    id.ketenregisseur = regisseur.gebruiker.id;
    const ander = await makeGemeente(t.dataSource);
    id.vreemdeAanbieder = (await makeAanbieder(t.dataSource, [ander.gemeente])).id;
    andereGemeente = (
      await login(
        t.app,
        (
          await makeGebruiker(t.dataSource, ander.organisatie, [
            { gemeente: ander.gemeente, rol: Rol.Contractmanager },
          ])
        ).email,
      )
    ).auth;

    // Three aanbieders, ten wijken, five percelen: all through the API.
    for (const [key, naam] of [
      ['noord', 'Wijkteams Noord'],
      ['oost', 'Sociaal Collectief Oost'],
      ['zuid', 'Stichting Samen Zuid'],
    ]) {
      id[key] = (
        await post('/aanbieders', cm, { naam: `${naam} ${unique('t')}`, kvkNummer: kvk() })
      ).id as string;
    }
    const noord = await t.dataSource.getRepository(Organisatie).findOneByOrFail({ id: id.noord });
    directeurNoord = (
      await login(
        t.app,
        (await makeGebruiker(t.dataSource, noord, [{ gemeente, rol: Rol.Directeur }])).email,
      )
    ).auth;
    const wijken: string[] = [];
    for (let i = 1; i <= 10; i++)
      wijken.push(
        (
          await post('/wijken', beheerder, {
            cbsCode: `WK9999${String(i).padStart(2, '0')}`,
            naam: `Wijk ${i}`,
          })
        ).id as string,
      );
    const percelen: [string, number[], string][] = [
      ['p1', [0, 1], 'noord'],
      ['p2', [2, 3], 'noord'],
      ['p3', [4, 5], 'oost'],
      ['p4', [6, 7], 'zuid'],
      ['p5', [8, 9], 'zuid'],
    ];
    for (const [key, w, aanbieder] of percelen) {
      id[key] = (
        await post('/percelen', cm, { naam: `Perceel ${key}`, wijkIds: w.map((i) => wijken[i]) })
      ).id as string;
      await post(`/percelen/${id[key]}/toewijzingen`, cm, {
        aanbiederId: id[aanbieder],
        van: '2019-01-01',
      });
    }
    // Perceel 5 goes from Zuid to Oost on 1 July 2023.
    await post(`/percelen/${id.p5}/toewijzingen`, cm, { aanbiederId: id.oost, van: '2023-07-01' });
    await post(`/percelen/${id.p4}/programmas`, cm, {
      naam: 'PACT',
      opdrachtgever: 'Programma Leefbaarheid en Veiligheid',
      van: '2022-01-01',
    });
    id.jeugd = (await post('/ketens', cm, { naam: 'Jeugd', ketenregisseurId: id.ketenregisseur }))
      .id as string;
    id.armoede = (await post('/ketens', beheerder, { naam: 'Armoede & Schulden' })).id as string;

    const budgetten: Record<string, [number, number, number, number]> = {
      noord: [100_000_000, 275, 100_000_000, 0],
      oost: [80_000_000, 0, 80_000_000, 0],
      zuid: [50_000_000, 200, 50_000_000, 0],
    };
    const perceelVan: Record<string, string[]> = {
      noord: [id.p1, id.p2],
      oost: [id.p3, id.p5],
      zuid: [id.p4],
    };
    for (const key of ['noord', 'oost', 'zuid']) {
      const [b25, i25, b26, i26] = budgetten[key];
      const h = await post('/hoofdopdrachten', cm, {
        aanbiederId: id[key],
        titel: `Hoofdopdracht ${key} 2019-2026`,
        startdatum: '2019-01-01',
        einddatum: '2026-12-31',
        visie: 'Iedereen doet mee, dichtbij.',
        missie: 'Wij versterken de sociale basis.',
        financieringsvorm: 'lump-sum',
        jaarbudgetten: [
          { jaar: 2025, budgetCenten: b25, indexatieBasispunten: i25 },
          { jaar: 2026, budgetCenten: b26, indexatieBasispunten: i26 },
        ],
        herijkingsmomenten: [{ datum: '2022-12-31', omschrijving: 'Midterm-herijking' }],
        perceelIds: perceelVan[key],
      });
      id[`h_${key}`] = h.id as string;
      const ambitie = await post(`/hoofdopdrachten/${h.id}/doelen`, cm, {
        niveau: 'ambitie',
        titel: 'Inwoners redden zich samen',
        themas: ['zelfredzaamheid'],
      });
      const doel = await post(`/hoofdopdrachten/${h.id}/doelen`, cm, {
        niveau: 'doel',
        parentId: ambitie.id,
        titel: 'Sterke sociale basis',
        themas: ['preventie-sociale-basis'],
      });
      await post(`/hoofdopdrachten/${h.id}/doelen`, cm, {
        niveau: 'resultaat',
        parentId: doel.id,
        titel: 'Vragen eerder beantwoord',
        themas: ['preventie-sociale-basis', 'nabijheid'],
      });
    }

    const opdracht = (extra: Body): Body => ({
      doel: 'Extra inzet',
      opdrachtgever: 'Wethouder Sociaal Domein',
      perceelIds: [],
      ketenIds: [id.armoede],
      geoormerkt: false,
      rapportagefrequentie: 'kwartaal',
      ...extra,
    });
    id.ao1 = (
      await post(
        '/aanvullende-opdrachten',
        cm,
        opdracht({
          titel: 'Vroegsignalering schulden',
          bron: 'landelijk-programma',
          programmaNaam: 'Vroegsignalering',
          aanvragendeAfdeling: 'Werk en Inkomen',
          startdatum: '2025-07-01',
          einddatum: '2026-06-30',
          aanbieders: [{ aanbiederId: id.zuid, budgetCenten: 7_300_000 }],
          perceelIds: [id.p4],
          geoormerkt: true,
          thema: 'armoede',
          aangevraagdOp: '2025-06-01',
        }),
      )
    ).id as string;
    id.ao2 = (
      await post(
        '/aanvullende-opdrachten',
        adviseur,
        opdracht({
          titel: 'Huisbezoeken energiearmoede',
          bron: 'gemeentelijk',
          aanvragendeAfdeling: 'Duurzaamheid',
          startdatum: '2026-01-01',
          einddatum: '2026-03-31',
          aanbieders: [
            { aanbiederId: id.noord, budgetCenten: 1_000_000 },
            { aanbiederId: id.oost, budgetCenten: 500_000 },
          ],
          thema: 'armoede',
          binnengekomenVia: 'buiten-register',
          aangevraagdOp: '2025-11-15',
        }),
      )
    ).id as string;
    id.ao3 = (
      await post(
        '/aanvullende-opdrachten',
        adviseur,
        opdracht({
          titel: 'Isolatiecoaches',
          bron: 'gemeentelijk',
          aanvragendeAfdeling: 'Duurzaamheid',
          startdatum: '2026-02-01',
          einddatum: '2026-04-30',
          aanbieders: [{ aanbiederId: id.zuid, budgetCenten: 250_000 }],
          thema: 'energie',
          binnengekomenVia: 'buiten-register',
          aangevraagdOp: '2025-12-01',
        }),
      )
    ).id as string;
    for (const [ao, oordeel] of [
      [id.ao1, 'ja'],
      [id.ao2, 'deels'],
    ]) {
      await post(`/aanvullende-opdrachten/${ao}/statuswijzigingen`, cm, {
        naar: 'getoetst',
        toets: { oordeel, motivering: 'Past bij de ambitie sociale basis.' },
      });
      await post(`/aanvullende-opdrachten/${ao}/statuswijzigingen`, cm, { naar: 'actief' });
    }
  });
  afterAll(() => t.close());

  it('sets up scenario 1 through the API: three aanbieders, five percelen, goals per hoofdopdracht', async () => {
    const aanbieders = await get('/aanbieders', cm);
    expect((aanbieders.meta as Body).totalItems).toBe(3);
    const percelen = await get('/percelen?peildatum=2026-01-01', cm);
    expect((percelen.meta as Body).totalItems).toBe(5);
    const doelen = await get(`/hoofdopdrachten/${id.h_noord}/doelen`, cm);
    expect((doelen.items as Body[]).map((d) => d.niveau)).toEqual(['ambitie', 'doel', 'resultaat']);
    const ao1 = await get(`/aanvullende-opdrachten/${id.ao1}`, cm);
    expect(ao1).toMatchObject({
      status: 'actief',
      budgetCenten: 7_300_000,
      budgetWeergave: '€ 73.000,00',
      toets: { oordeel: 'ja' },
    });
    const p4 = await get(`/percelen/${id.p4}`, cm);
    expect(p4.programmas).toEqual([
      expect.objectContaining({
        naam: 'PACT',
        opdrachtgever: 'Programma Leefbaarheid en Veiligheid',
      }),
    ]);
  });

  it('totals budgets per aanbieder per year, structural and incidental, in exact cents', async () => {
    const overzicht = await get('/overzichten/budgetten?vanJaar=2025&totJaar=2026', cm);
    const regels = Object.fromEntries(
      (overzicht.regels as Body[]).map((r) => [
        `${r.aanbiederId}|${r.jaar}`,
        [r.structureelCenten, r.incidenteelCenten, r.totaalCenten],
      ]),
    );
    expect(regels[`${id.noord}|2025`]).toEqual([102_750_000, 0, 102_750_000]);
    expect(regels[`${id.noord}|2026`]).toEqual([100_000_000, 1_000_000, 101_000_000]);
    expect(regels[`${id.oost}|2025`]).toEqual([80_000_000, 0, 80_000_000]);
    expect(regels[`${id.oost}|2026`]).toEqual([80_000_000, 500_000, 80_500_000]);
    // 7.300.000 cents over 184 days in 2025 and 181 in 2026.
    expect(regels[`${id.zuid}|2025`]).toEqual([51_000_000, 3_680_000, 54_680_000]);
    expect(regels[`${id.zuid}|2026`]).toEqual([50_000_000, 3_620_000, 53_620_000]);
    expect(overzicht).toMatchObject({
      structureelCenten: 463_750_000,
      incidenteelCenten: 8_800_000,
      totaalCenten: 472_550_000,
      totaalWeergave: '€ 4.725.500,00',
    });
  });

  it('shows per aanbieder the hoofdopdracht in force, its percelen and active aanvullende opdrachten', async () => {
    const zuid = await get(`/overzichten/aanbieders/${id.zuid}?peildatum=2026-02-01`, cm);
    expect(zuid).toMatchObject({
      hoofdopdracht: { id: id.h_zuid, versie: 1, jaar: 2026, jaarbudgetCenten: 50_000_000 },
      percelen: [{ id: id.p4 }],
      aanvullendeOpdrachten: [{ id: id.ao1, einddatum: '2026-06-30', budgetCenten: 7_300_000 }],
      aanvullendBudgetCenten: 7_300_000,
    });
    const oost = await get(`/overzichten/aanbieders/${id.oost}?peildatum=2026-02-01`, cm);
    expect((oost.percelen as Body[]).map((p) => p.id).sort()).toEqual([id.p3, id.p5].sort());
    expect(oost).toMatchObject({
      aanvullendeOpdrachten: [{ id: id.ao2, budgetCenten: 500_000 }],
      aanvullendBudgetCenten: 500_000,
    });
    const perceel = await get(`/overzichten/percelen/${id.p4}?peildatum=2026-02-01`, cm);
    expect(perceel).toMatchObject({
      aanbieder: { id: id.zuid },
      hoofdopdracht: { id: id.h_zuid },
      aanvullendBudgetCenten: 7_300_000,
    });
  });

  it('bundles aanvullende opdrachten by theme with their combined budget', async () => {
    const themas = await get('/overzichten/themas', cm);
    expect(
      (themas.themas as Body[]).map((b) => [b.thema, b.aantal, b.budgetCenten, b.budgetWeergave]),
    ).toEqual([
      ['armoede', 2, 8_800_000, '€ 88.000,00'],
      ['energie', 1, 250_000, '€ 2.500,00'],
    ]);
  });

  it('lists active opdrachten ending within 30 and 90 days', async () => {
    const ids = async (q: string) =>
      ((await get(`/overzichten/aflopende-opdrachten?${q}`, cm)).opdrachten as Body[]).map(
        (o) => o.id,
      );
    expect(await ids('peildatum=2026-03-15&binnenDagen=30')).toEqual([id.ao2]);
    expect(await ids('peildatum=2026-04-01&binnenDagen=30')).toEqual([]);
    expect(await ids('peildatum=2026-04-01&binnenDagen=90')).toEqual([id.ao1]);
  });

  it('counts zijsturing per department and quarter', async () => {
    const zijsturing = await get('/overzichten/zijsturing', cm);
    expect(zijsturing).toEqual({
      regels: [
        {
          aanvragendeAfdeling: 'Werk en Inkomen',
          kwartaal: '2025-Q2',
          buitenRegister: 0,
          viaRegister: 1,
          totaal: 1,
        },
        {
          aanvragendeAfdeling: 'Duurzaamheid',
          kwartaal: '2025-Q4',
          buitenRegister: 2,
          viaRegister: 0,
          totaal: 2,
        },
      ],
      totaalBuitenRegister: 2,
    });
  });

  it('shows the old aanbieder of a reassigned perceel before the date and the new one from it', async () => {
    const voor = await get(`/percelen/${id.p5}?peildatum=2023-06-30`, cm);
    const na = await get(`/percelen/${id.p5}?peildatum=2023-07-01`, cm);
    expect((voor.aanbieder as Body).aanbiederId).toBe(id.zuid);
    expect((na.aanbieder as Body).aanbiederId).toBe(id.oost);
    expect((na.toewijzingen as Body[]).map((x) => [x.aanbiederId, x.van, x.tot])).toEqual([
      [id.zuid, '2019-01-01', '2023-06-30'],
      [id.oost, '2023-07-01', null],
    ]);
    const overlap = await http()
      .post(`/api/v1/percelen/${id.p5}/toewijzingen`)
      .set(cm)
      .send({ aanbiederId: id.noord, van: '2020-01-01', tot: '2020-12-31' })
      .expect(409);
    expect(overlap.body.code).toBe('toewijzing-overlapt');
  });

  it('an amendment changes the budget from its effective date; the as-of read before it gives the old budget', async () => {
    const huidig = await get(`/hoofdopdrachten/${id.h_noord}`, cm);
    await post(`/hoofdopdrachten/${id.h_noord}/wijzigingen`, cm, {
      version: huidig.version,
      ingangsdatum: '2025-07-01',
      soort: 'budgetwijziging',
      reden: 'Extra preventie-inzet',
      jaarbudgetten: [{ jaar: 2026, budgetCenten: 123_456_789, indexatieBasispunten: 0 }],
    });
    const oud = await get(`/hoofdopdrachten/${id.h_noord}?peildatum=2025-06-30`, cm);
    const nieuw = await get(`/hoofdopdrachten/${id.h_noord}?peildatum=2025-07-01`, cm);
    const budget2026 = (b: Body) =>
      ((b.geldendeVersie as Body).jaarbudgetten as Body[]).find((j) => j.jaar === 2026);
    expect((oud.geldendeVersie as Body).versie).toBe(1);
    expect(budget2026(oud)).toMatchObject({
      budgetCenten: 100_000_000,
      budgetWeergave: '€ 1.000.000,00',
    });
    expect((nieuw.geldendeVersie as Body).versie).toBe(2);
    expect(budget2026(nieuw)).toMatchObject({
      budgetCenten: 123_456_789,
      budgetWeergave: '€ 1.234.567,89',
    });
    // Terms not amended carry over; an amendment before the latest version is refused.
    expect((nieuw.geldendeVersie as Body).visie).toBe('Iedereen doet mee, dichtbij.');
    const terug = await http()
      .post(`/api/v1/hoofdopdrachten/${id.h_noord}/wijzigingen`)
      .set(cm)
      .send({
        version: nieuw.version,
        ingangsdatum: '2024-01-01',
        soort: 'scopewijziging',
        visie: 'x',
        reden: 'x',
      })
      .expect(400);
    expect(terug.body.invalidParams).toEqual([expect.objectContaining({ name: 'ingangsdatum' })]);
    const stale = await http()
      .post(`/api/v1/hoofdopdrachten/${id.h_noord}/wijzigingen`)
      .set(cm)
      .send({
        version: huidig.version,
        ingangsdatum: '2026-01-01',
        soort: 'scopewijziging',
        visie: 'x',
        reden: 'x',
      })
      .expect(412);
    expect(stale.body.code).toBe('versieconflict');
  });

  it('round-trips a budget of 1.234.567,89 euro exactly, in the API and in the database', async () => {
    const ao = await post('/aanvullende-opdrachten', cm, {
      titel: 'Grote opdracht',
      doel: 'Exact geld',
      bron: 'ander-programma',
      aanvragendeAfdeling: 'Financiën',
      opdrachtgever: 'Wethouder Financiën',
      startdatum: '2026-01-01',
      einddatum: '2026-12-31',
      aanbieders: [{ aanbiederId: id.noord, budgetCenten: 123_456_789 }],
      perceelIds: [],
      ketenIds: [],
      geoormerkt: false,
      thema: 'geld',
      rapportagefrequentie: 'jaar',
    });
    const gelezen = await get(`/aanvullende-opdrachten/${ao.id}`, cm);
    expect(gelezen).toMatchObject({ budgetCenten: 123_456_789, budgetWeergave: '€ 1.234.567,89' });
    const [rij] = await t.dataSource.query(
      'SELECT budget_centen::text AS centen FROM aanvullende_opdrachten WHERE id = $1',
      [ao.id],
    );
    expect(rij.centen).toBe('123456789');
    const fout = await http()
      .post('/api/v1/aanvullende-opdrachten')
      .set(cm)
      .send({ ...gelezen, budgetCenten: undefined })
      .expect(400);
    expect(fout.body.code).toBe('validatiefout');
  });

  it('refuses an illegal transition with 409 naming the allowed next states, and a toets by a non-contractmanager with 403', async () => {
    const res = await http()
      .post(`/api/v1/aanvullende-opdrachten/${id.ao3}/statuswijzigingen`)
      .set(cm)
      .send({ naar: 'actief' })
      .expect(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      code: 'ongeldige-statusovergang',
      currentStatus: 'aangevraagd',
      allowedNextStates: ['getoetst'],
    });
    await http()
      .post(`/api/v1/aanvullende-opdrachten/${id.ao3}/statuswijzigingen`)
      .set(adviseur)
      .send({ naar: 'getoetst', toets: { oordeel: 'ja', motivering: 'x' } })
      .expect(403);
    const zonderToets = await http()
      .post(`/api/v1/aanvullende-opdrachten/${id.ao3}/statuswijzigingen`)
      .set(cm)
      .send({ naar: 'getoetst' })
      .expect(400);
    expect(zonderToets.body.invalidParams).toEqual([expect.objectContaining({ name: 'toets' })]);
    const history = await get(`/aanvullende-opdrachten/${id.ao1}/statuswijzigingen`, cm);
    expect((history.items as Body[]).map((s) => [s.van, s.naar])).toEqual([
      [null, 'aangevraagd'],
      ['aangevraagd', 'getoetst'],
      ['getoetst', 'actief'],
    ]);
  });

  it('validates input: end before start, unknown perceel, aanbieder of another gemeente → 400 naming the field', async () => {
    const basis = {
      titel: 'x',
      doel: 'x',
      bron: 'gemeentelijk',
      aanvragendeAfdeling: 'x',
      opdrachtgever: 'x',
      aanbieders: [{ aanbiederId: id.noord, budgetCenten: 1 }],
      perceelIds: [],
      ketenIds: [],
      geoormerkt: false,
      thema: 'x',
      rapportagefrequentie: 'jaar',
    };
    const eind = await http()
      .post('/api/v1/aanvullende-opdrachten')
      .set(cm)
      .send({ ...basis, startdatum: '2026-02-01', einddatum: '2026-01-31' })
      .expect(400);
    expect(eind.body.invalidParams).toEqual([expect.objectContaining({ name: 'einddatum' })]);
    const perceel = await http()
      .post('/api/v1/aanvullende-opdrachten')
      .set(cm)
      .send({
        ...basis,
        startdatum: '2026-01-01',
        einddatum: '2026-01-31',
        perceelIds: ['00000000-0000-4000-8000-000000000000'],
      })
      .expect(400);
    expect(perceel.body.invalidParams[0].name).toBe('perceelIds');
    const datum = await http()
      .post('/api/v1/aanvullende-opdrachten')
      .set(cm)
      .send({ ...basis, startdatum: '2023-02-29', einddatum: '2026-01-31' })
      .expect(400);
    expect(datum.body.invalidParams[0].name).toBe('startdatum');
    const negatief = await http()
      .post('/api/v1/aanvullende-opdrachten')
      .set(cm)
      .send({
        ...basis,
        startdatum: '2026-01-01',
        einddatum: '2026-01-31',
        aanbieders: [{ aanbiederId: id.noord, budgetCenten: -1 }],
      })
      .expect(400);
    expect(negatief.body.invalidParams[0].name).toBe('aanbieders.0.budgetCenten');
    const doel = await http()
      .post(`/api/v1/hoofdopdrachten/${id.h_noord}/doelen`)
      .set(cm)
      .send({ niveau: 'resultaat', titel: 'x', themas: [] })
      .expect(400);
    expect(doel.body.invalidParams[0].name).toBe('parentId');
    const vreemd = await http()
      .post('/api/v1/aanvullende-opdrachten')
      .set(cm)
      .send({
        ...basis,
        startdatum: '2026-01-01',
        einddatum: '2026-01-31',
        aanbieders: [{ aanbiederId: id.vreemdeAanbieder, budgetCenten: 1 }],
      })
      .expect(400);
    expect(vreemd.body.invalidParams).toEqual([
      {
        name: 'aanbieders',
        reason: `aanbieder ${id.vreemdeAanbieder} bestaat niet in deze gemeente`,
      },
    ]);
  });

  it('lets an aanbieder user read only its own: 404 on another aanbieder’s hoofdopdracht and opdracht, comment on its own request', async () => {
    await get(`/hoofdopdrachten/${id.h_noord}`, directeurNoord);
    await get(`/hoofdopdrachten/${id.h_zuid}`, directeurNoord, 404);
    await get(`/aanvullende-opdrachten/${id.ao1}`, directeurNoord, 404);
    await get(`/overzichten/aanbieders/${id.zuid}`, directeurNoord, 404);
    const eigen = await get('/hoofdopdrachten', directeurNoord);
    expect((eigen.items as Body[]).map((h) => h.id)).toEqual([id.h_noord]);
    const lijst = await get('/aanvullende-opdrachten', directeurNoord);
    expect(
      (lijst.items as Body[]).every((o) =>
        (o.aanbieders as Body[]).some((a) => a.aanbiederId === id.noord),
      ),
    ).toBe(true);
    expect((lijst.items as Body[]).map((o) => o.id)).toContain(id.ao2);
    const reactie = await post(`/aanvullende-opdrachten/${id.ao2}/reacties`, directeurNoord, {
      tekst: 'Wij kunnen dit vanaf maart oppakken.',
    });
    expect(reactie.tekst).toBe('Wij kunnen dit vanaf maart oppakken.');
    await post(`/aanvullende-opdrachten/${id.ao1}/reacties`, directeurNoord, { tekst: 'x' }, 404);
    await post(
      `/aanvullende-opdrachten/${id.ao2}/statuswijzigingen`,
      directeurNoord,
      { naar: 'afgerond' },
      403,
    );
    await post('/aanvullende-opdrachten', directeurNoord, {}, 403);
    const reacties = await get(`/aanvullende-opdrachten/${id.ao2}/reacties`, cm);
    expect((reacties.items as Body[]).map((r) => r.tekst)).toEqual([
      'Wij kunnen dit vanaf maart oppakken.',
    ]);
  });

  it('hides everything of this gemeente from another gemeente: 404', async () => {
    await get(`/hoofdopdrachten/${id.h_noord}`, andereGemeente, 404);
    await get(`/aanvullende-opdrachten/${id.ao1}`, andereGemeente, 404);
    await get(`/percelen/${id.p1}`, andereGemeente, 404);
    await get(`/gemeenten/${id.gemeente}`, andereGemeente, 404);
    await get(`/overzichten/aanbieders/${id.noord}`, andereGemeente, 404);
    const leeg = await get('/aanvullende-opdrachten', andereGemeente);
    expect(leeg).toEqual({
      items: [],
      meta: { page: 1, pageSize: 20, totalItems: 0, totalPages: 0 },
    });
  });

  it('records every write in the audit trail with before and after', async () => {
    const entries = async (entityType: string, entityId: string) =>
      (
        await get(
          `/audit-entries?entityType=${entityType}&entityId=${entityId}&pageSize=100`,
          beheerder,
        )
      ).items as Body[];
    const ao1 = await entries('aanvullende-opdracht', id.ao1);
    expect(ao1.map((e) => e.action).sort()).toEqual([
      'aangevraagd',
      'status-actief',
      'status-getoetst',
    ]);
    const actief = ao1.find((e) => e.action === 'status-actief')!;
    expect((actief.before as Body).status).toBe('getoetst');
    expect((actief.after as Body).status).toBe('actief');
    const p5 = await entries('perceel', id.p5);
    const herindeling = p5.find((e) => e.action === 'heringedeeld')!;
    expect((herindeling.before as Body).toewijzingen).toEqual([
      expect.objectContaining({ aanbiederId: id.zuid, tot: null }),
    ]);
    expect((herindeling.after as Body).toewijzingen).toEqual([
      expect.objectContaining({ aanbiederId: id.zuid, tot: '2023-06-30' }),
      expect.objectContaining({ aanbiederId: id.oost, tot: null }),
    ]);
    const h = await entries('hoofdopdracht', id.h_noord);
    expect(h.map((e) => e.action).sort()).toEqual(['aangemaakt', 'gewijzigd-per-amendement']);
    const amendement = h.find((e) => e.action === 'gewijzigd-per-amendement')!;
    expect(((amendement.after as Body).nieuweVersie as Body).versie).toBe(2);
    expect(((amendement.before as Body).laatsteVersie as Body).versie).toBe(1);
    const reactie = await entries('aanvullende-opdracht', id.ao2);
    expect(reactie.map((e) => e.action)).toContain('reactie-geplaatst');
  });
});

import { In } from 'typeorm';
import {
  AanbiederGemeente,
  AuditEntry,
  AuditService,
  DemoGebruiker,
  DemoSeedRegistry,
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
import { Perceel, vandaag } from '@wijkkompas/opdrachten';
import {
  Beoordelingsopmerking,
  Casus,
  KpiWaarde,
  Kwartaalverantwoording,
  kwartaalVan,
  Signaal,
  verschuifKwartaal,
} from '@wijkkompas/verantwoording';
import request from 'supertest';
import {
  Auth,
  maakVerantwoordingFixture,
  VerantwoordingFixture,
} from './support/verantwoording-fixture';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Scenario 2 and 3 of the brief for the quarterly account: figures entered, submitted by the
 * directeur only, returned by the contractmanager with a question on a KPI value, answered
 * and corrected, resubmitted and adopted; every earlier version stays readable; a revision
 * after adoption; parallel edits; scoping per organisation and keten; the audit trail.
 */
describe('Kwartaalverantwoordingen', () => {
  let t: TestApp;
  let f: VerantwoordingFixture;
  const http = () => request(t.app.getHttpServer());
  const api = (path: string) => `/api/v1/kwartaalverantwoordingen${path}`;
  let id: string;
  let etag: string;

  async function ok(res: request.Response, status: number): Promise<Body> {
    if (res.status !== status)
      throw new Error(`verwacht ${status}, kreeg ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as Body;
  }
  const get = async (path: string, auth: Auth, status = 200) =>
    ok(await http().get(api(path)).set(auth), status);
  const status = async (auth: Auth, naar: string, extra: Body = {}, verwacht = 201) =>
    ok(
      await http()
        .post(api(`/${id}/statuswijzigingen`))
        .set(auth)
        .send({ status: naar, ...extra }),
      verwacht,
    );
  const zet = async (auth: Auth, waarden: Body[], verwacht = 200) => {
    const res = await http()
      .put(api(`/${id}/waarden`))
      .set(auth)
      .set('If-Match', etag)
      .send({ waarden });
    const body = await ok(res, verwacht);
    if (verwacht === 200) etag = res.headers.etag as string;
    return body;
  };
  const groep = (body: Body, code: string) =>
    (body.waarden as Body[]).find((w) => w.code === code) as Body;

  beforeAll(async () => {
    t = await createTestApp();
    f = await maakVerantwoordingFixture(t, {
      kpis: [
        {
          code: 'NRD-01',
          naam: 'Percentage vragen binnen 5 werkdagen opgepakt',
          eenheid: 'percentage',
          aggregatie: 'gemiddelde',
          ketens: ['jeugd'],
          normen: [
            ['2026', '70', '5', '10'],
            ['2026-Q2', '80', '5', '10'],
          ],
        },
        {
          code: 'NRD-02',
          naam: 'Aantal inwoners bereikt via de sociale basis',
          aggregatie: 'som',
          ketens: ['armoede'],
          normen: [['2026-Q2', '600', '40', '100']],
        },
        {
          code: 'NRD-03',
          naam: 'Ziekteverzuim',
          eenheid: 'percentage',
          richting: 'lager-is-beter',
          perPerceel: false,
          normen: [['2026', '5.5', '0.5', '1.5']],
        },
        { code: 'NRD-04', naam: 'Ervaren zelfredzaamheid', frequentie: 'jaar', eenheid: 'score' },
        { code: 'NRD-05', naam: 'Oude KPI', actief: false },
      ],
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lets a teamleider start the concept once per period; others cannot', async () => {
    await ok(
      await http().post(api('')).set(f.auth.cm).send({ rapportageperiodeId: f.periode.id }),
      403,
    );
    const ander = await ok(
      await http()
        .post(api(''))
        .set(f.auth.teamleider)
        .send({ rapportageperiodeId: f.periodeAnder.id }),
      400,
    );
    expect(ander.invalidParams[0].name).toBe('rapportageperiodeId');

    const res = await http()
      .post(api(''))
      .set(f.auth.teamleider)
      .send({ rapportageperiodeId: f.periode.id });
    const body = await ok(res, 201);
    id = body.id;
    etag = res.headers.etag as string;
    expect(etag).toBe(`W/"${body.version}"`);
    expect(body).toMatchObject({
      status: 'concept',
      revisie: 1,
      periode: '2026-Q2',
      aanbiederId: f.aanbieder.id,
      waarden: [],
      laatsteRevisie: true,
    });
    // Expected: NRD-01 and NRD-02 per perceel (2 × 2) and NRD-03 once; NRD-04 is yearly
    // (not due in Q2) and NRD-05 is inactive.
    expect(
      (body.ontbrekend as Body[]).map((o) => `${o.code}:${o.perceelNaam ?? 'totaal'}`),
    ).toEqual([
      'NRD-01:Perceel A',
      'NRD-01:Perceel B',
      'NRD-02:Perceel A',
      'NRD-02:Perceel B',
      'NRD-03:totaal',
    ]);

    const dubbel = await ok(
      await http().post(api('')).set(f.auth.directeur).send({ rapportageperiodeId: f.periode.id }),
      409,
    );
    expect(dubbel).toMatchObject({ code: 'verantwoording-bestaat-al', bestaandeId: id });
  });

  it('hides the account from another aanbieder (404) and from other organisations’ lists', async () => {
    await get(`/${id}`, f.auth.directeurAnder, 404);
    await ok(
      await http()
        .patch(api(`/${id}`))
        .set(f.auth.directeurAnder)
        .set('If-Match', etag)
        .send({ hoogtepunten: 'x' }),
      404,
    );
    const lijst = await get('', f.auth.directeurAnder);
    expect(lijst.items).toEqual([]);
    const eigen = await get('?periode=2026-Q2', f.auth.directeur);
    expect(eigen.items.map((i: Body) => i.id)).toEqual([id]);
  });

  it('requires If-Match on edits (428), refuses a stale one (412) and bumps the version', async () => {
    const zonder = await ok(
      await http()
        .patch(api(`/${id}`))
        .set(f.auth.teamleider)
        .send({ hoogtepunten: 'x' }),
      428,
    );
    expect(zonder.code).toBe('if-match-vereist');
    await ok(
      await http()
        .patch(api(`/${id}`))
        .set(f.auth.teamleider)
        .set('If-Match', 'W/"999"')
        .send({ hoogtepunten: 'x' }),
      412,
    );
    const res = await http()
      .patch(api(`/${id}`))
      .set(f.auth.teamleider)
      .set('If-Match', etag)
      .send({
        budget: {
          begrootCenten: 152_500_000,
          gerealiseerdCenten: 149_830_000,
          toelichting: 'Iets onder begroting door vacatures.',
        },
        formatie: {
          formatieFte: '48.6',
          vacaturesFte: 3.2,
          verloopPercentage: '4.50',
          toelichting: 'Twee vacatures ingevuld.',
        },
      });
    const body = await ok(res, 200);
    expect(res.headers.etag).toBe(`W/"${body.version}"`);
    expect(res.headers.etag).not.toBe(etag);
    etag = res.headers.etag as string;
    expect(body.budget).toEqual({
      begrootCenten: 152_500_000,
      gerealiseerdCenten: 149_830_000,
      toelichting: 'Iets onder begroting door vacatures.',
    });
    expect(body.formatie).toEqual({
      formatieFte: '48.6',
      vacaturesFte: '3.2',
      verloopPercentage: '4.5',
      toelichting: 'Twee vacatures ingevuld.',
    });
    const fout = await ok(
      await http()
        .patch(api(`/${id}`))
        .set(f.auth.teamleider)
        .set('If-Match', etag)
        .send({ formatie: { formatieFte: '1.234' } }),
      400,
    );
    expect(fout.invalidParams[0].name).toBe('formatie.formatieFte');
  });

  it('validates figures against the KPIs and percelen of this aanbieder', async () => {
    const [pA, pB] = f.percelen;
    const fout = await zet(
      f.auth.teamleider,
      [
        { kpiId: f.kpis['NRD-01'].id, perceelId: f.anderPerceel.id, waarde: 80 },
        { kpiId: f.kpis['NRD-01'].id, waarde: 80 },
        { kpiId: f.kpis['NRD-03'].id, perceelId: pA.id, waarde: 5 },
        { kpiId: f.vreemdeKpi.id, perceelId: pA.id, waarde: 1 },
        { kpiId: f.kpis['NRD-05'].id, perceelId: pA.id, waarde: 1 },
        { kpiId: f.kpis['NRD-02'].id, perceelId: pB.id, waarde: 1 },
        { kpiId: f.kpis['NRD-02'].id, perceelId: pB.id, waarde: 2 },
      ],
      400,
    );
    expect((fout.invalidParams as Body[]).map((p) => p.name)).toEqual([
      'waarden.0.perceelId',
      'waarden.1.perceelId',
      'waarden.2.perceelId',
      'waarden.3.kpiId',
      'waarden.4.kpiId',
      'waarden.6',
    ]);
    const decimalen = await zet(
      f.auth.teamleider,
      [{ kpiId: f.kpis['NRD-01'].id, perceelId: pA.id, waarde: '80.12345' }],
      400,
    );
    expect(decimalen.invalidParams[0]).toMatchObject({ name: 'waarden.0.waarde' });
    expect(decimalen.invalidParams[0].reason).toContain('4 cijfers achter de komma');
    expect(
      await t.dataSource.getRepository(KpiWaarde).countBy({ kwartaalverantwoordingId: id }),
    ).toBe(0);
  });

  it('stores figures and shows totals and statuses computed with each KPI’s aggregation', async () => {
    const [pA, pB] = f.percelen;
    const body = await zet(f.auth.teamleider, [
      {
        kpiId: f.kpis['NRD-01'].id,
        perceelId: pA.id,
        waarde: '82',
        toelichting: 'Nieuw aanmeldloket werkt.',
        bron: 'Registratiesysteem',
      },
      {
        kpiId: f.kpis['NRD-01'].id,
        perceelId: pB.id,
        waarde: 66.5,
        datakwaliteit: 'voorlopig',
        bron: 'Registratiesysteem',
      },
      { kpiId: f.kpis['NRD-02'].id, perceelId: pA.id, waarde: '310' },
      { kpiId: f.kpis['NRD-02'].id, perceelId: pB.id, waarde: '240' },
      {
        kpiId: f.kpis['NRD-03'].id,
        perceelId: null,
        waarde: '6.1',
        toelichting: 'Griepgolf in april.',
      },
    ]);
    const nrd01 = groep(body, 'NRD-01');
    expect(nrd01.norm).toMatchObject({ periode: '2026-Q2', streefwaarde: '80' });
    expect(nrd01.percelen.map((p: Body) => [p.perceelNaam, p.waarde, p.status])).toEqual([
      ['Perceel A', '82', 'op-koers'],
      ['Perceel B', '66.5', 'uit-koers'],
    ]);
    expect(nrd01.totaal).toMatchObject({
      waarde: '74.25',
      status: 'let-op',
      compleet: true,
      datakwaliteit: 'voorlopig',
      bron: 'Registratiesysteem',
    });
    const nrd02 = groep(body, 'NRD-02');
    expect(nrd02.totaal).toMatchObject({ waarde: '550', status: 'let-op' });
    expect(nrd02.percelen.every((p: Body) => p.status === 'geen-norm')).toBe(true);
    const nrd03 = groep(body, 'NRD-03');
    expect(nrd03.percelen).toEqual([]);
    expect(nrd03.totaal).toMatchObject({
      waarde: '6.1',
      status: 'let-op',
      toelichting: 'Griepgolf in april.',
    });
    expect(body.ontbrekend).toEqual([]);

    // Updating one figure keeps the fields it does not mention.
    const bijgewerkt = await zet(f.auth.kwaliteit, [
      { kpiId: f.kpis['NRD-01'].id, perceelId: pA.id, waarde: '83' },
    ]);
    expect(groep(bijgewerkt, 'NRD-01').percelen[0]).toMatchObject({
      waarde: '83',
      toelichting: 'Nieuw aanmeldloket werkt.',
      bron: 'Registratiesysteem',
    });
  });

  it('removes a figure with If-Match and hands back the new ETag', async () => {
    const tijdelijk = await zet(f.auth.teamleider, [
      { kpiId: f.kpis['NRD-04'].id, perceelId: f.percelen[0].id, waarde: '7.1' },
    ]);
    const waardeId = groep(tijdelijk, 'NRD-04').percelen[0].id as string;
    await ok(
      await http()
        .delete(api(`/${id}/waarden/${waardeId}`))
        .set(f.auth.teamleider),
      428,
    );
    const res = await http()
      .delete(api(`/${id}/waarden/${waardeId}`))
      .set(f.auth.teamleider)
      .set('If-Match', etag);
    await ok(res, 204);
    expect(res.headers.etag).not.toBe(etag);
    etag = res.headers.etag as string;
    const body = await get(`/${id}`, f.auth.teamleider);
    expect(groep(body, 'NRD-04')).toBeUndefined();
    await ok(
      await http()
        .delete(api(`/${id}/waarden/${waardeId}`))
        .set(f.auth.teamleider)
        .set('If-Match', etag),
      404,
    );
  });

  it('shows a ketenregisseur the account but only the figures of their keten', async () => {
    const body = await get(`/${id}`, f.auth.ketenregisseur);
    expect((body.waarden as Body[]).map((w) => w.code)).toEqual(['NRD-01']);
    expect(body.budget.begrootCenten).toBe(152_500_000);
    const lijst = await get('', f.auth.ketenregisseur);
    expect(lijst.items.map((i: Body) => i.id)).toContain(id);
    // A bestuurder reads the whole account but cannot edit it.
    expect((await get(`/${id}`, f.auth.bestuurder)).waarden).toHaveLength(3);
    await ok(
      await http()
        .patch(api(`/${id}`))
        .set(f.auth.bestuurder)
        .set('If-Match', etag)
        .send({ hoogtepunten: 'x' }),
      403,
    );
  });

  it('lets exactly one of two parallel edits win; the loser writes nothing', async () => {
    const [a, b] = await Promise.all([
      http()
        .patch(api(`/${id}`))
        .set(f.auth.teamleider)
        .set('If-Match', etag)
        .send({ hoogtepunten: 'Versie van Tessa' }),
      http()
        .patch(api(`/${id}`))
        .set(f.auth.kwaliteit)
        .set('If-Match', etag)
        .send({ hoogtepunten: 'Versie van Kees', knelpunten: 'Alleen Kees' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const winnaar = a.status === 200 ? a : b;
    const verliezer = a.status === 200 ? b : a;
    expect(verliezer.body.code).toBe('versieconflict');
    let body = await get(`/${id}`, f.auth.teamleider);
    expect(body.hoogtepunten).toBe(winnaar.body.hoogtepunten);
    expect(body.knelpunten).toBe(winnaar === b ? 'Alleen Kees' : null);
    etag = winnaar.headers.etag as string;

    const [pA, pB] = f.percelen;
    const [c, d] = await Promise.all([
      http()
        .put(api(`/${id}/waarden`))
        .set(f.auth.teamleider)
        .set('If-Match', etag)
        .send({
          waarden: [
            { kpiId: f.kpis['NRD-02'].id, perceelId: pA.id, waarde: '311' },
            { kpiId: f.kpis['NRD-02'].id, perceelId: pB.id, waarde: '241' },
          ],
        }),
      http()
        .put(api(`/${id}/waarden`))
        .set(f.auth.kwaliteit)
        .set('If-Match', etag)
        .send({
          waarden: [
            { kpiId: f.kpis['NRD-02'].id, perceelId: pA.id, waarde: '999' },
            { kpiId: f.kpis['NRD-04'].id, perceelId: pB.id, waarde: '8' },
          ],
        }),
    ]);
    expect([c.status, d.status].sort()).toEqual([200, 412]);
    body = await get(`/${id}`, f.auth.teamleider);
    const nrd02 = groep(body, 'NRD-02').percelen.map((p: Body) => p.waarde);
    if (c.status === 200) {
      expect(nrd02).toEqual(['311', '241']);
      expect(groep(body, 'NRD-04')).toBeUndefined();
      etag = c.headers.etag as string;
    } else {
      expect(nrd02).toEqual(['999', '240']);
      expect(groep(body, 'NRD-04').percelen).toHaveLength(1);
      etag = d.headers.etag as string;
    }
    expect(`W/"${body.version}"`).toBe(etag);
  });

  it('reads the case stories and signals of this aanbieder and quarter with the account', async () => {
    const casus = await t.dataSource.getRepository(Casus).save({
      gemeenteId: f.gemeenteId,
      aanbiederId: f.aanbieder.id,
      periode: '2026-Q2',
      titel: 'Een moeder met drie banen en een zoon die niet meer naar school gaat',
      situatie: 'De leerplichtambtenaar meldde verzuim; thuis bleek de huur al maanden achter.',
      kpiIds: [f.kpis['NRD-01'].id],
      ketenIds: [f.ketens.jeugd],
      auteurId: f.gebruikerIds.directeur,
    });
    await t.dataSource.getRepository(Casus).save({
      gemeenteId: f.gemeenteId,
      aanbiederId: f.aanbieder.id,
      periode: '2026-Q1',
      titel: 'Vorig kwartaal',
      situatie: 'Hoort niet bij deze verantwoording.',
      auteurId: f.gebruikerIds.directeur,
    });
    const signaal = await t.dataSource.getRepository(Signaal).save({
      gemeenteId: f.gemeenteId,
      organisatieId: f.aanbieder.id,
      titel: 'Beslagvrije voet wordt niet toegepast',
      waarneming:
        'Bij drie huishoudens hield de deurwaarder geen rekening met de beslagvrije voet.',
      soort: 'regels',
      periode: '2026-Q2',
      ketenIds: [f.ketens.armoede],
      ingebrachtDoorId: f.gebruikerIds.directeur,
    });
    const body = await get(`/${id}`, f.auth.cm);
    expect((body.casussen as Body[]).map((c) => c.id)).toEqual([casus.id]);
    expect(body.casussen[0]).toMatchObject({
      kpiIds: [f.kpis['NRD-01'].id],
      ketenIds: [f.ketens.jeugd],
    });
    expect((body.signalen as Body[]).map((s) => s.id)).toEqual([signaal.id]);
    const regisseur = await get(`/${id}`, f.auth.ketenregisseur);
    expect((regisseur.casussen as Body[]).map((c) => c.id)).toEqual([casus.id]);
    expect(regisseur.signalen).toEqual([]);
  });

  it('lets only the directeur submit, and only with the narrative', async () => {
    const teamleider = await status(f.auth.teamleider, 'ingediend', {}, 403);
    expect(teamleider.detail).toContain('directeur');
    await status(f.auth.cm, 'ingediend', {}, 403);
    const leeg = await http()
      .patch(api(`/${id}`))
      .set(f.auth.teamleider)
      .set('If-Match', etag)
      .send({ knelpunten: null, vooruitblik: '' });
    await ok(leeg, 200);
    etag = leeg.headers.etag as string;
    const onvolledig = await status(f.auth.directeur, 'ingediend', {}, 422);
    expect(onvolledig.code).toBe('indienen-onvolledig');
    expect((onvolledig.invalidParams as Body[]).map((p) => p.name)).toEqual([
      'knelpunten',
      'vooruitblik',
    ]);

    const res = await http()
      .patch(api(`/${id}`))
      .set(f.auth.teamleider)
      .set('If-Match', etag)
      .send({
        hoogtepunten: 'Het nieuwe aanmeldloket in Perceel A verkort de wachttijd merkbaar.',
        knelpunten: 'Twee medewerkers in Perceel B waren langdurig ziek; het bereik daar daalde.',
        vooruitblik: 'In het derde kwartaal starten we een inloopspreekuur in de bibliotheek.',
      });
    await ok(res, 200);
    etag = res.headers.etag as string;
    const stale = await ok(
      await http()
        .post(api(`/${id}/statuswijzigingen`))
        .set(f.auth.directeur)
        .set('If-Match', 'W/"1"')
        .send({ status: 'ingediend' }),
      412,
    );
    expect(stale.code).toBe('versieconflict');
    const ingediend = await ok(
      await http()
        .post(api(`/${id}/statuswijzigingen`))
        .set(f.auth.directeur)
        .set('If-Match', etag)
        .send({ status: 'ingediend' }),
      201,
    );
    expect(ingediend).toMatchObject({
      status: 'ingediend',
      ingediendDoorId: f.gebruikerIds.directeur,
    });
    expect(ingediend.volgendeStatussen).toEqual([]);
    etag = `W/"${ingediend.version}"`;

    const versies = await get(`/${id}/versies`, f.auth.cm);
    expect(versies.items).toEqual([
      expect.objectContaining({ volgnummer: 1, status: 'ingediend', revisie: 1 }),
    ]);
    expect((await get(`/${id}`, f.auth.cm)).volgendeStatussen).toEqual([
      'vastgesteld',
      'teruggezet',
    ]);
  });

  it('freezes what was submitted: no edits, no second submit', async () => {
    const edit = await ok(
      await http()
        .patch(api(`/${id}`))
        .set(f.auth.teamleider)
        .set('If-Match', etag)
        .send({ hoogtepunten: 'Stiekem' }),
      409,
    );
    expect(edit.code).toBe('verantwoording-niet-bewerkbaar');
    expect(edit.detail).toContain('ingediend');
    await zet(
      f.auth.teamleider,
      [{ kpiId: f.kpis['NRD-02'].id, perceelId: f.percelen[0].id, waarde: 1 }],
      409,
    );
    const nogmaals = await status(f.auth.directeur, 'ingediend', {}, 409);
    expect(nogmaals).toMatchObject({
      code: 'ongeldige-statusovergang',
      allowedNextStates: ['vastgesteld', 'teruggezet'],
    });
  });

  it('returns the account with a question on a KPI value; the aanbieder answers and corrects', async () => {
    const zonderVraag = await status(f.auth.cm, 'teruggezet', {}, 422);
    expect(zonderVraag.code).toBe('terugzetten-zonder-vraag');

    await ok(
      await http()
        .post(api(`/${id}/beoordelingsopmerkingen`))
        .set(f.auth.directeur)
        .send({ onderdeel: 'algemeen', tekst: 'x' }),
      403,
    );
    const fout = await ok(
      await http()
        .post(api(`/${id}/beoordelingsopmerkingen`))
        .set(f.auth.cm)
        .send({ onderdeel: 'kpi-waarde', onderdeelId: f.vreemdeKpi.id, tekst: 'x' }),
      400,
    );
    expect(fout.invalidParams[0].name).toBe('onderdeelId');
    const vraag = await ok(
      await http()
        .post(api(`/${id}/beoordelingsopmerkingen`))
        .set(f.auth.cm)
        .send({
          onderdeel: 'kpi-waarde',
          onderdeelId: f.kpis['NRD-01'].id,
          tekst:
            'Het percentage in Perceel B ligt ver onder de norm. Wat is de oorzaak en is 66,5 definitief?',
        }),
      201,
    );
    expect(vraag).toMatchObject({ open: true, revisie: 1, reactie: null });
    const casusId = (await get(`/${id}`, f.auth.cm)).casussen[0].id as string;
    const overCasus = await ok(
      await http()
        .post(api(`/${id}/beoordelingsopmerkingen`))
        .set(f.auth.cm)
        .send({
          onderdeel: 'casus',
          onderdeelId: casusId,
          tekst: 'Mooi voorbeeld; neem de huurachterstand mee naar het ketenoverleg Armoede.',
        }),
      201,
    );
    await ok(
      await http()
        .post(api(`/${id}/beoordelingsopmerkingen`))
        .set(f.auth.cm)
        .send({ onderdeel: 'budget', onderdeelId: casusId, tekst: 'x' }),
      400,
    );

    const teruggezet = await status(f.auth.cm, 'teruggezet');
    expect(teruggezet.status).toBe('teruggezet');
    expect(teruggezet.openOpmerkingen).toHaveLength(2);
    // Still frozen while returned: first reopen.
    await zet(
      f.auth.teamleider,
      [{ kpiId: f.kpis['NRD-01'].id, perceelId: f.percelen[1].id, waarde: 70 }],
      409,
    );

    await ok(
      await http()
        .post(api(`/${id}/beoordelingsopmerkingen/${vraag.id}/reactie`))
        .set(f.auth.cm)
        .send({ reactie: 'x' }),
      403,
    );
    const reactie = await ok(
      await http()
        .post(api(`/${id}/beoordelingsopmerkingen/${vraag.id}/reactie`))
        .set(f.auth.teamleider)
        .send({
          reactie: 'De export was voorlopig; na correctie van dubbele aanmeldingen is het 71,5%.',
        }),
      200,
    );
    expect(reactie).toMatchObject({ open: false, reactieDoorNaam: expect.any(String) });
    await ok(
      await http()
        .post(api(`/${id}/beoordelingsopmerkingen/${overCasus.id}/reactie`))
        .set(f.auth.directeur)
        .send({
          reactie: 'Staat op de agenda van het ketenoverleg in juli.',
        }),
      200,
    );

    const concept = await status(f.auth.kwaliteit, 'concept');
    etag = `W/"${concept.version}"`;
    const gecorrigeerd = await zet(f.auth.teamleider, [
      {
        kpiId: f.kpis['NRD-01'].id,
        perceelId: f.percelen[1].id,
        waarde: '71.5',
        datakwaliteit: 'betrouwbaar',
        toelichting: 'Gecorrigeerd voor dubbele aanmeldingen.',
      },
    ]);
    expect(groep(gecorrigeerd, 'NRD-01').totaal).toMatchObject({
      waarde: '77.25',
      status: 'op-koers',
    });
    expect(gecorrigeerd.openOpmerkingen).toEqual([]);
    const opmerkingen = await get(`/${id}/beoordelingsopmerkingen`, f.auth.directeur);
    expect(opmerkingen.meta.totalItems).toBe(2);
    // The ketenregisseur of Jeugd sees the remark on the Jeugd casus and the KPI of Jeugd.
    expect(
      (await get(`/${id}/beoordelingsopmerkingen`, f.auth.ketenregisseur)).meta.totalItems,
    ).toBe(2);
  });

  it('is resubmitted and adopted; every earlier version is still readable as it was', async () => {
    await status(f.auth.directeur, 'ingediend');
    await status(f.auth.directeur, 'vastgesteld', {}, 403);
    const vastgesteld = await status(f.auth.cm, 'vastgesteld');
    expect(vastgesteld).toMatchObject({
      status: 'vastgesteld',
      vastgesteldDoorId: f.gebruikerIds.cm,
    });
    const terug = await status(f.auth.cm, 'teruggezet', { toelichting: 'Toch nog iets' }, 409);
    expect(terug.detail).toContain('definitief');

    const versies = await get(`/${id}/versies`, f.auth.directeur);
    expect(versies.items.map((v: Body) => [v.volgnummer, v.status])).toEqual([
      [1, 'ingediend'],
      [2, 'ingediend'],
      [3, 'vastgesteld'],
    ]);
    const eerste = await get(`/${id}/versies/1`, f.auth.cm);
    const perceelB = (v: Body) =>
      (groep(v.inhoud, 'NRD-01').percelen as Body[]).find((p) => p.perceelNaam === 'Perceel B');
    expect(perceelB(eerste)).toMatchObject({ waarde: '66.5', datakwaliteit: 'voorlopig' });
    expect(eerste.inhoud).toMatchObject({ status: 'ingediend', revisie: 1 });
    expect(eerste.inhoud.volgendeStatussen).toBeUndefined();
    expect(eerste.inhoud.casussen).toHaveLength(1);
    expect(eerste.inhoud.signalen).toHaveLength(1);
    expect(eerste.inhoud.openOpmerkingen).toEqual([]);
    const tweede = await get(`/${id}/versies/2`, f.auth.cm);
    expect(perceelB(tweede)).toMatchObject({
      waarde: '71.5',
      toelichting: 'Gecorrigeerd voor dubbele aanmeldingen.',
    });
    const derde = await get(`/${id}/versies/3`, f.auth.directeur);
    expect(derde.inhoud.status).toBe('vastgesteld');
    await get(`/${id}/versies/4`, f.auth.cm, 404);
    await get(`/${id}/versies/een`, f.auth.cm, 400);
    await get(`/${id}/versies/1`, f.auth.directeurAnder, 404);
    // The ketenregisseur reads frozen versions through the same keten filter.
    const regisseur = await get(`/${id}/versies/1`, f.auth.ketenregisseur);
    expect((regisseur.inhoud.waarden as Body[]).map((w) => w.code)).toEqual(['NRD-01']);
  });

  it('corrects an adopted account in a new revision; the adopted one stays as it was', async () => {
    await ok(
      await http()
        .post(api(`/${id}/revisies`))
        .set(f.auth.cm),
      403,
    );
    const res = await http()
      .post(api(`/${id}/revisies`))
      .set(f.auth.directeur);
    const revisie = await ok(res, 201);
    expect(revisie).toMatchObject({
      status: 'concept',
      revisie: 2,
      periode: '2026-Q2',
      laatsteRevisie: true,
      hoogtepunten: 'Het nieuwe aanmeldloket in Perceel A verkort de wachttijd merkbaar.',
      budget: { begrootCenten: 152_500_000 },
    });
    expect(groep(revisie, 'NRD-01').totaal.waarde).toBe('77.25');
    const oud = await get(`/${id}`, f.auth.directeur);
    expect(oud).toMatchObject({ status: 'vastgesteld', laatsteRevisie: false });
    const nogEen = await ok(
      await http()
        .post(api(`/${id}/revisies`))
        .set(f.auth.directeur),
      409,
    );
    expect(nogEen).toMatchObject({ code: 'revisie-niet-mogelijk', nieuwsteId: revisie.id });
    const opConcept = await ok(
      await http()
        .post(api(`/${revisie.id}/revisies`))
        .set(f.auth.directeur),
      409,
    );
    expect(opConcept.code).toBe('revisie-niet-mogelijk');

    // Editing the revision leaves the adopted revision's figures alone.
    const nieuwId = revisie.id as string;
    await ok(
      await http()
        .put(api(`/${nieuwId}/waarden`))
        .set(f.auth.teamleider)
        .set('If-Match', res.headers.etag as string)
        .send({
          waarden: [
            {
              kpiId: f.kpis['NRD-03'].id,
              waarde: '5.2',
              toelichting: 'Herberekend zonder zwangerschapsverlof.',
            },
          ],
        }),
      200,
    );
    expect(groep(await get(`/${id}`, f.auth.cm), 'NRD-03').totaal.waarde).toBe('6.1');
    expect(groep(await get(`/${nieuwId}`, f.auth.cm), 'NRD-03').totaal.waarde).toBe('5.2');
    const lijst = await get('?periode=2026-Q2&aanbiederId=' + f.aanbieder.id, f.auth.cm);
    expect(lijst.items.map((i: Body) => [i.revisie, i.status])).toEqual([
      [2, 'concept'],
      [1, 'vastgesteld'],
    ]);
    const gefilterd = await get('?status=vastgesteld', f.auth.cm);
    expect(gefilterd.items.map((i: Body) => i.id)).toEqual([id]);
  });

  it('shows a submitted or adopted account as it was frozen, whatever is renamed afterwards', async () => {
    const vastgesteldRes = await http()
      .get(api(`/${id}`))
      .set(f.auth.cm);
    const vastgesteld = await ok(vastgesteldRes, 200);
    expect(vastgesteld).toMatchObject({ status: 'vastgesteld', laatsteRevisie: false });
    const perceelB = (v: Body) =>
      (groep(v, 'NRD-01').percelen as Body[]).find((p) => p.perceelId === f.percelen[1].id);
    expect(perceelB(vastgesteld)).toMatchObject({ perceelNaam: 'Perceel B' });
    const [revisie2] = (await get(`?periode=2026-Q2&aanbiederId=${f.aanbieder.id}`, f.auth.cm))
      .items as Body[];
    expect(revisie2).toMatchObject({ revisie: 2, status: 'concept' });

    // Revision 2 is submitted; then the gemeente renames the perceel and the aanbieder, and
    // changes the KPI's definition with effect from this very quarter.
    id = revisie2.id as string;
    await status(f.auth.directeur, 'ingediend');
    id = vastgesteld.id as string;
    const ingediend = await get(`/${revisie2.id}`, f.auth.cm);
    expect(perceelB(ingediend)).toMatchObject({ perceelNaam: 'Perceel B' });
    await t.dataSource
      .getRepository(Perceel)
      .update({ id: f.percelen[1].id }, { naam: 'Perceel Beta' });
    await t.dataSource
      .getRepository(AanbiederGemeente)
      .update({ aanbiederId: f.aanbieder.id }, { naam: 'Hernoemde aanbieder' });
    const kpi = await ok(
      await http().get(`/api/v1/kpis/${f.kpis['NRD-01'].id}`).set(f.auth.cm),
      200,
    );
    await ok(
      await http()
        .patch(`/api/v1/kpis/${kpi.id}`)
        .set({ ...f.auth.cm, 'If-Match': `W/"${kpi.version}"` })
        .send({ naam: 'Snel opgepakte vragen (nieuw)', geldigVanaf: '2026-Q2' }),
      200,
    );

    // The adopted revision reads exactly as before, with the same ETag.
    const laterRes = await http()
      .get(api(`/${id}`))
      .set(f.auth.cm);
    const later = await ok(laterRes, 200);
    expect(laterRes.headers.etag).toBe(vastgesteldRes.headers.etag);
    expect(later).toEqual(vastgesteld);
    expect(later.aanbiederNaam).not.toBe('Hernoemde aanbieder');
    expect(groep(later, 'NRD-01').naam).toBe('Percentage vragen binnen 5 werkdagen opgepakt');
    // Read per keten as before.
    const regisseur = await get(`/${id}`, f.auth.ketenregisseur);
    expect((regisseur.waarden as Body[]).map((w) => w.code)).toEqual(['NRD-01']);
    expect(perceelB(regisseur)).toMatchObject({ perceelNaam: 'Perceel B' });

    // The submitted revision too, while its review questions are live.
    await ok(
      await http()
        .post(api(`/${revisie2.id}/beoordelingsopmerkingen`))
        .set(f.auth.cm)
        .send({ onderdeel: 'algemeen', tekst: 'Waarom is het verzuim herberekend?' }),
      201,
    );
    const ingediendLater = await get(`/${revisie2.id}`, f.auth.directeur);
    expect(ingediendLater).toMatchObject({
      status: 'ingediend',
      aanbiederNaam: ingediend.aanbiederNaam,
      waarden: ingediend.waarden,
      ontbrekend: ingediend.ontbrekend,
      openOpmerkingen: [expect.objectContaining({ tekst: 'Waarom is het verzuim herberekend?' })],
    });
    expect(perceelB(ingediendLater)).toMatchObject({ perceelNaam: 'Perceel B' });

    // Put back what the next test expects of this gemeente.
    await t.dataSource
      .getRepository(AanbiederGemeente)
      .update({ aanbiederId: f.aanbieder.id }, { naam: vastgesteld.aanbiederNaam as string });
  });

  it('audits every step, in Dutch action names, with who did it', async () => {
    const audit = await ok(
      await http()
        .get(`/api/v1/audit-entries?entityType=kwartaalverantwoording&entityId=${id}&pageSize=100`)
        .set(f.auth.beheerder),
      200,
    );
    const acties = (audit.items as Body[]).map((a) => a.action).reverse();
    expect(acties).toEqual(
      expect.arrayContaining([
        'aangemaakt',
        'gewijzigd',
        'waarden-bijgewerkt',
        'waarde-verwijderd',
        'status-ingediend',
        'opmerking-geplaatst',
        'status-teruggezet',
        'reactie-gegeven',
        'status-concept',
        'status-vastgesteld',
      ]),
    );
    expect(acties[0]).toBe('aangemaakt');
    expect(acties[acties.length - 1]).toBe('status-vastgesteld');
    // Refused and lost writes leave no trace: one 'gewijzigd' per successful PATCH.
    const entries = await t.dataSource
      .getRepository(AuditEntry)
      .findBy({ entityId: id, action: 'gewijzigd' });
    expect(entries).toHaveLength(4);
    const account = await t.dataSource
      .getRepository(Kwartaalverantwoording)
      .findOneByOrFail({ id });
    expect(account.status).toBe('vastgesteld');
  });
});

/**
 * Every free text a provider or gemeente user writes on an account ends up in dossiers: the
 * narrative, the toelichtingen of budget and formatie, the toelichting and bron of a figure,
 * the review questions, the answers and the question given when returning. Each refuses
 * direct identifiers with the 422 of the case stories, naming the field path and the kind,
 * never the identifier, and stores nothing.
 */
describe('Kwartaalverantwoordingen: geen direct identificerende gegevens in vrije tekst', () => {
  let t: TestApp;
  let f: VerantwoordingFixture;
  let id: string;
  let etag: string;
  const http = () => request(t.app.getHttpServer());
  const api = (path: string) => `/api/v1/kwartaalverantwoordingen${path}`;

  /** A 422 problem+json naming exactly these [field, kind] pairs, without the identifiers. */
  function geweigerd(res: request.Response, velden: [string, string][], geheimen: string[]) {
    if (res.status !== 422) throw new Error(`verwacht 422, kreeg ${res.status}: ${res.text}`);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe('direct-identificerende-gegevens');
    expect((res.body.invalidParams as Body[]).map((p) => [p.name, p.code])).toEqual(velden);
    for (const geheim of geheimen) expect(res.text).not.toContain(geheim);
  }
  const account = async () => {
    const res = await http()
      .get(api(`/${id}`))
      .set(f.auth.cm);
    expect(res.status).toBe(200);
    return res.body as Body;
  };

  beforeAll(async () => {
    t = await createTestApp();
    f = await maakVerantwoordingFixture(t, {
      kpis: [{ code: 'PRV-01', naam: 'Bereikte inwoners', perPerceel: false }],
    });
    const res = await http()
      .post(api(''))
      .set(f.auth.teamleider)
      .send({ rapportageperiodeId: f.periode.id });
    expect(res.status).toBe(201);
    id = res.body.id;
    etag = res.headers.etag as string;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses identifiers in the narrative and in the budget and formatie toelichtingen', async () => {
    const res = await http()
      .patch(api(`/${id}`))
      .set(f.auth.teamleider)
      .set('If-Match', etag)
      .send({
        hoogtepunten: 'Veel nieuwe vrijwilligers in de wijk.',
        knelpunten: 'Mevrouw is alleen bereikbaar via m.jansen@voorbeeld.nl.',
        vooruitblik: 'Huisbezoek op 1234 AB 12 gepland.',
        budget: { toelichting: 'Teruggestort op NL91 ABNA 0417 1643 00.' },
        formatie: { toelichting: 'Invaller (bsn:123456782) tijdelijk ingezet.' },
      });
    geweigerd(
      res,
      [
        ['knelpunten', 'e-mailadres'],
        ['vooruitblik', 'postcode-huisnummer'],
        ['budget.toelichting', 'iban'],
        ['formatie.toelichting', 'bsn'],
      ],
      ['m.jansen', 'voorbeeld.nl', '1234 AB', 'ABNA', '123456782'],
    );
    expect(res.body.invalidParams[0].reason).toContain("'Knelpunten'");
    const na = await account();
    expect(na).toMatchObject({
      version: Number(etag.replace(/\D/g, '')),
      hoogtepunten: null,
      knelpunten: null,
      vooruitblik: null,
      budget: { toelichting: null },
      formatie: { toelichting: null },
    });

    // Clean text passes, amounts and dates included.
    const schoon = await http()
      .patch(api(`/${id}`))
      .set(f.auth.teamleider)
      .set('If-Match', etag)
      .send({
        hoogtepunten: 'Op 01-04-2026 startte het loket; 123 gezinnen bereikt.',
        knelpunten: 'Wachttijd liep op tot 12 dagen.',
        vooruitblik: 'Werving van 2,5 fte in 2026-Q3.',
        budget: { toelichting: 'Overschrijding van € 123.456 door extra inzet.' },
      });
    expect(schoon.status).toBe(200);
    etag = schoon.headers.etag as string;
  });

  it('refuses identifiers in the toelichting and bron of a figure, naming the line', async () => {
    const res = await http()
      .put(api(`/${id}/waarden`))
      .set(f.auth.teamleider)
      .set('If-Match', etag)
      .send({
        waarden: [
          { kpiId: f.kpis['PRV-01'].id, waarde: '120', toelichting: 'Telling uit het systeem.' },
        ],
      });
    expect(res.status).toBe(200);
    etag = res.headers.etag as string;
    const fout = await http()
      .put(api(`/${id}/waarden`))
      .set(f.auth.teamleider)
      .set('If-Match', etag)
      .send({
        waarden: [
          {
            kpiId: f.kpis['PRV-01'].id,
            waarde: '130',
            toelichting: 'Gecorrigeerd voor cliënt 123-456-782; bel 06-12345678.',
            bron: 'Export van BSN123456782',
          },
        ],
      });
    geweigerd(
      fout,
      [
        ['waarden.0.toelichting', 'bsn'],
        ['waarden.0.toelichting', 'telefoonnummer'],
        ['waarden.0.bron', 'bsn'],
      ],
      ['123-456-782', '06-12345678', '123456782'],
    );
    const waarden = await t.dataSource
      .getRepository(KpiWaarde)
      .findBy({ kwartaalverantwoordingId: id });
    expect(waarden.map((w) => [w.waarde, w.toelichting])).toEqual([
      ['120.0000', 'Telling uit het systeem.'],
    ]);
    expect((await account()).version).toBe(Number(etag.replace(/\D/g, '')));
  });

  it('refuses identifiers in a review question, in the question of a return and in the answer', async () => {
    const indienen = await http()
      .post(api(`/${id}/statuswijzigingen`))
      .set(f.auth.directeur)
      .send({ status: 'ingediend' });
    expect(indienen.status).toBe(201);

    const vraag = await http()
      .post(api(`/${id}/beoordelingsopmerkingen`))
      .set(f.auth.cm)
      .send({ onderdeel: 'algemeen', tekst: 'Kunt u mevrouw op (020) 1234567 terugbellen?' });
    geweigerd(vraag, [['tekst', 'telefoonnummer']], ['1234567']);
    const terug = await http()
      .post(api(`/${id}/statuswijzigingen`))
      .set(f.auth.cm)
      .send({ status: 'teruggezet', toelichting: 'Zie het gezin op Dorpsstraat 12, 1234 AB.' });
    geweigerd(terug, [['toelichting', 'postcode-huisnummer']], ['Dorpsstraat 12', '1234 AB']);
    expect((await account()).status).toBe('ingediend');
    expect(
      await t.dataSource
        .getRepository(Beoordelingsopmerking)
        .countBy({ kwartaalverantwoordingId: id }),
    ).toBe(0);

    const teruggezet = await http()
      .post(api(`/${id}/statuswijzigingen`))
      .set(f.auth.cm)
      .send({ status: 'teruggezet', toelichting: 'Waarom daalde het bereik?' });
    expect(teruggezet.status).toBe(201);
    const [opmerking] = await t.dataSource
      .getRepository(Beoordelingsopmerking)
      .findBy({ kwartaalverantwoordingId: id });
    const reactie = await http()
      .post(api(`/${id}/beoordelingsopmerkingen/${opmerking.id}/reactie`))
      .set(f.auth.teamleider)
      .send({ reactie: 'Navraag bij j.devries@buurtteam.nl: de telling miste een week.' });
    geweigerd(reactie, [['reactie', 'e-mailadres']], ['j.devries', 'buurtteam.nl']);
    const bewaard = await t.dataSource
      .getRepository(Beoordelingsopmerking)
      .findOneByOrFail({ id: opmerking.id });
    expect(bewaard.reactie).toBeNull();
  });
});

describe('Demodata: kwartaalverantwoordingen van Voorbeeldstad', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('adopts four quarters of the first aanbieder, has one submitted of another and a concept now', async () => {
    const ds = t.dataSource;
    const { gemeente, organisatie } = await makeGemeente(ds);
    const aanbieders = {
      noord: await makeAanbieder(ds, [gemeente], { naam: unique('Wijkteams Noord') }),
      oost: await makeAanbieder(ds, [gemeente], { naam: unique('Sociaal Collectief Oost') }),
      zuid: await makeAanbieder(ds, [gemeente], { naam: unique('Stichting Samen Zuid') }),
    };
    const gebruikers: DemoGebruiker[] = [];
    for (const [rol, org] of [
      [Rol.Contractmanager, organisatie],
      [Rol.Ketenregisseur, organisatie],
      [Rol.Directeur, aanbieders.noord],
      [Rol.Directeur, aanbieders.oost],
    ] as const) {
      const g = await makeGebruiker(ds, org, [{ gemeente, rol }]);
      gebruikers.push({
        email: g.email,
        naam: g.gebruiker.naam,
        rol,
        organisatie: org.naam,
        password: g.password,
        id: g.gebruiker.id,
      });
    }
    const registry = t.app.get(DemoSeedRegistry);
    const audit = t.app.get(AuditService);
    await ds.transaction(async (manager) => {
      const ctx = {
        manager,
        audit,
        gemeente,
        gemeenteOrganisatie: organisatie,
        aanbieders,
        gebruikers,
      };
      for (const step of registry.ordered().filter((s) => s.order <= 210)) await step.run(ctx);
    });

    const cm = (await login(t.app, gebruikers[0].email)).auth;
    const http = () => request(t.app.getHttpServer());
    const lijst = async (aanbiederId: string) =>
      (
        await http()
          .get(`/api/v1/kwartaalverantwoordingen?aanbiederId=${aanbiederId}`)
          .set(cm)
          .expect(200)
      ).body.items as Body[];
    const huidig = kwartaalVan(vandaag());
    const noord = await lijst(aanbieders.noord.id);
    expect(noord.map((v) => [v.periode, v.status])).toEqual([
      [huidig, 'concept'],
      ...[-1, -2, -3, -4].map((n) => [verschuifKwartaal(huidig, n), 'vastgesteld']),
    ]);
    const oost = await lijst(aanbieders.oost.id);
    expect(oost.map((v) => [v.periode, v.status])).toEqual([
      [verschuifKwartaal(huidig, -1), 'ingediend'],
    ]);

    const statussen = new Set<string>();
    const aantallenVersies: number[] = [];
    for (const v of noord.slice(1)) {
      const body = (
        await http().get(`/api/v1/kwartaalverantwoordingen/${v.id}`).set(cm).expect(200)
      ).body as Body;
      expect(body.ontbrekend).toEqual([]);
      expect(body.hoogtepunten).toEqual(expect.any(String));
      expect(body.budget.gerealiseerdCenten).toEqual(expect.any(Number));
      for (const groep of body.waarden as Body[]) statussen.add(groep.totaal.status);
      const versies = (
        await http().get(`/api/v1/kwartaalverantwoordingen/${v.id}/versies`).set(cm).expect(200)
      ).body;
      aantallenVersies.push(versies.meta.totalItems);
      const laatste = (
        await http()
          .get(`/api/v1/kwartaalverantwoordingen/${v.id}/versies/${versies.meta.totalItems}`)
          .set(cm)
          .expect(200)
      ).body;
      expect(laatste.inhoud.status).toBe('vastgesteld');
    }
    expect(statussen).toEqual(new Set(['op-koers', 'let-op', 'uit-koers', 'geen-norm']));
    // The last adopted quarter went through a review round (returned with a question, answered).
    expect(aantallenVersies.sort()).toEqual([2, 2, 3, 3]);
    const concept = (
      await http().get(`/api/v1/kwartaalverantwoordingen/${noord[0].id}`).set(cm).expect(200)
    ).body;
    expect(concept.waarden.length).toBeGreaterThan(0);
    expect(concept.ontbrekend.length).toBeGreaterThan(0);
    const opmerkingen = await ds.getRepository(Beoordelingsopmerking).findBy({
      kwartaalverantwoordingId: In(noord.map((v) => v.id as string)),
    });
    // A question answered in each of two review rounds.
    expect(opmerkingen).toHaveLength(2);
    for (const o of opmerkingen) expect(o.reactie).toEqual(expect.any(String));
  });
});

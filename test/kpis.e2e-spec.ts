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
import { Hoofdopdracht, Perceel, PerceelToewijzing, vandaag } from '@wijkkompas/opdrachten';
import {
  KpiSetRegelRegistry,
  KpiWaarde,
  kwartaalVan,
  Rapportageperiode,
  verschuifKwartaal,
  volgendKwartaal,
  vorigKwartaal,
} from '@wijkkompas/verantwoording';
import request from 'supertest';

type Auth = { Authorization: string };
// Response bodies are JSON read loosely; each test asserts the shape it relies on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

describe('KPI’s: sets met versies en normen, en de KPI-set-check', () => {
  let t: TestApp;
  let cm: Auth;
  let adviseur: Auth;
  let regisseur: Auth;
  let directeurA: Auth;
  let directeurB: Auth;
  let cmAnders: Auth;
  const id: Record<string, string> = {};
  const huidig = kwartaalVan(vandaag());
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
  const codes = (page: Body) => (page.items as Body[]).map((k) => k.code as string).sort();
  const audit = (entityId: string) =>
    t.dataSource
      .getRepository(AuditEntry)
      .find({ where: { entityType: 'kpi', entityId }, order: { occurredAt: 'ASC' } });

  /** A unique code per run: codes are unique per gemeente, and the test database is shared. */
  const code = (naam: string) => `${naam}-${unique('x').slice(-4)}`.toUpperCase();

  const definitie = (extra: Body = {}): Body => ({
    naam: 'Percentage vragen binnen 5 werkdagen opgepakt',
    definitie: 'Het aandeel nieuwe hulpvragen met een eerste gesprek binnen 5 werkdagen.',
    teller: 'Hulpvragen met een eerste gesprek binnen 5 werkdagen',
    noemer: 'Alle nieuwe hulpvragen',
    type: 'throughput',
    eenheid: 'percentage',
    richting: 'hoger-is-beter',
    bron: 'registratiesysteem',
    aggregatie: 'gewogen-gemiddelde',
    ...extra,
  });

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
    const kr = await gebruiker(organisatie, Rol.Ketenregisseur);
    regisseur = kr.auth;
    const a = await makeAanbieder(t.dataSource, [gemeente]);
    const b = await makeAanbieder(t.dataSource, [gemeente]);
    id.a = a.id;
    id.b = b.id;
    directeurA = (await gebruiker(a, Rol.Directeur)).auth;
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
    id.vreemdeKeten = (await post('/ketens', cmAnders, { naam: 'Jeugd' })).id;
    id.andereAanbieder = (await makeAanbieder(t.dataSource, [ander.gemeente])).id;

    id.jeugd = (await post('/ketens', cm, { naam: 'Jeugd', ketenregisseurId: kr.id })).id;
    id.wmo = (await post('/ketens', cm, { naam: 'Wmo/Zorg' })).id;
    for (const [key, aanbieder] of [
      ['A', a],
      ['B', b],
    ] as const) {
      const h = await post('/hoofdopdrachten', cm, {
        aanbiederId: aanbieder.id,
        titel: `Hoofdopdracht ${key}`,
        startdatum: '2019-01-01',
        einddatum: '2030-12-31',
        visie: 'Iedereen doet mee, dichtbij.',
        missie: 'Wij versterken de sociale basis.',
        financieringsvorm: 'lump-sum',
        jaarbudgetten: [],
        herijkingsmomenten: [],
        perceelIds: [],
      });
      id[`h${key}`] = h.id;
      const ambitie = await post(`/hoofdopdrachten/${h.id}/doelen`, cm, {
        niveau: 'ambitie',
        titel: 'Inwoners redden zich zo veel mogelijk zelf',
        themas: ['zelfredzaamheid'],
      });
      id[`ambitie${key}`] = ambitie.id;
      id[`socialeBasis${key}`] = (
        await post(`/hoofdopdrachten/${h.id}/doelen`, cm, {
          niveau: 'doel',
          parentId: ambitie.id,
          titel: 'Een sterke sociale basis in elke wijk',
          themas: ['preventie-sociale-basis'],
        })
      ).id;
      id[`integraal${key}`] = (
        await post(`/hoofdopdrachten/${h.id}/doelen`, cm, {
          niveau: 'doel',
          parentId: ambitie.id,
          titel: 'Integrale hulp met één plan per huishouden',
          themas: ['integraal-werken'],
        })
      ).id;
    }
    id.aoB = (
      await post('/aanvullende-opdrachten', cm, {
        titel: 'Vroegsignalering schulden',
        doel: 'Betalingsachterstanden vroeg opvolgen',
        bron: 'landelijk-programma',
        programmaNaam: 'Vroegsignalering',
        aanvragendeAfdeling: 'Werk en Inkomen',
        opdrachtgever: 'Wethouder Sociaal Domein',
        startdatum: '2025-01-01',
        einddatum: '2030-12-31',
        aanbieders: [{ aanbiederId: b.id, budgetCenten: 5_000_000 }],
        perceelIds: [],
        ketenIds: [],
        geoormerkt: true,
        thema: 'armoede',
        rapportagefrequentie: 'kwartaal',
      })
    ).id;
  });
  afterAll(() => t.close());

  describe('aanmaken', () => {
    it('creates version 1 from the current quarter, with an ETag, and audits it', async () => {
      const res = await http()
        .post('/api/v1/kpis')
        .set(cm)
        .send({
          ...definitie(),
          hoofdopdrachtId: id.hA,
          code: ' wt-a01 ',
          doelIds: [id.socialeBasisA],
          ketenIds: [id.jeugd],
        })
        .expect(201);
      expect(res.headers.etag).toBe(`W/"${res.body.version}"`);
      expect(res.body).toMatchObject({
        code: 'WT-A01',
        versie: 1,
        geldigVanaf: huidig,
        hoofdopdrachtId: id.hA,
        aanvullendeOpdrachtId: null,
        frequentie: 'kwartaal',
        perPerceel: true,
        actief: true,
        doelen: [{ id: id.socialeBasisA, naam: 'Een sterke sociale basis in elke wijk' }],
        ketens: [{ id: id.jeugd, naam: 'Jeugd' }],
      });
      id.kpiA = res.body.id;
      const [entry] = await audit(id.kpiA);
      expect(entry).toMatchObject({ action: 'aangemaakt' });
      expect(entry.after).toMatchObject({ code: 'WT-A01', versie: 1 });
    });

    it('refuses a second KPI with the same code in the gemeente (409, in Dutch)', async () => {
      const res = await http()
        .post('/api/v1/kpis')
        .set(cm)
        .send({ ...definitie(), hoofdopdrachtId: id.hB, code: 'wt-a01' })
        .expect(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toBe('kpi-code-bestaat');
      expect(res.body.detail).toContain('al een KPI met deze code');
      expect(res.body.detail).not.toContain('WT-A01');
      expect(res.body.kpiId).toBe(id.kpiA);
    });

    it('allows the same code in another gemeente', async () => {
      const h = await post('/hoofdopdrachten', cmAnders, {
        aanbiederId: id.andereAanbieder,
        titel: 'Hoofdopdracht elders',
        startdatum: '2020-01-01',
        einddatum: '2030-12-31',
        visie: 'Dichtbij.',
        missie: 'Samen.',
        financieringsvorm: 'lump-sum',
        jaarbudgetten: [],
        herijkingsmomenten: [],
        perceelIds: [],
      });
      const elders = await post('/kpis', cmAnders, {
        ...definitie(),
        hoofdopdrachtId: h.id,
        code: 'WT-A01',
      });
      expect(elders.code).toBe('WT-A01');
    });

    it('needs exactly one opdracht, its own doelen and the gemeente’s ketens', async () => {
      const poging = (body: Body) =>
        http()
          .post('/api/v1/kpis')
          .set(cm)
          .send({ ...definitie(), code: code('V'), ...body })
          .expect(400);
      const beide = await poging({ hoofdopdrachtId: id.hA, aanvullendeOpdrachtId: id.aoB });
      expect(beide.body.invalidParams[0].name).toBe('hoofdopdrachtId');
      await poging({});
      const vreemdDoel = await poging({ hoofdopdrachtId: id.hA, doelIds: [id.integraalB] });
      expect(vreemdDoel.body.invalidParams).toEqual([
        { name: 'doelIds', reason: `doel ${id.integraalB} hoort niet bij deze hoofdopdracht` },
      ]);
      const vreemdeKeten = await poging({ hoofdopdrachtId: id.hA, ketenIds: [id.vreemdeKeten] });
      expect(vreemdeKeten.body.invalidParams[0].name).toBe('ketenIds');
      const kapot = await poging({ hoofdopdrachtId: id.hA, type: 'impact', eenheid: null });
      expect(kapot.body.invalidParams.map((p: Body) => p.name).sort()).toEqual(['eenheid', 'type']);
      await poging({ hoofdopdrachtId: id.hA, geldigVanaf: '2026-Q5' });
      // Another gemeente's hoofdopdracht does not exist here.
      await http()
        .post('/api/v1/kpis')
        .set(cmAnders)
        .send({ ...definitie(), code: code('V'), hoofdopdrachtId: id.hA })
        .expect(400);
    });

    it('lets only the contractmanager create KPIs', async () => {
      await http()
        .post('/api/v1/kpis')
        .set(directeurA)
        .send({ ...definitie(), code: code('V'), hoofdopdrachtId: id.hA })
        .expect(403);
      await http()
        .post('/api/v1/kpis')
        .set(adviseur)
        .send({ ...definitie(), code: code('V'), hoofdopdrachtId: id.hA })
        .expect(403);
    });

    it('creates KPIs for the other hoofdopdracht and for an aanvullende opdracht (any doel of the gemeente)', async () => {
      id.kpiB = (
        await post('/kpis', cm, {
          ...definitie({ type: 'outcome', naam: 'Ervaren zelfredzaamheid', eenheid: 'score' }),
          hoofdopdrachtId: id.hB,
          code: 'WT-B01',
          doelIds: [id.integraalB],
          ketenIds: [id.wmo],
        })
      ).id;
      const ao = await post('/kpis', cm, {
        ...definitie({ naam: 'Signalen binnen 6 weken opgevolgd' }),
        aanvullendeOpdrachtId: id.aoB,
        code: 'VS-B01',
        doelIds: [id.integraalA],
        ketenIds: [id.wmo, id.jeugd],
        perPerceel: false,
        geldigVanaf: '2025-Q1',
      });
      expect(ao).toMatchObject({ aanvullendeOpdrachtId: id.aoB, geldigVanaf: '2025-Q1' });
      id.kpiAo = ao.id;
    });
  });

  describe('lezen en zichtbaarheid', () => {
    it('lists with filters for the gemeente', async () => {
      expect(codes(await get('/kpis', cm))).toEqual(['VS-B01', 'WT-A01', 'WT-B01']);
      expect(codes(await get(`/kpis?hoofdopdrachtId=${id.hA}`, cm))).toEqual(['WT-A01']);
      expect(codes(await get(`/kpis?aanvullendeOpdrachtId=${id.aoB}`, cm))).toEqual(['VS-B01']);
      expect(codes(await get(`/kpis?ketenId=${id.wmo}`, cm))).toEqual(['VS-B01', 'WT-B01']);
      expect(codes(await get('/kpis?type=outcome', cm))).toEqual(['WT-B01']);
      expect(codes(await get('/kpis?actief=false', cm))).toEqual([]);
      const pagina = await get('/kpis?pageSize=2&page=2', adviseur);
      expect(pagina.meta).toEqual({ page: 2, pageSize: 2, totalItems: 3, totalPages: 2 });
      const fout = await http().get('/api/v1/kpis?type=impact&actief=ja').set(cm).expect(400);
      expect(fout.body.invalidParams.map((p: Body) => p.name).sort()).toEqual(['actief', 'type']);
    });

    it('shows a provider only the KPIs of the opdrachten it carries out', async () => {
      expect(codes(await get('/kpis', directeurA))).toEqual(['WT-A01']);
      expect(codes(await get('/kpis', directeurB))).toEqual(['VS-B01', 'WT-B01']);
      await get(`/kpis/${id.kpiA}`, directeurA);
      await get(`/kpis/${id.kpiB}`, directeurA, 404);
      await get(`/kpis/${id.kpiAo}`, directeurA, 404);
      await get(`/kpis/${id.kpiAo}/versies`, directeurB);
    });

    it('shows a ketenregisseur the KPIs of their ketens only', async () => {
      expect(codes(await get('/kpis', regisseur))).toEqual(['VS-B01', 'WT-A01']);
      await get(`/kpis/${id.kpiB}`, regisseur, 404);
    });

    it('shows another gemeente nothing', async () => {
      // Only its own KPI with the same code.
      const elders = await get('/kpis', cmAnders);
      expect(codes(elders)).toEqual(['WT-A01']);
      expect(elders.items[0].id).not.toBe(id.kpiA);
      const res = await http().get(`/api/v1/kpis/${id.kpiA}`).set(cmAnders).expect(404);
      expect(res.body.code).toBe('niet-gevonden');
      await get(`/kpis/${id.kpiA}/normen`, cmAnders, 404);
      await get(`/hoofdopdrachten/${id.hA}/kpi-check`, cmAnders, 404);
    });
  });

  describe('versies', () => {
    it('needs If-Match on PATCH (428) and refuses a stale one (412)', async () => {
      const zonder = await http()
        .patch(`/api/v1/kpis/${id.kpiA}`)
        .set(cm)
        .send({ naam: 'Andere naam' })
        .expect(428);
      expect(zonder.body.code).toBe('if-match-vereist');
      const oud = await http()
        .patch(`/api/v1/kpis/${id.kpiA}`)
        .set({ ...cm, 'If-Match': 'W/"999"' })
        .send({ naam: 'Andere naam' })
        .expect(412);
      expect(oud.body.code).toBe('versieconflict');
      await http()
        .patch(`/api/v1/kpis/${id.kpiA}`)
        .set({ ...cm, 'If-Match': 'versie 1' })
        .send({ naam: 'Andere naam' })
        .expect(400);
      expect((await get(`/kpis/${id.kpiA}`, cm)).naam).toBe(
        'Percentage vragen binnen 5 werkdagen opgepakt',
      );
    });

    it('starts a new version on a definition change; an earlier quarter keeps reporting against version 1', async () => {
      const v1 = await get(`/kpis/${id.kpiA}`, cm);
      const Q = huidig;
      const volgend = volgendKwartaal(huidig);
      const [noord, zuid] = await t.dataSource.getRepository(Perceel).save([
        { gemeenteId: id.gemeente, naam: `Noord ${unique('p')}`, omschrijving: null },
        { gemeenteId: id.gemeente, naam: `Zuid ${unique('p')}`, omschrijving: null },
      ]);
      await t.dataSource.getRepository(PerceelToewijzing).insert(
        [noord, zuid].map((p) => ({
          perceelId: p.id,
          aanbiederId: id.a,
          van: '2019-01-01',
          tot: null,
        })),
      );
      const concept = async (periode: string): Promise<Body> => {
        const p = await post('/rapportageperiodes', cm, { aanbiederId: id.a, periode });
        return post('/kwartaalverantwoordingen', directeurA, { rapportageperiodeId: p.id });
      };
      const zetWaarde = async (account: Body, perceelId: string, waarde: string) => {
        const res = await http()
          .put(`/api/v1/kwartaalverantwoordingen/${account.id}/waarden`)
          .set({ ...directeurA, 'If-Match': `W/"${account.version}"` })
          .send({ waarden: [{ kpiId: id.kpiA, perceelId, waarde }] });
        if (res.status !== 200) throw new Error(`PUT waarden: ${JSON.stringify(res.body)}`);
        return res.body as Body;
      };
      const vanKpi = (account: Body) => ({
        groepen: (account.waarden as Body[]).filter((w) => w.kpiId === id.kpiA),
        ontbrekend: (account.ontbrekend as Body[]).filter((o) => o.kpiId === id.kpiA),
      });

      // A figure for quarter Q, entered in its concept while version 1 is the only one.
      let kwartaalQ = await zetWaarde(await concept(Q), noord.id, '82.5');
      expect(vanKpi(kwartaalQ).groepen).toMatchObject([{ kpiVersieId: v1.versieId, versie: 1 }]);

      const nieuweNaam = 'Percentage vragen binnen 3 werkdagen opgepakt';
      const res = await http()
        .patch(`/api/v1/kpis/${id.kpiA}`)
        .set({ ...cm, 'If-Match': `W/"${v1.version}"` })
        .send({
          naam: nieuweNaam,
          teller: 'Hulpvragen met een eerste gesprek binnen 3 werkdagen',
          geldigVanaf: volgend,
        })
        .expect(200);
      expect(res.body).toMatchObject({
        versie: 2,
        naam: nieuweNaam,
        teller: 'Hulpvragen met een eerste gesprek binnen 3 werkdagen',
        geldigVanaf: volgend,
        code: 'WT-A01',
      });
      expect(res.body.versieId).not.toBe(v1.versieId);
      expect(res.headers.etag).toBe(`W/"${v1.version + 1}"`);
      const v2Id = res.body.versieId as string;

      const versies = await get(`/kpis/${id.kpiA}/versies`, cm);
      expect(versies.items.map((v: Body) => [v.versie, v.teller, v.geldigVanaf])).toEqual([
        [1, 'Hulpvragen met een eerste gesprek binnen 5 werkdagen', Q],
        [2, 'Hulpvragen met een eerste gesprek binnen 3 werkdagen', volgend],
      ]);

      // (a) The concept of Q still reports against version 1: its figure and what it still
      // expects carry the name of version 1.
      kwartaalQ = await get(`/kwartaalverantwoordingen/${kwartaalQ.id}`, directeurA);
      expect(vanKpi(kwartaalQ)).toEqual({
        groepen: [expect.objectContaining({ kpiVersieId: v1.versieId, versie: 1, naam: v1.naam })],
        ontbrekend: [expect.objectContaining({ perceelId: zuid.id, naam: v1.naam })],
      });

      // (b) A figure entered into the Q concept after the change goes to version 1 too.
      kwartaalQ = await zetWaarde(kwartaalQ, zuid.id, '77');
      const { groepen } = vanKpi(kwartaalQ);
      expect(groepen).toHaveLength(1);
      expect(groepen[0]).toMatchObject({ kpiVersieId: v1.versieId, versie: 1, naam: v1.naam });
      expect((groepen[0].percelen as Body[]).map((p) => p.perceelId).sort()).toEqual(
        [noord.id, zuid.id].sort(),
      );
      const opgeslagen = await t.dataSource
        .getRepository(KpiWaarde)
        .findBy({ kwartaalverantwoordingId: kwartaalQ.id, kpiId: id.kpiA });
      expect(opgeslagen.map((w) => w.kpiVersieId)).toEqual([v1.versieId, v1.versieId]);

      // (c) The account of Q+1 reports against version 2.
      let kwartaalVolgend = await concept(volgend);
      expect(vanKpi(kwartaalVolgend).ontbrekend).toEqual([
        expect.objectContaining({ naam: nieuweNaam }),
        expect.objectContaining({ naam: nieuweNaam }),
      ]);
      kwartaalVolgend = await zetWaarde(kwartaalVolgend, noord.id, '90');
      expect(vanKpi(kwartaalVolgend).groepen).toEqual([
        expect.objectContaining({ kpiVersieId: v2Id, versie: 2, naam: nieuweNaam }),
      ]);

      const [, entry] = await audit(id.kpiA);
      expect(entry.action).toBe('nieuwe-versie');
      expect(entry.before).toMatchObject({ versie: 1, gewijzigdeVelden: ['naam', 'teller'] });
      expect(entry.after).toMatchObject({ versie: 2 });
      expect(entry.after).not.toHaveProperty('conceptenOmgezet');

      // (d) Changed once more from Q+1: the Q+1 concept was not reported yet, so its figure
      // moves to version 3 (one definition per KPI, a new ETag); Q keeps version 1.
      const v2 = await get(`/kpis/${id.kpiA}`, cm);
      const derde = await http()
        .patch(`/api/v1/kpis/${id.kpiA}`)
        .set({ ...cm, 'If-Match': `W/"${v2.version}"` })
        .send({ noemer: 'Alle hulpvragen die in het kwartaal binnenkwamen', geldigVanaf: volgend })
        .expect(200);
      expect(derde.body).toMatchObject({ versie: 3, geldigVanaf: volgend });
      const naDerde = await get(`/kwartaalverantwoordingen/${kwartaalVolgend.id}`, directeurA);
      expect(naDerde.version).toBe(kwartaalVolgend.version + 1);
      expect(vanKpi(naDerde).groepen).toEqual([
        expect.objectContaining({ kpiVersieId: derde.body.versieId, versie: 3 }),
      ]);
      kwartaalQ = await get(`/kwartaalverantwoordingen/${kwartaalQ.id}`, directeurA);
      expect(vanKpi(kwartaalQ).groepen).toEqual([
        expect.objectContaining({ kpiVersieId: v1.versieId, versie: 1 }),
      ]);
      const laatste = (await audit(id.kpiA)).at(-1)!;
      expect(laatste.after).toMatchObject({ versie: 3, conceptenOmgezet: [kwartaalVolgend.id] });
    });

    it('changes links and actief in place, without a new version', async () => {
      const nu = await get(`/kpis/${id.kpiA}`, cm);
      const res = await http()
        .patch(`/api/v1/kpis/${id.kpiA}`)
        .set({ ...cm, 'If-Match': `W/"${nu.version}"` })
        .send({ doelIds: [id.socialeBasisA, id.integraalA], ketenIds: [id.wmo], actief: false })
        .expect(200);
      expect(res.body).toMatchObject({
        versie: 3,
        doelIds: [id.socialeBasisA, id.integraalA],
        ketenIds: [id.wmo],
        actief: false,
        version: nu.version + 1,
      });
      expect((await get(`/kpis/${id.kpiA}/versies`, cm)).meta.totalItems).toBe(3);
      const entries = await audit(id.kpiA);
      expect(entries[entries.length - 1]).toMatchObject({ action: 'gewijzigd' });
      expect(entries[entries.length - 1].before).toMatchObject({
        ketenIds: [id.jeugd],
        actief: true,
      });
      expect(entries[entries.length - 1].after).toMatchObject({
        ketenIds: [id.wmo],
        actief: false,
      });
      // The ketenregisseur of Jeugd no longer sees it; an inactive filter finds it.
      expect(codes(await get('/kpis', regisseur))).toEqual(['VS-B01']);
      expect(codes(await get('/kpis?actief=false', cm))).toEqual(['WT-A01']);
    });

    it('writes nothing when nothing changes, and keeps the past of a definition', async () => {
      const nu = await get(`/kpis/${id.kpiA}`, cm);
      const zelfde = await http()
        .patch(`/api/v1/kpis/${id.kpiA}`)
        .set({ ...cm, 'If-Match': `W/"${nu.version}"` })
        .send({ naam: nu.naam, ketenIds: [id.wmo], actief: false })
        .expect(200);
      expect(zelfde.body.version).toBe(nu.version);
      const terug = await http()
        .patch(`/api/v1/kpis/${id.kpiA}`)
        .set({ ...cm, 'If-Match': `W/"${nu.version}"` })
        .send({ naam: 'Vragen snel opgepakt', geldigVanaf: vorigKwartaal(huidig) })
        .expect(400);
      expect(terug.body.invalidParams[0].name).toBe('geldigVanaf');
      const leeg = await http()
        .patch(`/api/v1/kpis/${id.kpiA}`)
        .set({ ...cm, 'If-Match': `W/"${nu.version}"` })
        .send({ naam: null, doelIds: [id.integraalB] })
        .expect(400);
      expect(new Set(leeg.body.invalidParams.map((p: Body) => p.name))).toEqual(new Set(['naam']));
    });

    it('lets only one of two concurrent changes with the same ETag through', async () => {
      const nu = await get(`/kpis/${id.kpiB}`, cm);
      const wijzig = (naam: string) =>
        http()
          .patch(`/api/v1/kpis/${id.kpiB}`)
          .set({ ...cm, 'If-Match': `W/"${nu.version}"` })
          .send({ naam });
      const [een, twee] = await Promise.all([
        wijzig('Zelfredzaamheid A'),
        wijzig('Zelfredzaamheid B'),
      ]);
      expect([een.status, twee.status].sort()).toEqual([200, 412]);
      const winnaar = een.status === 200 ? 'Zelfredzaamheid A' : 'Zelfredzaamheid B';
      expect((await get(`/kpis/${id.kpiB}`, cm)).naam).toBe(winnaar);
      expect((await get(`/kpis/${id.kpiB}/versies`, cm)).meta.totalItems).toBe(2);
    });

    it('lets only the contractmanager change a KPI', async () => {
      const nu = await get(`/kpis/${id.kpiB}`, directeurB);
      await http()
        .patch(`/api/v1/kpis/${id.kpiB}`)
        .set({ ...directeurB, 'If-Match': `W/"${nu.version}"` })
        .send({ naam: 'Anders' })
        .expect(403);
    });
  });

  describe('normen', () => {
    it('creates and replaces the norm of a period, audited', async () => {
      const nieuw = await http()
        .put(`/api/v1/kpis/${id.kpiB}/normen/2026`)
        .set(cm)
        .send({ streefwaarde: 7.5, tolerantieLetOp: '0.25', tolerantieUitKoers: 1 })
        .expect(201);
      expect(nieuw.body).toMatchObject({
        periode: '2026',
        streefwaarde: '7.5',
        tolerantieLetOp: '0.25',
        tolerantieUitKoers: '1',
        version: 1,
      });
      expect(nieuw.headers.etag).toBe('W/"1"');
      const vervangen = await http()
        .put(`/api/v1/kpis/${id.kpiB}/normen/2026`)
        .set({ ...cm, 'If-Match': 'W/"1"' })
        .send({ streefwaarde: '7.8', tolerantieLetOp: 0.2, tolerantieUitKoers: 0.5 })
        .expect(200);
      expect(vervangen.body).toMatchObject({ streefwaarde: '7.8', version: 2 });
      await http()
        .put(`/api/v1/kpis/${id.kpiB}/normen/2026`)
        .set({ ...cm, 'If-Match': 'W/"1"' })
        .send({ streefwaarde: 9, tolerantieLetOp: 0, tolerantieUitKoers: 0 })
        .expect(412);
      await http()
        .put(`/api/v1/kpis/${id.kpiB}/normen/2026-Q4`)
        .set(cm)
        .send({ streefwaarde: 8, tolerantieLetOp: 0, tolerantieUitKoers: 0.5 })
        .expect(201);
      const lijst = await get(`/kpis/${id.kpiB}/normen`, directeurB);
      expect(lijst.items.map((n: Body) => [n.periode, n.streefwaarde])).toEqual([
        ['2026', '7.8'],
        ['2026-Q4', '8'],
      ]);
      const entries = (await audit(id.kpiB)).filter((e) => e.action.startsWith('norm-'));
      expect(entries.map((e) => e.action)).toEqual([
        'norm-vastgelegd',
        'norm-gewijzigd',
        'norm-vastgelegd',
      ]);
      expect(entries[1].before).toMatchObject({ streefwaarde: '7.5' });
      expect(entries[1].after).toMatchObject({ streefwaarde: '7.8' });
    });

    it('refuses an unusable norm with 422 naming each field', async () => {
      const omgekeerd = await http()
        .put(`/api/v1/kpis/${id.kpiB}/normen/2027`)
        .set(cm)
        .send({ streefwaarde: 80, tolerantieLetOp: 10, tolerantieUitKoers: 5 })
        .expect(422);
      expect(omgekeerd.headers['content-type']).toContain('application/problem+json');
      expect(omgekeerd.body.code).toBe('ongeldige-norm');
      expect(omgekeerd.body.invalidParams).toEqual([
        {
          name: 'tolerantieUitKoers',
          reason: expect.stringContaining('kleiner dan die voor ‘let op’'),
        },
      ]);
      const geenGetal = await http()
        .put(`/api/v1/kpis/${id.kpiB}/normen/2027`)
        .set(cm)
        .send({ streefwaarde: 'tachtig', tolerantieLetOp: -1, tolerantieUitKoers: '1,5' })
        .expect(422);
      expect(geenGetal.body.invalidParams.map((p: Body) => p.name)).toEqual([
        'streefwaarde',
        'tolerantieUitKoers',
      ]);
      const negatief = await http()
        .put(`/api/v1/kpis/${id.kpiB}/normen/2027`)
        .set(cm)
        .send({ streefwaarde: 80, tolerantieLetOp: -1, tolerantieUitKoers: 5 })
        .expect(422);
      expect(negatief.body.invalidParams[0].name).toBe('tolerantieLetOp');
      await http()
        .put(`/api/v1/kpis/${id.kpiB}/normen/2027`)
        .set(cm)
        .send({ streefwaarde: 80 })
        .expect(400);
      const periode = await http()
        .put(`/api/v1/kpis/${id.kpiB}/normen/2027-K1`)
        .set(cm)
        .send({ streefwaarde: 80, tolerantieLetOp: 1, tolerantieUitKoers: 5 })
        .expect(400);
      expect(periode.body.invalidParams[0].name).toBe('periode');
      expect((await get(`/kpis/${id.kpiB}/normen`, cm)).items).toHaveLength(2);
    });

    it('gives a yearly KPI only year norms', async () => {
      const jaar = await post('/kpis', cm, {
        ...definitie({ frequentie: 'jaar', naam: 'Cliënttevredenheid' }),
        hoofdopdrachtId: id.hB,
        code: code('JAAR'),
      });
      const res = await http()
        .put(`/api/v1/kpis/${jaar.id}/normen/2026-Q2`)
        .set(cm)
        .send({ streefwaarde: 80, tolerantieLetOp: 1, tolerantieUitKoers: 5 })
        .expect(422);
      expect(res.body.code).toBe('norm-periode-past-niet');

      // Reported per quarter from next quarter on: quarter norms fit from then, not before.
      const volgend = volgendKwartaal(huidig);
      await http()
        .patch(`/api/v1/kpis/${jaar.id}`)
        .set({ ...cm, 'If-Match': `W/"${jaar.version}"` })
        .send({ frequentie: 'kwartaal', geldigVanaf: volgend })
        .expect(200);
      const norm = { streefwaarde: 80, tolerantieLetOp: 1, tolerantieUitKoers: 5 };
      await http().put(`/api/v1/kpis/${jaar.id}/normen/${volgend}`).set(cm).send(norm).expect(201);
      const nu = await http()
        .put(`/api/v1/kpis/${jaar.id}/normen/${huidig}`)
        .set(cm)
        .send(norm)
        .expect(422);
      expect(nu.body.code).toBe('norm-periode-past-niet');
    });

    it('deletes a norm (204), then it is gone (404); only the contractmanager writes', async () => {
      await http().delete(`/api/v1/kpis/${id.kpiB}/normen/2026-Q4`).set(directeurB).expect(403);
      await http()
        .put(`/api/v1/kpis/${id.kpiB}/normen/2028`)
        .set(directeurB)
        .send({ streefwaarde: 1, tolerantieLetOp: 0, tolerantieUitKoers: 0 })
        .expect(403);
      await http().delete(`/api/v1/kpis/${id.kpiB}/normen/2026-Q4`).set(cm).expect(204);
      await http().delete(`/api/v1/kpis/${id.kpiB}/normen/2026-Q4`).set(cm).expect(404);
      const entries = await audit(id.kpiB);
      expect(entries[entries.length - 1]).toMatchObject({ action: 'norm-verwijderd', after: null });
    });
  });

  describe('KPI-set-check', () => {
    beforeAll(async () => {
      // Hoofdopdracht A: one measurable KPI on the sociale basis with a norm, one without a
      // source or norm on the integral doel; the ambitie has its own unmeasured sibling goal.
      id.meetbaar = (
        await post('/kpis', cm, {
          ...definitie({ naam: 'Aantal inwoners bereikt via de sociale basis', type: 'output' }),
          eenheid: 'aantal',
          teller: null,
          noemer: null,
          aggregatie: 'som',
          hoofdopdrachtId: id.hA,
          code: code('SB'),
          doelIds: [id.socialeBasisA],
        })
      ).id;
      await http()
        .put(`/api/v1/kpis/${id.meetbaar}/normen/${huidig.slice(0, 4)}`)
        .set(cm)
        .send({ streefwaarde: 1200, tolerantieLetOp: 100, tolerantieUitKoers: 250 })
        .expect(201);
      id.onmeetbaar = (
        await post('/kpis', cm, {
          naam: 'Tevredenheid netwerkpartners',
          type: 'outcome',
          eenheid: 'score',
          richting: 'hoger-is-beter',
          aggregatie: 'gemiddelde',
          hoofdopdrachtId: id.hA,
          code: code('TN'),
          doelIds: [id.socialeBasisA],
        })
      ).id;
    });

    it('flags a doel without KPI and an unmeasurable KPI, with Dutch explanations', async () => {
      const check = await get(`/hoofdopdrachten/${id.hA}/kpi-check`, cm);
      // WT-A01 was made inactive above and does not count.
      expect(check).toMatchObject({
        opdrachtSoort: 'hoofdopdracht',
        opdrachtId: id.hA,
        opdrachtTitel: 'Hoofdopdracht A',
        peildatum: vandaag(),
        normPeriodes: [huidig, volgendKwartaal(huidig)],
        aantalKpis: 2,
        aantalPerType: { input: 0, throughput: 0, output: 1, outcome: 1 },
      });
      const bevindingen = check.bevindingen as Body[];
      expect(bevindingen).toContainEqual({
        code: 'doel-zonder-kpi',
        ernst: 'waarschuwing',
        melding: expect.stringContaining(
          "Doel 'Integrale hulp met één plan per huishouden' heeft geen KPI.",
        ),
        kpiIds: [],
        doelIds: [id.integraalA],
      });
      const onmeetbaar = bevindingen.find((b) => b.code === 'kpi-niet-meetbaar');
      expect(onmeetbaar).toMatchObject({ kpiIds: [id.onmeetbaar], ernst: 'waarschuwing' });
      expect(onmeetbaar!.melding).toContain('een definitie, een databron en een streefwaarde');
      // The ambitie and the sociale basis are measured; nothing else is flagged.
      expect(bevindingen.map((b) => b.code).sort()).toEqual([
        'doel-zonder-kpi',
        'kpi-niet-meetbaar',
      ]);
    });

    it('judges whether a norm exists at the peildatum', async () => {
      const jaar = Number(huidig.slice(0, 4));
      const later = await get(
        `/hoofdopdrachten/${id.hA}/kpi-check?peildatum=${jaar + 2}-06-01`,
        cm,
      );
      const nietMeetbaar = (later.bevindingen as Body[])
        .filter((b) => b.code === 'kpi-niet-meetbaar')
        .flatMap((b) => b.kpiIds);
      expect(nietMeetbaar.sort()).toEqual([id.meetbaar, id.onmeetbaar].sort());
      await get(`/hoofdopdrachten/${id.hA}/kpi-check?peildatum=2026-02-30`, cm, 400);
    });

    it('is readable by the aanbieder concerned and by gemeente users, not by another aanbieder', async () => {
      await get(`/hoofdopdrachten/${id.hA}/kpi-check`, directeurA);
      await get(`/hoofdopdrachten/${id.hA}/kpi-check`, regisseur);
      await get(`/hoofdopdrachten/${id.hA}/kpi-check`, directeurB, 404);
      await get(`/aanvullende-opdrachten/${id.aoB}/kpi-check`, directeurA, 404);
      await get(`/aanvullende-opdrachten/${id.aoB}/kpi-check`, cmAnders, 404);
    });

    it('checks an aanvullende opdracht against the doelen its KPIs link to', async () => {
      const check = await get(`/aanvullende-opdrachten/${id.aoB}/kpi-check`, directeurB);
      expect(check).toMatchObject({
        opdrachtSoort: 'aanvullende-opdracht',
        opdrachtTitel: 'Vroegsignalering schulden',
        aantalKpis: 1,
        aantalPerType: { throughput: 1 },
      });
      // VS-B01 has a definition and a source but no norm.
      expect(check.bevindingen).toEqual([
        expect.objectContaining({ code: 'kpi-niet-meetbaar', kpiIds: [id.kpiAo] }),
      ]);
    });

    it('runs the rules other capabilities register, after the built-in ones', async () => {
      const registry = t.app.get(KpiSetRegelRegistry);
      let gezien: Body | undefined;
      registry.register('test-ebrahim', async (input, context) => {
        if (context.opdrachtId !== id.hA) return [];
        gezien = { soort: context.opdrachtSoort, id: context.opdrachtId, kpis: input.kpis.length };
        const [{ aantal }] = (await context.manager.query(
          'SELECT count(*)::int AS aantal FROM kpis WHERE hoofdopdracht_id = $1',
          [context.opdrachtId],
        )) as { aantal: number }[];
        return [
          {
            code: 'ebrahim-mix',
            ernst: 'aandacht',
            melding: `Deze opdracht heeft ${aantal} KPI’s, actief of niet.`,
            kpiIds: [],
            doelIds: [],
          },
        ];
      });
      expect(() => registry.register('test-ebrahim', () => [])).toThrow('al geregistreerd');
      const check = await get(`/hoofdopdrachten/${id.hA}/kpi-check`, cm);
      expect(gezien).toEqual({ soort: 'hoofdopdracht', id: id.hA, kpis: 2 });
      expect(check.bevindingen[check.bevindingen.length - 1]).toEqual({
        code: 'ebrahim-mix',
        ernst: 'aandacht',
        melding: 'Deze opdracht heeft 3 KPI’s, actief of niet.',
        kpiIds: [],
        doelIds: [],
      });
    });
  });

  describe('demodata (scenario 1)', () => {
    it('gives Wijkteams Noord twelve KPIs whose check flags a doel without KPI and an unmeasurable KPI', async () => {
      // The opdrachten and KPI steps of the demo seed, for a fresh gemeente of this test.
      const { gemeente, organisatie } = await makeGemeente(t.dataSource);
      const aanbieders = {
        noord: await makeAanbieder(t.dataSource, [gemeente], { naam: 'Wijkteams Noord' }),
        oost: await makeAanbieder(t.dataSource, [gemeente], { naam: 'Sociaal Collectief Oost' }),
        zuid: await makeAanbieder(t.dataSource, [gemeente], { naam: 'Stichting Samen Zuid' }),
      };
      const stappen = t.app
        .get(DemoSeedRegistry)
        .ordered()
        .filter((s) => s.order <= 200);
      expect(stappen.map((s) => s.name)).toEqual(['opdrachten', 'kpis']);
      await t.dataSource.transaction(async (manager) => {
        const context: DemoSeedContext = {
          manager,
          audit: t.app.get(AuditService),
          gemeente,
          gemeenteOrganisatie: organisatie,
          aanbieders,
          gebruikers: [],
        };
        for (const stap of stappen) await stap.run(context);
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
      const kpis = await get(`/kpis?hoofdopdrachtId=${noord.id}&pageSize=100`, cmDemo);
      expect(kpis.meta.totalItems).toBe(12);
      expect(new Set((kpis.items as Body[]).map((k) => k.type))).toEqual(
        new Set(['input', 'throughput', 'output', 'outcome']),
      );
      const check = await get(`/hoofdopdrachten/${noord.id}/kpi-check`, cmDemo);
      const bevindingen = check.bevindingen as Body[];
      expect(bevindingen).toContainEqual(
        expect.objectContaining({
          code: 'doel-zonder-kpi',
          melding: expect.stringContaining('Minder doorverwijzingen naar maatwerkvoorzieningen'),
        }),
      );
      const onmeetbaar = bevindingen.filter((b) => b.code === 'kpi-niet-meetbaar');
      expect(onmeetbaar).toHaveLength(1);
      expect(onmeetbaar[0].melding).toContain('Tevredenheid netwerkpartners');

      // Zuid steers on output only and has no KPI on the sociale basis.
      const zuid = await t.dataSource
        .getRepository(Hoofdopdracht)
        .findOneByOrFail({ gemeenteId: gemeente.id, aanbiederId: aanbieders.zuid.id });
      const zuidCheck = (await get(`/hoofdopdrachten/${zuid.id}/kpi-check`, cmDemo))
        .bevindingen as Body[];
      expect(zuidCheck.map((b) => b.code)).toContain('alleen-output-sturing');

      // The national programme has its own measurable KPI.
      const landelijk = await get('/kpis?pageSize=100', cmDemo);
      const vs = (landelijk.items as Body[]).find((k) => k.code === 'VS-01');
      expect(vs).toMatchObject({ perPerceel: false, ketens: [{ naam: 'Armoede & Schulden' }] });
      const vsCheck = await get(
        `/aanvullende-opdrachten/${vs!.aanvullendeOpdrachtId}/kpi-check`,
        cmDemo,
      );
      expect(vsCheck.bevindingen).toEqual([]);

      // One KPI has two versions; the reporting periods of the last four quarters and this one are open.
      const doorlooptijd = (kpis.items as Body[]).find((k) => k.code === 'NRD-03');
      expect(doorlooptijd?.versie).toBe(2);
      const periodes = await t.dataSource
        .getRepository(Rapportageperiode)
        .findBy({ gemeenteId: gemeente.id, aanbiederId: aanbieders.noord.id });
      const hoofd = periodes.filter((p) => !p.aanvullendeOpdrachtId).map((p) => p.periode);
      expect(hoofd.sort()).toEqual([-4, -3, -2, -1, 0].map((n) => verschuifKwartaal(huidig, n)));
    });
  });
});

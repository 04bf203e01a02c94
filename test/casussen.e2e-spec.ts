import {
  AuditEntry,
  AuditService,
  DemoGebruiker,
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
} from '@wijkkompas/core/testing';
import { vandaag } from '@wijkkompas/opdrachten';
import {
  Casus,
  Kpi,
  Kwartaalverantwoording,
  kwartaalVan,
  periodeDatums,
  Rapportageperiode,
  Signaal,
  verschuifKwartaal,
  volgendKwartaal,
  vorigKwartaal,
} from '@wijkkompas/verantwoording';
import { controleerVerwijzingen } from '../libs/verantwoording/src/casus/verwijzingen';
import { randomUUID } from 'node:crypto';
import request from 'supertest';

type Auth = { Authorization: string };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

/** 9·1+8·1+7·1+6·2+5·2+4·2+3·3+2·3−1·3 = 66 = 6·11: passes the elfproef. */
const GELDIG_BSN = '111222333';
/** 9·1+8·2+7·3+6·4+5·5+4·6+3·7+2·8−1·9 = 147 ≡ 4 (mod 11): fails it. */
const ONGELDIG_BSN = '123456789';

describe('Casusverhalen: pseudonieme verhalen bij de cijfers', () => {
  let t: TestApp;
  let cm: Auth;
  let beheerder: Auth;
  let adviseur: Auth;
  let regisseur: Auth;
  let directeurA: Auth;
  let teamleiderA: Auth;
  let directeurB: Auth;
  let cmAnders: Auth;
  const id: Record<string, string> = {};
  const huidig = kwartaalVan(vandaag());
  const vorig = vorigKwartaal(huidig);
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
  const patch = (casusId: string, auth: Auth, body: Body, ifMatch?: string) => {
    const req = http().patch(`/api/v1/casussen/${casusId}`).set(auth);
    if (ifMatch) req.set('If-Match', ifMatch);
    return req.send(body);
  };
  const audit = (entityId: string) =>
    t.dataSource
      .getRepository(AuditEntry)
      .find({ where: { entityType: 'casus', entityId }, order: { occurredAt: 'ASC' } });
  const aantalCasussen = (aanbiederId: string) =>
    t.dataSource.getRepository(Casus).countBy({ aanbiederId });
  const titels = (page: Body) => (page.items as Body[]).map((c) => c.titel as string).sort();

  const verhaal = (extra: Body = {}): Body => ({
    periode: vorig,
    titel: 'Achter het schoolverzuim zaten schulden',
    situatie:
      'Zoon T. (15) van een alleenstaande vader verzuimde steeds vaker; thuis bleek een ontruimingsbrief te liggen.',
    vraag: 'Wie pakt wat op: school, schuldhulp of jeugdhulp?',
    waarden: 'Het recht op onderwijs en de trots van vader.',
    betrokkenen: 'Leerplichtambtenaar, mentor, wijkcoach, schuldhulpverlener, corporatie.',
    aanpak: 'Eén plan met één regisseur; betalingsregeling binnen een week.',
    effect: 'T. gaat weer naar school, de ontruiming is van tafel.',
    les: 'Verzuim is vaak een symptoom.',
    kwestie: 'De wachtlijst bij schuldhulp liet de ontruiming bijna doorgaan.',
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
    beheerder = (await gebruiker(organisatie, Rol.Beheerder)).auth;
    adviseur = (await gebruiker(organisatie, Rol.Beleidsadviseur)).auth;
    const kr = await gebruiker(organisatie, Rol.Ketenregisseur);
    regisseur = kr.auth;
    const a = await makeAanbieder(t.dataSource, [gemeente]);
    const b = await makeAanbieder(t.dataSource, [gemeente]);
    id.a = a.id;
    id.b = b.id;
    const dirA = await gebruiker(a, Rol.Directeur);
    directeurA = dirA.auth;
    id.directeurA = dirA.id;
    teamleiderA = (await gebruiker(a, Rol.Teamleider)).auth;
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

    id.jeugd = (await post('/ketens', cm, { naam: 'Jeugd', ketenregisseurId: kr.id })).id;
    id.armoede = (await post('/ketens', cm, { naam: 'Armoede & Schulden' })).id;
    const wijken: string[] = [];
    for (const [i, naam] of ['Havenkwartier', 'Centrum', 'Noorderpark', 'Molenwijk'].entries())
      wijken.push(
        (await post('/wijken', beheerder, { cbsCode: `WK1234${i + 1}0`, naam })).id as string,
      );
    [id.havenkwartier, id.centrum, id.noorderpark, id.molenwijk] = wijken;
    id.p1 = (
      await post('/percelen', cm, { naam: 'Perceel Centrum', wijkIds: [wijken[0], wijken[1]] })
    ).id;
    id.p2 = (await post('/percelen', cm, { naam: 'Perceel Noord', wijkIds: [wijken[2]] })).id;
    id.p3 = (await post('/percelen', cm, { naam: 'Perceel Molen', wijkIds: [wijken[3]] })).id;
    await post(`/percelen/${id.p1}/toewijzingen`, cm, { aanbiederId: a.id, van: '2019-01-01' });
    await post(`/percelen/${id.p2}/toewijzingen`, cm, { aanbiederId: b.id, van: '2019-01-01' });
    // Perceel Molen goes to A from the first day of the current quarter only.
    await post(`/percelen/${id.p3}/toewijzingen`, cm, {
      aanbiederId: a.id,
      van: periodeDatums(huidig).begindatum,
    });

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
      id[`doel${key}`] = (
        await post(`/hoofdopdrachten/${h.id}/doelen`, cm, {
          niveau: 'ambitie',
          titel: 'Integrale hulp met één plan per huishouden',
          themas: ['integraal-werken'],
        })
      ).id;
      id[`kpi${key}`] = (
        await post('/kpis', cm, {
          hoofdopdrachtId: h.id,
          code: `CAS-${key}-${randomUUID().slice(0, 6)}`,
          naam: 'Percentage huishoudens met één plan',
          definitie: 'Huishoudens met meervoudige vragen die één gezamenlijk plan hebben.',
          type: 'output',
          eenheid: 'percentage',
          richting: 'hoger-is-beter',
          bron: 'registratiesysteem',
          aggregatie: 'gewogen-gemiddelde',
          doelIds: [id[`doel${key}`]],
          ketenIds: [id.armoede],
        })
      ).id;
    }
  });
  afterAll(() => t.close());

  describe('schrijven', () => {
    it('stores a story with every field of the brief, names its links and audits it', async () => {
      const res = await http()
        .post('/api/v1/casussen')
        .set(teamleiderA)
        .send(
          verhaal({
            perceelId: id.p1,
            wijkId: id.havenkwartier,
            kpiIds: [id.kpiA],
            doelIds: [id.doelA],
            ketenIds: [id.jeugd, id.armoede],
          }),
        )
        .expect(201);
      expect(res.headers.etag).toBe('W/"1"');
      expect(res.body).toMatchObject({
        gemeenteId: id.gemeente,
        aanbiederId: id.a,
        periode: vorig,
        titel: 'Achter het schoolverzuim zaten schulden',
        vraag: 'Wie pakt wat op: school, schuldhulp of jeugdhulp?',
        kwestie: 'De wachtlijst bij schuldhulp liet de ontruiming bijna doorgaan.',
        perceel: { id: id.p1, naam: 'Perceel Centrum' },
        wijk: { id: id.havenkwartier, naam: 'Havenkwartier' },
        kpiIds: [id.kpiA],
        kpis: [
          {
            id: id.kpiA,
            code: expect.stringMatching(/^CAS-A-/),
            naam: 'Percentage huishoudens met één plan',
          },
        ],
        doelen: [{ id: id.doelA, naam: 'Integrale hulp met één plan per huishouden' }],
        ketens: [
          { id: id.jeugd, naam: 'Jeugd' },
          { id: id.armoede, naam: 'Armoede & Schulden' },
        ],
        bevroren: false,
        version: 1,
      });
      id.verhaalA = res.body.id;
      const [entry] = await audit(id.verhaalA);
      expect(entry).toMatchObject({
        action: 'aangemaakt',
        gemeenteId: id.gemeente,
        after: expect.objectContaining({
          titel: 'Achter het schoolverzuim zaten schulden',
          aanbiederId: id.a,
        }),
      });
    });

    it('keeps only the optional fields that were sent and allows the current quarter', async () => {
      const res = await post('/casussen', directeurA, {
        periode: huidig,
        titel: 'Spreekuur in de bibliotheek',
        situatie: 'Het inloopspreekuur trok weinig bezoekers; in de bibliotheek komen ze wel.',
        perceelId: id.p3,
        ketenIds: [id.armoede],
      });
      expect(res).toMatchObject({ vraag: null, les: null, wijk: null, kpis: [], doelen: [] });
      id.verhaalA2 = res.id;
    });

    it('is for provider users only: a contractmanager or beleidsadviseur gets 403', async () => {
      for (const auth of [cm, adviseur])
        await http().post('/api/v1/casussen').set(auth).send(verhaal()).expect(403);
    });
  });

  describe('privacyscan', () => {
    it('refuses a story with a valid BSN (422), names field and kind, never echoes the number, stores and audits nothing', async () => {
      const voor = await aantalCasussen(id.a);
      const res = await http()
        .post('/api/v1/casussen')
        .set(teamleiderA)
        .send(verhaal({ situatie: `Vader, BSN ${GELDIG_BSN}, kreeg een ontruimingsbrief.` }))
        .expect(422);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({
        type: 'https://wijkkompas.nl/problemen/direct-identificerende-gegevens',
        title: 'Verhaal bevat direct identificerende gegevens',
        status: 422,
        code: 'direct-identificerende-gegevens',
        invalidParams: [{ name: 'situatie', code: 'bsn', reason: expect.stringContaining('BSN') }],
      });
      expect(res.text).not.toContain(GELDIG_BSN);
      expect(await aantalCasussen(id.a)).toBe(voor);
      const gelekt = await t.dataSource
        .getRepository(AuditEntry)
        .createQueryBuilder('a')
        // Stories only: the run shares its database with the fuzz, which sends the same digits
        // as a number (a budget, a version) where a number is fine.
        .where("a.entity_type = 'casus'")
        .andWhere('(CAST(a.after AS text) LIKE :bsn OR CAST(a.before AS text) LIKE :bsn)', {
          bsn: `%${GELDIG_BSN}%`,
        })
        .getCount();
      expect(gelekt).toBe(0);
    });

    it('accepts a nine-digit number that fails the elfproef', async () => {
      const res = await post(
        '/casussen',
        teamleiderA,
        verhaal({
          situatie: `Het dossiernummer ${ONGELDIG_BSN} van de corporatie staat op de brief.`,
        }),
      );
      expect(res.situatie).toContain(ONGELDIG_BSN);
      id.verhaalOngeldigBsn = res.id;
    });

    it.each([
      [
        'vraag',
        'e-mailadres',
        'Mail de vader op t.jansen@voorbeeld.nl voor toestemming.',
        't.jansen',
      ],
      [
        'betrokkenen',
        'telefoonnummer',
        'Vader, bereikbaar op 06-12345678, en de mentor.',
        '12345678',
      ],
      ['aanpak', 'iban', 'Huur betaald vanaf NL91ABNA0417164300 via de regeling.', 'NL91ABNA'],
      ['effect', 'postcode-huisnummer', 'Het gezin blijft wonen op 1234 AB 12.', '1234 AB'],
      ['titel', 'postcode-huisnummer', 'Gezin op Dorpsstraat 12, 1234 AB', 'Dorpsstraat'],
    ])(
      'refuses %s holding a %s, naming field and kind only',
      async (veld, soort, tekst, geheim) => {
        const res = await http()
          .post('/api/v1/casussen')
          .set(teamleiderA)
          .send(verhaal({ [veld]: tekst }))
          .expect(422);
        expect(res.body.invalidParams).toEqual([
          { name: veld, code: expect.any(String), reason: expect.any(String) },
        ]);
        expect(res.body.invalidParams[0].code).toBe(soort);
        expect(res.text).not.toContain(geheim);
      },
    );

    it('names every field and kind at once', async () => {
      const res = await http()
        .post('/api/v1/casussen')
        .set(teamleiderA)
        .send(
          verhaal({
            situatie: `BSN ${GELDIG_BSN}, mail t.jansen@voorbeeld.nl`,
            les: 'Bel (030) 123 45 67.',
          }),
        )
        .expect(422);
      expect(res.body.invalidParams.map((p: Body) => [p.name, p.code])).toEqual([
        ['situatie', 'bsn'],
        ['situatie', 'e-mailadres'],
        ['les', 'telefoonnummer'],
      ]);
    });

    it('scans a change too, and leaves the story as it was', async () => {
      const voor = await get(`/casussen/${id.verhaalA}`, teamleiderA);
      const res = await patch(
        id.verhaalA,
        teamleiderA,
        { les: `Controleer BSN ${GELDIG_BSN}.` },
        'W/"1"',
      );
      expect(res.status).toBe(422);
      expect(res.text).not.toContain(GELDIG_BSN);
      const na = await get(`/casussen/${id.verhaalA}`, teamleiderA);
      expect(na.version).toBe(voor.version);
      expect(na.les).toBe(voor.les);
    });
  });

  describe('verwijzingen en invoer', () => {
    it('refuses links outside the aanbieder or the gemeente with one 422 naming each', async () => {
      const res = await http()
        .post('/api/v1/casussen')
        .set(teamleiderA)
        .send(
          verhaal({
            perceelId: id.p2,
            kpiIds: [id.kpiB, randomUUID()],
            doelIds: [id.doelB],
            ketenIds: [id.vreemdeKeten],
          }),
        )
        .expect(422);
      expect(res.body.code).toBe('ongeldige-verwijzing');
      expect(res.body.invalidParams.map((p: Body) => p.name)).toEqual([
        'perceelId',
        'kpiIds',
        'kpiIds',
        'doelIds',
        'ketenIds',
      ]);
    });

    it('wants the perceel assigned to the aanbieder in that quarter, and the wijk inside the perceel', async () => {
      const buiten = await http()
        .post('/api/v1/casussen')
        .set(teamleiderA)
        .send(verhaal({ perceelId: id.p3 }))
        .expect(422);
      expect(buiten.body.invalidParams).toEqual([
        { name: 'perceelId', reason: expect.stringContaining(vorig) },
      ]);
      const wijk = await http()
        .post('/api/v1/casussen')
        .set(teamleiderA)
        .send(verhaal({ perceelId: id.p1, wijkId: id.noorderpark }))
        .expect(422);
      expect(wijk.body.invalidParams).toEqual([
        { name: 'wijkId', reason: expect.stringContaining('hoort niet bij het gekozen perceel') },
      ]);
      const onbekend = await http()
        .post('/api/v1/casussen')
        .set(teamleiderA)
        .send(verhaal({ wijkId: randomUUID() }))
        .expect(422);
      expect(onbekend.body.invalidParams[0].name).toBe('wijkId');
    });

    it('refuses a quarter that has not begun (422) and malformed input (400)', async () => {
      const toekomst = await http()
        .post('/api/v1/casussen')
        .set(teamleiderA)
        .send(verhaal({ periode: volgendKwartaal(huidig) }))
        .expect(422);
      expect(toekomst.body.invalidParams[0].name).toBe('periode');
      const vorm = await http()
        .post('/api/v1/casussen')
        .set(teamleiderA)
        .send({ periode: '2026-Q5', titel: ' ', kpiIds: ['x'] })
        .expect(400);
      expect(vorm.body.invalidParams.map((p: Body) => p.name)).toEqual(
        expect.arrayContaining(['periode', 'titel', 'situatie', 'kpiIds']),
      );
    });
  });

  describe('lezen per rol', () => {
    beforeAll(async () => {
      id.verhaalB = (
        await post('/casussen', directeurB, {
          periode: vorig,
          titel: 'Buren die elkaar weer zien',
          situatie: 'Een conflict over geluidsoverlast in een portiekflat liep hoog op.',
          perceelId: id.p2,
          doelIds: [id.doelB],
          kpiIds: [id.kpiB],
          ketenIds: [id.jeugd],
        })
      ).id;
    });

    it('shows a provider only its own stories; another aanbieder gets 404 on read, change and delete', async () => {
      const eigen = await get('/casussen?pageSize=100', directeurB);
      expect((eigen.items as Body[]).map((c) => c.id)).toEqual([id.verhaalB]);
      await get(`/casussen/${id.verhaalA}`, directeurB, 404);
      expect((await patch(id.verhaalA, directeurB, { titel: 'Overgenomen' }, 'W/"1"')).status).toBe(
        404,
      );
      await http().delete(`/api/v1/casussen/${id.verhaalA}`).set(directeurB).expect(404);
      const gefilterd = await get(`/casussen?aanbiederId=${id.a}`, directeurB);
      expect(gefilterd.items).toEqual([]);
    });

    it('hides everything from another gemeente', async () => {
      await get(`/casussen/${id.verhaalA}`, cmAnders, 404);
      expect((await get('/casussen', cmAnders)).meta.totalItems).toBe(0);
    });

    it('shows a ketenregisseur only the stories of their ketens', async () => {
      const page = await get('/casussen?pageSize=100', regisseur);
      expect(titels(page)).toEqual(
        ['Achter het schoolverzuim zaten schulden', 'Buren die elkaar weer zien'].sort(),
      );
      await get(`/casussen/${id.verhaalA2}`, regisseur, 404);
      await get(`/casussen/${id.verhaalA}`, regisseur);
    });

    it('shows other gemeente roles everything, with filters and pagination', async () => {
      const alle = await get('/casussen?pageSize=2', adviseur);
      expect(alle.meta).toEqual({ page: 1, pageSize: 2, totalItems: 4, totalPages: 2 });
      expect((alle.items as Body[])[0].periode).toBe(huidig);
      const filter = async (query: string) =>
        ((await get(`/casussen?pageSize=100&${query}`, cm)).items as Body[])
          .map((c) => c.id)
          .sort();
      expect(await filter(`aanbiederId=${id.b}`)).toEqual([id.verhaalB]);
      expect(await filter(`kpiId=${id.kpiA}`)).toEqual([id.verhaalA]);
      expect(await filter(`doelId=${id.doelB}`)).toEqual([id.verhaalB]);
      expect(await filter(`ketenId=${id.armoede}`)).toEqual([id.verhaalA, id.verhaalA2].sort());
      expect(await filter(`perceelId=${id.p3}`)).toEqual([id.verhaalA2]);
      expect(await filter(`periode=${huidig}`)).toEqual([id.verhaalA2]);
      await get('/casussen?kpiId=geen-uuid', cm, 400);
    });
  });

  describe('wijzigen met If-Match', () => {
    it('requires If-Match (428), refuses a stale one (412) and audits before and after', async () => {
      const geen = await patch(id.verhaalA, teamleiderA, { les: 'Kijk achter de vraag.' });
      expect(geen.status).toBe(428);
      const oud = await patch(id.verhaalA, teamleiderA, { les: 'Kijk achter de vraag.' }, 'W/"7"');
      expect(oud.status).toBe(412);
      const { headers } = await http().get(`/api/v1/casussen/${id.verhaalA}`).set(teamleiderA);
      const ok = await patch(
        id.verhaalA,
        directeurA,
        { les: 'Kijk achter de vraag.', vraag: null, kpiIds: [] },
        headers.etag,
      );
      expect(ok.status).toBe(200);
      expect(ok.headers.etag).toBe('W/"2"');
      expect(ok.body).toMatchObject({
        les: 'Kijk achter de vraag.',
        vraag: null,
        kpis: [],
        version: 2,
      });
      const nogmaals = await patch(id.verhaalA, teamleiderA, { les: 'Anders' }, headers.etag);
      expect(nogmaals.status).toBe(412);
      const entries = await audit(id.verhaalA);
      expect(entries.map((e) => e.action)).toEqual(['aangemaakt', 'gewijzigd']);
      expect(entries[1].before).toMatchObject({
        les: 'Verzuim is vaak een symptoom.',
        kpiIds: [id.kpiA],
      });
      expect(entries[1].after).toMatchObject({
        les: 'Kijk achter de vraag.',
        kpiIds: [],
        version: 2,
      });
      expect(entries[1].actorId).toBe(id.directeurA);
    });

    it('lets one of two parallel changes with the same ETag win; the other gets 412 and nothing is lost', async () => {
      const { body } = await http().get(`/api/v1/casussen/${id.verhaalA2}`).set(teamleiderA);
      const tag = `W/"${body.version}"`;
      const [een, twee] = await Promise.all([
        patch(id.verhaalA2, teamleiderA, { les: 'Les van de teamleider' }, tag),
        patch(id.verhaalA2, directeurA, { effect: 'Effect volgens de directeur' }, tag),
      ]);
      expect([een.status, twee.status].sort()).toEqual([200, 412]);
      const winnaar = een.status === 200 ? een.body : twee.body;
      const na = await get(`/casussen/${id.verhaalA2}`, teamleiderA);
      expect(na).toMatchObject({
        les: winnaar.les,
        effect: winnaar.effect,
        version: body.version + 1,
      });
      // An empty change is no change: same version, no audit entry.
      const leeg = await patch(id.verhaalA2, teamleiderA, {}, `W/"${na.version}"`);
      expect(leeg.status).toBe(200);
      expect(leeg.body.version).toBe(na.version);
      expect((await audit(id.verhaalA2)).map((e) => e.action)).toEqual(['aangemaakt', 'gewijzigd']);
    });

    it('checks the perceel again against a changed quarter', async () => {
      const { body } = await http().get(`/api/v1/casussen/${id.verhaalA2}`).set(teamleiderA);
      const res = await patch(id.verhaalA2, teamleiderA, { periode: vorig }, `W/"${body.version}"`);
      expect(res.status).toBe(422);
      expect(res.body.invalidParams[0].name).toBe('perceelId');
    });
  });

  describe('bevroren zodra het kwartaal is ingediend', () => {
    let verantwoording: Kwartaalverantwoording;

    beforeAll(async () => {
      const periode = await t.dataSource.getRepository(Rapportageperiode).save({
        gemeenteId: id.gemeente,
        aanbiederId: id.a,
        aanvullendeOpdrachtId: null,
        periode: vorig,
        ...periodeDatums(vorig),
        deadline: periodeDatums(huidig).einddatum,
      });
      id.rapportageperiode = periode.id;
      verantwoording = await t.dataSource.getRepository(Kwartaalverantwoording).save({
        gemeenteId: id.gemeente,
        aanbiederId: id.a,
        rapportageperiodeId: periode.id,
        periode: vorig,
        revisie: 1,
        status: 'ingediend',
      });
    });
    const zetStatus = (status: Kwartaalverantwoording['status']) =>
      t.dataSource
        .getRepository(Kwartaalverantwoording)
        .update({ id: verantwoording.id }, { status });

    it('refuses change, delete and new stories of an ingediend quarter with 409, and shows the story as bevroren', async () => {
      const casus = await get(`/casussen/${id.verhaalA}`, teamleiderA);
      expect(casus.bevroren).toBe(true);
      const wijziging = await patch(
        id.verhaalA,
        teamleiderA,
        { les: 'Te laat' },
        `W/"${casus.version}"`,
      );
      expect(wijziging.status).toBe(409);
      expect(wijziging.body).toMatchObject({
        code: 'verantwoording-ingediend',
        detail: expect.stringContaining('De verantwoording van dit kwartaal'),
        verantwoordingStatus: 'ingediend',
      });
      expect(wijziging.body.detail).toContain('is al ingediend');
      await http().delete(`/api/v1/casussen/${id.verhaalA}`).set(teamleiderA).expect(409);
      await post('/casussen', teamleiderA, verhaal(), 409);
      // Another aanbieder's stories of the same quarter are untouched.
      expect((await get(`/casussen/${id.verhaalB}`, directeurB)).bevroren).toBe(false);
      const lijst = await get(`/casussen?periode=${vorig}&aanbiederId=${id.a}&pageSize=100`, cm);
      expect((lijst.items as Body[]).every((c) => c.bevroren)).toBe(true);
    });

    it('opens the quarter again when the account is returned, freezes it once adopted, and opens it for a correction revision', async () => {
      await zetStatus('teruggezet');
      let casus = await get(`/casussen/${id.verhaalA}`, teamleiderA);
      expect(casus.bevroren).toBe(false);
      const ok = await patch(
        id.verhaalA,
        teamleiderA,
        { les: 'Na de vraag van de gemeente aangevuld.' },
        `W/"${casus.version}"`,
      );
      expect(ok.status).toBe(200);
      await zetStatus('vastgesteld');
      casus = await get(`/casussen/${id.verhaalA}`, teamleiderA);
      expect(casus.bevroren).toBe(true);
      expect(
        (await patch(id.verhaalA, teamleiderA, { les: 'x' }, `W/"${casus.version}"`)).status,
      ).toBe(409);
      await t.dataSource.getRepository(Kwartaalverantwoording).save({
        gemeenteId: id.gemeente,
        aanbiederId: id.a,
        rapportageperiodeId: id.rapportageperiode,
        periode: vorig,
        revisie: 2,
        status: 'concept',
      });
      expect((await get(`/casussen/${id.verhaalA}`, teamleiderA)).bevroren).toBe(false);
    });

    it('deletes a story of an open quarter (If-Match checked when sent) and audits it', async () => {
      await http()
        .delete(`/api/v1/casussen/${id.verhaalOngeldigBsn}`)
        .set(teamleiderA)
        .set('If-Match', 'W/"9"')
        .expect(412);
      await http().delete(`/api/v1/casussen/${id.verhaalOngeldigBsn}`).set(cm).expect(403);
      await http()
        .delete(`/api/v1/casussen/${id.verhaalOngeldigBsn}`)
        .set(teamleiderA)
        .set('If-Match', 'W/"1"')
        .expect(204);
      await get(`/casussen/${id.verhaalOngeldigBsn}`, teamleiderA, 404);
      const entries = await audit(id.verhaalOngeldigBsn);
      expect(entries.map((e) => e.action)).toEqual(['aangemaakt', 'verwijderd']);
      expect(entries[1].before).toMatchObject({ situatie: expect.stringContaining(ONGELDIG_BSN) });
    });
  });
  describe('demodata', () => {
    it('gives the first aanbieder linked, pseudonymised stories over three quarters and signals in every state', async () => {
      const { gemeente, organisatie } = await makeGemeente(t.dataSource);
      const aanbieders = {
        noord: await makeAanbieder(t.dataSource, [gemeente], {
          naam: `Wijkteams Noord ${id.a.slice(0, 6)}`,
        }),
        oost: await makeAanbieder(t.dataSource, [gemeente]),
        zuid: await makeAanbieder(t.dataSource, [gemeente]),
      };
      const gebruikers: DemoGebruiker[] = [];
      for (const [org, rol] of [
        [organisatie, Rol.Contractmanager],
        [organisatie, Rol.Ketenregisseur],
        [aanbieders.noord, Rol.Directeur],
        [aanbieders.noord, Rol.Teamleider],
        [aanbieders.noord, Rol.Kwaliteitsmedewerker],
      ] as const) {
        const g = await makeGebruiker(t.dataSource, org, [{ gemeente, rol }]);
        gebruikers.push({
          ...g,
          id: g.gebruiker.id,
          naam: g.gebruiker.naam,
          rol,
          organisatie: org.naam ?? '',
        });
      }
      const stappen = t.app
        .get(DemoSeedRegistry)
        .ordered()
        .filter((s) => ['opdrachten', 'kpis', 'casussen en signalen'].includes(s.name));
      expect(stappen.map((s) => s.order)).toEqual([100, 200, 205]);
      await t.dataSource.transaction(async (manager) => {
        const context: DemoSeedContext = {
          manager,
          audit: t.app.get(AuditService),
          gemeente,
          gemeenteOrganisatie: organisatie,
          aanbieders,
          gebruikers,
        };
        for (const stap of stappen) await stap.run(context);
      });

      const casussen = await t.dataSource
        .getRepository(Casus)
        .findBy({ gemeenteId: gemeente.id, aanbiederId: aanbieders.noord.id });
      const perKwartaal = [0, 1, 2].map(
        (n) => casussen.filter((c) => c.periode === verschuifKwartaal(huidig, -n)).length,
      );
      expect(perKwartaal.every((n) => n >= 3 && n <= 4)).toBe(true);
      expect(casussen.filter((c) => c.kpiIds.length > 0).length).toBeGreaterThanOrEqual(9);
      const kpiCodes = new Map(
        (await t.dataSource.getRepository(Kpi).findBy({ gemeenteId: gemeente.id })).map((k) => [
          k.id,
          k.code,
        ]),
      );
      expect(
        casussen.flatMap((c) => c.kpiIds).every((k) => kpiCodes.get(k)?.startsWith('NRD-')),
      ).toBe(true);
      for (const casus of casussen) {
        expect(casus.doelIds.length).toBeGreaterThan(0);
        expect(kwartaalVan(casus.createdAt.toISOString().slice(0, 10))).toBe(casus.periode);
        expect(casus.ketenIds.length).toBeGreaterThan(0);
        // What the seed links is what the API would accept.
        await controleerVerwijzingen(
          t.dataSource.manager,
          { gemeenteId: gemeente.id, aanbiederId: aanbieders.noord.id, periode: casus.periode },
          casus,
        );
      }

      const signalen = await t.dataSource
        .getRepository(Signaal)
        .findBy({ gemeenteId: gemeente.id });
      expect(signalen.map((s) => s.status).sort()).toEqual(
        ['beantwoord', 'geagendeerd', 'gesloten', 'in-analyse', 'nieuw'].sort(),
      );
      expect(signalen.find((s) => s.status === 'gesloten')).toMatchObject({ leerorde: 2 });
      expect(signalen.find((s) => s.status === 'beantwoord')!.terugkoppeling).toBeTruthy();
      const adviseurDemo = await makeGebruiker(t.dataSource, organisatie, [
        { gemeente, rol: Rol.Beleidsadviseur },
      ]);
      const verstreken = await get(
        '/signalen?termijnVerstreken=true',
        (await login(t.app, adviseurDemo.email)).auth,
      );
      expect((verstreken.items as Body[]).map((s) => s.status)).toEqual(['in-analyse']);
      const eersteVerhaal = await get(
        `/casussen?pageSize=1&periode=${verschuifKwartaal(huidig, -2)}`,
        (await login(t.app, gebruikers[3].email)).auth,
      );
      expect(eersteVerhaal.meta.totalItems).toBe(4);
      expect((eersteVerhaal.items as Body[])[0].auteurNaam).toBeTruthy();
    });
  });
});

import { AuditEntry, Organisatie, Rol } from '@wijkkompas/core';
import {
  createTestApp,
  login,
  makeAanbieder,
  makeGebruiker,
  makeGemeente,
  TestApp,
} from '@wijkkompas/core/testing';
import { plusDagen, vandaag } from '@wijkkompas/opdrachten';
import { kwartaalVan, Signaal, volgendKwartaal, vorigKwartaal } from '@wijkkompas/verantwoording';
import { randomUUID } from 'node:crypto';
import request from 'supertest';

type Auth = { Authorization: string };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

describe('Signalen: van de praktijk naar beleid en terug', () => {
  let t: TestApp;
  let cm: Auth;
  let beheerder: Auth;
  let adviseur: Auth;
  let bestuurder: Auth;
  let regisseur: Auth;
  let teamleiderA: Auth;
  let directeurA: Auth;
  let directeurB: Auth;
  let cmAnders: Auth;
  const id: Record<string, string> = {};
  const dag = vandaag();
  const huidig = kwartaalVan(dag);
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
  const patch = (signaalId: string, auth: Auth, body: Body, ifMatch?: string) => {
    const req = http().patch(`/api/v1/signalen/${signaalId}`).set(auth);
    if (ifMatch) req.set('If-Match', ifMatch);
    return req.send(body);
  };
  const stap = (signaalId: string, auth: Auth, body: Body, ifMatch?: string) => {
    const req = http().post(`/api/v1/signalen/${signaalId}/statuswijzigingen`).set(auth);
    if (ifMatch) req.set('If-Match', ifMatch);
    return req.send(body);
  };
  const versie = async (signaalId: string, auth: Auth = adviseur) =>
    `W/"${(await get(`/signalen/${signaalId}`, auth)).version}"`;
  const audit = (entityId: string) =>
    t.dataSource
      .getRepository(AuditEntry)
      .find({ where: { entityType: 'signaal', entityId }, order: { occurredAt: 'ASC' } });
  const ids = (page: Body) => (page.items as Body[]).map((s) => s.id as string).sort();

  const signaal = (extra: Body = {}): Body => ({
    titel: 'Wachttijd schuldhulp loopt op tot elf weken',
    waarneming:
      'Gezinnen die wij aanmelden wachten elf weken op een intake; in die tijd lopen incasso’s door en haken ze af.',
    soort: 'aanbod',
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp();
    const { gemeente, organisatie } = await makeGemeente(t.dataSource);
    id.gemeente = gemeente.id;
    id.gemeenteOrganisatie = organisatie.id;
    const gebruiker = async (org: Organisatie, rol: Rol) => {
      const g = await makeGebruiker(t.dataSource, org, [{ gemeente, rol }]);
      return { id: g.gebruiker.id, auth: (await login(t.app, g.email)).auth };
    };
    cm = (await gebruiker(organisatie, Rol.Contractmanager)).auth;
    beheerder = (await gebruiker(organisatie, Rol.Beheerder)).auth;
    const adv = await gebruiker(organisatie, Rol.Beleidsadviseur);
    adviseur = adv.auth;
    id.adviseur = adv.id;
    bestuurder = (await gebruiker(organisatie, Rol.Bestuurder)).auth;
    const kr = await gebruiker(organisatie, Rol.Ketenregisseur);
    regisseur = kr.auth;
    id.regisseur = kr.id;
    const a = await makeAanbieder(t.dataSource, [gemeente]);
    const b = await makeAanbieder(t.dataSource, [gemeente]);
    id.a = a.id;
    id.b = b.id;
    const tl = await gebruiker(a, Rol.Teamleider);
    teamleiderA = tl.auth;
    id.teamleiderA = tl.id;
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

    id.jeugd = (await post('/ketens', cm, { naam: 'Jeugd', ketenregisseurId: kr.id })).id;
    id.armoede = (await post('/ketens', cm, { naam: 'Armoede & Schulden' })).id;
    id.wijkA = (await post('/wijken', beheerder, { cbsCode: 'WK432101', naam: 'Centrum' })).id;
    id.wijkB = (await post('/wijken', beheerder, { cbsCode: 'WK432102', naam: 'Zuiderveld' })).id;
    id.perceelA = (await post('/percelen', cm, { naam: 'Perceel A', wijkIds: [id.wijkA] })).id;
    id.perceelB = (await post('/percelen', cm, { naam: 'Perceel B', wijkIds: [id.wijkB] })).id;
    await post(`/percelen/${id.perceelA}/toewijzingen`, cm, {
      aanbiederId: a.id,
      van: '2019-01-01',
    });
    await post(`/percelen/${id.perceelB}/toewijzingen`, cm, {
      aanbiederId: b.id,
      van: '2019-01-01',
    });
  });
  afterAll(() => t.close());

  describe('inbrengen', () => {
    it('lets a provider raise a signal for its own organisation, in the current quarter with a six-week term, audited', async () => {
      const res = await http()
        .post('/api/v1/signalen')
        .set(teamleiderA)
        .send(signaal({ perceelId: id.perceelA, wijkId: id.wijkA, ketenIds: [id.armoede] }))
        .expect(201);
      expect(res.headers.etag).toBe('W/"1"');
      expect(res.body).toMatchObject({
        gemeenteId: id.gemeente,
        organisatieId: id.a,
        status: 'nieuw',
        periode: huidig,
        antwoordTermijn: plusDagen(dag, 42),
        termijnVerstreken: false,
        volgendeStatussen: [],
        perceel: { id: id.perceelA, naam: 'Perceel A' },
        wijk: { id: id.wijkA, naam: 'Centrum' },
        ketens: [{ id: id.armoede, naam: 'Armoede & Schulden' }],
        antwoord: null,
        terugkoppeling: null,
        leerorde: null,
        ingebrachtDoorId: id.teamleiderA,
      });
      id.schuldhulp = res.body.id;
      const [entry] = await audit(id.schuldhulp);
      expect(entry).toMatchObject({ action: 'aangemaakt', actorId: id.teamleiderA });
    });

    it('lets the gemeente raise one for itself, anywhere in the gemeente, with its own quarter and term', async () => {
      const res = await post(
        '/signalen',
        adviseur,
        signaal({
          titel: 'Corporatie belt wijkteams rechtstreeks voor overlastzaken',
          waarneming: 'Negen verzoeken buiten de afspraken om, samen ruim veertig uur.',
          soort: 'zijsturing',
          perceelId: id.perceelB,
          ketenIds: [id.jeugd],
          periode: vorigKwartaal(huidig),
          antwoordTermijn: plusDagen(dag, 10),
        }),
      );
      expect(res).toMatchObject({
        organisatieId: id.gemeenteOrganisatie,
        periode: vorigKwartaal(huidig),
        antwoordTermijn: plusDagen(dag, 10),
        volgendeStatussen: ['in-analyse'],
      });
      id.zijsturing = res.id;
    });

    it('is not for a bestuurder or beheerder (403)', async () => {
      for (const auth of [bestuurder, beheerder])
        await http().post('/api/v1/signalen').set(auth).send(signaal()).expect(403);
    });

    it('refuses direct identifiers in titel and waarneming without echoing them', async () => {
      const bsn = await http()
        .post('/api/v1/signalen')
        .set(teamleiderA)
        .send(signaal({ waarneming: 'Vader (BSN 111222333) wacht al elf weken.' }))
        .expect(422);
      expect(bsn.body).toMatchObject({
        title: 'Signaal bevat direct identificerende gegevens',
        invalidParams: [{ name: 'waarneming', code: 'bsn' }],
      });
      expect(bsn.text).not.toContain('111222333');
      const telefoon = await http()
        .post('/api/v1/signalen')
        .set(teamleiderA)
        .send(signaal({ titel: 'Bel mevrouw op 06 1234 5678' }))
        .expect(422);
      expect(telefoon.body.invalidParams).toEqual([
        { name: 'titel', code: 'telefoonnummer', reason: expect.any(String) },
      ]);
      expect(telefoon.text).not.toContain('1234 5678');
    });

    it('checks references, the quarter and the term (422) and the shape (400)', async () => {
      const verwijzing = await http()
        .post('/api/v1/signalen')
        .set(teamleiderA)
        .send(signaal({ perceelId: id.perceelB, ketenIds: [id.vreemdeKeten] }))
        .expect(422);
      expect(verwijzing.body.invalidParams.map((p: Body) => p.name)).toEqual([
        'perceelId',
        'ketenIds',
      ]);
      const toekomst = await http()
        .post('/api/v1/signalen')
        .set(teamleiderA)
        .send(signaal({ periode: volgendKwartaal(huidig) }))
        .expect(422);
      expect(toekomst.body.invalidParams[0].name).toBe('periode');
      const termijn = await http()
        .post('/api/v1/signalen')
        .set(teamleiderA)
        .send(signaal({ antwoordTermijn: plusDagen(dag, -1) }))
        .expect(422);
      expect(termijn.body.invalidParams[0].name).toBe('antwoordTermijn');
      const vorm = await http()
        .post('/api/v1/signalen')
        .set(teamleiderA)
        .send({ titel: 'x', soort: 'klacht', antwoordTermijn: '2026-02-30' })
        .expect(400);
      expect(vorm.body.invalidParams.map((p: Body) => p.name)).toEqual(
        expect.arrayContaining(['waarneming', 'soort', 'antwoordTermijn']),
      );
    });
  });

  describe('lezen per rol', () => {
    beforeAll(async () => {
      id.signaalB = (
        await post(
          '/signalen',
          directeurB,
          signaal({ titel: 'Vervoer naar dagbesteding', soort: 'regels', ketenIds: [id.jeugd] }),
        )
      ).id;
      id.regisseurEigen = (
        await post(
          '/signalen',
          regisseur,
          signaal({ titel: 'Ketenoverleg mist de school', soort: 'samenwerking' }),
        )
      ).id;
    });

    it('shows a provider only what its organisation raised; another aanbieder gets 404', async () => {
      expect(ids(await get('/signalen', directeurA))).toEqual([id.schuldhulp]);
      expect(ids(await get('/signalen', directeurB))).toEqual([id.signaalB]);
      await get(`/signalen/${id.schuldhulp}`, directeurB, 404);
      expect((await patch(id.schuldhulp, directeurB, { titel: 'x' }, 'W/"1"')).status).toBe(404);
    });

    it('hides everything from another gemeente', async () => {
      await get(`/signalen/${id.schuldhulp}`, cmAnders, 404);
      expect((await get('/signalen', cmAnders)).meta.totalItems).toBe(0);
    });

    it('shows a ketenregisseur the signals of their keten and those they raised, not the rest', async () => {
      expect(ids(await get('/signalen', regisseur))).toEqual(
        [id.zijsturing, id.signaalB, id.regisseurEigen].sort(),
      );
      await get(`/signalen/${id.schuldhulp}`, regisseur, 404);
      await http()
        .post(`/api/v1/signalen/${id.schuldhulp}/statuswijzigingen`)
        .set(regisseur)
        .send({ status: 'in-analyse' })
        .expect(404);
    });

    it('shows the other gemeente roles all signals, with filters', async () => {
      const alle = await get('/signalen?pageSize=2', bestuurder);
      expect(alle.meta).toEqual({ page: 1, pageSize: 2, totalItems: 4, totalPages: 2 });
      const filter = async (query: string) => ids(await get(`/signalen?pageSize=100&${query}`, cm));
      expect(await filter(`organisatieId=${id.a}`)).toEqual([id.schuldhulp]);
      expect(await filter('soort=zijsturing')).toEqual([id.zijsturing]);
      expect(await filter(`ketenId=${id.jeugd}`)).toEqual([id.zijsturing, id.signaalB].sort());
      expect(await filter(`periode=${vorigKwartaal(huidig)}`)).toEqual([id.zijsturing]);
      expect(await filter('status=nieuw')).toHaveLength(4);
      await get('/signalen?status=open', cm, 400);
      await get('/signalen?termijnVerstreken=misschien', cm, 400);
    });
  });

  describe('wijzigen', () => {
    it('requires If-Match (428) and refuses a stale one (412)', async () => {
      expect((await patch(id.schuldhulp, teamleiderA, { titel: 'Nieuwe titel' })).status).toBe(428);
      expect(
        (await patch(id.schuldhulp, teamleiderA, { titel: 'Nieuwe titel' }, 'W/"5"')).status,
      ).toBe(412);
    });

    it('lets the raiser shape the inbreng while nieuw, but not the answer', async () => {
      const ok = await patch(
        id.schuldhulp,
        directeurA,
        {
          waarneming: 'Gezinnen wachten elf weken; zeven aanmeldingen vervielen dit kwartaal.',
          ketenIds: [id.armoede, id.jeugd],
        },
        'W/"1"',
      );
      expect(ok.status).toBe(200);
      expect(ok.headers.etag).toBe('W/"2"');
      const antwoord = await patch(
        id.schuldhulp,
        teamleiderA,
        { antwoord: 'Wij lossen het op.' },
        'W/"2"',
      );
      expect(antwoord.status).toBe(403);
    });

    it('lets a handler route and answer, but not rewrite what was seen', async () => {
      const inbreng = await patch(id.schuldhulp, adviseur, { titel: 'Andere titel' }, 'W/"2"');
      expect(inbreng.status).toBe(403);
      const routering = await patch(
        id.schuldhulp,
        adviseur,
        { antwoordTermijn: plusDagen(dag, 20), antwoord: 'In behandeling bij Werk en Inkomen.' },
        'W/"2"',
      );
      expect(routering.status).toBe(200);
      expect(routering.body).toMatchObject({ antwoordTermijn: plusDagen(dag, 20), version: 3 });
      const privacy = await patch(
        id.schuldhulp,
        adviseur,
        { terugkoppeling: 'Mail j.devries@voorbeeld.nl' },
        'W/"3"',
      );
      expect(privacy.status).toBe(422);
      expect(privacy.body.invalidParams).toEqual([
        { name: 'terugkoppeling', code: 'e-mailadres', reason: expect.any(String) },
      ]);
      expect(privacy.text).not.toContain('j.devries');
      const entries = await audit(id.schuldhulp);
      expect(entries.map((e) => e.action)).toEqual(['aangemaakt', 'gewijzigd', 'gewijzigd']);
      expect(entries[2].before).toMatchObject({ antwoord: null });
      expect(entries[2].after).toMatchObject({ antwoord: 'In behandeling bij Werk en Inkomen.' });
    });
  });

  describe('levenscyclus', () => {
    it('is moved forward only by the gemeente’s handlers, one step at a time', async () => {
      await stap(id.schuldhulp, teamleiderA, { status: 'in-analyse' }).expect(403);
      await stap(id.schuldhulp, bestuurder, { status: 'in-analyse' }).expect(403);
      const sprong = await stap(id.schuldhulp, adviseur, { status: 'beantwoord' });
      expect(sprong.status).toBe(409);
      expect(sprong.body).toMatchObject({
        code: 'ongeldige-statusovergang',
        currentStatus: 'nieuw',
        allowedNextStates: ['in-analyse'],
      });
      await stap(id.schuldhulp, adviseur, { status: 'in-analyse' }, 'W/"1"').expect(412);
      const analyse = await stap(id.schuldhulp, regisseur, { status: 'in-analyse' });
      expect(analyse.status).toBe(201);
      expect(analyse.body).toMatchObject({
        status: 'in-analyse',
        volgendeStatussen: ['geagendeerd'],
      });
    });

    it('fixes the inbreng once in analysis (409), also for the raiser', async () => {
      const res = await patch(
        id.schuldhulp,
        teamleiderA,
        { waarneming: 'Toch anders.' },
        await versie(id.schuldhulp),
      );
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'signaal-vast', currentStatus: 'in-analyse' });
    });

    it('refuses beantwoord without terugkoppeling, naming the missing field', async () => {
      await stap(id.schuldhulp, adviseur, { status: 'geagendeerd' }).expect(201);
      const zonder = await stap(id.schuldhulp, adviseur, {
        status: 'beantwoord',
        antwoord: 'De gemeente breidt de capaciteit van schuldhulp uit met twee consulenten.',
      });
      expect(zonder.status).toBe(422);
      expect(zonder.body).toMatchObject({ code: 'signaal-onvolledig' });
      expect(zonder.body.invalidParams.map((p: Body) => p.name)).toEqual(['terugkoppeling']);
      // The answer and feedback given with the step are scanned like the inbreng.
      const privacy = await stap(id.schuldhulp, adviseur, {
        status: 'beantwoord',
        antwoord: 'Cliënt met BSN 123-456-782 krijgt voorrang.',
        terugkoppeling: 'Teruggebeld op 020 123 4567.',
      });
      expect(privacy.status).toBe(422);
      expect(privacy.body.invalidParams.map((p: Body) => [p.name, p.code])).toEqual([
        ['antwoord', 'bsn'],
        ['terugkoppeling', 'telefoonnummer'],
      ]);
      expect(privacy.text).not.toMatch(/123-456-782|123 4567/);
      const leerorde = await stap(id.schuldhulp, adviseur, { status: 'beantwoord', leerorde: 2 });
      expect(leerorde.status).toBe(422);
      expect(leerorde.body.invalidParams[0].name).toBe('leerorde');
      const signaalNu = await get(`/signalen/${id.schuldhulp}`, adviseur);
      expect(signaalNu).toMatchObject({
        status: 'geagendeerd',
        antwoord: 'In behandeling bij Werk en Inkomen.',
        beantwoordOp: null,
      });
    });

    it('reaches beantwoord with answer and feedback, keeps them, and records when', async () => {
      const res = await stap(id.schuldhulp, regisseur, {
        status: 'beantwoord',
        antwoord: 'De gemeente breidt de capaciteit van schuldhulp uit met twee consulenten.',
        terugkoppeling:
          'Toegelicht in het teamoverleg van de aanbieder; de wijkcoaches kregen de nieuwe route.',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        status: 'beantwoord',
        antwoord: 'De gemeente breidt de capaciteit van schuldhulp uit met twee consulenten.',
        beantwoordOp: expect.any(String),
        leerorde: null,
      });
      const leeg = await patch(id.schuldhulp, adviseur, { terugkoppeling: null }, res.headers.etag);
      expect(leeg.status).toBe(422);
      expect(leeg.body.invalidParams.map((p: Body) => p.name)).toEqual(['terugkoppeling']);
      // The ketens change, but the ketenregisseur who answered still sees it.
      const verplaatst = await patch(
        id.schuldhulp,
        adviseur,
        { ketenIds: [id.armoede] },
        res.headers.etag,
      );
      expect(verplaatst.status).toBe(200);
      await get(`/signalen/${id.schuldhulp}`, regisseur);
    });

    it('tells the person who raised it that it was answered, with the answer and the feedback', async () => {
      const meldingen = (await get('/notificaties', teamleiderA)).items as Body[];
      const beantwoord = meldingen.filter((n) => n.soort === 'signaal-beantwoord');
      expect(beantwoord).toHaveLength(1);
      expect(beantwoord[0]).toMatchObject({
        titel: 'Uw signaal is beantwoord: Wachttijd schuldhulp loopt op tot elf weken',
        link: `/api/v1/signalen/${id.schuldhulp}`,
      });
      expect(beantwoord[0].tekst).toContain(
        'Antwoord: De gemeente breidt de capaciteit van schuldhulp uit met twee consulenten.',
      );
      expect(beantwoord[0].tekst).toContain('Terugkoppeling: Toegelicht in het teamoverleg');
      // Nobody else of the aanbieder, and not the handler who answered.
      const directeur = (await get('/notificaties', directeurA)).items as Body[];
      expect(directeur.filter((n) => n.soort === 'signaal-beantwoord')).toEqual([]);
      const handler = (await get('/notificaties', regisseur)).items as Body[];
      expect(handler.filter((n) => n.soort === 'signaal-beantwoord')).toEqual([]);
    });

    it('closes only with a leerorde of 1, 2 or 3, then changes no more', async () => {
      const zonder = await stap(id.schuldhulp, adviseur, { status: 'gesloten' });
      expect(zonder.status).toBe(422);
      expect(zonder.body.invalidParams.map((p: Body) => p.name)).toEqual(['leerorde']);
      await stap(id.schuldhulp, adviseur, { status: 'gesloten', leerorde: 4 }).expect(400);
      const dicht = await stap(id.schuldhulp, cm, { status: 'gesloten', leerorde: 2 });
      expect(dicht.status).toBe(201);
      expect(dicht.body).toMatchObject({
        status: 'gesloten',
        leerorde: 2,
        geslotenOp: expect.any(String),
        volgendeStatussen: [],
      });
      const verder = await stap(id.schuldhulp, cm, { status: 'beantwoord' });
      expect(verder.status).toBe(409);
      expect(verder.body.allowedNextStates).toEqual([]);
      const gesloten = ((await get('/notificaties', teamleiderA)).items as Body[]).filter(
        (n) => n.soort === 'signaal-gesloten',
      );
      expect(gesloten).toHaveLength(1);
      expect(gesloten[0].titel).toBe(
        'Uw signaal is afgesloten: Wachttijd schuldhulp loopt op tot elf weken',
      );
      const wijziging = await patch(
        id.schuldhulp,
        adviseur,
        { antwoord: 'Later aangevuld.' },
        dicht.headers.etag,
      );
      expect(wijziging.status).toBe(409);
    });

    it('refuses beantwoord without antwoord and terugkoppeling, naming both', async () => {
      await stap(id.zijsturing, adviseur, { status: 'in-analyse' }).expect(201);
      await stap(id.zijsturing, adviseur, { status: 'geagendeerd' }).expect(201);
      const res = await stap(id.zijsturing, adviseur, { status: 'beantwoord' });
      expect(res.status).toBe(422);
      expect(res.body.invalidParams.map((p: Body) => p.name)).toEqual([
        'antwoord',
        'terugkoppeling',
      ]);
    });

    it('keeps every step in the audit trail', async () => {
      const entries = await audit(id.schuldhulp);
      expect(entries.map((e) => e.action)).toEqual([
        'aangemaakt',
        'gewijzigd',
        'gewijzigd',
        'status-in-analyse',
        'status-geagendeerd',
        'status-beantwoord',
        'gewijzigd',
        'status-gesloten',
      ]);
      const gesloten = entries[entries.length - 1];
      expect(gesloten.before).toMatchObject({ status: 'beantwoord', leerorde: null });
      expect(gesloten.after).toMatchObject({ status: 'gesloten', leerorde: 2 });
      expect(entries[3].actorId).toBe(id.regisseur);
    });
  });

  describe('antwoordtermijn', () => {
    it('lists the signals past their term without an answer, and drops them once answered', async () => {
      await t.dataSource
        .getRepository(Signaal)
        .update({ id: id.signaalB }, { antwoordTermijn: plusDagen(dag, -3) });
      await t.dataSource
        .getRepository(Signaal)
        .update({ id: id.schuldhulp }, { antwoordTermijn: plusDagen(dag, -30) });
      const verstreken = await get('/signalen?termijnVerstreken=true', adviseur);
      expect(ids(verstreken)).toEqual([id.signaalB]);
      expect((verstreken.items as Body[])[0].termijnVerstreken).toBe(true);
      const binnen = ids(await get('/signalen?termijnVerstreken=false&pageSize=100', adviseur));
      expect(binnen).toEqual(expect.arrayContaining([id.schuldhulp, id.zijsturing]));
      expect(binnen).not.toContain(id.signaalB);
      expect((await get(`/signalen/${id.schuldhulp}`, adviseur)).termijnVerstreken).toBe(false);
    });
  });

  it('rejects an unknown id with 404 and a malformed one with 400', async () => {
    await get(`/signalen/${randomUUID()}`, cm, 404);
    await get('/signalen/geen-uuid', cm, 400);
  });
});

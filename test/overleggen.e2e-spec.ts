import {
  AuditEntry,
  AuditService,
  DemoGebruiker,
  Gemeente,
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
  TestGebruiker,
} from '@wijkkompas/core/testing';
import { Keten, kwartaal, plusDagen, vandaag } from '@wijkkompas/opdrachten';
import {
  lokaalTijdstip,
  Overleg,
  OverlegService,
  OverlegSoort,
  OverlegStatus,
  vorigKwartaal,
} from '@wijkkompas/overleggen';
import request from 'supertest';
import { OverleggenDemoSeed } from '../libs/overleggen/src/seed/overleggen.seed';

type Auth = { Authorization: string };
type Body = Record<string, unknown>;
type Problem = {
  status: number;
  code: string;
  detail: string;
  invalidParams?: { name: string; reason: string }[];
  currentVersion?: number;
};
type OverlegBody = {
  id: string;
  soort: string;
  titel: string;
  aanbiederId: string | null;
  aanbiederNaam: string | null;
  ketenId: string | null;
  ketenNaam: string | null;
  periode: string | null;
  tijdstip: string;
  locatie: string | null;
  deelnemers: {
    gebruikerId: string | null;
    naam: string;
    organisatie: string | null;
    rol: string | null;
  }[];
  status: string;
  version: number;
};
type PageBody = { items: OverlegBody[]; meta: { totalItems: number; totalPages: number } };

describe('Overleggen: verantwoordingsgesprekken en ander overleg', () => {
  let t: TestApp;
  let gemeente: Gemeente;
  let gemeenteOrg: Organisatie;
  let noord: Organisatie;
  let oost: Organisatie;
  let cm: Auth;
  let regisseur: Auth;
  let adviseur: Auth;
  let beheerder: Auth;
  let directeurNoord: Auth;
  let teamleiderNoord: Auth;
  let teamleiderOost: Auth;
  let cmAnder: Auth;
  const u: Record<string, TestGebruiker> = {};
  const id: Record<string, string> = {};
  const http = () => request(t.app.getHttpServer());

  async function send(
    method: 'post' | 'patch' | 'get',
    path: string,
    auth: Auth,
    body: Body | undefined,
    status: number,
  ): Promise<Body> {
    const req = http()[method](`/api/v1${path}`).set(auth);
    const res = await (body ? req.send(body) : req);
    if (res.status !== status)
      throw new Error(`${method.toUpperCase()} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Body;
  }
  const post = (path: string, auth: Auth, body: Body, status = 201) =>
    send('post', path, auth, body, status);
  const patch = (path: string, auth: Auth, body: Body, status = 200) =>
    send('patch', path, auth, body, status);
  const get = (path: string, auth: Auth, status = 200) =>
    send('get', path, auth, undefined, status);

  const gesprek = (overrides: Body = {}): Body => ({
    soort: 'verantwoordingsgesprek',
    titel: 'Verantwoordingsgesprek 3e kwartaal 2026 — Noord',
    aanbiederId: noord.id,
    periode: '2026-Q3',
    tijdstip: '2026-10-12T10:00:00+02:00',
    locatie: 'Stadskantoor, vergaderzaal De Brug',
    ...overrides,
  });

  beforeAll(async () => {
    t = await createTestApp();
    ({ gemeente, organisatie: gemeenteOrg } = await makeGemeente(t.dataSource));
    noord = await makeAanbieder(t.dataSource, [gemeente], { naam: 'Wijkteams Noord (test)' });
    oost = await makeAanbieder(t.dataSource, [gemeente], {
      naam: 'Sociaal Collectief Oost (test)',
    });
    const ander = await makeGemeente(t.dataSource);
    const vreemdeAanbieder = await makeAanbieder(t.dataSource, [ander.gemeente]);
    id.vreemdeAanbieder = vreemdeAanbieder.id;
    id.andereGemeente = ander.gemeente.id;

    const maak = async (key: string, org: Organisatie, g: Gemeente, rol: Rol) => {
      u[key] = await makeGebruiker(t.dataSource, org, [{ gemeente: g, rol }]);
      return (await login(t.app, u[key].email)).auth;
    };
    cm = await maak('cm', gemeenteOrg, gemeente, Rol.Contractmanager);
    regisseur = await maak('regisseur', gemeenteOrg, gemeente, Rol.Ketenregisseur);
    adviseur = await maak('adviseur', gemeenteOrg, gemeente, Rol.Beleidsadviseur);
    beheerder = await maak('beheerder', gemeenteOrg, gemeente, Rol.Beheerder);
    directeurNoord = await maak('directeurNoord', noord, gemeente, Rol.Directeur);
    teamleiderNoord = await maak('teamleiderNoord', noord, gemeente, Rol.Teamleider);
    teamleiderOost = await maak('teamleiderOost', oost, gemeente, Rol.Teamleider);
    await maak('directeurOost', oost, gemeente, Rol.Directeur);
    cmAnder = await maak('cmAnder', ander.organisatie, ander.gemeente, Rol.Contractmanager);
    await maak('directeurVreemd', vreemdeAanbieder, ander.gemeente, Rol.Directeur);
    id.keten = (
      (await post('/ketens', cm, {
        naam: 'Armoede & Schulden',
        ketenregisseurId: u.regisseur.gebruiker.id,
      })) as { id: string }
    ).id;
  });
  afterAll(() => t.close());

  describe('plannen', () => {
    it('lets the contractmanager plan a verantwoordingsgesprek, filling in who the deelnemers are', async () => {
      const body = (await post(
        '/overleggen',
        cm,
        gesprek({
          deelnemers: [
            { gebruikerId: u.cm.gebruiker.id },
            { gebruikerId: u.directeurNoord.gebruiker.id, rol: 'directeur-bestuurder' },
            { naam: 'Ria Jansen', organisatie: 'GGD Voorbeeldregio', rol: 'adviseur' },
          ],
        }),
      )) as OverlegBody;
      id.gesprekNoord = body.id;
      expect(body).toMatchObject({
        soort: 'verantwoordingsgesprek',
        aanbiederId: noord.id,
        aanbiederNaam: noord.naam,
        ketenId: null,
        periode: '2026-Q3',
        tijdstip: '2026-10-12T08:00:00.000Z',
        locatie: 'Stadskantoor, vergaderzaal De Brug',
        status: 'gepland',
        version: 1,
      });
      expect(body.deelnemers).toEqual([
        {
          gebruikerId: u.cm.gebruiker.id,
          organisatieId: null,
          naam: u.cm.gebruiker.naam,
          organisatie: gemeenteOrg.naam,
          rol: 'contractmanager',
        },
        {
          gebruikerId: u.directeurNoord.gebruiker.id,
          organisatieId: null,
          naam: u.directeurNoord.gebruiker.naam,
          organisatie: noord.naam,
          rol: 'directeur-bestuurder',
        },
        {
          gebruikerId: null,
          organisatieId: null,
          naam: 'Ria Jansen',
          organisatie: 'GGD Voorbeeldregio',
          rol: 'adviseur',
        },
      ]);
      const opgehaald = (await get(`/overleggen/${body.id}`, cm)) as OverlegBody;
      expect(opgehaald).toEqual(body);
      // The API calls the moment `tijdstip`; `datum` would promise a calendar date.
      expect(body).not.toHaveProperty('datum');
    });

    it('plans other kinds by the roles the brief gives them', async () => {
      id.gesprekOost = (
        (await post(
          '/overleggen',
          cm,
          gesprek({
            aanbiederId: oost.id,
            titel: 'Verantwoordingsgesprek 3e kwartaal 2026 — Oost',
            tijdstip: '2026-10-14T10:00:00+02:00',
            deelnemers: [{ gebruikerId: u.directeurOost.gebruiker.id }],
          }),
        )) as OverlegBody
      ).id;
      const keten = (await post('/overleggen', regisseur, {
        soort: 'ketenoverleg',
        titel: 'Ketenoverleg Armoede & Schulden',
        ketenId: id.keten,
        tijdstip: '2026-10-20T14:00:00+02:00',
        // Without an aanbieder, people of any aanbieder of the gemeente may join.
        deelnemers: [
          { gebruikerId: u.regisseur.gebruiker.id },
          { gebruikerId: u.directeurNoord.gebruiker.id },
          { gebruikerId: u.directeurOost.gebruiker.id },
        ],
      })) as OverlegBody;
      id.ketenoverleg = keten.id;
      expect(keten).toMatchObject({ ketenId: id.keten, ketenNaam: 'Armoede & Schulden' });
      expect(keten.deelnemers.map((d) => d.rol)).toEqual([
        'ketenregisseur',
        'directeur',
        'directeur',
      ]);
      id.ontwikkeloverleg = (
        (await post('/overleggen', regisseur, {
          soort: 'ontwikkeloverleg',
          titel: 'Ontwikkeloverleg najaar',
          tijdstip: '2026-10-28T13:00:00+01:00',
        })) as OverlegBody
      ).id;
      id.ketenoverlegCm = (
        (await post('/overleggen', cm, {
          soort: 'ketenoverleg',
          titel: 'Ketenoverleg Armoede & Schulden (extra)',
          ketenId: id.keten,
          tijdstip: '2026-11-03T09:00:00+01:00',
        })) as OverlegBody
      ).id;
      const stuurgroep = (await post('/overleggen', cm, {
        soort: 'stuurgroep',
        titel: 'Stuurgroep sociaal domein',
        periode: '2026-Q3',
        tijdstip: '2026-11-05T15:00:00+01:00',
      })) as OverlegBody;
      id.stuurgroep = stuurgroep.id;
      expect(stuurgroep).toMatchObject({ periode: '2026-Q3', aanbiederId: null, deelnemers: [] });
    });

    it('refuses planning to roles that may not (403)', async () => {
      for (const auth of [directeurNoord, teamleiderNoord, adviseur, beheerder]) {
        const res = await http()
          .post('/api/v1/overleggen')
          .set(auth)
          .send(gesprek({ periode: '2026-Q4' }));
        expect(res.status).toBe(403);
      }
      for (const soort of ['verantwoordingsgesprek', 'stuurgroep']) {
        const res = await http()
          .post('/api/v1/overleggen')
          .set(regisseur)
          .send(gesprek({ soort, periode: '2026-Q4' }));
        expect(res.status).toBe(403);
        expect((res.body as Problem).detail).toContain('alleen een contractmanager');
      }
    });

    it('refuses a second verantwoordingsgesprek with an aanbieder about the same quarter (409)', async () => {
      const res = await http()
        .post('/api/v1/overleggen')
        .set(cm)
        .send(gesprek({ tijdstip: '2026-10-19T10:00:00+02:00' }));
      expect(res.status).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const problem = res.body as Problem & { overlegId: string };
      expect(problem.code).toBe('verantwoordingsgesprek-bestaat');
      expect(problem.detail).toBe(
        `Er is al een verantwoordingsgesprek met ${noord.naam} over het 3e kwartaal 2026. Verplaats dat gesprek, of annuleer het eerst als u een nieuw gesprek wilt plannen.`,
      );
      expect(problem.overlegId).toBe(id.gesprekNoord);
      // Another quarter, another aanbieder or another kind is fine.
      await post(
        '/overleggen',
        cm,
        gesprek({ periode: '2026-Q2', tijdstip: '2026-07-15T10:00:00+02:00' }),
      );
      await post('/overleggen', cm, {
        soort: 'stuurgroep',
        titel: 'Stuurgroep met Noord',
        aanbiederId: noord.id,
        periode: '2026-Q3',
        tijdstip: '2026-11-10T10:00:00+01:00',
      });
    });

    it('turns away an overleg that does not fit its kind with a 422 in Dutch', async () => {
      const fout = async (body: Body): Promise<Problem> => {
        const res = await http().post('/api/v1/overleggen').set(cm).send(body);
        expect(res.status).toBe(422);
        expect((res.body as Problem).code).toBe('ongeldig-overleg');
        return res.body as Problem;
      };
      expect((await fout(gesprek({ aanbiederId: undefined }))).invalidParams).toEqual([
        {
          name: 'aanbiederId',
          reason:
            'een verantwoordingsgesprek is altijd met één aanbieder: aanbiederId is verplicht',
        },
      ]);
      expect((await fout(gesprek({ periode: '2026-Q5' }))).invalidParams).toEqual([
        {
          name: 'periode',
          reason: 'periode is geen kwartaal (2000–2099); schrijf het als 2026-Q3',
        },
      ]);
      expect((await fout(gesprek({ periode: undefined }))).invalidParams?.[0].name).toBe('periode');
      expect(
        (
          await fout({
            soort: 'ketenoverleg',
            titel: 'Zonder keten',
            tijdstip: '2026-10-20T14:00:00Z',
          })
        ).invalidParams,
      ).toEqual([
        { name: 'ketenId', reason: 'een ketenoverleg hoort bij één keten: ketenId is verplicht' },
      ]);
      expect(
        (await fout(gesprek({ periode: '2026-Q4', aanbiederId: id.vreemdeAanbieder })))
          .invalidParams,
      ).toEqual([
        { name: 'aanbiederId', reason: 'aanbieder bestaat niet of werkt niet voor deze gemeente' },
      ]);
      const andereGemeente = await fout(
        gesprek({
          periode: '2026-Q4',
          deelnemers: [
            { gebruikerId: u.cm.gebruiker.id },
            { gebruikerId: u.cmAnder.gebruiker.id },
            { gebruikerId: u.directeurVreemd.gebruiker.id },
            { gebruikerId: u.directeurOost.gebruiker.id },
            { gebruikerId: u.cm.gebruiker.id },
          ],
        }),
      );
      const reden =
        'gebruiker bestaat niet, of werkt niet voor deze gemeente of voor de aanbieder van dit overleg';
      expect(andereGemeente.invalidParams).toEqual([
        {
          name: 'deelnemers.4.gebruikerId',
          reason: 'deze gebruiker staat al eerder in de lijst deelnemers',
        },
        { name: 'deelnemers.1.gebruikerId', reason: reden },
        { name: 'deelnemers.2.gebruikerId', reason: reden },
        // Oost's directeur works for the gemeente, but this gesprek is with Noord.
        { name: 'deelnemers.3.gebruikerId', reason: reden },
      ]);
      // Nothing was saved by any of the refusals.
      const lijst = (await get('/overleggen?periode=2026-Q4', cm)) as PageBody;
      expect(lijst.meta.totalItems).toBe(0);
    });

    it('rejects malformed input with a 400 naming each field', async () => {
      const res = await http()
        .post('/api/v1/overleggen')
        .set(cm)
        .send({
          soort: 'kletspraatje',
          titel: '',
          tijdstip: '2026-10-12 10:00',
          aanbiederId: 'noord',
          deelnemers: [{ rol: 'gast' }],
        });
      expect(res.status).toBe(400);
      const namen = (res.body as Problem).invalidParams!.map((p) => p.name);
      expect(new Set(namen)).toEqual(
        new Set(['soort', 'titel', 'tijdstip', 'aanbiederId', 'deelnemers.0.naam']),
      );
      expect(
        (res.body as Problem)
          .invalidParams!.filter((p) => p.name === 'tijdstip')
          .some((p) => p.reason.startsWith('tijdstip moet een tijdstip met tijdzone zijn')),
      ).toBe(true);
    });
  });

  describe('lezen', () => {
    it('lists the gemeente’s meetings by date, with filters and a total', async () => {
      const alles = (await get('/overleggen?pageSize=100', adviseur)) as PageBody;
      expect(alles.meta.totalItems).toBe(8);
      const tijdstippen = alles.items.map((o) => o.tijdstip);
      expect(tijdstippen).toEqual([...tijdstippen].sort());
      expect(alles.items[0].periode).toBe('2026-Q2');

      const gesprekken = (await get('/overleggen?soort=verantwoordingsgesprek', cm)) as PageBody;
      expect(gesprekken.items.map((o) => o.id)).toEqual([
        expect.any(String),
        id.gesprekNoord,
        id.gesprekOost,
      ]);
      const q3 = (await get(
        `/overleggen?soort=verantwoordingsgesprek&periode=2026-Q3&aanbiederId=${noord.id}`,
        cm,
      )) as PageBody;
      expect(q3.items.map((o) => o.id)).toEqual([id.gesprekNoord]);
      // vanaf/tot are whole days in Amsterdam: 28 October 13:00 (+01:00) is on the 28th.
      const oktober = (await get('/overleggen?vanaf=2026-10-14&tot=2026-10-28', cm)) as PageBody;
      expect(oktober.items.map((o) => o.id)).toEqual([
        id.gesprekOost,
        id.ketenoverleg,
        id.ontwikkeloverleg,
      ]);
      const pagina = (await get('/overleggen?pageSize=3&page=3', cm)) as PageBody;
      expect(pagina.meta).toMatchObject({ totalItems: 8, totalPages: 3 });
      expect(pagina.items).toHaveLength(2);
      const gepland = (await get('/overleggen?status=gepland', cm)) as PageBody;
      expect(gepland.meta.totalItems).toBe(8);
      expect(((await get('/overleggen?status=gehouden', cm)) as PageBody).meta.totalItems).toBe(0);
    });

    it('rejects bad filters with a 400', async () => {
      for (const query of [
        'periode=2026-Q5',
        'vanaf=2026-02-30',
        'tot=morgen',
        'soort=borrel',
        'vanaf=2026-11-01&tot=2026-10-01',
      ]) {
        const res = await http().get(`/api/v1/overleggen?${query}`).set(cm);
        expect(res.status).toBe(400);
      }
    });

    it('shows a provider only the verantwoordingsgesprekken of its own organisation', async () => {
      const lijst = (await get('/overleggen?pageSize=100', teamleiderNoord)) as PageBody;
      expect(lijst.items.every((o) => o.soort === 'verantwoordingsgesprek')).toBe(true);
      expect(lijst.items.every((o) => o.aanbiederId === noord.id)).toBe(true);
      expect(lijst.meta.totalItems).toBe(2);
      expect(
        ((await get(`/overleggen/${id.gesprekNoord}`, teamleiderNoord)) as OverlegBody).id,
      ).toBe(id.gesprekNoord);
      await get(`/overleggen/${id.gesprekOost}`, teamleiderNoord, 404);
      await get(`/overleggen/${id.ketenoverleg}`, teamleiderNoord, 404);
      await get(`/overleggen/${id.gesprekNoord}`, teamleiderOost, 404);
      const oostLijst = (await get('/overleggen', teamleiderOost)) as PageBody;
      expect(oostLijst.items.map((o) => o.id)).toEqual([id.gesprekOost]);
    });

    it('hides meetings of another gemeente (404)', async () => {
      const res = await http().get(`/api/v1/overleggen/${id.gesprekNoord}`).set(cmAnder);
      expect(res.status).toBe(404);
      expect((res.body as Problem).detail).toContain('bestaat niet of is niet zichtbaar voor u');
      expect(((await get('/overleggen', cmAnder)) as PageBody).meta.totalItems).toBe(0);
      await patch(
        `/overleggen/${id.gesprekNoord}`,
        cmAnder,
        { version: 1, titel: 'Overgenomen' },
        404,
      );
    });
  });

  describe('gelijktijdig', () => {
    it('plans one gesprek when two arrive at once, and the database holds the line too', async () => {
      const tegelijk = await Promise.all(
        [1, 2, 3].map(() =>
          http()
            .post('/api/v1/overleggen')
            .set(cm)
            .send(gesprek({ periode: '2025-Q1', tijdstip: '2026-05-04T10:00:00+02:00' })),
        ),
      );
      expect(tegelijk.map((r) => r.status).sort()).toEqual([201, 409, 409]);
      for (const r of tegelijk.filter((r) => r.status === 409))
        expect((r.body as Problem).code).toBe('verantwoordingsgesprek-bestaat');
      const winnaar = tegelijk.find((r) => r.status === 201)!.body as OverlegBody;
      await expect(
        t.dataSource.getRepository(Overleg).insert({
          gemeenteId: gemeente.id,
          soort: OverlegSoort.Verantwoordingsgesprek,
          titel: 'Buiten de API om',
          aanbiederId: noord.id,
          periode: '2025-Q1',
          datum: new Date('2026-05-05T08:00:00Z'),
        }),
      ).rejects.toMatchObject({
        driverError: expect.objectContaining({
          constraint: 'uq_overleggen_verantwoordingsgesprek',
        }),
      });
      // Cancelling makes room for a new one.
      await patch(`/overleggen/${winnaar.id}`, cm, { version: 1, status: 'geannuleerd' });
      const opnieuw = (await post(
        '/overleggen',
        cm,
        gesprek({ periode: '2025-Q1', tijdstip: '2026-05-11T10:00:00+02:00' }),
      )) as OverlegBody;
      expect(opnieuw.status).toBe('gepland');
    });
  });

  describe('wijzigen', () => {
    it('moves a gesprek with the version read, and audits before and after', async () => {
      const body = (await patch(`/overleggen/${id.gesprekNoord}`, cm, {
        version: 1,
        tijdstip: '2026-10-13T14:00:00+02:00',
        locatie: 'Wijkcentrum Noorderpark',
        deelnemers: [
          { gebruikerId: u.cm.gebruiker.id },
          { gebruikerId: u.teamleiderNoord.gebruiker.id },
        ],
      })) as OverlegBody;
      expect(body).toMatchObject({
        tijdstip: '2026-10-13T12:00:00.000Z',
        locatie: 'Wijkcentrum Noorderpark',
        titel: 'Verantwoordingsgesprek 3e kwartaal 2026 — Noord',
        status: 'gepland',
        version: 2,
      });
      expect(body.deelnemers.map((d) => d.rol)).toEqual(['contractmanager', 'teamleider']);

      const audit = await http()
        .get(`/api/v1/audit-entries?entityType=overleg&entityId=${id.gesprekNoord}`)
        .set(beheerder)
        .expect(200);
      const regels = audit.body.items as {
        action: string;
        actorId: string;
        before: Record<string, unknown> | null;
        after: Record<string, unknown> | null;
      }[];
      expect(regels.map((r) => r.action)).toEqual(['gewijzigd', 'aangemaakt']);
      expect(regels[0].actorId).toBe(u.cm.gebruiker.id);
      expect(regels[0].before).toMatchObject({
        tijdstip: '2026-10-12T08:00:00.000Z',
        locatie: 'Stadskantoor, vergaderzaal De Brug',
        version: 1,
      });
      expect(regels[0].after).toMatchObject({
        tijdstip: '2026-10-13T12:00:00.000Z',
        locatie: 'Wijkcentrum Noorderpark',
        version: 2,
      });
      expect(regels[1].before).toBeNull();
      expect(regels[1].after).toMatchObject({ id: id.gesprekNoord, periode: '2026-Q3' });
    });

    it('refuses a stale version with 412 and changes nothing', async () => {
      const res = await http()
        .patch(`/api/v1/overleggen/${id.gesprekNoord}`)
        .set(cm)
        .send({ version: 1, locatie: 'Ergens anders' });
      expect(res.status).toBe(412);
      expect(res.body).toMatchObject({ code: 'versieconflict', currentVersion: 2 });
      expect((res.body as Problem).detail).toContain('intussen gewijzigd');
      const nu = (await get(`/overleggen/${id.gesprekNoord}`, cm)) as OverlegBody;
      expect(nu).toMatchObject({ locatie: 'Wijkcentrum Noorderpark', version: 2 });
      const audits = await t.dataSource
        .getRepository(AuditEntry)
        .countBy({ entityType: 'overleg', entityId: id.gesprekNoord });
      expect(audits).toBe(2);
    });

    it('leaves editing to who may plan it', async () => {
      await patch(
        `/overleggen/${id.gesprekNoord}`,
        directeurNoord,
        { version: 2, titel: 'x' },
        403,
      );
      await patch(`/overleggen/${id.gesprekNoord}`, regisseur, { version: 2, titel: 'x' }, 403);
      const keten = (await patch(`/overleggen/${id.ketenoverleg}`, regisseur, {
        version: 1,
        locatie: 'Wijkcentrum De Weiden',
      })) as OverlegBody;
      expect(keten).toMatchObject({ locatie: 'Wijkcentrum De Weiden', version: 2 });
    });

    it('checks new deelnemers against the aanbieder of the gesprek (422)', async () => {
      const res = await http()
        .patch(`/api/v1/overleggen/${id.gesprekNoord}`)
        .set(cm)
        .send({ version: 2, deelnemers: [{ gebruikerId: u.teamleiderOost.gebruiker.id }] });
      expect(res.status).toBe(422);
      expect((res.body as Problem).invalidParams?.[0].name).toBe('deelnemers.0.gebruikerId');
    });

    it('holds, cancels and replans, and never lets a cancelled gesprek collide with a live one', async () => {
      // Cancel Oost's gesprek, plan a new one for the same quarter, then try to revive the old one.
      const geannuleerd = (await patch(`/overleggen/${id.gesprekOost}`, cm, {
        version: 1,
        status: 'geannuleerd',
      })) as OverlegBody;
      expect(geannuleerd.status).toBe('geannuleerd');
      const nieuw = (await post(
        '/overleggen',
        cm,
        gesprek({ aanbiederId: oost.id, tijdstip: '2026-10-21T10:00:00+02:00' }),
      )) as OverlegBody;
      const botsing = await http()
        .patch(`/api/v1/overleggen/${id.gesprekOost}`)
        .set(cm)
        .send({ version: 2, status: 'gepland' });
      expect(botsing.status).toBe(409);
      expect((botsing.body as Problem & { overlegId: string }).overlegId).toBe(nieuw.id);
      // Held is final.
      await patch(`/overleggen/${nieuw.id}`, cm, { version: 1, status: 'gehouden' });
      const terug = await http()
        .patch(`/api/v1/overleggen/${nieuw.id}`)
        .set(cm)
        .send({ version: 2, status: 'gepland' });
      expect(terug.status).toBe(409);
      expect(terug.body).toMatchObject({
        code: 'ongeldige-statusovergang',
        currentStatus: 'gehouden',
        allowedNextStates: ['verslag-vastgesteld'],
      });
      // With the new one held, the old one still cannot come back: one live gesprek per quarter.
      await patch(`/overleggen/${id.gesprekOost}`, cm, { version: 2, status: 'gepland' }, 409);
    });
  });

  describe('voor de planner van het dossier', () => {
    const service = () => t.app.get(OverlegService);
    const maakGesprek = async (
      aanbieder: Organisatie,
      periode: string,
      tijdstip: string,
      auth = cm,
    ): Promise<string> =>
      (
        (await post(
          '/overleggen',
          auth,
          gesprek({ aanbiederId: aanbieder.id, periode, tijdstip }),
        )) as OverlegBody
      ).id;

    it('returns the planned verantwoordingsgesprekken in a window, earliest first', async () => {
      // Year 2030 is used by no other test of this gemeente.
      const a = await maakGesprek(noord, '2030-Q1', '2030-04-10T10:00:00+02:00');
      const b = await maakGesprek(oost, '2030-Q1', '2030-04-08T10:00:00+02:00');
      const rand = await maakGesprek(noord, '2029-Q4', '2030-04-12T10:00:00+02:00'); // 08:00Z
      const geannuleerd = await maakGesprek(oost, '2029-Q4', '2030-04-09T10:00:00+02:00');
      await patch(`/overleggen/${geannuleerd}`, cm, { version: 1, status: 'geannuleerd' });
      const gehouden = await maakGesprek(noord, '2029-Q3', '2030-04-09T11:00:00+02:00');
      await patch(`/overleggen/${gehouden}`, cm, { version: 1, status: 'gehouden' });
      await maakGesprek(noord, '2029-Q2', '2030-05-20T10:00:00+02:00'); // outside
      await post('/overleggen', cm, {
        soort: 'stuurgroep',
        titel: 'Stuurgroep',
        tijdstip: '2030-04-09T10:00:00+02:00',
      });
      // Another gemeente's gesprek in the same window.
      const vreemd = await makeAanbieder(t.dataSource, [
        await t.dataSource.getRepository(Gemeente).findOneByOrFail({ id: id.andereGemeente }),
      ]);
      await maakGesprek(vreemd, '2030-Q1', '2030-04-09T10:00:00+02:00', cmAnder);

      const van = new Date('2030-04-01T00:00:00Z');
      const totRand = new Date('2030-04-12T08:00:00Z');
      const venster = await service().verantwoordingsgesprekkenTussen(gemeente.id, van, totRand);
      expect(venster.map((o) => o.id)).toEqual([b, a]);
      expect(venster.map((o) => o.aanbieder?.naam)).toEqual([oost.naam, noord.naam]);
      expect(venster.every((o) => o.soort === OverlegSoort.Verantwoordingsgesprek)).toBe(true);
      expect(venster.every((o) => o.status === OverlegStatus.Gepland)).toBe(true);
      const ruimer = await service().verantwoordingsgesprekkenTussen(
        gemeente.id,
        van,
        new Date('2030-04-12T08:00:01Z'),
      );
      expect(ruimer.map((o) => o.id)).toEqual([b, a, rand]);
      expect(
        await service().verantwoordingsgesprekkenTussen(
          gemeente.id,
          totRand,
          new Date('2030-05-01T00:00:00Z'),
        ),
      ).toHaveLength(1);
    });

    it('finds a meeting by id without an actor, and the live gesprek of an aanbieder and quarter', async () => {
      const overleg = (await service().findOneVoorSysteem(id.gesprekNoord)) as Overleg;
      expect(overleg).toMatchObject({
        id: id.gesprekNoord,
        gemeenteId: gemeente.id,
        periode: '2026-Q3',
        aanbieder: expect.objectContaining({ naam: noord.naam }),
      });
      expect(overleg.datum).toEqual(new Date('2026-10-13T12:00:00Z'));
      expect(await service().findOneVoorSysteem('00000000-0000-4000-8000-000000000000')).toBeNull();
      expect(
        (await service().verantwoordingsgesprekVoor(gemeente.id, noord.id, '2026-Q3'))?.id,
      ).toBe(id.gesprekNoord);
      // Oost's first Q3 gesprek was cancelled: the live one is the replacement (held).
      const oostQ3 = await service().verantwoordingsgesprekVoor(gemeente.id, oost.id, '2026-Q3');
      expect(oostQ3?.id).not.toBe(id.gesprekOost);
      expect(oostQ3?.status).toBe(OverlegStatus.Gehouden);
      expect(
        await service().verantwoordingsgesprekVoor(gemeente.id, noord.id, '2024-Q1'),
      ).toBeNull();
    });
  });

  describe('demodata', () => {
    it('plans a gesprek per aanbieder about the last quarter and a ketenoverleg next month', async () => {
      const demo = await makeGemeente(t.dataSource);
      const aanbieders = {
        noord: await makeAanbieder(t.dataSource, [demo.gemeente], { naam: 'Demo Noord' }),
        oost: await makeAanbieder(t.dataSource, [demo.gemeente], { naam: 'Demo Oost' }),
        zuid: await makeAanbieder(t.dataSource, [demo.gemeente], { naam: 'Demo Zuid' }),
      };
      const gebruikers: DemoGebruiker[] = [];
      const voeg = async (org: Organisatie, rol: Rol) => {
        const g = await makeGebruiker(t.dataSource, org, [{ gemeente: demo.gemeente, rol }]);
        gebruikers.push({
          email: g.email,
          naam: g.gebruiker.naam,
          rol,
          organisatie: org.naam,
          password: g.password,
          id: g.gebruiker.id,
        });
        return g;
      };
      await voeg(demo.organisatie, Rol.Contractmanager);
      const kr = await voeg(demo.organisatie, Rol.Ketenregisseur);
      await voeg(demo.organisatie, Rol.Beleidsadviseur);
      for (const a of Object.values(aanbieders)) await voeg(a, Rol.Directeur);
      await voeg(aanbieders.noord, Rol.Teamleider);
      await t.dataSource.getRepository(Keten).save({
        gemeenteId: demo.gemeente.id,
        naam: 'Jeugd',
        omschrijving: null,
        ketenregisseurId: null,
      });
      const keten = await t.dataSource.getRepository(Keten).save({
        gemeenteId: demo.gemeente.id,
        naam: 'Armoede & Schulden',
        omschrijving: null,
        ketenregisseurId: kr.gebruiker.id,
      });

      await t.dataSource.transaction((manager) =>
        t.app.get(OverleggenDemoSeed).run({
          manager,
          audit: t.app.get(AuditService),
          gemeente: demo.gemeente,
          gemeenteOrganisatie: demo.organisatie,
          aanbieders,
          gebruikers,
        }),
      );

      const overleggen = await t.dataSource
        .getRepository(Overleg)
        .find({ where: { gemeenteId: demo.gemeente.id }, order: { datum: 'ASC' } });
      const tz = t.config.timeZone;
      const vandaagHier = vandaag(tz);
      const periode = vorigKwartaal(kwartaal(vandaagHier));
      const [jaar, q] = periode.split('-Q');
      const gesprekken = overleggen.filter((o) => o.soort === OverlegSoort.Verantwoordingsgesprek);
      expect(gesprekken).toHaveLength(3);
      const dagen = new Set<string>();
      for (const aanbieder of Object.values(aanbieders)) {
        const g = gesprekken.find((o) => o.aanbiederId === aanbieder.id)!;
        expect(g.titel).toBe(`Verantwoordingsgesprek ${q}e kwartaal ${jaar} — ${aanbieder.naam}`);
        expect(g.periode).toBe(periode);
        expect(g.status).toBe(OverlegStatus.Gepland);
        const dag = vandaag(tz, g.datum);
        expect(dag >= plusDagen(vandaagHier, 7) && dag <= plusDagen(vandaagHier, 14)).toBe(true);
        expect(g.datum).toEqual(lokaalTijdstip(dag, '10:00', tz));
        expect([0, 6]).not.toContain(new Date(`${dag}T00:00:00Z`).getUTCDay());
        dagen.add(dag);
        expect(g.deelnemers.map((d) => d.rol)).toEqual(['contractmanager', 'directeur']);
        expect(g.deelnemers[1]).toMatchObject({ organisatie: aanbieder.naam });
      }
      expect(dagen.size).toBe(3);
      const [ketenoverleg] = overleggen.filter((o) => o.soort === OverlegSoort.Ketenoverleg);
      expect(ketenoverleg.ketenId).toBe(keten.id);
      expect(ketenoverleg.titel).toMatch(/^Ketenoverleg Armoede & Schulden — [a-z]+ \d{4}$/);
      const ketenDag = vandaag(tz, ketenoverleg.datum);
      expect(ketenDag > plusDagen(vandaagHier, 14) && ketenDag <= plusDagen(vandaagHier, 31)).toBe(
        true,
      );
      expect(ketenoverleg.deelnemers.map((d) => d.gebruikerId)).toContain(kr.gebruiker.id);
      expect(overleggen).toHaveLength(4);
      // Every demo meeting is in the audit trail, and the API shows them like any other.
      expect(
        await t.dataSource.getRepository(AuditEntry).countBy({
          gemeenteId: demo.gemeente.id,
          entityType: 'overleg',
          actorNaam: 'systeem: demo-data',
        }),
      ).toBe(4);
      const cmDemo = gebruikers.find((g) => g.rol === Rol.Contractmanager)!;
      const sessie = await login(t.app, cmDemo.email, cmDemo.password);
      const lijst = (await get('/overleggen', sessie.auth)) as PageBody;
      expect(lijst.items.map((o) => o.soort)).toEqual([
        'verantwoordingsgesprek',
        'verantwoordingsgesprek',
        'verantwoordingsgesprek',
        'ketenoverleg',
      ]);
    });
  });
});

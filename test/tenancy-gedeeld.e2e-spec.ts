import { Organisatie, Rol } from '@wijkkompas/core';
import {
  createTestApp,
  login,
  makeGebruiker,
  makeGemeente,
  Session,
  TestApp,
  TestTenant,
  unique,
} from '@wijkkompas/core/testing';
import request from 'supertest';

type Body = Record<string, unknown>;

const kvk = () => String(30000000 + Math.floor(Math.random() * 69999999));

/**
 * Two gemeenten sharing an aanbieder and a provider user: the organisation (KvK number) and the
 * person (e-mail, password) are shared; every relation with a gemeente is that gemeente's own.
 * No answer to one gemeente shows the other gemeente or its relation, no gemeente changes what
 * the other sees, and each audit trail holds the changes that touched that gemeente.
 */
describe('Gedeelde aanbieders en gebruikers tussen twee gemeenten', () => {
  let t: TestApp;
  let a: TestTenant;
  let b: TestTenant;
  let cmA: Session;
  let cmB: Session;
  let beheerA: Session;
  let beheerB: Session;
  const kvkGedeeld = kvk();
  const naamA = `Wijkteams Noord ${unique('a')}`;
  const naamB = `Sociaal Team Noordkant ${unique('b')}`;
  let aanbiederId: string;

  beforeAll(async () => {
    t = await createTestApp();
    a = await makeGemeente(t.dataSource);
    b = await makeGemeente(t.dataSource);
    const sessie = async (tenant: TestTenant, rol: Rol) =>
      login(
        t.app,
        (
          await makeGebruiker(t.dataSource, tenant.organisatie, [
            { gemeente: tenant.gemeente, rol },
          ])
        ).email,
      );
    cmA = await sessie(a, Rol.Contractmanager);
    cmB = await sessie(b, Rol.Contractmanager);
    beheerA = await sessie(a, Rol.Beheerder);
    beheerB = await sessie(b, Rol.Beheerder);
  });
  afterAll(() => t.close());

  const http = () => request(t.app.getHttpServer());
  const ok = async (res: request.Response, status: number): Promise<Body> => {
    if (res.status !== status)
      throw new Error(`verwacht ${status}, kreeg ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as Body;
  };
  const get = async (path: string, s: Session, status = 200) =>
    ok(await http().get(`/api/v1${path}`).set(s.auth), status);
  const post = async (path: string, s: Session, body: object, status = 201) =>
    ok(await http().post(`/api/v1${path}`).set(s.auth).send(body), status);
  const patch = async (path: string, s: Session, body: object, status = 200) =>
    ok(await http().patch(`/api/v1${path}`).set(s.auth).send(body), status);
  const audit = async (s: Session, entityId: string) =>
    (await get(`/audit-entries?entityId=${entityId}&pageSize=100`, s)).items as (Body & {
      action: string;
      before: Body | null;
      after: Body | null;
    })[];

  /** Nothing of the other gemeente: not its id, name or CBS code, nor its name for the aanbieder. */
  const verraadtNiets = (body: unknown, ander: TestTenant, andereNaam: string) => {
    const tekst = JSON.stringify(body);
    expect(tekst).not.toContain(ander.gemeente.id);
    expect(tekst).not.toContain(ander.gemeente.naam);
    expect(tekst).not.toContain(ander.gemeente.cbsCode);
    expect(tekst).not.toContain(ander.organisatie.id);
    expect(tekst).not.toContain(andereNaam);
  };

  describe('aanbieders', () => {
    let eigenVanB: Body;

    beforeAll(async () => {
      const vanA = await post('/aanbieders', cmA, { naam: naamA, kvkNummer: kvkGedeeld });
      aanbiederId = vanA.id as string;
      // B registers the same organisation by its public KvK number, and a new one.
      const vanB = await post('/aanbieders', cmB, { naam: naamB, kvkNummer: kvkGedeeld });
      expect(vanB.id).toBe(aanbiederId);
      eigenVanB = await post('/aanbieders', cmB, { naam: 'Alleen B', kvkNummer: kvk() });
    });

    it('answers a registration of a known KvK number exactly like a new one, with B’s own relation', async () => {
      const gedeeld = await get(`/aanbieders/${aanbiederId}`, cmB);
      expect(gedeeld).toEqual({
        id: aanbiederId,
        naam: naamB,
        kvkNummer: kvkGedeeld,
        version: 1,
      });
      expect(Object.keys(gedeeld).sort()).toEqual(Object.keys(eigenVanB).sort());
      const [aanmaak] = await audit(beheerB, aanbiederId);
      const [nieuw] = await audit(beheerB, eigenVanB.id as string);
      expect(aanmaak.action).toBe(nieuw.action);
      expect(aanmaak.action).toBe('aangemaakt');
      expect(aanmaak.after).toEqual(gedeeld);
      // Registering it again in the same gemeente is a conflict there, and only there.
      await post('/aanbieders', cmB, { naam: 'Nog eens', kvkNummer: kvkGedeeld }, 409);
    });

    it('shows neither gemeente the other or its relation, in any aanbieder or organisatie read', async () => {
      for (const [s, eigen, ander, andereNaam] of [
        [cmB, naamB, a, naamA],
        [cmA, naamA, b, naamB],
      ] as const) {
        const lijst = await get('/aanbieders?pageSize=100', s);
        expect((lijst.items as Body[]).find((x) => x.id === aanbiederId)?.naam).toBe(eigen);
        verraadtNiets(lijst, ander, andereNaam);
        const een = await get(`/aanbieders/${aanbiederId}`, s);
        expect(een.naam).toBe(eigen);
        expect(een).not.toHaveProperty('gemeenten');
        verraadtNiets(een, ander, andereNaam);
        const gezocht = await get(`/aanbieders?zoek=${encodeURIComponent(andereNaam)}`, s);
        expect(gezocht.items).toEqual([]);
        const organisaties = await get('/organisaties?pageSize=100', s);
        expect((organisaties.items as Body[]).find((x) => x.id === aanbiederId)?.naam).toBe(eigen);
        verraadtNiets(organisaties, ander, andereNaam);
        verraadtNiets(await get(`/organisaties/${aanbiederId}`, s), ander, andereNaam);
      }
      verraadtNiets(await get('/audit-entries?pageSize=100', beheerB), a, naamA);
      verraadtNiets(await get('/audit-entries?pageSize=100', beheerA), b, naamB);
    });

    it('keeps a rename in one gemeente out of the other, and audits it only where it happened', async () => {
      const hernoemdB = `${naamB} (nieuw)`;
      const naB = await patch(`/aanbieders/${aanbiederId}`, cmB, { version: 1, naam: hernoemdB });
      expect(naB).toMatchObject({ naam: hernoemdB, version: 2 });
      const bijA = await get(`/aanbieders/${aanbiederId}`, cmA);
      expect(bijA).toMatchObject({ naam: naamA, version: 1 });
      // B's stale version is B's own: A's edits never make it stale, and the other way round.
      const hernoemdA = `${naamA} (nieuw)`;
      await patch(`/aanbieders/${aanbiederId}`, cmA, { version: 1, naam: hernoemdA });
      expect((await get(`/aanbieders/${aanbiederId}`, cmB)).naam).toBe(hernoemdB);
      expect((await get(`/aanbieders/${aanbiederId}`, cmA)).naam).toBe(hernoemdA);

      const trailA = await audit(beheerA, aanbiederId);
      const trailB = await audit(beheerB, aanbiederId);
      expect(trailA.map((e) => e.action).sort()).toEqual(['aangemaakt', 'gewijzigd']);
      expect(trailB.map((e) => e.action).sort()).toEqual(['aangemaakt', 'gewijzigd']);
      const wijzigingA = trailA.find((e) => e.action === 'gewijzigd')!;
      const wijzigingB = trailB.find((e) => e.action === 'gewijzigd')!;
      expect(wijzigingA.before).toMatchObject({ naam: naamA });
      expect(wijzigingA.after).toMatchObject({ naam: hernoemdA });
      expect(wijzigingB.before).toMatchObject({ naam: naamB });
      expect(wijzigingB.after).toMatchObject({ naam: hernoemdB });
      verraadtNiets(trailA, b, naamB);
      verraadtNiets(trailB, a, naamA);
      expect(JSON.stringify(trailA)).not.toContain(hernoemdB);
      expect(JSON.stringify(trailB)).not.toContain(hernoemdA);
    });

    it('refuses one gemeente a change of the shared KvK number, without naming the other', async () => {
      const huidig = await get(`/aanbieders/${aanbiederId}`, cmB);
      const res = await http()
        .patch(`/api/v1/aanbieders/${aanbiederId}`)
        .set(cmB.auth)
        .send({ version: huidig.version, kvkNummer: kvk() });
      expect(res.status).toBe(409);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe('kvk-nummer-gedeeld');
      verraadtNiets(res.body, a, naamA);
      expect((await get(`/aanbieders/${aanbiederId}`, cmA)).kvkNummer).toBe(kvkGedeeld);
      expect((await audit(beheerA, aanbiederId)).map((e) => e.action).sort()).toEqual([
        'aangemaakt',
        'gewijzigd',
      ]);

      // An aanbieder that works for B alone is B's to correct, and audited in B.
      const nieuwNummer = kvk();
      const gecorrigeerd = await patch(`/aanbieders/${eigenVanB.id as string}`, cmB, {
        version: 1,
        kvkNummer: nieuwNummer,
      });
      expect(gecorrigeerd).toMatchObject({ kvkNummer: nieuwNummer, version: 2 });
      const [correctie] = await audit(beheerB, eigenVanB.id as string);
      expect(correctie).toMatchObject({ action: 'gewijzigd' });
      expect(correctie.after).toMatchObject({ kvkNummer: nieuwNummer });
      // The number of an aanbieder of the other gemeente cannot be taken over.
      const gebruikt = await http()
        .patch(`/api/v1/aanbieders/${eigenVanB.id as string}`)
        .set(cmB.auth)
        .send({ version: 2, kvkNummer: kvkGedeeld });
      expect(gebruikt.status).toBe(409);
      verraadtNiets(gebruikt.body, a, naamA);
    });

    it('keeps one organisation per KvK number when both gemeenten register it at once', async () => {
      const nummer = kvk();
      const pogingen = await Promise.all(
        [cmA, cmB, cmA, cmB, cmA, cmB].map((s, i) =>
          http()
            .post('/api/v1/aanbieders')
            .set(s.auth)
            .send({ naam: `Gelijktijdig ${i}`, kvkNummer: nummer }),
        ),
      );
      const statussen = pogingen.map((r) => r.status).sort();
      expect(statussen).toEqual([201, 201, 409, 409, 409, 409]);
      const gemaakt = pogingen.filter((r) => r.status === 201);
      expect(gemaakt[0].body.id).toBe(gemaakt[1].body.id);
    });

    it('names the aanbieder per gemeente in what refers to it (percelen, overviews)', async () => {
      for (const [s, tenant] of [
        [cmA, a],
        [cmB, b],
      ] as const) {
        const wijk = await post('/wijken', s, {
          cbsCode: `WK${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
          naam: unique('Wijk'),
        });
        const perceel = await post('/percelen', s, { naam: unique('Perceel'), wijkIds: [wijk.id] });
        await post(`/percelen/${perceel.id as string}/toewijzingen`, s, {
          aanbiederId,
          van: '2026-01-01',
        });
        const eigen = (await get(`/aanbieders/${aanbiederId}`, s)).naam as string;
        const gelezen = await get(`/percelen/${perceel.id as string}?peildatum=2026-02-01`, s);
        const andere = tenant === a ? b : a;
        const andereNaam = (await get(`/aanbieders/${aanbiederId}`, tenant === a ? cmB : cmA))
          .naam as string;
        verraadtNiets(gelezen, andere, andereNaam);
        expect((gelezen.toewijzingen as Body[])[0].aanbiederNaam).toBe(eigen);
        verraadtNiets(await get('/percelen?pageSize=100', s), andere, andereNaam);
        const overzicht = await get(`/overzichten/aanbieders/${aanbiederId}`, s);
        expect((overzicht.aanbieder as Body).naam).toBe(eigen);
        verraadtNiets(overzicht, andere, andereNaam);
      }
    });
  });

  describe('a provider user invited into a second gemeente', () => {
    let aanbieder: Organisatie;
    const email = `${unique('directeur')}@wijkteams.example`;
    const wachtwoord = 'het-eigen-wachtwoord-1';
    let gebruikerId: string;

    beforeAll(async () => {
      aanbieder = await t.dataSource
        .getRepository(Organisatie)
        .findOneByOrFail({ id: aanbiederId });
      const inA = await post('/gebruikers', beheerA, {
        email,
        naam: 'Dirk Directeur',
        organisatieId: aanbieder.id,
        rollen: [Rol.Directeur],
        wachtwoord,
      });
      gebruikerId = inA.id as string;
      // Something of each gemeente the user could see.
      await post('/wijken', cmA, { cbsCode: 'WK100001', naam: 'Alleen in A' });
      await post('/wijken', cmB, { cbsCode: 'WK200002', naam: 'Alleen in B' });
    });

    it('answers B exactly like a new user, leaves the password alone and reveals nothing of A', async () => {
      const nieuw = await post('/gebruikers', beheerB, {
        email: `${unique('nieuw')}@wijkteams.example`,
        naam: 'Nieuwe Teamleider',
        organisatieId: aanbieder.id,
        rollen: [Rol.Teamleider],
        wachtwoord: 'een-ander-wachtwoord-b',
      });
      const voor = Date.now();
      const uitgenodigd = await post('/gebruikers', beheerB, {
        email: email.toUpperCase(),
        naam: 'D. Directeur',
        organisatieId: aanbieder.id,
        rollen: [Rol.Teamleider],
        wachtwoord: 'een-ander-wachtwoord-b',
      });
      expect(uitgenodigd.id).toBe(gebruikerId);
      expect(Object.keys(uitgenodigd).sort()).toEqual(Object.keys(nieuw).sort());
      expect(uitgenodigd).toMatchObject({
        email,
        naam: 'D. Directeur',
        organisatieId: aanbieder.id,
        organisatieSoort: 'aanbieder',
        rollen: [Rol.Teamleider],
        actief: true,
        version: nieuw.version,
      });
      expect(new Date(uitgenodigd.createdAt as string).getTime()).toBeGreaterThanOrEqual(
        voor - 5_000,
      );
      const naamVanB = (await get(`/aanbieders/${aanbiederId}`, cmB)).naam as string;
      const naamVanA = (await get(`/aanbieders/${aanbiederId}`, cmA)).naam as string;
      expect(uitgenodigd.organisatieNaam).toBe(naamVanB);
      verraadtNiets(uitgenodigd, a, naamVanA);
      expect(JSON.stringify(uitgenodigd)).not.toContain('Dirk Directeur');
      const [aanmaak] = await audit(beheerB, gebruikerId);
      expect(aanmaak).toMatchObject({ action: 'aangemaakt' });
      verraadtNiets(aanmaak, a, naamVanA);
      expect(JSON.stringify(aanmaak)).not.toContain('Dirk Directeur');
      verraadtNiets(await get(`/gebruikers?pageSize=100`, beheerB), a, naamVanA);

      // Within B the address is now taken: that is B's own user.
      const dubbel = await http()
        .post('/api/v1/gebruikers')
        .set(beheerB.auth)
        .send({
          email,
          naam: 'Nog eens',
          organisatieId: aanbieder.id,
          rollen: [Rol.Teamleider],
          wachtwoord: 'een-ander-wachtwoord-b',
        });
      expect(dubbel.status).toBe(409);
      expect(dubbel.body.code).toBe('email-in-gebruik');

      // The person's own password still holds; the one B chose does not.
      await http()
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', '198.51.100.7')
        .send({ email, password: 'een-ander-wachtwoord-b', gemeenteId: b.gemeente.id })
        .expect(401);
      // A sees its own relation unchanged.
      expect(await get(`/gebruikers/${gebruikerId}`, beheerA)).toMatchObject({
        naam: 'Dirk Directeur',
        rollen: [Rol.Directeur],
        version: 1,
      });
      expect((await audit(beheerA, gebruikerId)).map((e) => e.action)).toEqual(['aangemaakt']);
    });

    it('logs in to either gemeente by choice and sees only that gemeente’s data there', async () => {
      const zonderKeuze = await http()
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', '198.51.100.8')
        .send({ email, password: wachtwoord });
      expect(zonderKeuze.status).toBe(400);
      expect(JSON.stringify(zonderKeuze.body)).toContain(a.gemeente.id);
      expect(JSON.stringify(zonderKeuze.body)).toContain(b.gemeente.id);

      const inA = await login(t.app, email, wachtwoord, a.gemeente.id);
      const inB = await login(t.app, email, wachtwoord, b.gemeente.id);
      const naamVanA = (await get(`/aanbieders/${aanbiederId}`, cmA)).naam as string;
      const naamVanB = (await get(`/aanbieders/${aanbiederId}`, cmB)).naam as string;
      for (const [s, tenant, ander, eigenNaam, andereNaam, rol, wijk] of [
        [inA, a, b, naamVanA, naamVanB, Rol.Directeur, 'Alleen in A'],
        [inB, b, a, naamVanB, naamVanA, Rol.Teamleider, 'Alleen in B'],
      ] as const) {
        const ik = await get('/auth/me', s);
        expect(ik).toMatchObject({ gemeenteId: tenant.gemeente.id, rollen: [rol] });
        const aanbieders = await get('/aanbieders', s);
        expect(aanbieders.items).toEqual([
          expect.objectContaining({ id: aanbiederId, naam: eigenNaam }),
        ]);
        const wijken = ((await get('/wijken?pageSize=100', s)).items as Body[]).map((w) => w.naam);
        expect(wijken).toContain(wijk);
        expect(wijken).not.toContain(wijk === 'Alleen in A' ? 'Alleen in B' : 'Alleen in A');
        for (const pad of ['/aanbieders', '/organisaties', '/wijken?pageSize=100', '/auth/me'])
          verraadtNiets(await get(pad, s), ander, andereNaam);
      }
    });

    it('adds a person of another organisation elsewhere under B’s own organisation, revealing nothing', async () => {
      const adres = `${unique('adviseur')}@gemeente-a.example`;
      await post('/gebruikers', beheerA, {
        email: adres,
        naam: 'Anna Adviseur (A)',
        organisatieId: a.organisatie.id,
        rollen: [Rol.Beleidsadviseur],
        wachtwoord: 'zonnebloem-terras-71',
      });
      const inB = await post('/gebruikers', beheerB, {
        email: adres,
        naam: 'Anna Adviseur',
        organisatieId: b.organisatie.id,
        rollen: [Rol.Bestuurder],
        wachtwoord: 'door-b-gekozen-wachtwoord',
      });
      expect(inB).toMatchObject({
        naam: 'Anna Adviseur',
        organisatieId: b.organisatie.id,
        organisatieNaam: b.organisatie.naam,
        organisatieSoort: 'gemeente',
        rollen: [Rol.Bestuurder],
        version: 1,
      });
      verraadtNiets(inB, a, 'Anna Adviseur (A)');
      const sessie = await login(t.app, adres, 'zonnebloem-terras-71', b.gemeente.id);
      expect(await get('/auth/me', sessie)).toMatchObject({
        organisatieId: b.organisatie.id,
        organisatieSoort: 'gemeente',
        rollen: [Rol.Bestuurder],
      });
      const inA = await get(`/gebruikers?zoek=${encodeURIComponent(adres)}`, beheerA);
      expect(inA.items).toEqual([
        expect.objectContaining({
          organisatieId: a.organisatie.id,
          naam: 'Anna Adviseur (A)',
          rollen: [Rol.Beleidsadviseur],
        }),
      ]);
    });

    it('blocks and renames the user in one gemeente only', async () => {
      const inB = await get(`/gebruikers/${gebruikerId}`, beheerB);
      await patch(`/gebruikers/${gebruikerId}`, beheerB, {
        version: inB.version,
        naam: 'Dirk (geblokkeerd in B)',
        actief: false,
      });
      await http()
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', '198.51.100.9')
        .send({ email, password: wachtwoord, gemeenteId: b.gemeente.id })
        .expect(401);
      // Still at work in A, under A's name, with A's version.
      const sessieA = await login(t.app, email, wachtwoord, a.gemeente.id);
      expect(await get('/auth/me', sessieA)).toMatchObject({
        naam: 'Dirk Directeur',
        gemeenteId: a.gemeente.id,
      });
      expect(await get(`/gebruikers/${gebruikerId}`, beheerA)).toMatchObject({
        naam: 'Dirk Directeur',
        actief: true,
        version: 1,
      });
      expect((await audit(beheerA, gebruikerId)).map((e) => e.action)).toEqual(['aangemaakt']);
      expect((await audit(beheerB, gebruikerId)).map((e) => e.action).sort()).toEqual([
        'aangemaakt',
        'gewijzigd',
      ]);
    });
  });
});

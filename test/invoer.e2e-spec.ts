import { Rol } from '@wijkkompas/core';
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

/**
 * Input that once made a 500, each found by a probe or the fuzz (issue 13): each is now a
 * 400 problem naming the field, and no error echoes what was sent.
 */
describe('Slechte invoer wordt een 400, nooit een 500', () => {
  let t: TestApp;
  let cm: { Authorization: string };
  let beheerder: { Authorization: string };
  let gemeenteOrganisatieId: string;
  let aanbiederId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const { gemeente, organisatie } = await makeGemeente(t.dataSource);
    gemeenteOrganisatieId = organisatie.id;
    aanbiederId = (await makeAanbieder(t.dataSource, [gemeente])).id;
    const contractmanager = await makeGebruiker(t.dataSource, organisatie, [
      { gemeente, rol: Rol.Contractmanager },
    ]);
    const beheer = await makeGebruiker(t.dataSource, organisatie, [
      { gemeente, rol: Rol.Beheerder },
    ]);
    cm = (await login(t.app, contractmanager.email)).auth;
    beheerder = (await login(t.app, beheer.email)).auth;
  });
  afterAll(() => t.close());

  const http = () => request(t.app.getHttpServer());
  const expect400 = (response: request.Response, velden?: string[]) => {
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ type: expect.any(String), title: expect.any(String) });
    if (velden)
      expect(response.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(velden);
  };
  const nieuweWijk = () => ({
    cbsCode: `WK${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
    naam: unique('Wijk'),
  });

  it('refuses a NUL or other control character in any text, naming the field', async () => {
    expect400(
      await http()
        .post('/api/v1/wijken')
        .set(cm)
        .send({ ...nieuweWijk(), naam: 'Centrum\u0000Noord' }),
      ['naam'],
    );
    const genest = await http()
      .post('/api/v1/overleggen')
      .set(cm)
      .send({
        soort: 'werkoverleg',
        titel: 'Werkoverleg',
        tijdstip: '2026-10-12T10:00:00+02:00',
        deelnemers: [{ naam: 'Gast\u001b[31m' }],
      });
    expect400(genest, ['deelnemers.0.naam']);
    expect(genest.body.invalidParams[0].reason).toContain('niet is toegestaan');
    expect400(await http().get('/api/v1/wijken?zoek=a%00b').set(cm), ['zoek']);
    // Line breaks and tabs are text.
    const regels = await http()
      .post('/api/v1/wijken')
      .set(cm)
      .send({ ...nieuweWijk(), naam: 'Centrum\tNoord' });
    expect(regels.status).toBe(201);
  });

  it('refuses a lone UTF-16 surrogate in an e-mail address, also without a login', async () => {
    expect400(
      await http()
        .post('/api/v1/auth/login')
        .send({ email: '\udfff\ud800@x.nl', password: 'een-lang-wachtwoord' }),
      ['email'],
    );
    const gebruiker = await http()
      .post('/api/v1/gebruikers')
      .set(beheerder)
      .send({
        email: '\udfff\ud800@x.nl',
        naam: 'Jan Jansen',
        organisatieId: gemeenteOrganisatieId,
        rollen: ['bestuurder'],
        wachtwoord: 'een-lang-genoeg-wachtwoord',
      });
    expect400(gebruiker, ['email']);
    expect(JSON.stringify(gebruiker.body)).not.toContain('@x.nl');
  });

  it('refuses deeply nested JSON before it is parsed or transformed, also without a login', async () => {
    const diep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    for (const pad of ['/api/v1/auth/login', '/api/v1/auth/refresh'])
      for (const n of [33, 1500, 4000]) {
        const response = await http()
          .post(pad)
          .set('Content-Type', 'application/json')
          .send(`{"email":"a@test.example","password":"x","refreshToken":"x","z":${diep(n)}}`);
        expect400(response);
        expect(response.body.detail).toContain('te diep genest');
      }
    // Deep, but inside a field of an authenticated write.
    expect400(
      await http()
        .post('/api/v1/wijken')
        .set(cm)
        .set('Content-Type', 'application/json')
        .send(`{"cbsCode":"WK000001","naam":${diep(1500)}}`),
    );
  });

  it('bounds page numbers and periods in queries', async () => {
    expect400(await http().get('/api/v1/wijken?page=99999999999999999999').set(cm), ['page']);
    expect400(await http().get('/api/v1/wijken?page=1000001').set(cm), ['page']);
    expect((await http().get('/api/v1/wijken?page=1000000').set(cm)).status).toBe(200);
    expect400(await http().get('/api/v1/kwartaalverantwoordingen?periode=0000-Q1').set(cm), [
      'periode',
    ]);
  });

  it('refuses year 0 and year 9999 in a period', async () => {
    for (const periode of ['0000-Q1', '9999-Q4', '0000'])
      expect400(
        await http().post('/api/v1/rapportageperiodes').set(cm).send({ aanbiederId, periode }),
        ['periode'],
      );
    const geldig = await http()
      .post('/api/v1/rapportageperiodes')
      .set(cm)
      .send({ aanbiederId, periode: '2026-Q3' });
    expect(geldig.status).toBe(201);
  });

  it('answers a stale version with 412 without echoing the version or the id sent', async () => {
    const wijk = await http().post('/api/v1/wijken').set(cm).send(nieuweWijk()).expect(201);
    const response = await http()
      .patch(`/api/v1/wijken/${wijk.body.id}`)
      .set(cm)
      .send({ version: 111222333, naam: 'Centrum' });
    expect(response.status).toBe(412);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.currentVersion).toBe(wijk.body.version);
    expect(JSON.stringify(response.body)).not.toContain('111222333');
    expect(JSON.stringify(response.body)).not.toContain(wijk.body.id);
    expect(response.body.instance).toBe('/api/v1/wijken/{id}');
  });

  it('answers a URL over 16 kB as problem+json too', async () => {
    const response = await http()
      .get(`/api/v1/wijken?zoek=${'x'.repeat(20_000)}`)
      .set(cm);
    expect(response.status).toBe(431);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 431, type: expect.any(String) });
  });
});

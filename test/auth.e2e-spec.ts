import {
  createTestApp,
  login,
  makeGebruiker,
  makeGemeente,
  TestApp,
  TEST_PASSWORD,
} from '@wijkkompas/core/testing';
import { Rol } from '@wijkkompas/core';
import request from 'supertest';

describe('Aanmelden, verversen en afmelden', () => {
  let t: TestApp;
  let email: string;
  let gemeenteId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const { gemeente, organisatie } = await makeGemeente(t.dataSource);
    gemeenteId = gemeente.id;
    ({ email } = await makeGebruiker(t.dataSource, organisatie, [
      { gemeente, rol: Rol.Contractmanager },
    ]));
  });
  afterAll(() => t.close());

  const http = () => request(t.app.getHttpServer());

  it('logs in with the right password and tells who you are', async () => {
    const session = await login(t.app, email);
    const me = await http().get('/api/v1/auth/me').set(session.auth).expect(200);
    expect(me.body).toMatchObject({
      gemeenteId,
      rollen: [Rol.Contractmanager],
      organisatieSoort: 'gemeente',
    });
    expect(me.headers['api-version']).toBe('1.0.0');
  });

  it('refuses a wrong password with a Dutch problem+json 401', async () => {
    const response = await http()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', '192.0.2.10')
      .send({ email, password: 'fout-wachtwoord' })
      .expect(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      status: 401,
      code: 'onjuiste-inloggegevens',
      title: 'Aanmelden mislukt',
    });
  });

  it('answers an unknown e-mail address exactly like a wrong password', async () => {
    const response = await http()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', '192.0.2.11')
      .send({ email: 'niemand@test.example', password: 'x' })
      .expect(401);
    expect(response.body.code).toBe('onjuiste-inloggegevens');
  });

  it('rotates refresh tokens and treats reuse of a used one as theft: the session ends', async () => {
    const first = await login(t.app, email);
    const refreshed = await http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: first.refreshToken })
      .expect(200);
    expect(refreshed.body.refreshToken).not.toBe(first.refreshToken);
    const second = refreshed.body as { accessToken: string; refreshToken: string };
    await http()
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${second.accessToken}`)
      .expect(200);

    const reuse = await http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: first.refreshToken })
      .expect(401);
    expect(reuse.body.code).toBe('ongeldig-verversingstoken');
    // The whole session is revoked: the newest tokens stop working too.
    await http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: second.refreshToken })
      .expect(401);
    await http()
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${second.accessToken}`)
      .expect(401);
  });

  it('logout revokes the session: access and refresh token stop working at once', async () => {
    const session = await login(t.app, email);
    await http().post('/api/v1/auth/logout').set(session.auth).expect(204);
    const after = await http().get('/api/v1/auth/me').set(session.auth).expect(401);
    expect(after.body.code).toBe('niet-aangemeld');
    await http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: session.refreshToken })
      .expect(401);
  });

  it('rejects a token signed with another secret and a garbage token', async () => {
    await http().get('/api/v1/auth/me').set('Authorization', 'Bearer abc.def.ghi').expect(401);
    const forged =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIiwic2lkIjoiMSIsImdpZCI6IjEifQ.c2lnbmF0dXJlLXZhbi1lZW4tYW5kZXJlLXNsZXV0ZWw';
    await http().get('/api/v1/auth/me').set('Authorization', `Bearer ${forged}`).expect(401);
  });

  it('blocks a deactivated user immediately, also with a token issued before', async () => {
    const { gemeente, organisatie } = await makeGemeente(t.dataSource);
    const target = await makeGebruiker(t.dataSource, organisatie, [
      { gemeente, rol: Rol.Beleidsadviseur },
    ]);
    const session = await login(t.app, target.email);
    await t.dataSource.query(
      'UPDATE gebruiker_gemeenten SET actief = false WHERE gebruiker_id = $1',
      [target.gebruiker.id],
    );
    await http().get('/api/v1/auth/me').set(session.auth).expect(401);
    await http()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', '192.0.2.12')
      .send({ email: target.email, password: TEST_PASSWORD })
      .expect(401);
  });

  it('ends a session that was just used, at once, when a beheerder blocks the user or changes the roles', async () => {
    const { gemeente, organisatie } = await makeGemeente(t.dataSource);
    const beheerder = await login(
      t.app,
      (await makeGebruiker(t.dataSource, organisatie, [{ gemeente, rol: Rol.Beheerder }])).email,
    );
    const wisselen = await makeGebruiker(t.dataSource, organisatie, [
      { gemeente, rol: Rol.Contractmanager },
    ]);
    const blokkeren = await makeGebruiker(t.dataSource, organisatie, [
      { gemeente, rol: Rol.Contractmanager },
    ]);
    const a = await login(t.app, wisselen.email);
    const b = await login(t.app, blokkeren.email);
    // Used just now: the session is known to this process.
    const voor = await http().get('/api/v1/auth/me').set(a.auth).expect(200);
    expect(voor.body.rollen).toEqual([Rol.Contractmanager]);
    await http().get('/api/v1/auth/me').set(b.auth).expect(200);

    const gebruiker = async (id: string) =>
      (await http().get(`/api/v1/gebruikers/${id}`).set(beheerder.auth).expect(200)).body as {
        version: number;
      };
    await http()
      .patch(`/api/v1/gebruikers/${wisselen.gebruiker.id}`)
      .set(beheerder.auth)
      .send({ version: (await gebruiker(wisselen.gebruiker.id)).version, rollen: [Rol.Bestuurder] })
      .expect(200);
    await http()
      .patch(`/api/v1/gebruikers/${blokkeren.gebruiker.id}`)
      .set(beheerder.auth)
      .send({ version: (await gebruiker(blokkeren.gebruiker.id)).version, actief: false })
      .expect(200);

    const na = await http().get('/api/v1/auth/me').set(a.auth).expect(200);
    expect(na.body.rollen).toEqual([Rol.Bestuurder]);
    await http().get('/api/v1/auth/me').set(b.auth).expect(401);
  });

  it('asks which gemeente when a provider user works for two, and logs in to the one chosen', async () => {
    const a = await makeGemeente(t.dataSource);
    const b = await makeGemeente(t.dataSource);
    const { makeAanbieder } = await import('@wijkkompas/core/testing');
    const aanbieder = await makeAanbieder(t.dataSource, [a.gemeente, b.gemeente]);
    const directeur = await makeGebruiker(t.dataSource, aanbieder, [
      { gemeente: a.gemeente, rol: Rol.Directeur },
      { gemeente: b.gemeente, rol: Rol.Directeur },
    ]);
    const ambiguous = await http()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', '192.0.2.13')
      .send({ email: directeur.email, password: TEST_PASSWORD })
      .expect(400);
    expect(ambiguous.body.invalidParams[0].name).toBe('gemeenteId');
    // The login page offers the choice from this list.
    expect(ambiguous.body.gemeenten).toEqual(
      [a.gemeente, b.gemeente]
        .map((g) => ({ id: g.id, naam: g.naam }))
        .sort((x, y) => x.naam.localeCompare(y.naam, 'nl')),
    );
    const session = await login(t.app, directeur.email, TEST_PASSWORD, b.gemeente.id);
    const me = await http().get('/api/v1/auth/me').set(session.auth).expect(200);
    expect(me.body.gemeenteId).toBe(b.gemeente.id);
  });
});

describe('Sessie van de webapp: verversingstoken in een cookie', () => {
  let t: TestApp;
  let email: string;

  beforeAll(async () => {
    t = await createTestApp();
    const { gemeente, organisatie } = await makeGemeente(t.dataSource);
    ({ email } = await makeGebruiker(t.dataSource, organisatie, [
      { gemeente, rol: Rol.Contractmanager },
    ]));
  });
  afterAll(() => t.close());

  const http = () => request(t.app.getHttpServer());
  const cookieUit = (response: request.Response) =>
    ([] as string[]).concat(response.headers['set-cookie'] ?? []);

  it('puts the refresh token only in an HttpOnly SameSite=Strict cookie on the auth path, rotates it there and clears it at logout', async () => {
    const login = await http()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', '192.0.2.30')
      .send({ email, password: TEST_PASSWORD, refreshTokenInCookie: true })
      .expect(200);
    expect(login.body.accessToken).toEqual(expect.any(String));
    expect(login.body).not.toHaveProperty('refreshToken');
    const [cookie] = cookieUit(login);
    expect(cookie).toMatch(/^wk_verversing=[\w-]+;/);
    expect(cookie).toContain('Path=/api/v1/auth');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain('Secure'); // plain http here; Secure over https
    const waarde = cookie.split(';')[0];

    const ververst = await http()
      .post('/api/v1/auth/refresh')
      .set('Cookie', waarde)
      .send({})
      .expect(200);
    expect(ververst.body).not.toHaveProperty('refreshToken');
    const [nieuw] = cookieUit(ververst);
    expect(nieuw.split(';')[0]).not.toBe(waarde);

    // The used cookie again is theft: the session ends and the cookie is cleared.
    const hergebruik = await http()
      .post('/api/v1/auth/refresh')
      .set('Cookie', waarde)
      .send({})
      .expect(401);
    expect(cookieUit(hergebruik)[0]).toMatch(/^wk_verversing=;/);
    await http()
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${ververst.body.accessToken}`)
      .expect(401);
  });

  it('answers 401 without a token in body or cookie, and logout clears the cookie', async () => {
    await http().post('/api/v1/auth/refresh').send({}).expect(401);
    const login = await http()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', '192.0.2.31')
      .send({ email, password: TEST_PASSWORD, refreshTokenInCookie: true })
      .expect(200);
    const uit = await http()
      .post('/api/v1/auth/logout')
      .set('Authorization', `Bearer ${login.body.accessToken}`)
      .expect(204);
    expect(cookieUit(uit)[0]).toMatch(/^wk_verversing=;.*Path=\/api\/v1\/auth/);
    await http()
      .post('/api/v1/auth/refresh')
      .set('Cookie', cookieUit(login)[0].split(';')[0])
      .send({})
      .expect(401);
  });
});

describe('Inlogbeperking', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const attempt = (email: string, password: string, ip: string) =>
    request(t.app.getHttpServer())
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', ip)
      .send({ email, password });

  it('gives 429 with Retry-After after five failures for one account, even with the right password', async () => {
    const { gemeente, organisatie } = await makeGemeente(t.dataSource);
    const { email } = await makeGebruiker(t.dataSource, organisatie, [
      { gemeente, rol: Rol.Bestuurder },
    ]);
    for (let i = 0; i < 5; i++) {
      // Each failure from another address: the account limit is what trips.
      await attempt(email, `fout-${i}`, `198.51.100.${i + 1}`).expect(401);
    }
    const blocked = await attempt(email, TEST_PASSWORD, '198.51.100.99').expect(429);
    expect(blocked.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(blocked.body.code).toBe('te-veel-inlogpogingen');
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('gives 429 after five failures from one address, across different accounts', async () => {
    const ip = '203.0.113.7';
    for (let i = 0; i < 5; i++) await attempt(`onbekend-${i}@test.example`, 'x', ip).expect(401);
    await attempt('nog-een@test.example', 'x', ip).expect(429);
    // Another address is not affected.
    await attempt('nog-een@test.example', 'x', '203.0.113.8').expect(401);
  });

  it('lets the account in again once the window has passed', async () => {
    const { gemeente, organisatie } = await makeGemeente(t.dataSource);
    const { email } = await makeGebruiker(t.dataSource, organisatie, [
      { gemeente, rol: Rol.Bestuurder },
    ]);
    for (let i = 0; i < 5; i++) await attempt(email, 'fout', `198.51.101.${i + 1}`).expect(401);
    await attempt(email, TEST_PASSWORD, '198.51.101.50').expect(429);
    // Age the failures past the one-minute window instead of waiting for it.
    await t.dataSource.query(
      `UPDATE login_failures SET occurred_at = occurred_at - interval '61 seconds' WHERE email = $1`,
      [email],
    );
    await attempt(email, TEST_PASSWORD, '198.51.101.50').expect(200);
  });
});

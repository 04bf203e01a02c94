import { QueueName, QueueService, Rol } from '@wijkkompas/core';
import {
  createTestApp,
  login,
  makeGebruiker,
  makeGemeente,
  Session,
  TestApp,
} from '@wijkkompas/core/testing';
import request from 'supertest';

describe('Wachtrijdashboard voor beheerders', () => {
  let t: TestApp;
  let beheerder: Session;
  let platformBeheerder: Session;
  let contractmanager: Session;
  const platformEmail = `platform-${Date.now()}@wijkkompas.example`;

  beforeAll(async () => {
    t = await createTestApp({ platformBeheerders: [platformEmail] });
    const { gemeente, organisatie } = await makeGemeente(t.dataSource);
    const b = await makeGebruiker(t.dataSource, organisatie, [{ gemeente, rol: Rol.Beheerder }]);
    const p = await makeGebruiker(t.dataSource, organisatie, [{ gemeente, rol: Rol.Beheerder }], {
      email: platformEmail,
    });
    const c = await makeGebruiker(t.dataSource, organisatie, [
      { gemeente, rol: Rol.Contractmanager },
    ]);
    beheerder = await login(t.app, b.email);
    platformBeheerder = await login(t.app, p.email);
    contractmanager = await login(t.app, c.email);
  });
  afterAll(() => t.close());

  const http = () => request(t.app.getHttpServer());

  async function toegang(sessie: Session): Promise<string> {
    const res = await http()
      .post('/api/v1/wachtrij-dashboard-toegangen')
      .set(sessie.auth)
      .expect(201);
    const url = new URL(res.body.url as string);
    expect(url.pathname).toBe('/beheer/wachtrijen');
    expect(new Date(res.body.verlooptOp as string).getTime()).toBeGreaterThan(Date.now());
    return `${url.pathname}${url.search}`;
  }

  async function cookieVoor(sessie: Session): Promise<string> {
    const res = await http()
      .get(await toegang(sessie))
      .expect(303);
    expect(res.headers.location).toBe('/beheer/wachtrijen');
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const cookie = setCookie.find((c) => c.startsWith('wk_wachtrijen='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/beheer\/wachtrijen/);
    return cookie!.split(';')[0];
  }

  it('refuses the link to anyone but a beheerder', async () => {
    await http().post('/api/v1/wachtrij-dashboard-toegangen').set(contractmanager.auth).expect(403);
    await http().post('/api/v1/wachtrij-dashboard-toegangen').expect(401);
  });

  it('shows a Dutch refusal without a valid cookie or link', async () => {
    const zonder = await http().get('/beheer/wachtrijen').expect(401);
    expect(zonder.text).toContain('Geen toegang tot het wachtrijdashboard');
    await http().get('/beheer/wachtrijen/api/queues').expect(401);
    // An API access token is not a dashboard link.
    const token = contractmanager.auth.Authorization.replace('Bearer ', '');
    const res = await http().get(`/beheer/wachtrijen?toegang=${token}`).expect(401);
    expect(res.text).toContain('verlopen of ongeldig');
  });

  it('exchanges the link for a cookie and then shows the queues', async () => {
    const cookie = await cookieVoor(beheerder);
    const pagina = await http().get('/beheer/wachtrijen').set('Cookie', cookie).expect(200);
    expect(pagina.text).toContain('Wijkkompas wachtrijen');
    const api = await http().get('/beheer/wachtrijen/api/queues').set('Cookie', cookie).expect(200);
    const namen = (api.body.queues as { name: string }[]).map((q) => q.name);
    expect(namen).toEqual(expect.arrayContaining(['housekeeping']));
  });

  it('lets a gemeente beheerder look but not act on the queues every gemeente shares', async () => {
    const cookie = await cookieVoor(beheerder);
    const api = await http().get('/beheer/wachtrijen/api/queues').set('Cookie', cookie).expect(200);
    const queues = api.body.queues as { name: string; readOnlyMode: boolean }[];
    expect(queues.length).toBeGreaterThan(0);
    expect(queues.every((q) => q.readOnlyMode)).toBe(true);
    await http()
      .put('/beheer/wachtrijen/api/queues/housekeeping/pause')
      .set('Cookie', cookie)
      .expect(405);
    await http()
      .put('/beheer/wachtrijen/api/queues/ritme/retry/failed')
      .set('Cookie', cookie)
      .expect(405);
    const pagina = await http().get('/beheer/wachtrijen').set('Cookie', cookie).expect(200);
    expect(pagina.text).toContain('alleen lezen');
  });

  it('lets a platform beheerder (PLATFORM_BEHEERDERS) pause and resume a queue', async () => {
    const cookie = await cookieVoor(platformBeheerder);
    const api = await http().get('/beheer/wachtrijen/api/queues').set('Cookie', cookie).expect(200);
    const queues = api.body.queues as { name: string; readOnlyMode: boolean }[];
    expect(queues.every((q) => !q.readOnlyMode)).toBe(true);
    await http()
      .put('/beheer/wachtrijen/api/queues/housekeeping/pause')
      .set('Cookie', cookie)
      .expect(200);
    expect(await t.app.get(QueueService).queue(QueueName.Housekeeping).isPaused()).toBe(true);
    await http()
      .put('/beheer/wachtrijen/api/queues/housekeeping/resume')
      .set('Cookie', cookie)
      .expect(200);
    expect(await t.app.get(QueueService).queue(QueueName.Housekeeping).isPaused()).toBe(false);
  });

  it('closes the dashboard when the beheerder logs out', async () => {
    const b = await makeGemeente(t.dataSource);
    const g = await makeGebruiker(t.dataSource, b.organisatie, [
      { gemeente: b.gemeente, rol: Rol.Beheerder },
    ]);
    const sessie = await login(t.app, g.email);
    const cookie = await cookieVoor(sessie);
    await http().get('/beheer/wachtrijen/api/queues').set('Cookie', cookie).expect(200);
    await http().post('/api/v1/auth/logout').set(sessie.auth).expect(204);
    await http().get('/beheer/wachtrijen/api/queues').set('Cookie', cookie).expect(401);
  });

  it('opens the dashboard once per link: a second use, here or on another instance, is refused', async () => {
    const link = await toegang(beheerder);
    await http().get(link).expect(303);
    const opnieuw = await http().get(link).expect(401);
    expect(opnieuw.text).toContain('al gebruikt');
    expect(opnieuw.headers['set-cookie']).toBeUndefined();
  });

  it('sets the cookie Secure behind https, and keeps the dashboard out of caches and frames', async () => {
    const res = await http()
      .get(await toegang(beheerder))
      .set('X-Forwarded-Proto', 'https')
      .expect(303);
    const cookie = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('wk_wachtrijen='));
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    const pagina = await http()
      .get('/beheer/wachtrijen')
      .set('Cookie', cookie!.split(';')[0])
      .expect(200);
    expect(pagina.headers['cache-control']).toBe('no-store');
    expect(pagina.headers['x-frame-options']).toBe('DENY');
    expect(pagina.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(pagina.headers['content-security-policy']).toContain("script-src 'self'");
    // Over plain http the cookie is not Secure (a local start has no https).
    const lokaal = await http()
      .get(await toegang(beheerder))
      .expect(303);
    expect(
      ([] as string[]).concat(lokaal.headers['set-cookie'] ?? []).find((c) => c.startsWith('wk_')),
    ).not.toMatch(/Secure/i);
  });
});

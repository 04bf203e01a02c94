import { Rol } from '@wijkkompas/core';
import {
  createTestApp,
  login,
  makeGebruiker,
  makeGemeente,
  Session,
  TestApp,
} from '@wijkkompas/core/testing';
import request from 'supertest';

describe('HTTP-conventies (NL GOV API Design Rules)', () => {
  let t: TestApp;
  let session: Session;

  beforeAll(async () => {
    t = await createTestApp();
    const { gemeente, organisatie } = await makeGemeente(t.dataSource);
    const beheerder = await makeGebruiker(t.dataSource, organisatie, [
      { gemeente, rol: Rol.Beheerder },
    ]);
    session = await login(t.app, beheerder.email);
  });
  afterAll(() => t.close());

  const http = () => request(t.app.getHttpServer());
  const expectProblem = (response: request.Response, status: number) => {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toEqual(
      expect.objectContaining({
        type: expect.any(String),
        title: expect.any(String),
        status,
        instance: expect.any(String),
        code: expect.any(String),
      }),
    );
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.(ts|js):\d+/); // no stack trace
  };

  it('rejects unknown fields, naming each one', async () => {
    const response = await http()
      .post('/api/v1/gebruikers')
      .set(session.auth)
      .send({
        email: 'a@test.example',
        naam: 'A',
        organisatieId: '00000000-0000-4000-8000-000000000000',
        rollen: ['bestuurder'],
        wachtwoord: 'lang-genoeg-wachtwoord',
        isAdmin: true,
        extra: 1,
      });
    expectProblem(response, 400);
    expect(response.body.code).toBe('validatiefout');
    expect(response.body.invalidParams).toEqual(
      expect.arrayContaining([
        { name: 'isAdmin', reason: 'isAdmin is een onbekend veld' },
        { name: 'extra', reason: 'extra is een onbekend veld' },
      ]),
    );
  });

  it('rejects wrong types, listing every invalid field in Dutch', async () => {
    const response = await http()
      .post('/api/v1/gebruikers')
      .set(session.auth)
      .send({
        email: 42,
        naam: '',
        organisatieId: 'geen-uuid',
        rollen: ['koning'],
        wachtwoord: 'kort',
      });
    expectProblem(response, 400);
    const names = new Set(response.body.invalidParams.map((p: { name: string }) => p.name));
    expect(names).toEqual(new Set(['email', 'naam', 'organisatieId', 'rollen', 'wachtwoord']));
    for (const param of response.body.invalidParams)
      expect(param.reason).not.toMatch(/\b(must|should)\b/);
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const response = await http()
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": "a@test.example", "password": ');
    expectProblem(response, 400);
    expect(response.body.detail).toBe('De body is geen geldige JSON.');
  });

  it('answers a body over 1 MB with a 413 problem', async () => {
    const response = await http()
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@test.example', password: 'x'.repeat(1024 * 1024 + 10) }));
    expectProblem(response, 413);
  });

  it('answers an unknown path and a malformed id with problems, never a 500', async () => {
    expectProblem(await http().get('/api/v1/bestaat-niet').set(session.auth), 404);
    const malformed = await http().get('/api/v1/gebruikers/niet-een-uuid').set(session.auth);
    expectProblem(malformed, 400);
    expect(malformed.body.invalidParams).toEqual([{ name: 'id', reason: 'id moet een uuid zijn' }]);
    expectProblem(
      await http().get('/api/v1/gebruikers?page=0&pageSize=500').set(session.auth),
      400,
    );
  });

  it('sends API-Version on success, on errors and on the documents', async () => {
    for (const response of [
      await http().get('/api/v1/auth/me').set(session.auth),
      await http().get('/api/v1/auth/me'),
      await http().get('/api/v1/openapi.json'),
      await http().get('/health'),
    ]) {
      expect(response.headers['api-version']).toMatch(/^1\.\d+\.\d+$/);
    }
  });

  it('echoes a valid X-Request-Id and makes one otherwise', async () => {
    const echoed = await http().get('/health').set('X-Request-Id', 'test-123');
    expect(echoed.headers['x-request-id']).toBe('test-123');
    const made = await http().get('/health').set('X-Request-Id', 'niet geldig!');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('paginates lists with a total', async () => {
    const response = await http()
      .get('/api/v1/gebruikers?page=1&pageSize=1')
      .set(session.auth)
      .expect(200);
    expect(response.body.meta).toEqual({ page: 1, pageSize: 1, totalItems: 1, totalPages: 1 });
  });

  it('publishes an OpenAPI 3 document that follows the ADR basics, and Swagger UI', async () => {
    const { body } = await http().get('/api/v1/openapi.json').expect(200);
    expect(body.openapi).toMatch(/^3\./);
    expect(body.info.version).toBe('1.0.0');
    expect(body.info.contact).toEqual({
      name: expect.any(String),
      url: expect.stringMatching(/^https:/),
      email: expect.any(String),
    });
    expect(body.servers).toEqual([expect.objectContaining({ url: '/api/v1' })]);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/auth/login',
        '/auth/refresh',
        '/auth/logout',
        '/gebruikers/{id}',
        '/audit-entries',
      ]),
    );
    expect(
      body.paths['/auth/login'].post.responses['400'].content['application/problem+json'],
    ).toBeDefined();
    expect(body.paths['/auth/login'].post.responses['200'].headers['API-Version']).toBeDefined();
    const ui = await http().get('/api/v1/docs').expect(200);
    expect(ui.text).toContain('swagger');
  });

  it('reports liveness and readiness of database and queue', async () => {
    await http().get('/health').expect(200, { status: 'up' });
    const ready = await http().get('/health/ready').expect(200);
    expect(ready.body).toEqual({
      status: 'up',
      checks: {
        database: { status: 'up' },
        queue: { status: 'up', detail: expect.stringMatching(/^(postgres|redis)$/) },
      },
    });
  });
});

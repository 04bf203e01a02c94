import { Rol } from '@wijkkompas/core';
import {
  createTestApp,
  login,
  makeAanbieder,
  makeGebruiker,
  makeGemeente,
  Session,
  TestApp,
} from '@wijkkompas/core/testing';
import request from 'supertest';

describe('Scheiding tussen gemeenten en tussen aanbieders', () => {
  let t: TestApp;
  let beheerderA: Session;
  let beheerderB: Session;
  let ids: {
    gebruikerB: string;
    organisatieB: string;
    aanbiederB: string;
    auditB: string;
    aanbiederA: string;
    gebruikerA: string;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const a = await makeGemeente(t.dataSource);
    const b = await makeGemeente(t.dataSource);
    const adminA = await makeGebruiker(t.dataSource, a.organisatie, [
      { gemeente: a.gemeente, rol: Rol.Beheerder },
    ]);
    const adminB = await makeGebruiker(t.dataSource, b.organisatie, [
      { gemeente: b.gemeente, rol: Rol.Beheerder },
    ]);
    const aanbiederA = await makeAanbieder(t.dataSource, [a.gemeente]);
    const aanbiederB = await makeAanbieder(t.dataSource, [b.gemeente]);
    beheerderA = await login(t.app, adminA.email);
    beheerderB = await login(t.app, adminB.email);
    // A write in B, so B has an audit entry.
    const created = await request(t.app.getHttpServer())
      .post('/api/v1/gebruikers')
      .set(beheerderB.auth)
      .send({
        email: `b-${Date.now()}@test.example`,
        naam: 'Gebruiker B',
        organisatieId: b.organisatie.id,
        rollen: [Rol.Bestuurder],
        wachtwoord: 'lang-genoeg-wachtwoord',
      })
      .expect(201);
    const audit = await request(t.app.getHttpServer())
      .get('/api/v1/audit-entries')
      .set(beheerderB.auth)
      .expect(200);
    ids = {
      gebruikerB: created.body.id,
      organisatieB: b.organisatie.id,
      aanbiederB: aanbiederB.id,
      auditB: audit.body.items[0].id,
      aanbiederA: aanbiederA.id,
      gebruikerA: adminA.gebruiker.id,
    };
  });
  afterAll(() => t.close());

  const get = (session: Session, path: string) =>
    request(t.app.getHttpServer()).get(path).set(session.auth);

  it.each([
    ['een gebruiker', () => `/api/v1/gebruikers/${ids.gebruikerB}`],
    ['de gemeente-organisatie', () => `/api/v1/organisaties/${ids.organisatieB}`],
    ['een aanbieder die alleen voor B werkt', () => `/api/v1/organisaties/${ids.aanbiederB}`],
    ['een auditregel', () => `/api/v1/audit-entries/${ids.auditB}`],
  ])('a user of gemeente A gets 404 for %s of gemeente B', async (_label, path) => {
    const response = await get(beheerderA, path()).expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe('niet-gevonden');
    // And B itself does see it: the 404 is about scope, not about existence.
    await get(beheerderB, path()).expect(200);
  });

  it('lists only its own gemeente: no user or audit entry of B appears for A', async () => {
    const users = await get(beheerderA, '/api/v1/gebruikers?pageSize=100').expect(200);
    expect(users.body.items.map((u: { id: string }) => u.id)).not.toContain(ids.gebruikerB);
    const audit = await get(beheerderA, '/api/v1/audit-entries?pageSize=100').expect(200);
    expect(audit.body.items.map((e: { id: string }) => e.id)).not.toContain(ids.auditB);
  });

  it('a provider user sees only its own organisation, never another aanbieder', async () => {
    const { gemeente } = await makeGemeente(t.dataSource);
    const eigen = await makeAanbieder(t.dataSource, [gemeente]);
    const ander = await makeAanbieder(t.dataSource, [gemeente]);
    const directeur = await makeGebruiker(t.dataSource, eigen, [{ gemeente, rol: Rol.Directeur }]);
    const session = await login(t.app, directeur.email);
    const list = await get(session, '/api/v1/organisaties').expect(200);
    expect(list.body.items.map((o: { id: string }) => o.id)).toEqual([eigen.id]);
    await get(session, `/api/v1/organisaties/${ander.id}`).expect(404);
    await get(session, '/api/v1/gebruikers').expect(403);
  });

  it('a beheerder cannot give a user of another gemeente roles, nor attach an aanbieder that does not work here', async () => {
    const response = await request(t.app.getHttpServer())
      .post('/api/v1/gebruikers')
      .set(beheerderA.auth)
      .send({
        email: `x-${Date.now()}@test.example`,
        naam: 'X',
        organisatieId: ids.aanbiederB,
        rollen: [Rol.Directeur],
        wachtwoord: 'lang-genoeg-wachtwoord',
      })
      .expect(400);
    expect(response.body.invalidParams).toEqual([
      { name: 'organisatieId', reason: expect.stringContaining('werkt niet voor deze gemeente') },
    ]);
    await request(t.app.getHttpServer())
      .patch(`/api/v1/gebruikers/${ids.gebruikerB}`)
      .set(beheerderA.auth)
      .send({ version: 1, naam: 'Overgenomen' })
      .expect(404);
  });

  it('refuses gemeente roles for a provider user and provider roles for a gemeente user', async () => {
    const response = await request(t.app.getHttpServer())
      .post('/api/v1/gebruikers')
      .set(beheerderA.auth)
      .send({
        email: `y-${Date.now()}@test.example`,
        naam: 'Y',
        organisatieId: ids.aanbiederA,
        rollen: [Rol.Contractmanager],
        wachtwoord: 'lang-genoeg-wachtwoord',
      })
      .expect(400);
    expect(response.body.invalidParams[0].name).toBe('rollen');
  });
});

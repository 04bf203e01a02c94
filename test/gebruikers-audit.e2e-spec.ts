import { Rol } from '@wijkkompas/core';
import {
  createTestApp,
  login,
  makeGebruiker,
  makeGemeente,
  Session,
  TestApp,
  unique,
} from '@wijkkompas/core/testing';
import request from 'supertest';

describe('Gebruikersbeheer en audittrail', () => {
  let t: TestApp;
  let beheerder: Session;
  let beheerderId: string;
  let organisatieId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const { gemeente, organisatie } = await makeGemeente(t.dataSource);
    organisatieId = organisatie.id;
    const admin = await makeGebruiker(t.dataSource, organisatie, [
      { gemeente, rol: Rol.Beheerder },
    ]);
    beheerderId = admin.gebruiker.id;
    beheerder = await login(t.app, admin.email);
  });
  afterAll(() => t.close());

  const http = () => request(t.app.getHttpServer());
  const auditFor = async (entityId: string) =>
    (
      await http()
        .get(`/api/v1/audit-entries?entityType=gebruiker&entityId=${entityId}`)
        .set(beheerder.auth)
        .expect(200)
    ).body.items as {
      action: string;
      actorId: string;
      actorNaam: string;
      before: Record<string, unknown> | null;
      after: Record<string, unknown> | null;
      requestId: string | null;
    }[];

  it('records a create with who, what and after — never the password', async () => {
    const email = `${unique('nieuw')}@test.example`;
    const created = await http()
      .post('/api/v1/gebruikers')
      .set(beheerder.auth)
      .set('X-Request-Id', 'req-aanmaken-1')
      .send({
        email,
        naam: 'Nieuwe Adviseur',
        organisatieId,
        rollen: [Rol.Beleidsadviseur],
        wachtwoord: 'een-lang-wachtwoord',
      })
      .expect(201);
    expect(created.body).toMatchObject({
      email,
      naam: 'Nieuwe Adviseur',
      rollen: [Rol.Beleidsadviseur],
      actief: true,
      version: 1,
    });
    const [entry] = await auditFor(created.body.id);
    expect(entry).toMatchObject({
      action: 'aangemaakt',
      actorId: beheerderId,
      before: null,
      requestId: 'req-aanmaken-1',
    });
    expect(entry.after).toMatchObject({
      email,
      naam: 'Nieuwe Adviseur',
      rollen: [Rol.Beleidsadviseur],
    });
    expect(JSON.stringify(entry)).not.toMatch(/wachtwoord|password|argon2/i);
    // The new user can log in with the given password.
    await login(t.app, email, 'een-lang-wachtwoord');
  });

  it('records an update with before and after, and refuses a stale version with 412', async () => {
    const { body: created } = await http()
      .post('/api/v1/gebruikers')
      .set(beheerder.auth)
      .send({
        email: `${unique('wijzig')}@test.example`,
        naam: 'Oude Naam',
        organisatieId,
        rollen: [Rol.Bestuurder],
        wachtwoord: 'een-lang-wachtwoord',
      })
      .expect(201);
    const updated = await http()
      .patch(`/api/v1/gebruikers/${created.id}`)
      .set(beheerder.auth)
      .send({
        version: created.version,
        naam: 'Nieuwe Naam',
        rollen: [Rol.Bestuurder, Rol.Beleidsadviseur],
      })
      .expect(200);
    expect(updated.body).toMatchObject({
      naam: 'Nieuwe Naam',
      rollen: [Rol.Beleidsadviseur, Rol.Bestuurder],
      version: created.version + 1,
    });

    const stale = await http()
      .patch(`/api/v1/gebruikers/${created.id}`)
      .set(beheerder.auth)
      .send({ version: created.version, naam: 'Verloren Wijziging' })
      .expect(412);
    expect(stale.body).toMatchObject({
      code: 'versieconflict',
      currentVersion: created.version + 1,
    });
    const current = await http()
      .get(`/api/v1/gebruikers/${created.id}`)
      .set(beheerder.auth)
      .expect(200);
    expect(current.body.naam).toBe('Nieuwe Naam');

    const [latest] = await auditFor(created.id);
    expect(latest.action).toBe('gewijzigd');
    expect(latest.before).toMatchObject({ naam: 'Oude Naam', rollen: [Rol.Bestuurder] });
    expect(latest.after).toMatchObject({
      naam: 'Nieuwe Naam',
      rollen: [Rol.Beleidsadviseur, Rol.Bestuurder],
    });
  });

  it('two concurrent updates with the same version: exactly one wins, the other gets 412', async () => {
    const { body: created } = await http()
      .post('/api/v1/gebruikers')
      .set(beheerder.auth)
      .send({
        email: `${unique('race')}@test.example`,
        naam: 'Start',
        organisatieId,
        rollen: [Rol.Bestuurder],
        wachtwoord: 'een-lang-wachtwoord',
      })
      .expect(201);
    const results = await Promise.all(
      ['Eerste', 'Tweede'].map((naam) =>
        http()
          .patch(`/api/v1/gebruikers/${created.id}`)
          .set(beheerder.auth)
          .send({ version: created.version, naam }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const winner = results.find((r) => r.status === 200)!.body.naam;
    const current = await http()
      .get(`/api/v1/gebruikers/${created.id}`)
      .set(beheerder.auth)
      .expect(200);
    expect(current.body.naam).toBe(winner);
  });

  it('writes nothing, not even an audit entry, when the write fails', async () => {
    const email = `${unique('dubbel')}@test.example`;
    await http()
      .post('/api/v1/gebruikers')
      .set(beheerder.auth)
      .send({
        email,
        naam: 'Eerste',
        organisatieId,
        rollen: [Rol.Bestuurder],
        wachtwoord: 'een-lang-wachtwoord',
      })
      .expect(201);
    const before = (await http().get('/api/v1/audit-entries?pageSize=100').set(beheerder.auth)).body
      .meta.totalItems;
    const duplicate = await http()
      .post('/api/v1/gebruikers')
      .set(beheerder.auth)
      .send({
        email: email.toUpperCase(),
        naam: 'Tweede',
        organisatieId,
        rollen: [Rol.Bestuurder],
        wachtwoord: 'een-lang-wachtwoord',
      })
      .expect(409);
    expect(duplicate.body.code).toBe('email-in-gebruik');
    const after = (await http().get('/api/v1/audit-entries?pageSize=100').set(beheerder.auth)).body
      .meta.totalItems;
    expect(after).toBe(before);
  });

  it('blocking a user ends its sessions; a beheerder cannot block itself', async () => {
    const email = `${unique('blok')}@test.example`;
    const { body: created } = await http()
      .post('/api/v1/gebruikers')
      .set(beheerder.auth)
      .send({
        email,
        naam: 'Te Blokkeren',
        organisatieId,
        rollen: [Rol.Bestuurder],
        wachtwoord: 'een-lang-wachtwoord',
      })
      .expect(201);
    const victim = await login(t.app, email, 'een-lang-wachtwoord');
    await http()
      .patch(`/api/v1/gebruikers/${created.id}`)
      .set(beheerder.auth)
      .send({ version: created.version, actief: false })
      .expect(200);
    await http().get('/api/v1/auth/me').set(victim.auth).expect(401);
    const me = await http()
      .get(`/api/v1/gebruikers/${beheerderId}`)
      .set(beheerder.auth)
      .expect(200);
    const self = await http()
      .patch(`/api/v1/gebruikers/${beheerderId}`)
      .set(beheerder.auth)
      .send({ version: me.body.version, actief: false })
      .expect(400);
    expect(self.body.invalidParams[0].name).toBe('actief');
  });

  it('records logins and logouts in the audit trail', async () => {
    const { gemeente, organisatie } = await makeGemeente(t.dataSource);
    const admin = await makeGebruiker(t.dataSource, organisatie, [
      { gemeente, rol: Rol.Beheerder },
    ]);
    const session = await login(t.app, admin.email);
    await http().post('/api/v1/auth/logout').set(session.auth).expect(204);
    const again = await login(t.app, admin.email);
    const entries = (
      await http().get('/api/v1/audit-entries?entityType=sessie').set(again.auth).expect(200)
    ).body.items.map((e: { action: string }) => e.action);
    expect(entries).toEqual(['aangemeld', 'afgemeld', 'aangemeld']);
  });

  it('filters the audit trail by time and refuses a bad filter', async () => {
    const future = new Date(Date.now() + 3600_000).toISOString();
    const none = await http()
      .get(`/api/v1/audit-entries?from=${encodeURIComponent(future)}`)
      .set(beheerder.auth)
      .expect(200);
    expect(none.body).toEqual({
      items: [],
      meta: { page: 1, pageSize: 20, totalItems: 0, totalPages: 0 },
    });
    const bad = await http()
      .get('/api/v1/audit-entries?from=gisteren')
      .set(beheerder.auth)
      .expect(400);
    expect(bad.body.invalidParams[0].name).toBe('from');
  });
});

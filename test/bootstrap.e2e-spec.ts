import {
  AuditService,
  bootstrapGemeente,
  DEMO_CBS_CODE,
  DemoSeedService,
  Rol,
} from '@wijkkompas/core';
import { createTestApp, freeCbsCode, login, TestApp } from '@wijkkompas/core/testing';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';

describe('Eerste beheerder en demodata', () => {
  let t: TestApp;
  const dataDir = mkdtempSync(join(tmpdir(), 'wijkkompas-test-'));

  beforeAll(async () => {
    t = await createTestApp({ dataDir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const cbs = () => freeCbsCode(t.dataSource);

  it('creates a gemeente with its first beheerder, who can log in and manage users; audited', async () => {
    const code = await cbs();
    const email = `eerste-${code.toLowerCase()}@test.example`;
    const result = await t.dataSource.transaction((manager) =>
      bootstrapGemeente(
        manager,
        t.app.get(AuditService),
        {
          gemeenteNaam: 'Gemeente Eerstestad',
          cbsCode: code,
          email,
          naam: 'Eerste Beheerder',
          password: 'een-heel-lang-wachtwoord',
        },
        'cli',
      ),
    );
    const session = await login(t.app, email, 'een-heel-lang-wachtwoord');
    const users = await request(t.app.getHttpServer())
      .get('/api/v1/gebruikers')
      .set(session.auth)
      .expect(200);
    expect(users.body.items).toEqual([expect.objectContaining({ email, rollen: [Rol.Beheerder] })]);
    const audit = await request(t.app.getHttpServer())
      .get('/api/v1/audit-entries')
      .set(session.auth)
      .expect(200);
    expect(
      audit.body.items.map((e: { entityType: string; actorNaam: string }) => [
        e.entityType,
        e.actorNaam,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['gemeente', 'systeem: cli'],
        ['organisatie', 'systeem: cli'],
        ['gebruiker', 'systeem: cli'],
      ]),
    );
    expect(result.gemeente.cbsCode).toBe(code);
  });

  it('refuses a bad CBS code, a short password and an e-mail address in use, writing nothing', async () => {
    const audit = t.app.get(AuditService);
    const attempt = (input: Partial<Parameters<typeof bootstrapGemeente>[2]>) =>
      t.dataSource.transaction((manager) =>
        bootstrapGemeente(
          manager,
          audit,
          {
            gemeenteNaam: 'X',
            cbsCode: 'GM0001',
            email: 'x@test.example',
            naam: 'X',
            password: 'een-heel-lang-wachtwoord',
            ...input,
          },
          'cli',
        ),
      );
    await expect(attempt({ cbsCode: '0479' })).rejects.toMatchObject({
      code: 'ongeldige-cbs-code',
    });
    await expect(attempt({ password: 'kort' })).rejects.toMatchObject({
      code: 'wachtwoord-te-kort',
    });
    const code = await cbs();
    await attempt({ cbsCode: code, email: `dubbel-${code}@test.example` });
    await expect(
      attempt({ cbsCode: code, email: `DUBBEL-${code}@test.example` }),
    ).rejects.toMatchObject({ code: 'email-in-gebruik' });
  });

  it('loads the demo gemeente Voorbeeldstad with a user per role, passwords kept in the data directory', async () => {
    const seeder = t.app.get(DemoSeedService);
    const gebruikers = await seeder.seed();
    const rollen = new Set(gebruikers.map((g) => g.rol));
    expect(rollen).toEqual(new Set(Object.values(Rol)));
    const file = join(dataDir, 'demo-gebruikers.json');
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveLength(gebruikers.length);
    const contractmanager = gebruikers.find((g) => g.rol === Rol.Contractmanager)!;
    const session = await login(t.app, contractmanager.email, contractmanager.password);
    const me = await request(t.app.getHttpServer())
      .get('/api/v1/auth/me')
      .set(session.auth)
      .expect(200);
    const [gemeente] = await t.dataSource.query(
      'SELECT id, naam FROM gemeenten WHERE cbs_code = $1',
      [DEMO_CBS_CODE],
    );
    expect(me.body.gemeenteId).toBe(gemeente.id);
    expect(gemeente.naam).toBe('Gemeente Voorbeeldstad');
    // The demo dossier is there, gereed, and the contractmanager was told, as the job does.
    const dossiers = await request(t.app.getHttpServer())
      .get('/api/v1/dossiers')
      .set(session.auth)
      .expect(200);
    const gereed = (dossiers.body.items as { id: string; status: string }[]).filter(
      (d) => d.status === 'gereed',
    );
    expect(gereed).toHaveLength(1);
    const notificaties = await request(t.app.getHttpServer())
      .get('/api/v1/notificaties')
      .set(session.auth)
      .expect(200);
    expect(notificaties.body.items).toEqual([
      expect.objectContaining({
        soort: 'dossier-gereed',
        titel: expect.stringMatching(
          /^Dossier gereed: Wijkteams Noord, \d+e kwartaal \d{4}$/,
        ) as string,
        link: `/api/v1/dossiers/${gereed[0].id}`,
      }),
    ]);
    // A seeded directeur sees its own organisation only.
    const directeur = gebruikers.find((g) => g.rol === Rol.Directeur)!;
    const dSession = await login(t.app, directeur.email, directeur.password);
    const orgs = await request(t.app.getHttpServer())
      .get('/api/v1/organisaties')
      .set(dSession.auth)
      .expect(200);
    expect(orgs.body.items).toEqual([
      expect.objectContaining({ naam: directeur.organisatie, soort: 'aanbieder' }),
    ]);
    // The ketenregisseur's journey is there on the first start: a held ontwikkeloverleg with
    // a published agenda, a flagged budget decision and open actions, and the next one with a
    // drafted agenda on which those actions return; a ketenoverleg with a published agenda.
    const regisseur = gebruikers.find((g) => g.rol === Rol.Ketenregisseur)!;
    const rSession = await login(t.app, regisseur.email, regisseur.password);
    const api = (pad: string) =>
      request(t.app.getHttpServer()).get(`/api/v1${pad}`).set(rSession.auth).expect(200);
    type O = { id: string; status: string };
    const ontwikkel = (await api('/overleggen?soort=ontwikkeloverleg')).body.items as O[];
    expect(ontwikkel.map((o) => o.status)).toEqual(['verslag-vastgesteld', 'gepland']);
    const verslag = (await api(`/overleggen/${ontwikkel[0].id}/verslag`)).body;
    expect(verslag.agenda.versie).toBe(1);
    expect(
      verslag.besluiten.filter((b: { hoortBij: string | null }) => b.hoortBij === 'stuurgroep'),
    ).toHaveLength(1);
    expect(verslag.acties).toHaveLength(2);
    const concept = (await api(`/overleggen/${ontwikkel[1].id}/agendapunten`)).body.items as {
      bronSoort: string;
      reden: string | null;
    }[];
    expect(concept.filter((p) => p.bronSoort === 'actie')).toHaveLength(2);
    expect(concept.every((p) => p.bronSoort === 'vrij' || !!p.reden)).toBe(true);
    const keten = (await api('/overleggen?soort=ketenoverleg')).body.items as O[];
    expect(keten.map((o) => o.status)).toEqual(['verslag-vastgesteld', 'agenda-gepubliceerd']);
    const indicatoren = (await api('/indicatoren')).body.items as { id: string; code: string }[];
    expect(indicatoren.map((i) => i.code)).toContain('IND-SNEL');
  });
});

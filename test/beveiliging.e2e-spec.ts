import { Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Rol } from '@wijkkompas/core';
import {
  createTestApp,
  freeCbsCode,
  login,
  makeGebruiker,
  makeGemeente,
  Session,
  TestApp,
} from '@wijkkompas/core/testing';
import request from 'supertest';

/**
 * Security headers (one place: libs/core/src/http/security-headers.ts), the claims an access
 * token must carry, the password policy on every way a password is set, and new gemeenten
 * by a platform beheerder.
 */
describe('Beveiliging: headers, tokens, wachtwoorden, nieuwe gemeenten', () => {
  let t: TestApp;
  let beheerder: Session;
  let platform: Session;
  let organisatieId: string;
  const platformEmail = `platform-${Date.now()}@wijkkompas.example`;

  beforeAll(async () => {
    t = await createTestApp({ platformBeheerders: [platformEmail] });
    const { gemeente, organisatie } = await makeGemeente(t.dataSource);
    organisatieId = organisatie.id;
    const b = await makeGebruiker(t.dataSource, organisatie, [{ gemeente, rol: Rol.Beheerder }]);
    const p = await makeGebruiker(t.dataSource, organisatie, [{ gemeente, rol: Rol.Beheerder }], {
      email: platformEmail,
    });
    beheerder = await login(t.app, b.email);
    platform = await login(t.app, p.email);
  });
  afterAll(() => t.close());

  const http = () => request(t.app.getHttpServer());

  describe('headers', () => {
    it('puts nosniff, no framing, a closed CSP and no-store on API answers; HSTS only over https', async () => {
      const me = await http().get('/api/v1/auth/me').set(beheerder.auth).expect(200);
      expect(me.headers['x-content-type-options']).toBe('nosniff');
      expect(me.headers['x-frame-options']).toBe('DENY');
      expect(me.headers['content-security-policy']).toContain("default-src 'none'");
      expect(me.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(me.headers['cache-control']).toBe('no-store');
      expect(me.headers['strict-transport-security']).toBeUndefined();
      expect(me.headers['x-powered-by']).toBeUndefined();

      const https = await http()
        .get('/api/v1/auth/me')
        .set(beheerder.auth)
        .set('X-Forwarded-Proto', 'https')
        .expect(200);
      expect(https.headers['strict-transport-security']).toMatch(
        /max-age=31536000; includeSubDomains/,
      );
      // Errors too: a 401 and a 404 carry the same headers.
      const zonder = await http().get('/api/v1/auth/me').expect(401);
      expect(zonder.headers['x-frame-options']).toBe('DENY');
      expect(zonder.headers['cache-control']).toBe('no-store');
    });

    it('keeps token responses out of every cache', async () => {
      const { email } = await makeGebruiker(t.dataSource, { id: organisatieId } as never, [
        { gemeente: (await makeGemeente(t.dataSource)).gemeente, rol: Rol.Bestuurder },
      ]);
      const res = await http()
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', '198.51.100.7')
        .send({ email, password: 'test-wachtwoord-123' })
        .expect(200);
      expect(res.body.accessToken).toEqual(expect.any(String));
      expect(res.headers['cache-control']).toBe('no-store');
      const ververs = await http()
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: res.body.refreshToken })
        .expect(200);
      expect(ververs.headers['cache-control']).toBe('no-store');
    });

    it('serves Swagger UI with a CSP that lets its own scripts run and nothing else, and no framing', async () => {
      const pagina = await http().get('/api/v1/docs/').expect(200);
      const csp = pagina.headers['content-security-policy'] as string;
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-eval');
      expect(pagina.headers['x-frame-options']).toBe('DENY');
      // Every script the page loads comes from this server (allowed by 'self'), none inline.
      const scripts = [...pagina.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributen, inhoud] of scripts) {
        expect(attributen).toMatch(/src=['"](\.\/|\/)?[\w./-]+['"]/);
        expect(inhoud.trim()).toBe('');
      }
      for (const [, src] of pagina.text.matchAll(/src=['"]([^'"]+)['"]/g)) {
        const url = new URL(src, 'http://localhost/api/v1/docs/');
        expect(url.host).toBe('localhost');
        await http().get(url.pathname).expect(200);
      }
      await http().get('/api/v1/openapi.json').expect(200);
    });

    it('lets only the web app frame the dossier HTML (same origin); everything else is DENY', async () => {
      const id = '00000000-0000-4000-8000-000000000000';
      const html = await http().get(`/api/v1/dossiers/${id}/html`).set(beheerder.auth);
      expect(html.status).toBe(404);
      expect(html.headers['content-security-policy']).toContain("frame-ancestors 'self'");
      expect(html.headers['content-security-policy']).toContain("style-src 'unsafe-inline'");
      expect(html.headers['x-frame-options']).toBe('SAMEORIGIN');
      const pdf = await http().get(`/api/v1/dossiers/${id}/pdf`).set(beheerder.auth);
      expect(pdf.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(pdf.headers['x-frame-options']).toBe('DENY');
    });
  });

  describe('access tokens', () => {
    const payload = (sessie: Session) =>
      JSON.parse(Buffer.from(sessie.accessToken.split('.')[1], 'base64url').toString()) as {
        sub: string;
        sid: string;
        gid: string;
        iss: string;
        exp: number;
      };

    it('carry iss and exp', () => {
      const claims = payload(beheerder);
      expect(claims.iss).toBe('wijkkompas');
      expect(claims.exp).toBeGreaterThan(Date.now() / 1000);
    });

    it('refuses a token without exp, with another issuer, or meant for the queue dashboard', async () => {
      const jwt = t.app.get(JwtService);
      const { sub, sid, gid } = payload(beheerder);
      const zonderExp = jwt.sign({ sub, sid, gid });
      expect(
        JSON.parse(Buffer.from(zonderExp.split('.')[1], 'base64url').toString()),
      ).not.toHaveProperty('exp');
      const anderIss = jwt.sign({ sub, sid, gid }, { issuer: 'iemand-anders', expiresIn: 60 });
      const dashboard = jwt.sign({ sub, sid, gid, doel: 'wachtrij-dashboard' }, { expiresIn: 60 });
      const geldig = jwt.sign({ sub, sid, gid }, { expiresIn: 60 });
      for (const token of [zonderExp, anderIss, dashboard]) {
        const res = await http()
          .get('/api/v1/auth/me')
          .set('Authorization', `Bearer ${token}`)
          .expect(401);
        expect(res.body.code).toBe('niet-aangemeld');
      }
      // The same claims, properly issued, are accepted: the refusals are about iss/exp/doel.
      await http().get('/api/v1/auth/me').set('Authorization', `Bearer ${geldig}`).expect(200);
    });
  });

  describe('wachtwoorden', () => {
    it.each([
      ['aaaaaaaaaaaa', 'herhaalde tekens'],
      ['wachtwoord12', 'veelgebruikte'],
      ['Welkom2026!!', 'veelgebruikte'],
      ['{email}', 'e-mailadres'],
      ['{lokaal}-2026-x', 'e-mailadres'],
      ['pietje-puk-is-hier', 'naam'],
    ])(
      'refuses %s for a new user, naming the field, with a Dutch reason',
      async (wachtwoord, reden) => {
        const email = `pietje.puk.${Date.now()}@test.example`;
        const res = await http()
          .post('/api/v1/gebruikers')
          .set(beheerder.auth)
          .send({
            email,
            naam: 'Pietje Puk',
            organisatieId,
            rollen: [Rol.Contractmanager],
            wachtwoord: wachtwoord
              .replace('{email}', email)
              .replace('{lokaal}', email.split('@')[0]),
          })
          .expect(400);
        expect(res.body.invalidParams).toEqual([
          { name: 'wachtwoord', reason: expect.stringContaining(reden) as string },
        ]);
        expect(
          await t.dataSource.query('SELECT 1 FROM gebruikers WHERE email = $1', [email]),
        ).toHaveLength(0);
      },
    );

    it('accepts a long password of unrelated words', async () => {
      await http()
        .post('/api/v1/gebruikers')
        .set(beheerder.auth)
        .send({
          email: `nieuw.${Date.now()}@test.example`,
          naam: 'Nieuwe Collega',
          organisatieId,
          rollen: [Rol.Contractmanager],
          wachtwoord: 'paarse olifant fietst snel',
        })
        .expect(201);
    });
  });

  describe('POST /gemeenten', () => {
    const nieuw = (cbsCode: string, extra: Record<string, unknown> = {}) => ({
      naam: `Gemeente Nieuwstad ${cbsCode}`,
      cbsCode,
      beheerder: {
        email: `beheer-${cbsCode.toLowerCase()}@nieuwstad.example`,
        naam: 'Nina Nieuw',
        wachtwoord: 'groene-tram-rijdt-door',
      },
      ...extra,
    });

    it('lets a platform beheerder create a gemeente with its first beheerder, audited in both tenants', async () => {
      const cbsCode = await freeCbsCode(t.dataSource);
      const res = await http()
        .post('/api/v1/gemeenten')
        .set(platform.auth)
        .send(nieuw(cbsCode))
        .expect(201);
      expect(res.body).toMatchObject({
        id: expect.any(String),
        cbsCode,
        beheerder: {
          email: `beheer-${cbsCode.toLowerCase()}@nieuwstad.example`,
          naam: 'Nina Nieuw',
        },
      });
      expect(JSON.stringify(res.body)).not.toContain('groene-tram');
      // The new beheerder logs in to the new gemeente and sees its audit trail.
      const nina = await login(t.app, res.body.beheerder.email, 'groene-tram-rijdt-door');
      const me = await http().get('/api/v1/auth/me').set(nina.auth).expect(200);
      expect(me.body).toMatchObject({ gemeenteId: res.body.id, rollen: [Rol.Beheerder] });
      const hunAudit = await http().get('/api/v1/audit-entries').set(nina.auth).expect(200);
      const aanmaak = (hunAudit.body.items as { entityType: string; actorNaam: string }[]).filter(
        (e) => e.entityType !== 'sessie',
      );
      expect(aanmaak.map((e) => e.entityType).sort()).toEqual([
        'gebruiker',
        'gemeente',
        'organisatie',
      ]);
      for (const e of aanmaak) expect(e.actorNaam).toMatch(/^systeem: platformbeheer \(Test /);
      const eigenAudit = await http()
        .get(`/api/v1/audit-entries?entityType=gemeente&entityId=${res.body.id}`)
        .set(platform.auth)
        .expect(200);
      expect(eigenAudit.body.items).toEqual([
        expect.objectContaining({ action: 'aangemaakt', entityId: res.body.id }),
      ]);
      expect(JSON.stringify(eigenAudit.body)).not.toContain('groene-tram');
    });

    it('refuses an ordinary beheerder (403), an existing CBS code (409) and a weak password (400), writing nothing', async () => {
      const cbsCode = await freeCbsCode(t.dataSource);
      const geweigerd = await http()
        .post('/api/v1/gemeenten')
        .set(beheerder.auth)
        .send(nieuw(cbsCode))
        .expect(403);
      expect(geweigerd.body.detail).toContain('PLATFORM_BEHEERDERS');
      const zwak = await http()
        .post('/api/v1/gemeenten')
        .set(platform.auth)
        .send(
          nieuw(cbsCode, {
            beheerder: {
              email: `x-${cbsCode}@nieuwstad.example`,
              naam: 'X',
              wachtwoord: 'wachtwoord2026',
            },
          }),
        )
        .expect(400);
      expect(zwak.body.invalidParams).toEqual([
        { name: 'wachtwoord', reason: expect.stringContaining('veelgebruikte') as string },
      ]);
      expect(
        await t.dataSource.query('SELECT 1 FROM gemeenten WHERE cbs_code = $1', [cbsCode]),
      ).toHaveLength(0);
      await http().post('/api/v1/gemeenten').set(platform.auth).send(nieuw(cbsCode)).expect(201);
      const dubbel = await http()
        .post('/api/v1/gemeenten')
        .set(platform.auth)
        .send(
          nieuw(cbsCode, {
            beheerder: {
              email: `y-${cbsCode}@nieuwstad.example`,
              naam: 'Y',
              wachtwoord: 'groene-tram-rijdt-door',
            },
          }),
        )
        .expect(409);
      expect(dubbel.body.code).toBe('gemeente-bestaat');
      await http()
        .post('/api/v1/gemeenten')
        .set(platform.auth)
        .send({ naam: 'X', cbsCode: '0479' })
        .expect(400);
    });
  });

  it('says at start-up why INITIAL_BEHEERDER_* is ignored on a database that already has users', async () => {
    const waarschuwing = jest.spyOn(Logger.prototype, 'warn');
    const email = `eerste-${Date.now()}@genegeerd.example`;
    const tweede = await createTestApp({
      initialBeheerder: {
        email,
        password: 'groene-tram-rijdt-door',
        naam: 'Genegeerd',
        gemeenteNaam: 'Gemeente Genegeerd',
        cbsCode: await freeCbsCode(t.dataSource),
      },
    });
    try {
      const meldingen = waarschuwing.mock.calls.map((args) => String(args[0]));
      expect(meldingen).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            new RegExp(
              `^INITIAL_BEHEERDER_EMAIL \\(${email.replace(/\./g, '\\.')}\\) wordt genegeerd: de database heeft al gebruikers`,
            ),
          ),
        ]),
      );
      expect(
        await t.dataSource.query('SELECT 1 FROM gebruikers WHERE email = $1', [email]),
      ).toHaveLength(0);
    } finally {
      waarschuwing.mockRestore();
      await tweede.close();
    }
  });
});

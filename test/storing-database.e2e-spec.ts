import { Rol } from '@wijkkompas/core';
import {
  createTestApp,
  login,
  makeGebruiker,
  makeGemeente,
  TestApp,
} from '@wijkkompas/core/testing';
import { Client } from 'pg';
import request from 'supertest';
import { TcpProxy } from './support/tcp-proxy';

/**
 * PostgreSQL stopped and started under load. The app reaches the test database through a
 * TCP proxy this test controls (the shared server is never touched): while the proxy is down,
 * every answer is either a success or a 503 problem+json with Retry-After — never a 500 and
 * never a hang; after it is back, the app recovers by itself; and every write that was
 * acknowledged (201) is in the database.
 */
const NEER_MS = 3000;
const SCHRIJVERS = 6;

interface Antwoord {
  status: number;
  type: string;
  retryAfter?: string;
  code?: string;
  ms: number;
  fase: 'voor' | 'neer' | 'na';
}

describe('Storing: PostgreSQL weg en terug onder belasting', () => {
  const databaseUrl = process.env.DATABASE_URL!;
  const proxy = TcpProxy.voor(databaseUrl);
  let t: TestApp;
  let auth: { Authorization: string };

  beforeAll(async () => {
    await proxy.op();
    // With the jobs in the process too (RUN_WORKER's default): they lose the database as well.
    t = await createTestApp({ databaseUrl: proxy.via(databaseUrl), runWorker: true });
    const { gemeente, organisatie } = await makeGemeente(t.dataSource);
    const cm = await makeGebruiker(t.dataSource, organisatie, [
      { gemeente, rol: Rol.Contractmanager },
    ]);
    ({ auth } = await login(t.app, cm.email));
  });
  afterAll(async () => {
    await proxy.op();
    await t.close();
    await proxy.neer();
  });

  it('answers 503 problem+json with Retry-After while the database is away, recovers, and loses no acknowledged write', async () => {
    const server = t.app.getHttpServer();
    let fase: Antwoord['fase'] = 'voor';
    let stoppen = false;
    let volgnummer = 0;
    const antwoorden: Antwoord[] = [];
    const bevestigd: string[] = [];

    const schrijver = async (nr: number) => {
      while (!stoppen) {
        const code = `WK${String(nr).padStart(2, '0')}${String(++volgnummer).padStart(4, '0')}`;
        const begin = Date.now();
        const inFase = fase;
        const schrijf = nr % 2 === 0;
        const res = schrijf
          ? await request(server)
              .post('/api/v1/wijken')
              .set(auth)
              .send({ cbsCode: code, naam: `Storingswijk ${code}` })
          : await request(server).get('/api/v1/wijken').set(auth);
        antwoorden.push({
          status: res.status,
          type: String(res.headers['content-type']),
          retryAfter: res.headers['retry-after'] as string | undefined,
          code: (res.body as { code?: string }).code,
          ms: Date.now() - begin,
          fase: inFase,
        });
        if (schrijf && res.status === 201) bevestigd.push((res.body as { id: string }).id);
        if (res.status >= 500) await new Promise((r) => setTimeout(r, 20));
      }
    };
    const lopend = Array.from({ length: SCHRIJVERS }, (_, i) => schrijver(i + 1));

    await new Promise((r) => setTimeout(r, 1000));
    fase = 'neer';
    await proxy.neer();
    await new Promise((r) => setTimeout(r, NEER_MS));
    await proxy.op();
    fase = 'na';
    // Recovery: keep the load on until ten writes in a row succeed again (at most 20 s).
    const deadline = Date.now() + 20_000;
    const herstel = Date.now();
    for (;;) {
      const laatste = antwoorden.filter((a) => a.fase === 'na').slice(-10);
      if (laatste.length === 10 && laatste.every((a) => a.status < 300)) break;
      if (Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const hersteldNaMs = Date.now() - herstel;
    await new Promise((r) => setTimeout(r, 500));
    stoppen = true;
    await Promise.all(lopend);

    const tel = (f: Antwoord['fase']) => {
      const per: Record<number, number> = {};
      for (const a of antwoorden.filter((x) => x.fase === f))
        per[a.status] = (per[a.status] ?? 0) + 1;
      return per;
    };
    process.stdout.write(
      `Storing PostgreSQL (${NEER_MS} ms weg, ${SCHRIJVERS} clients): voor ${JSON.stringify(tel('voor'))}, ` +
        `tijdens ${JSON.stringify(tel('neer'))}, na ${JSON.stringify(tel('na'))}; hersteld na ${hersteldNaMs} ms; ` +
        `${bevestigd.length} schrijfacties bevestigd; langste antwoord ${Math.max(...antwoorden.map((a) => a.ms))} ms\n`,
    );

    const tijdens = antwoorden.filter((a) => a.fase === 'neer');
    expect(tijdens.length).toBeGreaterThan(0);
    // While down: 503 with Retry-After as problem+json (a request that got through first may be 2xx).
    const storingen = tijdens.filter((a) => a.status >= 300);
    expect(storingen.length).toBeGreaterThan(0);
    for (const a of antwoorden.filter((x) => x.status >= 500)) {
      expect(a).toMatchObject({ status: 503, code: 'niet-beschikbaar' });
      expect(a.type).toMatch(/^application\/problem\+json/);
      expect(a.retryAfter).toMatch(/^\d+$/);
    }
    // Nothing hangs: every answer within a few seconds, also while the database is away.
    expect(Math.max(...antwoorden.map((a) => a.ms))).toBeLessThan(5000);
    // Recovered: the last answers are all successes again.
    const laatste = antwoorden.filter((a) => a.fase === 'na').slice(-10);
    expect(laatste.map((a) => a.status).every((s) => s < 300)).toBe(true);

    // Every acknowledged write is there, read straight from the server (not through the proxy).
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>(
        'SELECT count(*) AS n FROM wijken WHERE id = ANY($1::uuid[])',
        [bevestigd],
      );
      expect(Number(rows[0].n)).toBe(bevestigd.length);
    } finally {
      await client.end();
    }
  });
});

import { Rol } from '@wijkkompas/core';
import {
  createTestApp,
  makeGebruiker,
  makeGemeente,
  TEST_PASSWORD,
} from '@wijkkompas/core/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  HttpAntwoord,
  Proces,
  startProces,
  startServer,
  vraag,
  vraagIngebouwd,
} from './support/server-proces';

/**
 * SIGTERM during a write burst, against the real server process (server mode on the test
 * database, and embedded on its own data directory): the process stops taking connections,
 * finishes what is running — including a request whose body is still arriving — exits 0
 * well within the grace period, and every write it acknowledged is in the database.
 *
 * Embedded, while the server runs, a second process on the same DATA_DIR (the CLI's
 * create-beheerder) refuses with a Dutch message naming the server instead of reporting a
 * write that would be lost; once the server has stopped, the same command works.
 */
jest.setTimeout(240_000);

const CLIENTS = 6;
const GRACE_SECONDEN = 8;

interface Uitslag {
  bevestigd: string[];
  antwoorden: (HttpAntwoord & { naSigterm: boolean })[];
  foutenVoorSigterm: string[];
  foutenNaSigterm: string[];
  traag: HttpAntwoord;
  exit: number | string;
  stopMs: number;
}

async function token(url: string, email: string, wachtwoord: string): Promise<string> {
  const agent = new Agent();
  const res = await vraag(
    agent,
    `${url}/api/v1/auth/login`,
    'POST',
    {},
    JSON.stringify({ email, password: wachtwoord }),
  );
  agent.destroy();
  if (res.status !== 200) throw new Error(`Aanmelden mislukte: ${res.status} ${res.body}`);
  return (JSON.parse(res.body) as { accessToken: string }).accessToken;
}

/** Write burst on keep-alive connections, a slow request in flight, SIGTERM in the middle. */
async function schrijfEnStop(
  server: Proces & { url: string },
  accessToken: string,
): Promise<Uitslag> {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const auth = { authorization: `Bearer ${accessToken}` };
  // eslint-disable-next-line prefer-const -- read by the client loops before it is set
  let sigtermOp: number | undefined;
  let nr = 0;
  const uitslag: Omit<Uitslag, 'traag' | 'exit' | 'stopMs'> = {
    bevestigd: [],
    antwoorden: [],
    foutenVoorSigterm: [],
    foutenNaSigterm: [],
  };
  const schrijf = (code: string) => JSON.stringify({ cbsCode: code, naam: `Wijk ${code}` });
  const lus = async () => {
    for (;;) {
      const code = `WK${String(++nr).padStart(6, '0')}`;
      const naSigterm = sigtermOp !== undefined;
      try {
        const res = await vraag(agent, `${server.url}/api/v1/wijken`, 'POST', auth, schrijf(code));
        uitslag.antwoorden.push({ ...res, naSigterm });
        if (res.status === 201) uitslag.bevestigd.push((JSON.parse(res.body) as { id: string }).id);
      } catch (error) {
        const melding = `${(error as NodeJS.ErrnoException).code ?? (error as Error).message} (${code})`;
        (naSigterm ? uitslag.foutenNaSigterm : uitslag.foutenVoorSigterm).push(melding);
        // The server is gone (refused) or going: this client is done.
        if (sigtermOp !== undefined) return;
      }
      if (sigtermOp !== undefined && Date.now() - sigtermOp > 20_000) return;
    }
  };
  const lussen = Array.from({ length: CLIENTS }, lus);

  // A request in flight when the signal comes: headers and half the body now, the rest later.
  const traagLichaam = schrijf('WK999999');
  const helft = Math.floor(traagLichaam.length / 2);
  const traagReq = httpRequest(`${server.url}/api/v1/wijken`, {
    method: 'POST',
    headers: {
      ...auth,
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(traagLichaam),
    },
  });
  const traag = new Promise<HttpAntwoord>((resolve, reject) => {
    traagReq.on('response', (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    traagReq.on('error', reject);
  });
  traagReq.write(traagLichaam.slice(0, helft));

  await new Promise((r) => setTimeout(r, 1500));
  sigtermOp = Date.now();
  server.proces.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  traagReq.end(traagLichaam.slice(helft));
  const traagAntwoord = await traag;
  if (traagAntwoord.status === 201)
    uitslag.bevestigd.push((JSON.parse(traagAntwoord.body) as { id: string }).id);
  const exit = await server.einde;
  const stopMs = Date.now() - sigtermOp;
  await Promise.all(lussen);
  agent.destroy();
  return { ...uitslag, traag: traagAntwoord, exit, stopMs };
}

function controleer(uitslag: Uitslag, server: Proces, modus: string): void {
  const perStatus: Record<number, number> = {};
  for (const a of uitslag.antwoorden) perStatus[a.status] = (perStatus[a.status] ?? 0) + 1;
  const naSigterm = uitslag.antwoorden.filter((a) => a.naSigterm);
  process.stdout.write(
    `SIGTERM (${modus}): ${uitslag.antwoorden.length} antwoorden ${JSON.stringify(perStatus)}, ` +
      `${naSigterm.length} na het signaal (allemaal Connection: close: ${naSigterm.every((a) => a.headers.connection === 'close')}), ` +
      `trage aanvraag ${uitslag.traag.status}, ${uitslag.bevestigd.length} bevestigd, ` +
      `verbindingsfouten na het signaal: ${uitslag.foutenNaSigterm.length} (${[...new Set(uitslag.foutenNaSigterm.map((f) => f.split(' ')[0]))].join(', ')}), ` +
      `exit ${uitslag.exit} na ${uitslag.stopMs} ms\n`,
  );
  expect({ exit: uitslag.exit, uitvoer: uitslag.exit === 0 ? '' : server.uitvoer() }).toEqual({
    exit: 0,
    uitvoer: '',
  });
  expect(uitslag.stopMs).toBeLessThan(GRACE_SECONDEN * 1000);
  // Nothing was refused or reset before the signal, nothing answered with an error after.
  expect(uitslag.foutenVoorSigterm).toEqual([]);
  expect(
    uitslag.antwoorden.filter((a) => a.status !== 201).map((a) => `${a.status} ${a.body}`),
  ).toEqual([]);
  // The request that was still arriving was finished, and told the client to go.
  expect(uitslag.traag.status).toBe(201);
  expect(uitslag.traag.headers.connection).toBe('close');
  // After the signal, clients only find a closed port (never a reset of a request they sent).
  for (const fout of uitslag.foutenNaSigterm) expect(fout).toMatch(/^ECONNREFUSED/);
  expect(uitslag.bevestigd.length).toBeGreaterThanOrEqual(CLIENTS);
}

describe('Stoppen met SIGTERM tijdens een schrijfstoot', () => {
  it('server mode: finishes running requests, exits 0 within the grace period, loses no acknowledged write', async () => {
    const databaseUrl = process.env.DATABASE_URL!;
    const t = await createTestApp();
    const { gemeente, organisatie } = await makeGemeente(t.dataSource);
    const cm = await makeGebruiker(t.dataSource, organisatie, [
      { gemeente, rol: Rol.Contractmanager },
    ]);
    await t.close();
    const server = await startServer({
      DATABASE_URL: databaseUrl,
      RUN_WORKER: 'false',
      STOP_GRACE_SECONDS: String(GRACE_SECONDEN),
    });
    try {
      const uitslag = await schrijfEnStop(server, await token(server.url, cm.email, TEST_PASSWORD));
      controleer(uitslag, server, 'server');
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        const { rows } = await client.query<{ n: string }>(
          'SELECT count(*) AS n FROM wijken WHERE id = ANY($1::uuid[])',
          [uitslag.bevestigd],
        );
        expect(Number(rows[0].n)).toBe(uitslag.bevestigd.length);
      } finally {
        await client.end();
      }
    } finally {
      server.proces.kill('SIGKILL');
    }
  });

  it('embedded: a second process on the DATA_DIR refuses naming the server; SIGTERM keeps every acknowledged write', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wk-stoppen-'));
    const email = 'beheer@stopstad.example';
    const wachtwoord = 'rustig-afsluiten-graag';
    const ingebouwd = {
      DATABASE_URL: undefined,
      REDIS_URL: undefined,
      QUEUE_PG_SCHEMA: undefined,
      QUEUE_POLL_SECONDS: undefined,
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
    };
    const server = await startServer({
      ...ingebouwd,
      INITIAL_BEHEERDER_EMAIL: email,
      INITIAL_BEHEERDER_PASSWORD: wachtwoord,
      INITIAL_BEHEERDER_NAAM: 'Stijn Stop',
      INITIAL_GEMEENTE_NAAM: 'Gemeente Stopstad',
      INITIAL_GEMEENTE_CBS: 'GM0999',
    });
    const cliArgs = [
      'create-beheerder',
      '--email',
      'tweede@stopstad.example',
      '--naam',
      'Tweede',
      '--gemeente',
      'Gemeente Stopstad',
      '--cbs',
      'GM0999',
    ];
    try {
      const cli = startProces('cli', ingebouwd, cliArgs);
      cli.proces.stdin!.end('nog-een-lang-wachtwoord\n');
      expect(await cli.einde).toBe(1);
      expect(cli.uitvoer()).toContain(
        `in gebruik door een ander Wijkkompas-proces: de server op ${server.url.replace('127.0.0.1', 'localhost')} (pid ${server.proces.pid}`,
      );
      expect(cli.uitvoer()).not.toContain('aangemaakt');

      const uitslag = await schrijfEnStop(server, await token(server.url, email, wachtwoord));
      controleer(uitslag, server, 'ingebouwd');

      // The server is gone, so its lock is too: now the CLI may write, and it sticks.
      const tweede = startProces('cli', ingebouwd, cliArgs);
      tweede.proces.stdin!.end('nog-een-lang-wachtwoord\n');
      expect({ exit: await tweede.einde, uitvoer: tweede.uitvoer() }).toEqual({
        exit: 0,
        uitvoer: expect.stringContaining('Beheerder tweede@stopstad.example aangemaakt') as string,
      });
      // One process reads both (each opening of the directory loads the whole database).
      const [{ n, emails }] = await vraagIngebouwd<{ n: string; emails: string[] }>(
        dataDir,
        `SELECT (SELECT count(*) FROM wijken WHERE id = ANY($1::uuid[])) AS n,
                (SELECT array_agg(email ORDER BY email) FROM gebruikers) AS emails`,
        [uitslag.bevestigd],
      );
      expect(Number(n)).toBe(uitslag.bevestigd.length);
      expect(emails).toEqual([email, 'tweede@stopstad.example']);
    } finally {
      server.proces.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request as httpRequest } from 'node:http';
import { join, resolve } from 'node:path';

/**
 * The real server (apps/api/src/main.ts) or CLI as a child process, run from source with
 * test/support/ts-register.js, the way production starts them: signals, exit codes and the
 * data directory's lock are those of a real process.
 */
const root = resolve(__dirname, '..', '..');

export interface Proces {
  proces: ChildProcess;
  uitvoer: () => string;
  /** Resolves with the exit code (or the signal's name). */
  einde: Promise<number | string>;
}

export function startProces(
  app: 'api' | 'cli',
  env: Record<string, string | undefined>,
  args: string[] = [],
): Proces {
  let uitvoer = '';
  const proces = spawn(
    process.execPath,
    [
      '--require',
      join(root, 'test', 'support', 'ts-register.js'),
      join(root, 'apps', app, 'src', 'main.ts'),
      ...args,
    ],
    {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  proces.stdout!.on('data', (d: Buffer) => (uitvoer += d.toString()));
  proces.stderr!.on('data', (d: Buffer) => (uitvoer += d.toString()));
  const einde = once(proces, 'exit').then(([code, signaal]) =>
    code === null ? String(signaal) : (code as number),
  );
  return { proces, uitvoer: () => uitvoer.slice(-6000), einde };
}

/** Starts the server and waits for the line that says where it listens. */
export async function startServer(
  env: Record<string, string | undefined>,
  timeoutMs = 120_000,
): Promise<Proces & { url: string }> {
  const server = startProces('api', { PORT: '0', ...env });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const gevonden = /draait op (http:\/\/\S+?) \(/.exec(server.uitvoer());
    if (gevonden) return { ...server, url: gevonden[1].replace('localhost', '127.0.0.1') };
    if (server.proces.exitCode !== null || Date.now() > deadline) {
      server.proces.kill('SIGKILL');
      throw new Error(`De server startte niet:\n${server.uitvoer()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface HttpAntwoord {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request on a keep-alive agent; rejects with the socket error (ECONNRESET, ECONNREFUSED). */
export function vraag(
  agent: Agent,
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<HttpAntwoord> {
  return new Promise((resolveAntwoord, reject) => {
    const req = httpRequest(
      url,
      {
        agent,
        method,
        headers: body
          ? {
              ...headers,
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
            }
          : headers,
      },
      (res) => {
        let tekst = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (tekst += d));
        res.on('end', () =>
          resolveAntwoord({ status: res.statusCode ?? 0, headers: res.headers, body: tekst }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Runs one query on an embedded data directory in a separate process (PGlite is ESM-only and
 * does not load inside Jest's module sandbox), taking its lock like any other process would.
 */
export async function vraagIngebouwd<T>(
  dataDir: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const script = `
    const { startEmbeddedPostgres } = require(${JSON.stringify(join(root, 'libs/core/src/database/embedded-postgres.ts'))});
    const { Client } = require('pg');
    (async () => {
      const db = await startEmbeddedPostgres({ dataDir: process.env.WK_DIR, eigenaar: 'een test' });
      const client = new Client({ connectionString: db.url });
      await client.connect();
      const { rows } = await client.query(process.env.WK_SQL, JSON.parse(process.env.WK_PARAMS));
      await client.end();
      await db.stop();
      process.stdout.write('RIJEN' + JSON.stringify(rows) + '\\n');
    })().catch((e) => { console.error(e); process.exit(1); });
  `;
  const proces = spawn(
    process.execPath,
    ['--require', join(root, 'test', 'support', 'ts-register.js'), '-e', script],
    {
      cwd: root,
      env: { ...process.env, WK_DIR: dataDir, WK_SQL: sql, WK_PARAMS: JSON.stringify(params) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let uitvoer = '';
  proces.stdout.on('data', (d: Buffer) => (uitvoer += d.toString()));
  proces.stderr.on('data', (d: Buffer) => (uitvoer += d.toString()));
  const [code] = await once(proces, 'exit');
  const rijen = /RIJEN(.*)/.exec(uitvoer);
  if (code !== 0 || !rijen) throw new Error(`Query op ${dataDir} mislukte:\n${uitvoer}`);
  return JSON.parse(rijen[1]) as T[];
}

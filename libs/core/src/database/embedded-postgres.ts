import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { DataDirLock, lockDataDir } from './data-dir-lock';
import { maakSessieBewust } from './pglite-sessie';

/**
 * Real PostgreSQL compiled to WebAssembly (PGlite), served over the wire protocol on a
 * loopback port so that the normal `pg` driver, TypeORM and BullMQ use it unchanged: there
 * is no second data layer for the embedded mode.
 *
 * The socket server runs one message at a time on one session and keeps a transaction (and
 * an extended-protocol exchange) exclusive to the connection that opened it, so code must
 * never wait, inside a transaction, for a query on another connection.
 */
export interface EmbeddedPostgres {
  url: string;
  /** Says in the data directory's lock who holds it, e.g. once the server knows its address. */
  beschrijf(eigenaar: string): void;
  stop(): Promise<void>;
}

/**
 * Starts the embedded database; with a `dataDir`, only after taking that directory's lock
 * (see data-dir-lock.ts), so a second process refuses instead of losing its writes.
 * `eigenaar` says who holds it, for the message the second process gives.
 */
export async function startEmbeddedPostgres(
  options: { dataDir?: string; port?: number; eigenaar?: string } = {},
): Promise<EmbeddedPostgres> {
  // PGlite's socket server is published as ESM and CJS; load lazily so a server deployment
  // never loads the WASM build.
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  let dataDir: string | undefined;
  let lock: DataDirLock | undefined;
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    lock = lockDataDir(options.dataDir, options.eigenaar ?? 'een Wijkkompas-proces');
    dataDir = join(options.dataDir, 'pglite');
    mkdirSync(dataDir, { recursive: true });
  }
  let db: InstanceType<typeof PGlite>;
  try {
    db = await PGlite.create(dataDir);
  } catch (error) {
    lock?.release();
    throw error;
  }
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: options.port ?? 0,
    maxConnections: 100,
  });
  // See pglite-sessie.ts: keep an extended-protocol exchange on one connection.
  maakSessieBewust(
    (server as unknown as { queryQueue: Parameters<typeof maakSessieBewust>[0] }).queryQueue,
  );
  await server.start();
  const address = server.getServerConn();
  return {
    url: `postgres://postgres@${address}/postgres`,
    beschrijf: (eigenaar) => lock?.beschrijf(eigenaar),
    async stop() {
      try {
        await server.stop();
        await db.close();
      } finally {
        lock?.release();
      }
    },
  };
}

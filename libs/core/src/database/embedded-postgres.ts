import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

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
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(
  options: { dataDir?: string; port?: number } = {},
): Promise<EmbeddedPostgres> {
  // PGlite's socket server is published as ESM and CJS; load lazily so a server deployment
  // never loads the WASM build.
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  let dataDir: string | undefined;
  if (options.dataDir) {
    dataDir = join(options.dataDir, 'pglite');
    mkdirSync(dataDir, { recursive: true });
  }
  const db = await PGlite.create(dataDir);
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
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * One database for the whole e2e run, migrated by the app itself when the first test boots
 * it. Without DATABASE_URL: an embedded PostgreSQL (PGlite) in memory. With DATABASE_URL: a
 * fresh, uniquely named database on that server, dropped afterwards, so runs never share
 * state. Tests isolate themselves further by creating their own gemeente.
 */
export default async function globalSetup(): Promise<void> {
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL ??= 'silent';
  process.env.JWT_SECRET ??= randomBytes(48).toString('base64url');
  // Redis keys of this run only (the job test runs on Redis when REDIS_URL is given).
  process.env.QUEUE_PREFIX = `wk-test-${process.pid}-${Date.now()}`;
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `wijkkompas_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
    Object.assign(globalThis, { __WK_TEST_DB__: { serverUrl, name } });
    return;
  }
  const { startEmbeddedPostgres } = await import('../libs/core/src/database/embedded-postgres');
  const embedded = await startEmbeddedPostgres();
  process.env.DATABASE_URL = embedded.url;
  // PGlite's socket shares one session: the queue tables must live in the default schema.
  process.env.QUEUE_PG_SCHEMA = 'public';
  // ...and NOTIFY does not reach the worker there: poll (see embeddedPostgresBackend).
  process.env.QUEUE_POLL_SECONDS = '1';
  Object.assign(globalThis, { __WK_EMBEDDED__: embedded });
}

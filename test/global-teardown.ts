import { Client } from 'pg';
import type { EmbeddedPostgres } from '../libs/core/src/database/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const state = globalThis as {
    __WK_EMBEDDED__?: EmbeddedPostgres;
    __WK_TEST_DB__?: { serverUrl: string; name: string };
  };
  if (state.__WK_EMBEDDED__) await state.__WK_EMBEDDED__.stop();
  if (state.__WK_TEST_DB__) {
    const admin = new Client({ connectionString: state.__WK_TEST_DB__.serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${state.__WK_TEST_DB__.name} WITH (FORCE)`);
    await admin.end();
  }
  if (process.env.REDIS_URL && process.env.QUEUE_PREFIX?.startsWith('wk-test-')) {
    const { default: Redis } = await import('ioredis');
    const redis = new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 1 });
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(
        cursor,
        'MATCH',
        `${process.env.QUEUE_PREFIX}:*`,
        'COUNT',
        500,
      );
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    await redis.quit();
  }
}

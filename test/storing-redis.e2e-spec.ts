import { QueueName, QueueService } from '@wijkkompas/core';
import { createTestApp, TestApp } from '@wijkkompas/core/testing';
import { RitmeProcessor } from '@wijkkompas/kwartaalritme';
import Redis from 'ioredis';
import request from 'supertest';
import { DossierFixture, maakDossierFixture } from './support/dossier-fixture';
import { TcpProxy } from './support/tcp-proxy';

/**
 * Redis stopped and started. The app reaches the machine's Redis through a TCP proxy this
 * test controls. While Redis is away a job request (`POST /dossiers`) fails fast with 503
 * instead of hanging; Redis then comes back *empty* (as after a restart without persistence:
 * the test removes this run's keys), and the worker registers every job scheduler again
 * without a restart — as soon as its connection is ready again. Schedulers lost while the
 * connection stayed up come back through the periodic check (QUEUE_SCHEDULE_CHECK_SECONDS,
 * here 2 s).
 */
const redisUrl = process.env.REDIS_URL;
const beschrijf = redisUrl ? describe : describe.skip;
if (!redisUrl) console.warn('REDIS_URL niet gezet: de Redis-storingstest wordt overgeslagen.');

async function planningen(queues: QueueService): Promise<string[]> {
  const ids: string[] = [];
  for (const naam of Object.values(QueueName)) {
    const lijst = await queues.queue(naam).getJobSchedulers(0, -1);
    ids.push(...lijst.map((s) => `${naam}/${s.key}`));
  }
  return ids.sort();
}

beschrijf('Storing: Redis weg en leeg terug', () => {
  const proxy = TcpProxy.voor(redisUrl ?? 'redis://127.0.0.1:6379');
  const prefix = `${process.env.QUEUE_PREFIX ?? 'wk-test'}-storing`;
  let t: TestApp;
  let f: DossierFixture;
  let queues: QueueService;

  beforeAll(async () => {
    await proxy.op();
    t = await createTestApp(
      { runWorker: true },
      { REDIS_URL: proxy.via(redisUrl!), QUEUE_PREFIX: prefix, QUEUE_SCHEDULE_CHECK_SECONDS: '2' },
    );
    queues = t.app.get(QueueService);
    f = await maakDossierFixture(t, { kpis: 1, kwartalen: 1, verhalen: 0 });
    // The rhythm's schedule of the gemeente just made (the hourly synchronisation's work).
    await t.app.get(RitmeProcessor).synchroniseer();
  });
  afterAll(async () => {
    await proxy.op();
    await t.close();
    await proxy.neer();
    const redis = new Redis(redisUrl!);
    const sleutels = await redis.keys(`${prefix}:*`);
    if (sleutels.length) await redis.del(...sleutels);
    await redis.quit();
  });

  it('fails a job request fast with 503 while Redis is away, and restores every job scheduler when it is back', async () => {
    const voor = await planningen(queues);
    // Housekeeping, mail outbox and digest, the rhythm's synchronisation and one per gemeente.
    expect(voor.length).toBeGreaterThanOrEqual(5);
    expect(voor).toEqual(expect.arrayContaining(['housekeeping/housekeeping:nightly']));

    await proxy.neer();
    const begin = Date.now();
    const res = await request(t.app.getHttpServer())
      .post('/api/v1/dossiers')
      .set(f.auth.cm)
      .send({ aanbiederId: f.aanbieder.id, periode: f.periode });
    const duur = Date.now() - begin;
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('dossier-wachtrij-onbereikbaar');
    expect(duur).toBeLessThan(4000);
    await request(t.app.getHttpServer()).get('/health/ready').expect(503);

    // Redis "restarts" without its data: this run's keys are gone.
    const redis = new Redis(redisUrl!);
    try {
      const sleutels = await redis.keys(`${prefix}:*`);
      expect(sleutels.length).toBeGreaterThan(0);
      await redis.del(...sleutels);
    } finally {
      await redis.quit();
    }

    await proxy.op();
    const terug = Date.now();
    let na: string[] = [];
    while (Date.now() - terug < 30_000) {
      na = await planningen(queues).catch(() => []);
      if (na.length === voor.length) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    process.stdout.write(
      `Storing Redis: POST /dossiers 503 na ${duur} ms; ${voor.length} taakplanningen, ` +
        `hersteld na ${Date.now() - terug} ms\n`,
    );
    expect(na).toEqual(voor);

    // And job requests work again.
    await request(t.app.getHttpServer())
      .post('/api/v1/dossiers')
      .set(f.auth.cm)
      .send({ aanbiederId: f.aanbieder.id, periode: f.periode })
      .expect(202);
  });

  it('also restores schedulers lost while the connection stayed up (the periodic check)', async () => {
    const voor = await planningen(queues);
    const redis = new Redis(redisUrl!);
    try {
      // What FLUSHALL or an eviction would do: the schedulers' keys go, the connection stays.
      const sleutels = await redis.keys(`${prefix}:*:repeat*`);
      expect(sleutels.length).toBeGreaterThan(0);
      await redis.del(...sleutels);
    } finally {
      await redis.quit();
    }
    expect((await planningen(queues)).length).toBeLessThan(voor.length);
    const begin = Date.now();
    let na: string[] = [];
    while (Date.now() - begin < 15_000) {
      na = await planningen(queues);
      if (na.length === voor.length) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(na).toEqual(voor);
  });
});

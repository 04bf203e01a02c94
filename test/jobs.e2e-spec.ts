import { HOUSEKEEPING_SCHEDULER_ID, JobName, QueueName, QueueService, Rol } from '@wijkkompas/core';
import {
  createTestApp,
  login,
  makeGebruiker,
  makeGemeente,
  TestApp,
} from '@wijkkompas/core/testing';

/**
 * The nightly housekeeping job, end to end through BullMQ, on the PostgreSQL backend always
 * and on Redis when REDIS_URL is given (CI gives it; a fresh machine has no Redis).
 */
const backends: [string, Record<string, string | undefined>][] = [['postgres', { REDIS_URL: '' }]];
if (process.env.REDIS_URL) backends.push(['redis', { REDIS_URL: process.env.REDIS_URL }]);
else console.warn('REDIS_URL niet gezet: de taaktest draait alleen op de PostgreSQL-backend.');

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('Tijd verstreken bij wachten op de taak');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.each(backends)('Taken op de %s-backend', (backend, env) => {
  let t: TestApp;
  let queues: QueueService;

  beforeAll(async () => {
    t = await createTestApp({ runWorker: true, housekeepingCron: '15 3 * * *' }, env);
    queues = t.app.get(QueueService);
  });
  afterAll(() => t.close());

  it(`uses the ${backend} backend`, () => {
    expect(queues.backend).toBe(backend);
  });

  it('registers the nightly housekeeping schedule, once, with the configured pattern', async () => {
    await queues.whenReady();
    const scheduler = await queues
      .queue(QueueName.Housekeeping)
      .getJobScheduler(HOUSEKEEPING_SCHEDULER_ID);
    expect(scheduler).toMatchObject({
      key: HOUSEKEEPING_SCHEDULER_ID,
      pattern: '15 3 * * *',
      tz: 'Europe/Amsterdam',
      name: JobName.HousekeepingNightly,
    });
    // Registering again (a second instance starting) keeps one schedule.
    await queues.schedule(
      HOUSEKEEPING_SCHEDULER_ID,
      { pattern: '15 3 * * *' },
      JobName.HousekeepingNightly,
      { reason: 'schedule' },
    );
    const all = await queues.queue(QueueName.Housekeeping).getJobSchedulers();
    expect(all.filter((s) => s.key === HOUSEKEEPING_SCHEDULER_ID)).toHaveLength(1);
  });

  it('runs the housekeeping job through the queue: expired sessions and old failures go, live ones stay', async () => {
    const { gemeente, organisatie } = await makeGemeente(t.dataSource);
    const gebruiker = await makeGebruiker(t.dataSource, organisatie, [
      { gemeente, rol: Rol.Bestuurder },
    ]);
    const live = await login(t.app, gebruiker.email);
    const [expired] = await t.dataSource.query(
      `INSERT INTO sessies (gebruiker_id, gemeente_id, expires_at) VALUES ($1, $2, now() - interval '1 hour') RETURNING id`,
      [gebruiker.gebruiker.id, gemeente.id],
    );
    await t.dataSource.query(
      `INSERT INTO refresh_tokens (sessie_id, token_hash, expires_at) VALUES ($1, $2, now() - interval '1 hour')`,
      [expired.id, 'f'.repeat(64)],
    );
    const oud = `oud-${backend}-${Date.now()}@test.example`;
    const nieuw = `nieuw-${backend}-${Date.now()}@test.example`;
    await t.dataSource.query(
      `INSERT INTO login_failures (email, ip, occurred_at) VALUES ($1, '192.0.2.1', now() - interval '2 days'), ($2, '192.0.2.1', now())`,
      [oud, nieuw],
    );

    const job = await queues.add(JobName.HousekeepingNightly, { reason: 'manual' });
    const state = await until(async () => {
      const current = await job.getState();
      return current === 'completed' || current === 'failed' ? current : undefined;
    });
    expect(state).toBe('completed');

    const count = async (sql: string, params: unknown[]) =>
      Number((await t.dataSource.query(sql, params))[0].count);
    expect(await count('SELECT count(*) FROM sessies WHERE id = $1', [expired.id])).toBe(0);
    expect(await count('SELECT count(*) FROM login_failures WHERE email = $1', [oud])).toBe(0);
    expect(await count('SELECT count(*) FROM login_failures WHERE email = $1', [nieuw])).toBe(1);
    // The live session is untouched and still works.
    const { default: request } = await import('supertest');
    await request(t.app.getHttpServer()).get('/api/v1/auth/me').set(live.auth).expect(200);
  });
});

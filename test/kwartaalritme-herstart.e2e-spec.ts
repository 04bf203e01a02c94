import { QueueName, QueueService } from '@wijkkompas/core';
import { createTestApp, makeGemeente, TestApp } from '@wijkkompas/core/testing';
import { ritmeSchedulerId } from '@wijkkompas/kwartaalritme';

/**
 * "Schedules survive restarts": the per-gemeente job scheduler is kept by the queue backend,
 * not by the process. The app starts (its worker registers the schedule), stops, and starts
 * again on the same database without a worker — so nothing registers it anew — and the
 * schedule is still there; a third start with a worker registers it again and it stays one.
 */
describe('Kwartaalritme: schema’s overleven een herstart', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  async function schema(app: TestApp, gemeenteId: string) {
    const queue = await app.app.get(QueueService).readyQueue(QueueName.Ritme);
    const key = ritmeSchedulerId(gemeenteId);
    const alle = await queue.getJobSchedulers(0, -1);
    const volgende = (await queue.getDelayed()).filter((job) => job.repeatJobKey === key);
    return {
      scheduler: await queue.getJobScheduler(key),
      aantal: alle.filter((s) => s.key === key).length,
      volgendeTaken: volgende.length,
    };
  }

  it('finds the per-gemeente scheduler after a restart on the same database, once', async () => {
    // A gemeente that exists when the worker starts gets its schedule at start-up.
    const voorbereiding = await createTestApp({ runWorker: false });
    const { gemeente } = await makeGemeente(voorbereiding.dataSource);
    await voorbereiding.close();

    t = await createTestApp({ runWorker: true });
    const eerste = await schema(t, gemeente.id);
    expect(eerste.scheduler).toMatchObject({
      key: ritmeSchedulerId(gemeente.id),
      pattern: '0 6 * * *',
      tz: 'Europe/Amsterdam',
    });
    expect(eerste.scheduler?.template?.data).toEqual({ gemeenteId: gemeente.id });
    expect(eerste).toMatchObject({ aantal: 1, volgendeTaken: 1 });
    await t.close();

    // Without a worker nothing registers schedules: what is found was kept by the backend.
    t = await createTestApp({ runWorker: false });
    const bewaard = await schema(t, gemeente.id);
    expect(bewaard.scheduler).toMatchObject({
      key: ritmeSchedulerId(gemeente.id),
      pattern: '0 6 * * *',
    });
    expect(bewaard.scheduler?.next).toBe(eerste.scheduler?.next);
    expect(bewaard).toMatchObject({ aantal: 1, volgendeTaken: 1 });
    await t.close();

    // With a worker again: registered once more at start-up, still one schedule and one next run.
    t = await createTestApp({ runWorker: true });
    const opnieuw = await schema(t, gemeente.id);
    expect(opnieuw.scheduler).toMatchObject({
      key: ritmeSchedulerId(gemeente.id),
      pattern: '0 6 * * *',
    });
    expect(opnieuw).toMatchObject({ aantal: 1, volgendeTaken: 1 });
  }, 60_000);
});

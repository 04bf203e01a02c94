import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { createTestApp, TestApp } from '@wijkkompas/core/testing';
import { DossierSamensteller, DossierService } from '@wijkkompas/dossiers';
import { DossierFixture, maakDossierFixture } from './support/dossier-fixture';

/**
 * A worker process killed (SIGKILL) in the middle of an assembly leaves no partial dossier,
 * and a new worker process finishes the job with exactly one new version. The workers are
 * real processes running apps/worker/src/main.ts from source (test/support/ts-register.js),
 * against the test's database and queue backend. The first one pauses between loading and
 * storing (DOSSIER_TEST_VERTRAGING_MS, honoured only with NODE_ENV=test); job locks last two
 * seconds (QUEUE_LOCK_SECONDS), so the second worker finds the orphaned job within seconds.
 */

const root = resolve(__dirname, '..');
const LOCK_SECONDEN = '2';

interface Werker {
  proces: ChildProcess;
  uitvoer: () => string;
}

function startWerker(extra: Record<string, string>): Werker {
  let uitvoer = '';
  const proces = spawn(
    process.execPath,
    [
      '--require',
      join(root, 'test', 'support', 'ts-register.js'),
      join(root, 'apps', 'worker', 'src', 'main.ts'),
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: process.env.LOG_LEVEL === 'silent' ? 'warn' : (process.env.LOG_LEVEL ?? 'warn'),
        QUEUE_LOCK_SECONDS: LOCK_SECONDEN,
        ...extra,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  proces.stdout!.on('data', (d: Buffer) => (uitvoer += d.toString()));
  proces.stderr!.on('data', (d: Buffer) => (uitvoer += d.toString()));
  return { proces, uitvoer: () => uitvoer.slice(-4000) };
}

async function stop(werker: Werker | undefined, signaal: NodeJS.Signals): Promise<void> {
  if (!werker || werker.proces.exitCode !== null || werker.proces.signalCode !== null) return;
  const klaar = once(werker.proces, 'exit');
  werker.proces.kill(signaal);
  await klaar;
}

describe('Dossier: worker gestopt midden in het samenstellen', () => {
  let t: TestApp;
  let f: DossierFixture;
  const werkers: Werker[] = [];

  beforeAll(async () => {
    // No worker in this process: only the spawned worker processes run dossier jobs.
    t = await createTestApp({ runWorker: false });
    f = await maakDossierFixture(t);
  });
  afterAll(async () => {
    for (const werker of werkers) await stop(werker, 'SIGKILL');
    await t.close();
  });

  type Rij = {
    id: string;
    status: string;
    voortgang: number;
    versie: number | null;
    heeft_document: boolean;
    inhoud_hash: string | null;
    vorige_versie_id: string | null;
    pogingen: number;
  };
  const rij = async (id: string): Promise<Rij> =>
    (
      await t.dataSource.query(
        `SELECT id, status, voortgang, versie, document IS NOT NULL AS heeft_document, inhoud_hash,
           vorige_versie_id, pogingen FROM dossiers WHERE id = $1`,
        [id],
      )
    )[0];
  const reeks = async (): Promise<Rij[]> =>
    t.dataSource.query(
      `SELECT id, status, voortgang, versie, document IS NOT NULL AS heeft_document, inhoud_hash,
         vorige_versie_id, pogingen FROM dossiers
       WHERE aanbieder_id = $1 AND periode = $2 ORDER BY created_at`,
      [f.aanbieder.id, f.periode],
    );

  async function wachtOp(
    id: string,
    klaar: (r: Rij) => boolean,
    werker: Werker,
    timeoutMs = 60_000,
  ): Promise<Rij> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const huidig = await rij(id);
      if (klaar(huidig)) return huidig;
      if (werker.proces.exitCode !== null)
        throw new Error(`Worker stopte (${werker.proces.exitCode}):\n${werker.uitvoer()}`);
      if (Date.now() > deadline)
        throw new Error(
          `Dossier bleef ${JSON.stringify(huidig)}; uitvoer van de worker:\n${werker.uitvoer()}`,
        );
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('SIGKILL during the assembly leaves no version; after a restart exactly one new version exists', async () => {
    // Version 1, assembled directly (its job, when a worker sees it, finds it done).
    const service = t.app.get(DossierService);
    const samensteller = t.app.get(DossierSamensteller);
    const eerste = await service.vraagAan(f.gemeenteId, f.aanbieder.id, f.periode, {
      aanleiding: 'planning',
    });
    expect(await samensteller.verwerk(eerste.id)).toBe('gereed');
    expect(await rij(eerste.id)).toMatchObject({ status: 'gereed', versie: 1 });

    const aanvraag = await request(t.app.getHttpServer())
      .post('/api/v1/dossiers')
      .set(f.auth.cm)
      .send({ aanbiederId: f.aanbieder.id, periode: f.periode })
      .expect(202);
    const id = aanvraag.body.id as string;

    // Worker 1 picks the job up and stops between loading and storing.
    const traag = startWerker({ DOSSIER_TEST_VERTRAGING_MS: '120000' });
    werkers.push(traag);
    const onderweg = await wachtOp(id, (r) => r.status === 'bezig' && r.voortgang === 50, traag);
    expect(onderweg).toMatchObject({ versie: null, heeft_document: false, inhoud_hash: null });
    // The API shows the running dossier with its progress, and no document yet.
    const lopend = await request(t.app.getHttpServer())
      .get(`/api/v1/dossiers/${id}`)
      .set(f.auth.cm)
      .expect(200);
    expect(lopend.body).toMatchObject({
      id,
      status: 'bezig',
      voortgang: 50,
      versie: null,
      document: null,
    });

    await stop(traag, 'SIGKILL');
    expect(traag.proces.signalCode).toBe('SIGKILL');

    // Nothing of the interrupted run was stored: still bezig, no version, no document.
    expect(await rij(id)).toMatchObject({
      status: 'bezig',
      versie: null,
      heeft_document: false,
      inhoud_hash: null,
    });
    expect((await reeks()).filter((r) => r.versie !== null).map((r) => r.versie)).toEqual([1]);

    // Worker 2 recovers the stalled job and finishes it.
    const herstart = startWerker({ DOSSIER_TEST_VERTRAGING_MS: '0' });
    werkers.push(herstart);
    const klaar = await wachtOp(
      id,
      (r) => r.status !== 'bezig' && r.status !== 'wachtrij',
      herstart,
    );
    expect(klaar).toMatchObject({
      status: 'gereed',
      versie: 2,
      voortgang: 100,
      heeft_document: true,
      vorige_versie_id: eerste.id,
    });
    expect(klaar.pogingen).toBeGreaterThanOrEqual(2);

    const alles = await reeks();
    expect(alles.map((r) => [r.status, r.versie])).toEqual([
      ['gereed', 1],
      ['gereed', 2],
    ]);
    expect(alles.every((r) => r.heeft_document && r.inhoud_hash)).toBe(true);
    const v2 = await request(t.app.getHttpServer())
      .get(`/api/v1/dossiers/${id}`)
      .set(f.auth.cm)
      .expect(200);
    expect(v2.body).toMatchObject({ status: 'gereed', voortgang: 100, versie: 2, fout: null });
    expect(v2.body.document.secties.map((s: { sleutel: string }) => s.sleutel)).toContain('kpis');

    await stop(herstart, 'SIGTERM');
    expect(herstart.proces.exitCode).toBe(0);
  }, 180_000);
});

import request from 'supertest';
import { JobName, QueueName, QueueService } from '@wijkkompas/core';
import { createTestApp, TestApp } from '@wijkkompas/core/testing';
import { DossierService } from '@wijkkompas/dossiers';
import { RitmeService } from '@wijkkompas/kwartaalritme';
import { DossierFixture, maakDossierFixture } from './support/dossier-fixture';

type Notificatie = { soort: string; titel: string; tekst: string; link: string | null };

/**
 * The quarterly rhythm recovers from what went wrong, with the test controlling the date: a
 * unit job that failed is planned again the next day and then does its work; a planned
 * dossier whose job was lost ends mislukt (the contractmanager hears of it) and is asked for
 * again, as of the planned day; the contractmanager hears when it is gereed.
 */
describe('Kwartaalritme: herstel na fouten', () => {
  let t: TestApp;
  let f: DossierFixture;
  let ritme: RitmeService;
  let queues: QueueService;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await createTestApp({ runWorker: true });
    ritme = t.app.get(RitmeService);
    queues = t.app.get(QueueService);
    f = await maakDossierFixture(t);
  });
  afterAll(() => t.close());

  async function wachtOpTaak(id: string): Promise<unknown> {
    const queue = queues.queue(QueueName.Ritme);
    const tot = Date.now() + 30_000;
    for (;;) {
      const job = await queue.getJob(id);
      const state = job ? await job.getState() : 'unknown';
      if (state === 'completed') return job!.returnvalue;
      if (state === 'failed') throw new Error(`Ritmetaak ${id} mislukt: ${job?.failedReason}`);
      if (Date.now() > tot) throw new Error(`Ritmetaak ${id} niet klaar (${state})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function dag(datum: string): Promise<string[]> {
    const { taken } = await ritme.draaiDag(f.gemeenteId, datum);
    for (const taak of taken) await wachtOpTaak(taak.jobId);
    return taken.map((taak) => taak.jobId);
  }

  async function wachtOpDossier(id: string): Promise<Record<string, unknown>> {
    const tot = Date.now() + 45_000;
    for (;;) {
      const res = await http().get(`/api/v1/dossiers/${id}`).set(f.auth.cm).expect(200);
      if (res.body.status === 'gereed' || res.body.status === 'mislukt') return res.body;
      if (Date.now() > tot) throw new Error(`Dossier ${id} bleef ${res.body.status}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  async function notificatiesCm(soort: string): Promise<Notificatie[]> {
    const res = await http().get('/api/v1/notificaties?pageSize=100').set(f.auth.cm).expect(200);
    return (res.body.items as Notificatie[]).filter((n) => n.soort === soort);
  }

  it('an escalation job that failed is planned again the next day and then tells the contractmanager', async () => {
    // The quarter opens; the other aanbieder never submits, so its period escalates.
    await dag('2026-10-01');
    const [periode] = (await t.dataSource.query(
      `SELECT id FROM rapportageperiodes WHERE aanbieder_id = $1 AND periode = '2026-Q3'`,
      [f.andereAanbieder.id],
    )) as { id: string }[];
    const jobId = `escalatie.${periode.id}`;

    // On the day after the deadline the escalation fails (the notification cannot be stored).
    const functie = `ritme_test_weiger_${Date.now()}`;
    await t.dataSource.query(
      `CREATE FUNCTION ${functie}() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'notificatie geweigerd door de test'; END $$`,
    );
    await t.dataSource.query(
      `CREATE TRIGGER ${functie} BEFORE INSERT ON notificaties FOR EACH ROW
       WHEN (NEW.soort = 'escalatie' AND NEW.entiteit_id = '${periode.id}')
       EXECUTE FUNCTION ${functie}()`,
    );
    try {
      await queues.add(
        JobName.RitmeTaak,
        {
          soort: 'escalatie',
          jobId,
          gemeenteId: f.gemeenteId,
          periodeId: periode.id,
          datum: '2026-10-31',
        },
        { jobId, attempts: 1 },
      );
      await expect(wachtOpTaak(jobId)).rejects.toThrow(/mislukt: .*notificatie geweigerd/);
    } finally {
      await t.dataSource.query(`DROP TRIGGER IF EXISTS ${functie} ON notificaties`);
      await t.dataSource.query(`DROP FUNCTION IF EXISTS ${functie}()`);
    }
    expect(await notificatiesCm('escalatie')).toEqual([]);

    // The next day plans the same job id again: it runs now, and notifies once.
    expect(await dag('2026-11-01')).toContain(jobId);
    const escalaties = await notificatiesCm('escalatie');
    expect(escalaties).toHaveLength(1);
    expect(escalaties[0].titel).toBe(
      `Te laat: verantwoording 3e kwartaal 2026 van ${f.andereAanbieder.naam}`,
    );
    await dag('2026-11-02');
    expect(await notificatiesCm('escalatie')).toHaveLength(1);
  });

  it('a planned dossier whose job was lost ends mislukt, is asked for again the next day as of that day, and the contractmanager hears both', async () => {
    const overleg = await http()
      .post('/api/v1/overleggen')
      .set(f.auth.cm)
      .send({
        soort: 'verantwoordingsgesprek',
        titel: 'Verantwoordingsgesprek 3e kwartaal 2026',
        aanbiederId: f.aanbieder.id,
        periode: '2026-Q3',
        tijdstip: '2026-11-20T10:00:00+01:00',
      })
      .expect(201);
    const overlegId = overleg.body.id as string;

    // Day one asks for the dossier; its job is then lost before any worker saw it.
    const dossierWachtrij = queues.queue(QueueName.Dossiers);
    await dossierWachtrij.pause();
    let eersteId: string;
    try {
      expect(await dag('2026-11-15')).toContain(`dossier.${overlegId}`);
      const [eerste] = (await t.dataSource.query(
        `SELECT id, status FROM dossiers WHERE overleg_id = $1`,
        [overlegId],
      )) as { id: string; status: string }[];
      expect(eerste.status).toBe('wachtrij');
      eersteId = eerste.id;
      await (await dossierWachtrij.getJob(eersteId))!.remove();
      await t.dataSource.query(
        `UPDATE dossiers SET updated_at = now() - interval '2 hours' WHERE id = $1`,
        [eersteId],
      );
    } finally {
      await dossierWachtrij.resume();
    }

    // Day two: the lost run ends mislukt and the planning asks again, under a new job id.
    expect(await dag('2026-11-16')).toContain(`dossier.${overlegId}.1`);
    const eerste = await http().get(`/api/v1/dossiers/${eersteId}`).set(f.auth.cm).expect(200);
    expect(eerste.body).toMatchObject({
      status: 'mislukt',
      fout: 'Het samenstellen is afgebroken: de taak ging verloren en er werd meer dan een uur niet aan het dossier gewerkt.',
    });
    const [tweede] = (await t.dataSource.query(
      `SELECT id FROM dossiers WHERE overleg_id = $1 AND id <> $2`,
      [overlegId, eersteId],
    )) as { id: string }[];
    const klaar = await wachtOpDossier(tweede.id);
    expect(klaar).toMatchObject({ status: 'gereed', voortgang: 100, aanleiding: 'planning' });
    // As of the planned day, not of the machine's clock.
    expect((klaar.document as { peildatum: string }).peildatum).toBe('2026-11-16');

    const mislukt = await notificatiesCm('dossier-mislukt');
    expect(mislukt).toEqual([
      expect.objectContaining({
        titel: `Dossier mislukt: ${f.aanbieder.naam}, 3e kwartaal 2026`,
        link: `/api/v1/dossiers/${eersteId}`,
      }),
    ]);
    expect(mislukt[0].tekst).toContain('is niet gereed gekomen');
    expect(mislukt[0].tekst).toContain(
      'De kwartaalplanning vraagt het de volgende dag opnieuw aan',
    );
    const gereed = await notificatiesCm('dossier-gereed');
    expect(gereed).toEqual([
      expect.objectContaining({
        titel: `Dossier gereed: ${f.aanbieder.naam}, 3e kwartaal 2026`,
        tekst: `Het dossier van ${f.aanbieder.naam} over het 3e kwartaal 2026 is samengesteld (versie 1). U kunt het lezen en als PDF downloaden.`,
        link: `/api/v1/dossiers/${tweede.id}`,
      }),
    ]);

    // Gereed now: the next day does not ask again.
    expect((await dag('2026-11-17')).filter((id) => id.startsWith('dossier.'))).toEqual([]);
  });

  it('a planned request that joins a waiting on-demand run gives it the meeting, so later days do not ask again', async () => {
    // Asked for on demand while no meeting was planned yet; the worker has not started it.
    const wachtrij = queues.queue(QueueName.Dossiers);
    await wachtrij.pause();
    let dossierId: string;
    let overlegId: string;
    try {
      const aanvraag = await http()
        .post('/api/v1/dossiers')
        .set(f.auth.cm)
        .send({ aanbiederId: f.andereAanbieder.id, periode: '2026-Q2' })
        .expect(202);
      dossierId = aanvraag.body.id as string;
      const overleg = await http()
        .post('/api/v1/overleggen')
        .set(f.auth.cm)
        .send({
          soort: 'verantwoordingsgesprek',
          titel: 'Verantwoordingsgesprek 2e kwartaal 2026',
          aanbiederId: f.andereAanbieder.id,
          periode: '2026-Q2',
          tijdstip: '2026-11-27T10:00:00+01:00',
        })
        .expect(201);
      overlegId = overleg.body.id as string;
      // The planned request joins the waiting run instead of starting a second one.
      expect(await dag('2026-11-23')).toContain(`dossier.${overlegId}`);
      const rijen = (await t.dataSource.query(
        `SELECT id, overleg_id AS "overlegId" FROM dossiers
          WHERE aanbieder_id = $1 AND periode = '2026-Q2'`,
        [f.andereAanbieder.id],
      )) as { id: string; overlegId: string | null }[];
      expect(rijen).toEqual([{ id: dossierId, overlegId }]);
    } finally {
      await wachtrij.resume();
    }
    const klaar = await wachtOpDossier(dossierId);
    expect(klaar).toMatchObject({ status: 'gereed', overlegId });
    expect((await dag('2026-11-24')).filter((id) => id.startsWith(`dossier.${overlegId}`))).toEqual(
      [],
    );
    const [{ aantal }] = (await t.dataSource.query(
      `SELECT count(*)::int AS aantal FROM dossiers WHERE aanbieder_id = $1 AND periode = '2026-Q2'`,
      [f.andereAanbieder.id],
    )) as { aantal: number }[];
    expect(aantal).toBe(1);
  });

  it('housekeeping leaves a waiting run alone while it is recent or its job is alive', async () => {
    const dossiers = t.app.get(DossierService);
    const [rij] = (await t.dataSource.query(
      `INSERT INTO dossiers (gemeente_id, aanbieder_id, periode, aanleiding)
       VALUES ($1, $2, '2026-Q1', 'op-verzoek') RETURNING id`,
      [f.gemeenteId, f.andereAanbieder.id],
    )) as { id: string }[];
    const status = async () =>
      (
        (await t.dataSource.query('SELECT status FROM dossiers WHERE id = $1', [rij.id])) as {
          status: string;
        }[]
      )[0].status;
    const wachtrij = queues.queue(QueueName.Dossiers);
    await wachtrij.pause();
    try {
      // Recent, without a job (between commit and enqueue): left alone.
      expect(await dossiers.ruimVerweesdeOp(f.gemeenteId)).toBe(0);
      await t.dataSource.query(
        `UPDATE dossiers SET updated_at = now() - interval '2 hours' WHERE id = $1`,
        [rij.id],
      );
      // Old, but its job is waiting: left alone.
      await queues.add(JobName.DossierSamenstellen, { dossierId: rij.id }, { jobId: rij.id });
      expect(await dossiers.ruimVerweesdeOp(f.gemeenteId)).toBe(0);
      expect(await status()).toBe('wachtrij');
      // Old and its job gone: mislukt.
      await (await wachtrij.getJob(rij.id))!.remove();
      expect(await dossiers.ruimVerweesdeOp(f.gemeenteId)).toBe(1);
      expect(await status()).toBe('mislukt');
    } finally {
      await wachtrij.resume();
    }
  });

  it('the planned dossier of a quarter that has begun on the planned day is accepted whatever the clock says', async () => {
    // Far ahead of the machine's clock: only the planned day says the quarter has begun.
    await http()
      .post('/api/v1/overleggen')
      .set(f.auth.cm)
      .send({
        soort: 'verantwoordingsgesprek',
        titel: 'Verantwoordingsgesprek 1e kwartaal 2099',
        aanbiederId: f.andereAanbieder.id,
        periode: '2099-Q1',
        tijdstip: '2099-04-03T10:00:00+02:00',
      })
      .expect(201);
    const { taken } = await ritme.draaiDag(f.gemeenteId, '2099-04-01');
    const taak = taken.find((x) => x.soort === 'dossier')!;
    const uitkomst = (await wachtOpTaak(taak.jobId)) as { dossierId: string };
    const [rij] = (await t.dataSource.query(
      'SELECT periode, peildatum::text AS peildatum FROM dossiers WHERE id = $1',
      [uitkomst.dossierId],
    )) as { periode: string; peildatum: string }[];
    expect(rij).toEqual({ periode: '2099-Q1', peildatum: '2099-04-01' });
    const klaar = await wachtOpDossier(uitkomst.dossierId);
    expect((klaar.document as { peildatum: string } | null)?.peildatum).toBe('2099-04-01');
    for (const t2 of taken) await wachtOpTaak(t2.jobId);
  });
});

import { QueueName, QueueService, Rol } from '@wijkkompas/core';
import {
  createTestApp,
  login,
  makeAanbieder,
  makeGebruiker,
  makeGemeente,
  Session,
  TestApp,
} from '@wijkkompas/core/testing';
import { ritmeSchedulerId } from '@wijkkompas/kwartaalritme';
import request from 'supertest';

describe('Kwartaalritme: instellingen en planning per gemeente', () => {
  let t: TestApp;
  let gemeenteId: string;
  let cm: Session;
  let directeur: Session;

  beforeAll(async () => {
    t = await createTestApp({ runWorker: true });
    const { gemeente, organisatie } = await makeGemeente(t.dataSource);
    gemeenteId = gemeente.id;
    const aanbieder = await makeAanbieder(t.dataSource, [gemeente]);
    cm = await login(
      t.app,
      (await makeGebruiker(t.dataSource, organisatie, [{ gemeente, rol: Rol.Contractmanager }]))
        .email,
    );
    directeur = await login(
      t.app,
      (await makeGebruiker(t.dataSource, aanbieder, [{ gemeente, rol: Rol.Directeur }])).email,
    );
  });
  afterAll(() => t.close());

  const http = () => request(t.app.getHttpServer());

  it('has a daily schedule per gemeente, kept by the queue backend', async () => {
    // A gemeente created after start-up gets its schedule from the synchronisation job.
    const { RitmeProcessor } = await import('@wijkkompas/kwartaalritme');
    await t.app.get(RitmeProcessor).synchroniseer();
    const queue = t.app.get(QueueService).queue(QueueName.Ritme);
    const scheduler = await queue.getJobScheduler(ritmeSchedulerId(gemeenteId));
    expect(scheduler).toMatchObject({ pattern: '0 6 * * *', tz: 'Europe/Amsterdam' });
    expect(scheduler?.template?.data).toEqual({ gemeenteId });
  });

  it('shows the defaults, and lets the contractmanager change them with a version', async () => {
    const standaard = await http().get('/api/v1/ritme-instellingen').set(cm.auth).expect(200);
    expect(standaard.body).toEqual({
      herinneringDagen: [10, 3],
      dossierDagenVoorGesprek: 5,
      opdrachtSignaleringDagen: [90, 30],
      deadlineDagen: 30,
      version: 0,
    });
    const nieuw = {
      herinneringDagen: [3, 14, 7],
      dossierDagenVoorGesprek: 7,
      opdrachtSignaleringDagen: [60],
      deadlineDagen: 45,
    };
    const res = await http()
      .put('/api/v1/ritme-instellingen')
      .set(cm.auth)
      .send({ ...nieuw, version: 0 })
      .expect(200);
    expect(res.body).toEqual({ ...nieuw, herinneringDagen: [14, 7, 3], version: 1 });
    // A stale version is refused, nothing changes.
    const oud = await http()
      .put('/api/v1/ritme-instellingen')
      .set(cm.auth)
      .send({ ...nieuw, deadlineDagen: 10, version: 0 })
      .expect(412);
    expect(oud.headers['content-type']).toContain('application/problem+json');
    expect((await http().get('/api/v1/ritme-instellingen').set(cm.auth)).body.deadlineDagen).toBe(
      45,
    );
    const audit: { after: unknown }[] = await t.dataSource.query(
      `SELECT after FROM audit_entries WHERE entity_type = 'ritme-instellingen' AND entity_id = $1`,
      [gemeenteId],
    );
    expect(audit).toHaveLength(1);
  });

  it('refuses bad settings in Dutch and providers altogether', async () => {
    const fout = await http()
      .put('/api/v1/ritme-instellingen')
      .set(cm.auth)
      .send({
        herinneringDagen: [-1],
        dossierDagenVoorGesprek: 100,
        opdrachtSignaleringDagen: [],
        deadlineDagen: 30,
        version: 1,
      })
      .expect(400);
    const namen = (fout.body.invalidParams as { name: string }[]).map((p) => p.name).sort();
    expect(namen).toEqual(
      expect.arrayContaining([
        'dossierDagenVoorGesprek',
        'herinneringDagen',
        'opdrachtSignaleringDagen',
      ]),
    );
    await http().get('/api/v1/ritme-instellingen').set(directeur.auth).expect(403);
    await http()
      .put('/api/v1/ritme-instellingen')
      .set(directeur.auth)
      .send({
        herinneringDagen: [10],
        dossierDagenVoorGesprek: 5,
        opdrachtSignaleringDagen: [90],
        deadlineDagen: 30,
        version: 1,
      })
      .expect(403);
  });
});

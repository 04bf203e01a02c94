import { AuditEntry, Organisatie, Rol } from '@wijkkompas/core';
import {
  createTestApp,
  login,
  makeAanbieder,
  makeGebruiker,
  makeGemeente,
  TestApp,
} from '@wijkkompas/core/testing';
import { Rapportageperiode, RapportageperiodeService } from '@wijkkompas/verantwoording';
import request from 'supertest';
import { In, IsNull } from 'typeorm';

type Auth = { Authorization: string };
// Response bodies are JSON read loosely; each test asserts the shape it relies on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

describe('Rapportageperiodes: openen per aanbieder, met deadline', () => {
  let t: TestApp;
  let cm: Auth;
  let directeurA: Auth;
  let cmAnders: Auth;
  const id: Record<string, string> = {};
  const http = () => request(t.app.getHttpServer());

  async function post(path: string, auth: Auth, body: Body, status = 201): Promise<Body> {
    const res = await http().post(`/api/v1${path}`).set(auth).send(body);
    if (res.status !== status)
      throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Body;
  }
  async function get(path: string, auth: Auth, status = 200): Promise<Body> {
    const res = await http().get(`/api/v1${path}`).set(auth);
    if (res.status !== status)
      throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Body;
  }
  const hoofdopdracht = (aanbiederId: string, startdatum: string, einddatum: string) =>
    post('/hoofdopdrachten', cm, {
      aanbiederId,
      titel: `Hoofdopdracht ${startdatum}`,
      startdatum,
      einddatum,
      visie: 'Iedereen doet mee.',
      missie: 'Dichtbij en samen.',
      financieringsvorm: 'lump-sum',
      jaarbudgetten: [],
      herijkingsmomenten: [],
      perceelIds: [],
    });

  beforeAll(async () => {
    t = await createTestApp();
    const { gemeente, organisatie } = await makeGemeente(t.dataSource);
    id.gemeente = gemeente.id;
    const inloggen = async (org: Organisatie, rol: Rol, g = gemeente) =>
      (await login(t.app, (await makeGebruiker(t.dataSource, org, [{ gemeente: g, rol }])).email))
        .auth;
    cm = await inloggen(organisatie, Rol.Contractmanager);
    const a = await makeAanbieder(t.dataSource, [gemeente]);
    const b = await makeAanbieder(t.dataSource, [gemeente]);
    const zonderOpdracht = await makeAanbieder(t.dataSource, [gemeente]);
    const ander = await makeGemeente(t.dataSource);
    const vreemd = await makeAanbieder(t.dataSource, [ander.gemeente]);
    Object.assign(id, { a: a.id, b: b.id, zonder: zonderOpdracht.id, vreemd: vreemd.id });
    directeurA = await inloggen(a, Rol.Directeur);
    cmAnders = await inloggen(ander.organisatie, Rol.Contractmanager, ander.gemeente);
    // A runs all of 2026; B's hoofdopdracht ends mid-Q3 and a new one starts the next day.
    await hoofdopdracht(a.id, '2019-01-01', '2026-12-31');
    await hoofdopdracht(b.id, '2019-01-01', '2026-08-15');
    await hoofdopdracht(b.id, '2026-08-16', '2030-12-31');
    const opdracht = (titel: string, rapportagefrequentie: string, aanbieders: string[]) =>
      post('/aanvullende-opdrachten', cm, {
        titel,
        doel: 'Extra inzet',
        bron: 'landelijk-programma',
        programmaNaam: 'Vroegsignalering',
        aanvragendeAfdeling: 'Werk en Inkomen',
        opdrachtgever: 'Wethouder Sociaal Domein',
        startdatum: '2026-02-01',
        einddatum: '2026-11-30',
        aanbieders: aanbieders.map((aanbiederId) => ({ aanbiederId, budgetCenten: 100_000 })),
        perceelIds: [],
        ketenIds: [],
        geoormerkt: true,
        thema: 'armoede',
        rapportagefrequentie,
      });
    id.kwartaalOpdracht = (
      await opdracht('Vroegsignalering schulden', 'kwartaal', [a.id, b.id])
    ).id;
    id.jaarOpdracht = (await opdracht('Buurtsportcoaches', 'jaar', [b.id])).id;
    id.jaarOpdrachtA = (await opdracht('Jongerenwerk in de avond', 'jaar', [a.id])).id;
    id.aangevraagd = (await opdracht('Nog niet getoetst', 'kwartaal', [a.id])).id;
    for (const ao of [id.kwartaalOpdracht, id.jaarOpdracht, id.jaarOpdrachtA]) {
      await post(`/aanvullende-opdrachten/${ao}/statuswijzigingen`, cm, {
        naar: 'getoetst',
        toets: { oordeel: 'ja', motivering: 'Past bij de sociale basis.' },
      });
      await post(`/aanvullende-opdrachten/${ao}/statuswijzigingen`, cm, { naar: 'actief' });
    }
  });
  afterAll(() => t.close());

  describe('openen door de contractmanager', () => {
    it('opens a quarter with the default deadline 30 days after its end, audited', async () => {
      const periode = await post('/rapportageperiodes', cm, {
        aanbiederId: id.a,
        periode: '2026-Q2',
      });
      expect(periode).toMatchObject({
        aanbiederId: id.a,
        aanvullendeOpdrachtId: null,
        periode: '2026-Q2',
        begindatum: '2026-04-01',
        einddatum: '2026-06-30',
        deadline: '2026-07-30',
        version: 1,
      });
      expect(periode.aanbiederNaam).toMatch(/^Aanbieder-/);
      id.q2 = periode.id;
      const entry = await t.dataSource
        .getRepository(AuditEntry)
        .findOneByOrFail({ entityType: 'rapportageperiode', entityId: periode.id });
      expect(entry).toMatchObject({ action: 'geopend' });
      expect(entry.after).toMatchObject({ periode: '2026-Q2', deadline: '2026-07-30' });
    });

    it('refuses the same period twice (409)', async () => {
      const res = await http()
        .post('/api/v1/rapportageperiodes')
        .set(cm)
        .send({ aanbiederId: id.a, periode: '2026-Q2', deadline: '2026-08-15' })
        .expect(409);
      expect(res.body).toMatchObject({
        code: 'rapportageperiode-bestaat',
        rapportageperiodeId: id.q2,
      });
      expect(res.body.detail).toContain('2026-Q2');
    });

    it('takes a deadline of its own, but not before the end of the period', async () => {
      const periode = await post('/rapportageperiodes', cm, {
        aanbiederId: id.b,
        periode: '2026-Q2',
        deadline: '2026-07-15',
      });
      expect(periode.deadline).toBe('2026-07-15');
      const vroeg = await http()
        .post('/api/v1/rapportageperiodes')
        .set(cm)
        .send({ aanbiederId: id.b, periode: '2026-Q1', deadline: '2026-03-30' })
        .expect(400);
      expect(vroeg.body.invalidParams[0].name).toBe('deadline');
    });

    it('validates the aanbieder, the period and an aanvullende opdracht', async () => {
      const fout = async (body: Body) =>
        (await http().post('/api/v1/rapportageperiodes').set(cm).send(body).expect(400)).body
          .invalidParams as Body[];
      expect((await fout({ aanbiederId: id.vreemd, periode: '2026-Q2' }))[0].name).toBe(
        'aanbiederId',
      );
      expect((await fout({ aanbiederId: id.a, periode: '2026' }))[0].reason).toContain(
        'per kwartaal',
      );
      expect((await fout({ aanbiederId: id.a, periode: '2026-Q5' }))[0].name).toBe('periode');
      expect(
        (
          await fout({ aanbiederId: id.a, periode: '2026', aanvullendeOpdrachtId: id.jaarOpdracht })
        )[0].reason,
      ).toBe('deze aanbieder voert de aanvullende opdracht niet uit');
      expect(
        (
          await fout({
            aanbiederId: id.b,
            periode: '2027',
            aanvullendeOpdrachtId: id.jaarOpdracht,
          })
        )[0].reason,
      ).toContain('buiten de looptijd');
      // The period follows the opdracht's own reporting frequency.
      const verkeerdeVorm = await fout({
        aanbiederId: id.b,
        periode: '2026-Q2',
        aanvullendeOpdrachtId: id.jaarOpdracht,
      });
      expect(verkeerdeVorm).toEqual([
        {
          name: 'periode',
          reason: 'deze aanvullende opdracht rapporteert per jaar, bijvoorbeeld 2026',
        },
      ]);
      expect(
        (
          await fout({
            aanbiederId: id.b,
            periode: '2026',
            aanvullendeOpdrachtId: id.kwartaalOpdracht,
          })
        )[0].reason,
      ).toContain('per kwartaal');
    });

    it('opens the year of an aanvullende opdracht next to the quarter of the hoofdopdracht', async () => {
      const jaar = await post('/rapportageperiodes', cm, {
        aanbiederId: id.b,
        periode: '2026',
        aanvullendeOpdrachtId: id.jaarOpdracht,
      });
      expect(jaar).toMatchObject({
        aanvullendeOpdrachtTitel: 'Buurtsportcoaches',
        begindatum: '2026-01-01',
        einddatum: '2026-12-31',
        deadline: '2027-01-30',
      });
      const kwartaal = await post('/rapportageperiodes', cm, {
        aanbiederId: id.b,
        periode: '2026-Q2',
        aanvullendeOpdrachtId: id.kwartaalOpdracht,
      });
      expect(kwartaal.aanvullendeOpdrachtId).toBe(id.kwartaalOpdracht);
      await post(
        '/rapportageperiodes',
        cm,
        { aanbiederId: id.b, periode: '2026', aanvullendeOpdrachtId: id.jaarOpdracht },
        409,
      );
    });

    it('lets only the contractmanager open a period', async () => {
      await http()
        .post('/api/v1/rapportageperiodes')
        .set(directeurA)
        .send({ aanbiederId: id.a, periode: '2026-Q1' })
        .expect(403);
    });
  });

  describe('lezen', () => {
    it('lists newest first with filters', async () => {
      const alle = await get('/rapportageperiodes?pageSize=100', cm);
      const periodes = (alle.items as Body[]).map((p) => p.periode);
      expect(periodes[0]).toBe('2026-Q2');
      expect(periodes).toContain('2026');
      const vanA = await get(`/rapportageperiodes?aanbiederId=${id.a}`, cm);
      expect(vanA.items.map((p: Body) => p.id)).toEqual([id.q2]);
      const opdracht = await get(
        `/rapportageperiodes?aanvullendeOpdrachtId=${id.jaarOpdracht}&periode=2026`,
        cm,
      );
      expect(opdracht.meta.totalItems).toBe(1);
      await get('/rapportageperiodes?periode=Q2', cm, 400);
    });

    it('shows a provider its own periods only, and another gemeente nothing', async () => {
      const eigen = await get('/rapportageperiodes', directeurA);
      expect(new Set((eigen.items as Body[]).map((p) => p.aanbiederId))).toEqual(new Set([id.a]));
      await get(`/rapportageperiodes/${id.q2}`, directeurA);
      const vanB = (await get(`/rapportageperiodes?aanbiederId=${id.b}`, cm)).items[0].id;
      await get(`/rapportageperiodes/${vanB}`, directeurA, 404);
      expect((await get('/rapportageperiodes', cmAnders)).meta.totalItems).toBe(0);
      await get(`/rapportageperiodes/${id.q2}`, cmAnders, 404);
    });
  });

  describe('openKwartaal (de kwartaalplanner)', () => {
    it('opens the quarter for every active aanbieder and quarterly aanvullende opdracht, once', async () => {
      const service = t.app.get(RapportageperiodeService);
      const eerste = await service.openKwartaal(id.gemeente, '2026-Q3');
      const sleutel = (p: Rapportageperiode) =>
        `${p.aanbiederId}|${p.aanvullendeOpdrachtId ?? '-'}`;
      // B has two hoofdopdrachten in Q3 but gets one period; the aanbieder without a
      // hoofdopdracht, the yearly and the unapproved opdracht get none.
      expect(eerste.nieuw.map(sleutel).sort()).toEqual(
        [
          `${id.a}|-`,
          `${id.b}|-`,
          `${id.a}|${id.kwartaalOpdracht}`,
          `${id.b}|${id.kwartaalOpdracht}`,
        ].sort(),
      );
      expect(eerste.alOpen).toBe(0);
      for (const p of eerste.nieuw)
        expect(p).toMatchObject({
          periode: '2026-Q3',
          begindatum: '2026-07-01',
          einddatum: '2026-09-30',
          deadline: '2026-10-30',
        });
      const entries = await t.dataSource.getRepository(AuditEntry).findBy({
        entityType: 'rapportageperiode',
        entityId: In(eerste.nieuw.map((p) => p.id)),
      });
      expect(entries).toHaveLength(4);
      expect(new Set(entries.map((e) => e.actorNaam))).toEqual(
        new Set(['systeem: kwartaalplanner']),
      );
      expect(entries.every((e) => e.actorId === null && e.action === 'geopend')).toBe(true);

      const tweede = await service.openKwartaal(id.gemeente, '2026-Q3');
      expect(tweede).toMatchObject({ nieuw: [], alOpen: 4 });
      expect(
        await t.dataSource
          .getRepository(Rapportageperiode)
          .countBy({ gemeenteId: id.gemeente, periode: '2026-Q3' }),
      ).toBe(4);
    });

    it('leaves periods opened by hand alone and opens the rest', async () => {
      const service = t.app.get(RapportageperiodeService);
      // A's 2026-Q2 was opened by hand above with the default deadline; B's with its own.
      const uitkomst = await service.openKwartaal(id.gemeente, '2026-Q2', {
        deadline: '2026-08-01',
        systeem: 'handmatige-test',
      });
      expect(
        uitkomst.nieuw.map((p) => `${p.aanbiederId}|${p.aanvullendeOpdrachtId ?? '-'}`),
      ).toEqual([`${id.a}|${id.kwartaalOpdracht}`]);
      expect(uitkomst.nieuw[0].deadline).toBe('2026-08-01');
      expect(uitkomst.alOpen).toBe(3);
      const bHand = await t.dataSource.getRepository(Rapportageperiode).findOneByOrFail({
        gemeenteId: id.gemeente,
        aanbiederId: id.b,
        periode: '2026-Q2',
        aanvullendeOpdrachtId: IsNull(),
      });
      expect(bHand.deadline).not.toBe('2026-08-01');
    });

    it('opens no more than once when two planners run at the same time', async () => {
      const service = t.app.get(RapportageperiodeService);
      const [een, twee] = await Promise.all([
        service.openKwartaal(id.gemeente, '2026-Q4'),
        service.openKwartaal(id.gemeente, '2026-Q4'),
      ]);
      // Q4: A's hoofdopdracht, B's second one, and the quarterly opdracht (it runs until 30
      // November) for both; and with the year's last quarter, the year of A's yearly opdracht
      // (B's was opened by hand above and stays as it is).
      const nieuw = [...een.nieuw, ...twee.nieuw];
      expect(nieuw).toHaveLength(5);
      expect(
        await t.dataSource
          .getRepository(Rapportageperiode)
          .countBy({ gemeenteId: id.gemeente, periode: '2026-Q4' }),
      ).toBe(4);
      expect(nieuw.filter((p) => p.periode === '2026')).toEqual([
        expect.objectContaining({
          aanbiederId: id.a,
          aanvullendeOpdrachtId: id.jaarOpdrachtA,
          begindatum: '2026-01-01',
          einddatum: '2026-12-31',
          deadline: '2027-01-30',
        }),
      ]);
      expect(
        await t.dataSource.getRepository(Rapportageperiode).countBy({
          gemeenteId: id.gemeente,
          periode: '2026',
          aanvullendeOpdrachtId: id.jaarOpdracht,
        }),
      ).toBe(1);
    });

    it('opens nothing outside the looptijd and refuses what is not a quarter', async () => {
      const service = t.app.get(RapportageperiodeService);
      expect(await service.openKwartaal(id.gemeente, '2018-Q4')).toEqual({
        periode: '2018-Q4',
        nieuw: [],
        alOpen: 0,
      });
      await expect(service.openKwartaal(id.gemeente, '2026')).rejects.toMatchObject({
        code: 'validatiefout',
      });
      await expect(
        service.openKwartaal(id.gemeente, '2026-Q1', { deadline: '2026-03-01' }),
      ).rejects.toMatchObject({ code: 'validatiefout' });
    });
  });
});

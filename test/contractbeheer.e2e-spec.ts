import { QueueName, QueueService, Rol } from '@wijkkompas/core';
import {
  createTestApp,
  login,
  makeAanbieder,
  makeGebruiker,
  makeGemeente,
  TestApp,
} from '@wijkkompas/core/testing';
import { RitmeService } from '@wijkkompas/kwartaalritme';
import request from 'supertest';

type Auth = { Authorization: string };
type Body = Record<string, unknown>;

describe('Contractbeheer: getypeerde wijzigingen, aflopende hoofdopdrachten, aanvragen na de startdatum', () => {
  let t: TestApp;
  let cm: Auth;
  let bestuurder: Auth;
  let directeur: Auth;
  let gemeenteId: string;
  let aanbiederId: string;
  let hoofdId: string;
  const http = () => request(t.app.getHttpServer());

  async function post(path: string, auth: Auth, body: Body, status = 201): Promise<Body> {
    const res = await http().post(`/api/v1${path}`).set(auth).send(body);
    if (res.status !== status)
      throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Body;
  }
  async function get(path: string, auth: Auth = cm): Promise<Body> {
    const res = await http().get(`/api/v1${path}`).set(auth).expect(200);
    return res.body as Body;
  }

  beforeAll(async () => {
    t = await createTestApp({ runWorker: true });
    const { gemeente, organisatie } = await makeGemeente(t.dataSource);
    gemeenteId = gemeente.id;
    const aanbieder = await makeAanbieder(t.dataSource, [gemeente], { naam: 'Wijkteam Oost' });
    aanbiederId = aanbieder.id;
    const sessie = async (org: typeof organisatie, rol: Rol) =>
      (await login(t.app, (await makeGebruiker(t.dataSource, org, [{ gemeente, rol }])).email))
        .auth;
    cm = await sessie(organisatie, Rol.Contractmanager);
    bestuurder = await sessie(organisatie, Rol.Bestuurder);
    directeur = await sessie(aanbieder, Rol.Directeur);
    const h = await post('/hoofdopdrachten', cm, {
      aanbiederId,
      titel: 'Sociaal wijkteam Oost 2019-2026',
      startdatum: '2019-01-01',
      einddatum: '2026-12-31',
      visie: 'Iedereen doet mee.',
      missie: 'Dichtbij en integraal.',
      financieringsvorm: 'lump-sum',
      herijkingsmomenten: [],
      perceelIds: [],
      jaarbudgetten: [
        { jaar: 2025, budgetCenten: 400_000_000, indexatieBasispunten: 0 },
        { jaar: 2026, budgetCenten: 400_000_000, indexatieBasispunten: 0 },
      ],
    });
    hoofdId = h.id as string;
  });
  afterAll(() => t.close());

  it('refuses PATCH einddatum with a Dutch problem pointing at the wijzigingen endpoint', async () => {
    const h = await get(`/hoofdopdrachten/${hoofdId}`);
    const res = await http()
      .patch(`/api/v1/hoofdopdrachten/${hoofdId}`)
      .set(cm)
      .send({ version: h.version, einddatum: '2028-12-31' })
      .expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe('alleen-via-wijziging');
    expect(res.body.detail).toContain(`POST /api/v1/hoofdopdrachten/${hoofdId}/wijzigingen`);
    expect(res.body.invalidParams).toEqual([expect.objectContaining({ name: 'einddatum' })]);
    // The title still changes with PATCH; the end date did not move.
    const titel = await http()
      .patch(`/api/v1/hoofdopdrachten/${hoofdId}`)
      .set(cm)
      .send({ version: h.version, titel: 'Sociaal wijkteam Oost' })
      .expect(200);
    expect(titel.body).toMatchObject({ titel: 'Sociaal wijkteam Oost', einddatum: '2026-12-31' });
  });

  it('refuses a field of another soort, naming the soort that carries it', async () => {
    const h = await get(`/hoofdopdrachten/${hoofdId}`);
    const res = await http()
      .post(`/api/v1/hoofdopdrachten/${hoofdId}/wijzigingen`)
      .set(cm)
      .send({
        version: h.version,
        soort: 'budgetwijziging',
        ingangsdatum: '2026-07-01',
        reden: 'Meer geld',
        einddatum: '2027-12-31',
        jaarbudgetten: [{ jaar: 2026, budgetCenten: 1, indexatieBasispunten: 0 }],
      })
      .expect(400);
    expect(res.body.invalidParams).toEqual([
      {
        name: 'einddatum',
        reason:
          'einddatum hoort niet bij een budgetwijziging; dat gaat met een verlenging of beëindiging',
      },
    ]);
    const zonderSoort = await http()
      .post(`/api/v1/hoofdopdrachten/${hoofdId}/wijzigingen`)
      .set(cm)
      .send({ version: h.version, ingangsdatum: '2026-07-01', reden: 'x', visie: 'y' })
      .expect(400);
    expect(zonderSoort.body.invalidParams).toEqual([expect.objectContaining({ name: 'soort' })]);
  });

  it('a verlenging effective from a date leaves as-of reads before that date unchanged', async () => {
    const voor = await get(`/hoofdopdrachten/${hoofdId}?peildatum=2026-10-31`);
    const h = await get(`/hoofdopdrachten/${hoofdId}`);
    await post(`/hoofdopdrachten/${hoofdId}/wijzigingen`, cm, {
      version: h.version,
      soort: 'verlenging',
      ingangsdatum: '2026-11-01',
      einddatum: '2028-12-31',
      reden: 'Verlenging met twee jaar volgens de optie in de overeenkomst',
      jaarbudgetten: [
        { jaar: 2027, budgetCenten: 410_000_000, indexatieBasispunten: 0 },
        { jaar: 2028, budgetCenten: 420_000_000, indexatieBasispunten: 0 },
      ],
    });
    const daarna = await get(`/hoofdopdrachten/${hoofdId}?peildatum=2026-10-31`);
    expect(daarna).toEqual({
      ...voor,
      version: daarna.version,
      aantalVersies: 2,
      titel: daarna.titel,
      laatsteEinddatum: '2028-12-31',
    });
    expect(daarna).toMatchObject({ einddatum: '2026-12-31', looptAfBinnenMaanden: 3 });
    expect((daarna.geldendeVersie as Body).soort).toBe('oorspronkelijk');
    const vanaf = await get(`/hoofdopdrachten/${hoofdId}?peildatum=2026-11-01`);
    expect(vanaf).toMatchObject({ einddatum: '2028-12-31', looptAfBinnenMaanden: null });
    expect(vanaf.geldendeVersie).toMatchObject({
      versie: 2,
      soort: 'verlenging',
      einddatum: '2028-12-31',
      reden: 'Verlenging met twee jaar volgens de optie in de overeenkomst',
    });
    // The overview as of a date before the verlenging still shows the old end date.
    const overzicht = await get(`/overzichten/aanbieders/${aanbiederId}?peildatum=2026-10-31`);
    expect(overzicht.hoofdopdracht).toMatchObject({ einddatum: '2026-12-31', versie: 1 });
    // On 1 march 2027 the old contract would have ended; the extended one is in force.
    const later = await get(`/overzichten/aanbieders/${aanbiederId}?peildatum=2027-03-01`);
    expect(later.hoofdopdracht).toMatchObject({
      einddatum: '2028-12-31',
      versie: 2,
      jaarbudgetCenten: 410_000_000,
    });
    const audit: { action: string }[] = await t.dataSource.query(
      `SELECT action FROM audit_entries WHERE entity_type = 'hoofdopdracht' AND entity_id = $1 ORDER BY occurred_at`,
      [hoofdId],
    );
    expect(audit.map((a) => a.action)).toContain('gewijzigd-per-amendement');
  });

  it('an indexering and a beëindiging change only what their soort may', async () => {
    let h = await get(`/hoofdopdrachten/${hoofdId}`);
    await post(`/hoofdopdrachten/${hoofdId}/wijzigingen`, cm, {
      version: h.version,
      soort: 'indexering',
      ingangsdatum: '2027-01-01',
      reden: 'Indexering 2027 volgens de OVA',
      indexaties: [{ jaar: 2027, indexatieBasispunten: 310 }],
    });
    h = await get(`/hoofdopdrachten/${hoofdId}?peildatum=2027-01-01`);
    const b2027 = ((h.geldendeVersie as Body).jaarbudgetten as Body[]).find((b) => b.jaar === 2027);
    expect(b2027).toMatchObject({ budgetCenten: 410_000_000, indexatieBasispunten: 310 });
    await post(`/hoofdopdrachten/${hoofdId}/wijzigingen`, cm, {
      version: h.version,
      soort: 'beeindiging',
      ingangsdatum: '2027-06-01',
      einddatum: '2027-12-31',
      reden: 'Opnieuw aanbesteed vanaf 2028',
    });
    const na = await get(`/hoofdopdrachten/${hoofdId}?peildatum=2027-06-01`);
    expect(na).toMatchObject({ einddatum: '2027-12-31', laatsteEinddatum: '2027-12-31' });
    expect(((na.geldendeVersie as Body).jaarbudgetten as Body[]).map((b) => b.jaar)).toEqual([
      2025, 2026, 2027,
    ]);
    // Before it, the extended end date of the verlenging still reads true.
    expect((await get(`/hoofdopdrachten/${hoofdId}?peildatum=2027-05-31`)).einddatum).toBe(
      '2028-12-31',
    );
    const versies = await get(`/hoofdopdrachten/${hoofdId}/versies`);
    expect((versies.items as Body[]).map((v) => v.soort)).toEqual([
      'oorspronkelijk',
      'verlenging',
      'indexering',
      'beeindiging',
    ]);
  });

  it('a hoofdopdracht ending within 6 months gives one notification per threshold, once, to contractmanager and bestuurder', async () => {
    const { gemeente, organisatie } = await makeGemeente(t.dataSource);
    const aanbieder = await makeAanbieder(t.dataSource, [gemeente], { naam: 'Wijkteam Zuid' });
    const eigenCm = await makeGebruiker(t.dataSource, organisatie, [
      { gemeente, rol: Rol.Contractmanager },
    ]);
    const eigenBestuurder = await makeGebruiker(t.dataSource, organisatie, [
      { gemeente, rol: Rol.Bestuurder },
    ]);
    const cmZuid = (await login(t.app, eigenCm.email)).auth;
    const h = await post('/hoofdopdrachten', cmZuid, {
      aanbiederId: aanbieder.id,
      titel: 'Sociaal wijkteam Zuid',
      startdatum: '2023-01-01',
      einddatum: '2026-12-31',
      visie: 'v',
      missie: 'm',
      financieringsvorm: 'lump-sum',
      herijkingsmomenten: [],
      perceelIds: [],
      jaarbudgetten: [],
    });
    const ritme = t.app.get(RitmeService);
    const queue = t.app.get(QueueService).queue(QueueName.Ritme);
    async function dag(datum: string): Promise<string[]> {
      const { taken } = await ritme.draaiDag(gemeente.id, datum);
      const eigen = taken.filter((x) => x.soort === 'hoofdopdracht-loopt-af');
      for (const taak of eigen) {
        const tot = Date.now() + 30_000;
        for (;;) {
          const state = await (await queue.getJob(taak.jobId))?.getState();
          if (state === 'completed') break;
          if (state === 'failed' || Date.now() > tot) throw new Error(`${taak.jobId}: ${state}`);
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      return eigen.map((x) => x.jobId);
    }
    const meldingen = async () =>
      (await t.dataSource.query(
        `SELECT n.titel, n.gebruiker_id AS "gebruikerId" FROM notificaties n
          WHERE n.gemeente_id = $1 AND n.soort = 'hoofdopdracht-loopt-af' ORDER BY n.titel, n.gebruiker_id`,
        [gemeente.id],
      )) as { titel: string; gebruikerId: string }[];

    expect(await dag('2025-12-30')).toEqual([]);
    // Five months before the end: the 6-month threshold, for both roles.
    expect(await dag('2026-08-01')).toEqual([`hoofdopdracht-loopt-af.${h.id}.2026-12-31.6`]);
    expect(await meldingen()).toEqual(
      [eigenCm.gebruiker.id, eigenBestuurder.gebruiker.id].sort().map((gebruikerId) => ({
        titel: 'Hoofdopdracht loopt binnen 6 maanden af: Wijkteam Zuid',
        gebruikerId,
      })),
    );
    // The next day, and the same job run again: nothing new.
    await dag('2026-08-02');
    const [taak] = (await ritme.draaiDag(gemeente.id, '2026-08-02')).taken.filter(
      (x) => x.soort === 'hoofdopdracht-loopt-af',
    );
    expect(await ritme.voerUit(taak)).toEqual({ genotificeerd: 0 });
    expect(await meldingen()).toHaveLength(2);
    // Within three months: the 3-month threshold, once more per person.
    await dag('2026-10-01');
    await dag('2026-10-02');
    const alle = await meldingen();
    expect(alle).toHaveLength(4);
    expect(alle.filter((m) => m.titel.includes('binnen 3 maanden'))).toHaveLength(2);
    // The bestuurder reads it in the app.
    const bestuurderSessie = (await login(t.app, eigenBestuurder.email)).auth;
    const lijst = await get('/notificaties', bestuurderSessie);
    expect((lijst.items as Body[]).map((n) => n.titel)).toEqual(
      expect.arrayContaining(['Hoofdopdracht loopt binnen 3 maanden af: Wijkteam Zuid']),
    );
    void bestuurder;
  });

  it('lists the ending hoofdopdracht and requests past their start still aangevraagd', async () => {
    const opdracht = await post('/aanvullende-opdrachten', cm, {
      titel: 'Extra inzet eenzaamheid',
      doel: 'Minder eenzaamheid',
      bron: 'gemeentelijk',
      aanvragendeAfdeling: 'Welzijn',
      opdrachtgever: 'Wethouder Welzijn',
      startdatum: '2020-01-01',
      einddatum: '2030-12-31',
      aanbieders: [{ aanbiederId, budgetCenten: 1_000_000 }],
      perceelIds: [],
      ketenIds: [],
      geoormerkt: false,
      thema: 'eenzaamheid',
      rapportagefrequentie: 'jaar',
    });
    expect(opdracht.aanvraagNaStart).toBe(true);
    const register = await get('/aanvullende-opdrachten');
    expect((register.items as Body[]).find((o) => o.id === opdracht.id)?.aanvraagNaStart).toBe(
      true,
    );
    const lijst = await get('/overzichten/aflopende-opdrachten?peildatum=2027-06-01');
    expect((lijst.aanvragenNaStart as Body[]).map((o) => o.id)).toEqual([opdracht.id]);
    expect(lijst.hoofdopdrachten).toEqual([
      {
        id: hoofdId,
        titel: 'Sociaal wijkteam Oost',
        aanbieder: { id: aanbiederId, naam: 'Wijkteam Oost' },
        einddatum: '2027-12-31',
        looptAfBinnenMaanden: 12,
      },
    ]);
  });

  it('an active aanvullende opdracht changes end date and budget only by a wijziging; as-of reads stay true', async () => {
    const o = await post('/aanvullende-opdrachten', cm, {
      titel: 'Schuldhulp vroeg erbij',
      doel: 'Vroeg signaleren',
      bron: 'gemeentelijk',
      aanvragendeAfdeling: 'Werk en Inkomen',
      opdrachtgever: 'Wethouder',
      startdatum: '2026-01-01',
      einddatum: '2026-12-31',
      aanbieders: [{ aanbiederId, budgetCenten: 5_000_000 }],
      perceelIds: [],
      ketenIds: [],
      geoormerkt: false,
      thema: 'schulden',
      rapportagefrequentie: 'jaar',
    });
    const id = o.id as string;
    await post(`/aanvullende-opdrachten/${id}/statuswijzigingen`, cm, {
      naar: 'getoetst',
      toets: { oordeel: 'ja', motivering: 'Past.' },
    });
    const actief = await post(`/aanvullende-opdrachten/${id}/statuswijzigingen`, cm, {
      naar: 'actief',
    });
    const patch = await http()
      .patch(`/api/v1/aanvullende-opdrachten/${id}`)
      .set(cm)
      .send({ version: actief.version, aanbieders: [{ aanbiederId, budgetCenten: 6_000_000 }] })
      .expect(400);
    expect(patch.body.code).toBe('alleen-via-wijziging');
    expect(patch.body.detail).toContain(`/api/v1/aanvullende-opdrachten/${id}/wijzigingen`);
    await post(`/aanvullende-opdrachten/${id}/wijzigingen`, cm, {
      version: actief.version,
      soort: 'verlenging',
      ingangsdatum: '2026-10-01',
      einddatum: '2027-06-30',
      reden: 'Loopt door tot de zomer',
    });
    const nu = await get(`/aanvullende-opdrachten/${id}`);
    await post(`/aanvullende-opdrachten/${id}/wijzigingen`, cm, {
      version: nu.version,
      soort: 'budgetwijziging',
      ingangsdatum: '2026-10-01',
      aanbieders: [{ aanbiederId, budgetCenten: 7_500_000 }],
      reden: 'Extra halfjaar kost extra',
    });
    expect(await get(`/aanvullende-opdrachten/${id}?peildatum=2026-09-30`)).toMatchObject({
      einddatum: '2026-12-31',
      budgetCenten: 5_000_000,
    });
    expect(await get(`/aanvullende-opdrachten/${id}?peildatum=2026-10-01`)).toMatchObject({
      einddatum: '2027-06-30',
      budgetCenten: 7_500_000,
      aanbieders: [expect.objectContaining({ aanbiederId, budgetCenten: 7_500_000 })],
    });
    const versies = await get(`/aanvullende-opdrachten/${id}/versies`);
    expect(
      (versies.items as Body[]).map((v) => [v.versie, v.soort, v.einddatum, v.budgetCenten]),
    ).toEqual([
      [1, 'oorspronkelijk', '2026-12-31', 5_000_000],
      [2, 'verlenging', '2027-06-30', 5_000_000],
      [3, 'budgetwijziging', '2027-06-30', 7_500_000],
    ]);
    // A provider reads the opdracht it takes part in, but cannot change it.
    await http()
      .post(`/api/v1/aanvullende-opdrachten/${id}/wijzigingen`)
      .set(directeur)
      .send({
        version: 1,
        soort: 'verlenging',
        ingangsdatum: '2026-10-01',
        einddatum: '2028-01-01',
        reden: 'x',
      })
      .expect(403);
    void gemeenteId;
  });
});

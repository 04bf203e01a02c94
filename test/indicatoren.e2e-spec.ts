import { makeAanbieder, createTestApp, TestApp } from '@wijkkompas/core/testing';
import { Hoofdopdracht, Perceel, PerceelToewijzing } from '@wijkkompas/opdrachten';
import { Kpi, KpiNormRecord, KpiVersie, laadVergelijking } from '@wijkkompas/verantwoording';
import {
  api,
  maakOverlegFixture,
  maakVastgesteldeVerantwoording,
  OverlegFixture,
} from './support/overleg-fixture';

type Rij = {
  aanbiederId: string;
  aanbiederNaam: string;
  kpiCode: string;
  waarde: string | null;
  norm: { streefwaarde: string } | null;
  status: string;
  statusToelichting: string;
  percelen: { perceelNaam: string; waarde: string; status: string }[];
};

/**
 * One indicator read side by side: NRD-01, OST-01 and ZD-01 are three KPIs of three
 * hoofdopdrachten that measure the same thing; once they adopt indicator IND-SNEL their
 * figures for a quarter are compared in one read, with the existing status function.
 */
describe('Indicatoren: één maat naast elkaar bij alle aanbieders', () => {
  let t: TestApp;
  let f: OverlegFixture;
  let a: ReturnType<typeof api>;
  let indicatorId: string;
  const kpi: Record<string, { id: string; versieId: string }> = {};

  beforeAll(async () => {
    t = await createTestApp();
    f = await maakOverlegFixture(t);
    a = api(t);
  });
  afterAll(() => t.close());

  const kpiBody = (code: string, hoofdopdrachtId: string, extra: object = {}) => ({
    code: `${code}-${f.gemeenteId.slice(0, 4)}`,
    naam: 'Vragen binnen 10 werkdagen opgepakt',
    type: 'output',
    eenheid: 'percentage',
    richting: 'hoger-is-beter',
    aggregatie: 'gemiddelde',
    hoofdopdrachtId,
    geldigVanaf: '2024-Q1',
    ...extra,
  });

  it('lets the contractmanager define an indicator and KPIs adopt it, refusing one in another unit', async () => {
    const res = await a.post('/indicatoren', f.cm.auth, {
      code: `IND-SNEL-${f.gemeenteId.slice(0, 4)}`,
      naam: 'Vragen binnen 10 werkdagen opgepakt',
      eenheid: 'percentage',
      richting: 'hoger-is-beter',
      ketenIds: [f.ketens.jeugd.id],
    });
    indicatorId = res.body.id;
    expect(res.headers.etag).toBe('W/"1"');
    await a.post(
      '/indicatoren',
      f.regisseurJeugd.auth,
      { code: 'X', naam: 'X', eenheid: 'aantal', richting: 'hoger-is-beter' },
      403,
    );

    const noord = await a.post(
      '/kpis',
      f.cm.auth,
      kpiBody('NRD-01', f.noord.hoofdopdrachtId, { indicatorId }),
    );
    expect(noord.body.indicatorId).toBe(indicatorId);
    kpi.noord = { id: noord.body.id, versieId: noord.body.versieId };
    const zuid = await a.post(
      '/kpis',
      f.cm.auth,
      kpiBody('ZD-01', f.zuid.hoofdopdrachtId, { indicatorId }),
    );
    kpi.zuid = { id: zuid.body.id, versieId: zuid.body.versieId };

    // Oost's KPI existed before the indicator and adopts it afterwards.
    const oost = await a.post('/kpis', f.cm.auth, kpiBody('OST-01', f.oost.hoofdopdrachtId));
    expect(oost.body.indicatorId).toBeNull();
    const geadopteerd = await a.patch(
      `/kpis/${oost.body.id}`,
      f.cm.auth,
      { indicatorId },
      { 'If-Match': oost.headers.etag },
    );
    expect(geadopteerd.body.indicatorId).toBe(indicatorId);
    kpi.oost = { id: oost.body.id, versieId: oost.body.versieId };

    const aantal = await a.post(
      '/kpis',
      f.cm.auth,
      kpiBody('OST-02', f.oost.hoofdopdrachtId, { eenheid: 'aantal', aggregatie: 'som' }),
    );
    const fout = await a.patch(
      `/kpis/${aantal.body.id}`,
      f.cm.auth,
      { indicatorId },
      { 'If-Match': aantal.headers.etag },
      422,
    );
    expect(fout.body).toMatchObject({ code: 'indicator-past-niet' });
    expect(fout.body.detail).toContain('meet een percentage, de KPI een aantal');
    // The unit cannot change under the KPIs that adopted it.
    const ind = await a.get(`/indicatoren/${indicatorId}`, f.cm.auth);
    const botsing = await a.patch(
      `/indicatoren/${indicatorId}`,
      f.cm.auth,
      { eenheid: 'aantal' },
      { 'If-Match': ind.headers.etag },
      409,
    );
    expect(botsing.body.code).toBe('indicator-in-gebruik');

    for (const k of Object.values(kpi))
      await a.put(`/kpis/${k.id}/normen/2026`, f.cm.auth, {
        streefwaarde: '85',
        tolerantieLetOp: '2',
        tolerantieUitKoers: '5',
      });
  });

  it('compares every aanbieder’s value, norm and status per perceel for one quarter', async () => {
    await maakVastgesteldeVerantwoording(t, f, f.noord, '2026-Q3', [
      { ...kpi.noord, kpiId: kpi.noord.id, waarden: ['78', '80'] },
    ]);
    await maakVastgesteldeVerantwoording(t, f, f.oost, '2026-Q3', [
      { ...kpi.oost, kpiId: kpi.oost.id, waarden: ['79.5'] },
    ]);
    await maakVastgesteldeVerantwoording(t, f, f.zuid, '2026-Q3', [
      { ...kpi.zuid, kpiId: kpi.zuid.id, waarden: ['86'] },
    ]);

    const res = await a.get(
      `/indicatoren/${indicatorId}/vergelijkingen/2026-Q3`,
      f.regisseurJeugd.auth,
    );
    const rijen = res.body.rijen as Rij[];
    expect(res.body.aantalUitKoers).toBe(2);
    const per = Object.fromEntries(rijen.map((r) => [r.aanbiederId, r]));
    expect(per[f.noord.org.id]).toMatchObject({
      waarde: '79',
      status: 'uit-koers',
      norm: { streefwaarde: '85' },
    });
    expect(per[f.noord.org.id].statusToelichting).toContain(
      '6 procentpunt onder de streefwaarde 85%',
    );
    expect(per[f.noord.org.id].percelen.map((p) => [p.waarde, p.status])).toEqual([
      ['80', 'let-op'],
      ['78', 'uit-koers'],
    ]);
    expect(per[f.oost.org.id]).toMatchObject({ waarde: '79.5', status: 'uit-koers' });
    expect(per[f.zuid.org.id]).toMatchObject({ waarde: '86', status: 'op-koers' });

    // A quarter without accounts: every KPI is there, without a figure.
    const leeg = await a.get(`/indicatoren/${indicatorId}/vergelijkingen/2026-Q2`, f.cm.auth);
    expect((leeg.body.rijen as Rij[]).map((r) => [r.waarde, r.status])).toEqual([
      [null, 'geen-norm'],
      [null, 'geen-norm'],
      [null, 'geen-norm'],
    ]);
  });

  it('shows a provider user only its own row, and answers a bad quarter with 400', async () => {
    const res = await a.get(
      `/indicatoren/${indicatorId}/vergelijkingen/2026-Q3`,
      f.oost.directeur.auth,
    );
    expect((res.body.rijen as Rij[]).map((r) => r.aanbiederId)).toEqual([f.oost.org.id]);
    const fout = await a.get(`/indicatoren/${indicatorId}/vergelijkingen/2026-13`, f.cm.auth, 400);
    expect(fout.body.invalidParams[0].name).toBe('periode');
  });

  it('reads the comparison with a constant number of queries, for 3 or 9 aanbieders', async () => {
    const tel = async () => {
      const runner = t.dataSource.createQueryRunner();
      await runner.connect();
      const client = (
        runner as unknown as { databaseConnection: { query: (...x: unknown[]) => unknown } }
      ).databaseConnection;
      const origineel = client.query;
      const statements: string[] = [];
      client.query = function (this: unknown, ...args: unknown[]) {
        const sql = args[0];
        statements.push(typeof sql === 'string' ? sql : String((sql as { text?: string }).text));
        return origineel.apply(this, args);
      };
      try {
        const invoer = await laadVergelijking(
          runner.manager,
          f.gemeenteId,
          [indicatorId],
          '2026-Q3',
        );
        return {
          aantal: statements.length,
          kpis: invoer.kpis.length,
          waarden: invoer.waarden.length,
        };
      } finally {
        client.query = origineel;
        await runner.release();
      }
    };
    const klein = await tel();
    expect(klein).toEqual({ aantal: 3, kpis: 3, waarden: 4 });

    // Six more aanbieders with a KPI that adopts the indicator, each with an adopted account.
    const ds = t.dataSource;
    const gemeente = { id: f.gemeenteId } as Parameters<typeof makeAanbieder>[1][number];
    for (let i = 0; i < 6; i++) {
      const org = await makeAanbieder(ds, [gemeente], {
        naam: `Extra ${i} ${f.gemeenteId.slice(0, 4)}`,
      });
      const perceel = await ds
        .getRepository(Perceel)
        .save({ gemeenteId: f.gemeenteId, naam: `Extra ${i} ${f.gemeenteId}`, omschrijving: null });
      await ds
        .getRepository(PerceelToewijzing)
        .insert({ perceelId: perceel.id, aanbiederId: org.id, van: '2019-01-01' });
      const hoofd = await ds.getRepository(Hoofdopdracht).save({
        gemeenteId: f.gemeenteId,
        aanbiederId: org.id,
        titel: `Extra ${i}`,
        startdatum: '2019-01-01',
        einddatum: '2030-12-31',
      });
      const k = await ds.getRepository(Kpi).save({
        gemeenteId: f.gemeenteId,
        hoofdopdrachtId: hoofd.id,
        aanvullendeOpdrachtId: null,
        code: `EX-${i}-${f.gemeenteId.slice(0, 6)}`,
        huidigeVersie: 1,
        doelIds: [],
        ketenIds: [],
        indicatorId,
        actief: true,
      });
      const v = await ds.getRepository(KpiVersie).save({
        kpiId: k.id,
        versie: 1,
        naam: 'Snel opgepakt',
        definitie: null,
        teller: null,
        noemer: null,
        type: 'output',
        eenheid: 'percentage',
        richting: 'hoger-is-beter',
        bron: null,
        bronOmschrijving: null,
        frequentie: 'kwartaal',
        aggregatie: 'gemiddelde',
        perPerceel: true,
        geldigVanaf: '2024-Q1',
        aangemaaktDoorId: null,
      });
      await ds.getRepository(KpiNormRecord).insert({
        kpiId: k.id,
        periode: '2026',
        streefwaarde: '85',
        tolerantieLetOp: '2',
        tolerantieUitKoers: '5',
      });
      await maakVastgesteldeVerantwoording(
        t,
        f,
        { org, hoofdopdrachtId: hoofd.id, percelen: [perceel], directeur: f.noord.directeur },
        '2026-Q3',
        [{ kpiId: k.id, versieId: v.id, waarden: [String(70 + i)] }],
      );
    }
    const groot = await tel();
    console.log(
      `Indicatorvergelijking: ${klein.aantal} queries voor 3 aanbieders, ${groot.aantal} voor 9`,
    );
    expect(groot).toEqual({ aantal: klein.aantal, kpis: 9, waarden: 10 });
    const res = await a.get(`/indicatoren/${indicatorId}/vergelijkingen/2026-Q3`, f.cm.auth);
    expect(res.body.rijen).toHaveLength(9);
    expect(res.body.aantalUitKoers).toBe(8);
  });
});

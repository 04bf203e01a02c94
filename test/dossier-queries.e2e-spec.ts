import { createTestApp, TestApp } from '@wijkkompas/core/testing';
import {
  assembleerDossier,
  DossierBijdrageRegistry,
  DossierLoader,
  DossierSnapshot,
  KpisInhoud,
  vindSectie,
} from '@wijkkompas/dossiers';
import { DossierFixture, maakDossierFixture } from './support/dossier-fixture';

/**
 * Loading a dossier takes a fixed number of queries, whatever the number of KPIs, quarters
 * and stories. Counted where they leave for the database: every statement the loader's
 * connection sends to PostgreSQL passes through the wrapped `query` of the pg client.
 */
describe('Dossier laden: vast aantal queries', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function laadEnTel(
    f: DossierFixture,
  ): Promise<{ statements: string[]; snapshot: DossierSnapshot; perBijdrage: number[] }> {
    const loader = t.app.get(DossierLoader);
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    const client = (
      runner as unknown as { databaseConnection: { query: (...a: unknown[]) => unknown } }
    ).databaseConnection;
    const origineel = client.query;
    const statements: string[] = [];
    client.query = function (this: unknown, ...args: unknown[]) {
      const sql = args[0];
      statements.push(typeof sql === 'string' ? sql : String((sql as { text?: string }).text));
      return origineel.apply(this, args);
    };
    const scope = {
      gemeenteId: f.gemeenteId,
      aanbiederId: f.aanbieder.id,
      periode: f.periode,
      vandaag: '2026-11-02',
      tijdzone: 'Europe/Amsterdam',
    };
    try {
      const snapshot = await loader.laad(runner.manager, scope);
      const geteld = statements.length;
      // What each contributed section (e.g. the theories of change) reads on its own.
      const perBijdrage: number[] = [];
      for (const bijdrage of t.app.get(DossierBijdrageRegistry).bijdragen()) {
        const voor = statements.length;
        await bijdrage.laad(runner.manager, scope);
        perBijdrage.push(statements.length - voor);
      }
      return { statements: statements.slice(0, geteld), snapshot, perBijdrage };
    } finally {
      client.query = origineel;
      await runner.release();
    }
  }

  it('is the same for 5 KPIs, 4 quarters, 3 stories as for 50 KPIs, 8 quarters, 30 stories', async () => {
    const klein = await maakDossierFixture(t, { kpis: 5, kwartalen: 4, verhalen: 3 });
    const groot = await maakDossierFixture(t, { kpis: 50, kwartalen: 8, verhalen: 30 });

    const a = await laadEnTel(klein);
    const b = await laadEnTel(groot);

    // The data was really loaded, in full.
    expect(a.snapshot.kpis).toHaveLength(5);
    expect(b.snapshot.kpis).toHaveLength(50);
    expect(a.snapshot.waarden).toHaveLength(5 * 4 * 2);
    expect(b.snapshot.waarden).toHaveLength(50 * 8 * 2);
    expect(a.snapshot.casussen).toHaveLength(3);
    expect(b.snapshot.casussen).toHaveLength(30);
    const jaren = new Set(groot.kwartalen.map((q) => q.slice(0, 4))).size;
    expect(b.snapshot.kpis.every((k) => k.normen.length === jaren)).toBe(true);
    expect(b.snapshot.percelen).toHaveLength(2);
    expect(b.snapshot.doelen).toHaveLength(3);
    expect(b.snapshot.signalen).toHaveLength(1);
    expect(b.snapshot.verantwoording?.status).toBe('vastgesteld');
    const kpiSectie = vindSectie(assembleerDossier(b.snapshot), 'kpis') as KpisInhoud;
    expect(kpiSectie.overzicht.totaal).toBe(50);

    console.log(
      `Dossier laden: ${a.statements.length} queries voor 5 KPI's, ${b.statements.length} voor 50 KPI's`,
    );
    expect(b.statements.length).toBe(a.statements.length);
    // The loader's own queries are a fixed number; each contributed section adds its own
    // fixed number (the same for both sizes).
    expect(
      t.app
        .get(DossierBijdrageRegistry)
        .bijdragen()
        .map((x) => x.sleutel),
    ).toContain('verandertheorieen');
    expect(b.perBijdrage).toEqual(a.perBijdrage);
    expect(a.statements.length).toBe(
      DossierLoader.AANTAL_QUERIES + a.perBijdrage.reduce((x, y) => x + y, 0),
    );
    // Reads only.
    for (const sql of [...a.statements, ...b.statements]) expect(sql.trim()).toMatch(/^SELECT\b/i);
  });
});

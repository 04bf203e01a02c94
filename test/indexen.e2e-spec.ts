import { createTestApp, TestApp } from '@wijkkompas/core/testing';

/**
 * Every foreign key has an index that starts with its columns (not a partial one): without it,
 * each reader that follows the key and each delete of the parent scans the whole child table —
 * at national scale a dossier read kpi_waarden (1.3 M rows) in full twice.
 */
describe('Indexen en planner', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('has an index behind every foreign key', async () => {
    const zonderIndex: { tabel: string; sleutel: string; kolommen: string }[] =
      await t.dataSource.query(
        `SELECT c.conrelid::regclass::text AS tabel, c.conname AS sleutel,
                (SELECT string_agg(a.attname, ', ' ORDER BY k.ord)
                   FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS kolommen
           FROM pg_constraint c
          WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace
            AND NOT EXISTS (
              SELECT 1 FROM pg_index i
               WHERE i.indrelid = c.conrelid AND i.indpred IS NULL
                 AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
                 AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey)
          ORDER BY 1, 2`,
      );
    expect(zonderIndex).toEqual([]);
  });

  it('counts the foreign keys it checked (the query sees the schema)', async () => {
    const [{ aantal }]: { aantal: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS aantal FROM pg_constraint
        WHERE contype = 'f' AND connamespace = current_schema()::regnamespace`,
    );
    expect(aantal).toBeGreaterThan(50);
  });

  it("runs the application's queries without JIT compilation", async () => {
    const [{ jit }]: { jit: string }[] = await t.dataSource.query('SHOW jit');
    expect(jit).toBe('off');
  });
});

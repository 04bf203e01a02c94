import { createTestApp, TestApp } from '@wijkkompas/core/testing';

describe('Databaseschema', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('the migrations produce exactly the schema the entities describe (no missing migration)', async () => {
    const pending = await t.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('has applied every migration', async () => {
    expect(await t.dataSource.showMigrations()).toBe(false);
  });
});

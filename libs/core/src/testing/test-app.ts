import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '../config/app-config';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * Boots the real HTTP application (the same factory as production) against the test
 * database prepared by the e2e global setup. Jobs are off unless a test asks for them.
 */
export async function createTestApp(
  overrides: Partial<AppConfig> = {},
  env: Record<string, string | undefined> = {},
): Promise<TestApp> {
  // Imported lazily: libs must not import apps at module load; only the test harness does.
  const { createApiApp } = await import('../../../../apps/api/src/app.factory');
  const config: AppConfig = {
    ...loadConfig({ ...process.env, ...env }),
    runWorker: false,
    seedDemo: false,
    trustProxy: true,
    ...overrides,
  };
  const app = await createApiApp(config);
  return { app, config, dataSource: app.get(DataSource), close: () => app.close() };
}

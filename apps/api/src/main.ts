import 'reflect-metadata';
import {
  AppConfig,
  ConfigError,
  DomainError,
  EmbeddedPostgres,
  loadConfig,
  startEmbeddedPostgres,
  stopGracefully,
} from '@wijkkompas/core';
import type { Server } from 'node:http';
import { createApiApp } from './app.factory';

async function bootstrap(): Promise<void> {
  const started = Date.now();
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  let embedded: EmbeddedPostgres | undefined;
  if (config.embedded) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, eigenaar: 'de server' });
    config = { ...config, databaseUrl: embedded.url };
  }
  const app = await createApiApp(config);
  await app.listen(config.port);
  const stopHttp = stopGracefully(app.getHttpServer() as Server);
  const url = await app.getUrl();
  embedded?.beschrijf(`de server op ${url.replace('[::1]', 'localhost')}`);
  const mode = config.embedded ? `ingebouwde database in ${config.dataDir}` : 'PostgreSQL-server';
  process.stdout.write(
    `\nWijkkompas draait op ${url.replace('[::1]', 'localhost')} (${mode}; taken ${config.runWorker ? 'in dit proces' : 'in een aparte worker'}), ` +
      `klaar in ${Date.now() - started} ms.\n  Open in uw browser: ${url.replace('[::1]', 'localhost')}/\n  API-documentatie: ${url}/api/v1/docs\n\n`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal} ontvangen, Wijkkompas stopt...\n`);
    const graceMs = config.stopGraceSeconds * 1000;
    const timer = setTimeout(() => process.exit(1), graceMs + 15_000).unref();
    // Running requests finish first, then jobs and connections close (app.close).
    await stopHttp(graceMs);
    await app.close();
    await embedded?.stop();
    clearTimeout(timer);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

void bootstrap().catch((error: unknown) => {
  // A refusal we can explain (the data directory is in use) needs no stack trace.
  if (error instanceof DomainError) {
    process.stderr.write(`Wijkkompas kon niet starten: ${error.detail}\n`);
    process.exit(1);
  }
  process.stderr.write(
    `Wijkkompas kon niet starten: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});

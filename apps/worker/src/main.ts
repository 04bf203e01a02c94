import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppConfig, ConfigError, loadConfig } from '@wijkkompas/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/** Job processors and schedules only, no HTTP: scale this separately from the API. */
/** Stops gracefully on SIGTERM/SIGINT: running jobs finish, connections close, exit 0. */
function stopOnSignal(close: () => Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      process.stdout.write(`${signal} ontvangen, worker stopt...\n`);
      setTimeout(() => process.exit(1), 30_000).unref();
      void close().then(() => {
        resolve();
        process.exit(0);
      });
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
  });
}

async function bootstrap(): Promise<void> {
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
  if (config.embedded) {
    process.stderr.write(
      'De losse worker heeft DATABASE_URL nodig: de ingebouwde database hoort bij één proces (npm start draait API en taken samen).\n',
    );
    process.exit(1);
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.register(config), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  await app.init();
  process.stdout.write(
    `Wijkkompas-worker draait (wachtrijen op ${config.redisUrl ? 'Redis' : 'PostgreSQL'}).\n`,
  );
  await stopOnSignal(() => app.close());
}

void bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `Worker kon niet starten: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});

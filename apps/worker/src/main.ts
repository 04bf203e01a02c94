import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppConfig, ConfigError, loadConfig } from '@wijkkompas/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/** Job processors and schedules only, no HTTP: scale this separately from the API. */
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
  app.enableShutdownHooks();
  await app.init();
  process.stdout.write(
    `Wijkkompas-worker draait (wachtrijen op ${config.redisUrl ? 'Redis' : 'PostgreSQL'}).\n`,
  );
}

void bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `Worker kon niet starten: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});

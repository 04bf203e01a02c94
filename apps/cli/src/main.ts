import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  AppConfig,
  AuditService,
  bootstrapGemeente,
  buildOpenApiDocument,
  ConfigError,
  DomainError,
  EmbeddedPostgres,
  loadConfig,
  startEmbeddedPostgres,
} from '@wijkkompas/core';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { DataSource } from 'typeorm';
import { ApiModule } from '../../api/src/api.module';

const USAGE = `Gebruik: npm run cli -- <opdracht>

  migrate                     migraties uitvoeren
  migrate:revert              laatste migratie terugdraaien
  migration:generate <Naam>   migratie maken uit het verschil tussen entiteiten en database
  create-beheerder --email <e-mail> --naam <naam> --gemeente <naam> --cbs <GM0000>
                              eerste beheerder (en zo nodig de gemeente) aanmaken;
                              het wachtwoord komt van standaardinvoer
  openapi <bestand>           het OpenAPI-document schrijven
`;

function option(args: string[], name: string): string {
  const index = args.indexOf(`--${name}`);
  const value = index >= 0 ? args[index + 1] : undefined;
  if (!value || value.startsWith('--')) throw new Error(`--${name} ontbreekt.\n\n${USAGE}`);
  return value;
}

async function readPassword(): Promise<string> {
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: process.stdin.isTTY,
  });
  if (process.stdin.isTTY) {
    process.stdout.write('Wachtwoord (minstens 12 tekens): ');
    // Do not echo what is typed.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
  }
  const line = await new Promise<string>((resolve) =>
    rl.once('line', resolve).once('close', () => resolve('')),
  );
  rl.close();
  if (process.stdin.isTTY) process.stdout.write('\n');
  return line.trim();
}

async function withApp<T>(
  config: AppConfig,
  work: (app: INestApplicationContext) => Promise<T>,
): Promise<T> {
  let embedded: EmbeddedPostgres | undefined;
  let runtime = { ...config, runWorker: false, seedDemo: false, initialBeheerder: undefined };
  if (config.embedded) {
    // Refuses (with the running process named) while a server has this DATA_DIR open.
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      eigenaar: `npm run cli -- ${process.argv[2] ?? ''}`.trim(),
    });
    runtime = { ...runtime, databaseUrl: embedded.url };
  }
  const app = await NestFactory.create(ApiModule.register(runtime), { logger: ['error', 'warn'] });
  try {
    await app.init();
    return await work(app);
  } finally {
    await app.close();
    await embedded?.stop();
  }
}

async function generateMigration(app: INestApplicationContext, name: string): Promise<void> {
  if (!/^[A-Z][A-Za-z0-9]+$/.test(name))
    throw new Error(
      'De naam is een werkwoord plus zelfstandig naamwoord in UpperCamelCase, zoals AddPercelen.',
    );
  const sql = await app.get(DataSource).driver.createSchemaBuilder().log();
  if (sql.upQueries.length === 0) {
    process.stdout.write('Geen verschil tussen entiteiten en database: geen migratie nodig.\n');
    return;
  }
  const timestamp = Date.now();
  const quote = (query: string) =>
    '`' + query.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
  const render = (queries: { query: string; parameters?: unknown[] }[]) =>
    queries
      .map(
        (q) =>
          `    await queryRunner.query(${quote(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`,
      )
      .join('\n');
  const source = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${render(sql.upQueries)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${render([...sql.downQueries].reverse())}
  }
}
`;
  const file = join(process.cwd(), 'migrations', `${timestamp}-${name}.ts`);
  writeFileSync(file, source);
  process.stdout.write(
    `Geschreven: ${file}\nVoeg ${name}${timestamp} toe aan migrations/index.ts en lees de SQL na.\n`,
  );
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  let config = loadConfig();
  switch (command) {
    case 'migrate':
      // Migrations run as part of booting (with an advisory lock); nothing else to do.
      await withApp(config, async () => process.stdout.write('Migraties uitgevoerd.\n'));
      return;
    case 'migrate:revert':
      await withApp(config, async (app) => {
        await app.get(DataSource).undoLastMigration({ transaction: 'each' });
        process.stdout.write('Laatste migratie teruggedraaid.\n');
      });
      return;
    case 'migration:generate': {
      const name = args[0];
      if (!name) throw new Error(`De naam van de migratie ontbreekt.\n\n${USAGE}`);
      if (config.embedded) {
        // A throw-away database, so the diff is against exactly the existing migrations.
        const dataDir = mkdtempSync(join(tmpdir(), 'wijkkompas-migratie-'));
        config = { ...config, dataDir };
        try {
          await withApp(config, (app) => generateMigration(app, name));
        } finally {
          rmSync(dataDir, { recursive: true, force: true });
        }
      } else {
        await withApp(config, (app) => generateMigration(app, name));
      }
      return;
    }
    case 'create-beheerder': {
      const input = {
        email: option(args, 'email'),
        naam: option(args, 'naam'),
        gemeenteNaam: option(args, 'gemeente'),
        cbsCode: option(args, 'cbs'),
      };
      const password = await readPassword();
      await withApp(config, async (app) => {
        const dataSource = app.get(DataSource);
        const audit = app.get(AuditService);
        const result = await dataSource.transaction((manager) =>
          bootstrapGemeente(manager, audit, { ...input, password }, 'cli'),
        );
        process.stdout.write(
          `Beheerder ${result.beheerder.email} aangemaakt voor ${result.gemeente.naam} (${result.gemeente.cbsCode}).\n`,
        );
      });
      return;
    }
    case 'openapi': {
      const file = args[0];
      if (!file) throw new Error(`Het doelbestand ontbreekt.\n\n${USAGE}`);
      const dataDir = config.embedded
        ? mkdtempSync(join(tmpdir(), 'wijkkompas-openapi-'))
        : config.dataDir;
      try {
        await withApp({ ...config, dataDir }, async (app) => {
          const document = buildOpenApiDocument(app as never);
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, JSON.stringify(document, null, 2));
          process.stdout.write(`OpenAPI-document geschreven naar ${file}\n`);
        });
      } finally {
        if (config.embedded) rmSync(dataDir, { recursive: true, force: true });
      }
      return;
    }
    default:
      process.stdout.write(USAGE);
      if (command && command !== 'help') process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DomainError || error instanceof Error) {
    process.stderr.write(
      `${error instanceof DomainError ? `${error.title}: ${error.detail}` : error.message}\n`,
    );
  } else {
    process.stderr.write(`${String(error)}\n`);
  }
  process.exit(1);
});

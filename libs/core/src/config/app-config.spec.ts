import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'wk-config-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const server = {
    DATABASE_URL: 'postgres://db/wijkkompas',
    JWT_SECRET: 'x'.repeat(40),
    DATA_DIR: dataDir,
  };

  it('defaults to the embedded database, port 3000, jobs in-process and demo data', () => {
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config).toMatchObject({
      embedded: true,
      port: 3000,
      runWorker: true,
      seedDemo: true,
      queueSchema: 'public',
      databaseUrl: undefined,
    });
  });

  it('generates a JWT secret once in embedded mode and reuses it after a restart', () => {
    const first = loadConfig({ DATA_DIR: dataDir }).jwtSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dataDir, 'jwt-secret'), 'utf8')).toBe(first);
    expect(loadConfig({ DATA_DIR: dataDir }).jwtSecret).toBe(first);
  });

  it('uses a server when DATABASE_URL is set, with the queue tables in their own schema and no demo data', () => {
    expect(loadConfig(server)).toMatchObject({
      embedded: false,
      databaseUrl: server.DATABASE_URL,
      queueSchema: 'bullmq',
      seedDemo: false,
    });
  });

  it.each([
    [{ ...server, JWT_SECRET: undefined }, 'JWT_SECRET'],
    [{ ...server, JWT_SECRET: 'kort' }, 'JWT_SECRET'],
    [{ PORT: 'drieduizend', DATA_DIR: dataDir }, 'PORT'],
    [{ PORT: '70000', DATA_DIR: dataDir }, 'PORT'],
    [{ DATABASE_URL: 'mysql://db/x', DATA_DIR: dataDir }, 'DATABASE_URL'],
    [{ REDIS_URL: 'niet een url', DATA_DIR: dataDir }, 'REDIS_URL'],
    [{ RUN_WORKER: 'misschien', DATA_DIR: dataDir }, 'RUN_WORKER'],
    [{ LOG_LEVEL: 'luid', DATA_DIR: dataDir }, 'LOG_LEVEL'],
    [{ NODE_ENV: 'staging', DATA_DIR: dataDir }, 'NODE_ENV'],
    [{ RITME_CRON: 'elke dag om zes', DATA_DIR: dataDir }, 'RITME_CRON'],
    [{ MAIL_DIGEST_CRON: '0 7 * *', DATA_DIR: dataDir }, 'MAIL_DIGEST_CRON'],
    [{ HOUSEKEEPING_CRON: '0 3 * * * * *', DATA_DIR: dataDir }, 'HOUSEKEEPING_CRON'],
    [{ TZ_GEMEENTE: 'Europe/Voorbeeldstad', DATA_DIR: dataDir }, 'TZ_GEMEENTE'],
    [
      { PLATFORM_BEHEERDERS: 'ops@wijkkompas.nl, niemand', DATA_DIR: dataDir },
      'PLATFORM_BEHEERDERS',
    ],
    [{ INITIAL_BEHEERDER_EMAIL: 'a@b.nl', DATA_DIR: dataDir }, 'INITIAL_BEHEERDER_PASSWORD'],
    [
      {
        INITIAL_BEHEERDER_EMAIL: 'a@b.nl',
        INITIAL_BEHEERDER_PASSWORD: 'lang-genoeg-wachtwoord',
        INITIAL_GEMEENTE_CBS: '0479',
        DATA_DIR: dataDir,
      },
      'INITIAL_GEMEENTE_CBS',
    ],
  ])('stops the boot on a bad value, naming the variable (%#)', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });

  it('reads cron patterns, the time zone and the platform beheerders', () => {
    const config = loadConfig({
      DATA_DIR: dataDir,
      RITME_CRON: ' 30 5 * * 1-5 ',
      TZ_GEMEENTE: 'Europe/Brussels',
      PLATFORM_BEHEERDERS: 'Ops@Wijkkompas.nl, beheer@wijkkompas.nl',
    });
    expect(config.ritmeCron).toBe('30 5 * * 1-5');
    expect(config.timeZone).toBe('Europe/Brussels');
    expect(config.platformBeheerders).toEqual(['ops@wijkkompas.nl', 'beheer@wijkkompas.nl']);
    expect(loadConfig({ DATA_DIR: dataDir }).platformBeheerders).toEqual([]);
  });

  it('reads the first beheerder from the environment', () => {
    const config = loadConfig({
      DATA_DIR: dataDir,
      INITIAL_BEHEERDER_EMAIL: 'beheer@zaanstad.example',
      INITIAL_BEHEERDER_PASSWORD: 'lang-genoeg-wachtwoord',
      INITIAL_GEMEENTE_NAAM: 'Gemeente Zaanstad',
      INITIAL_GEMEENTE_CBS: 'GM0479',
    });
    expect(config.initialBeheerder).toEqual({
      email: 'beheer@zaanstad.example',
      password: 'lang-genoeg-wachtwoord',
      naam: 'Beheerder',
      gemeenteNaam: 'Gemeente Zaanstad',
      cbsCode: 'GM0479',
    });
  });
});

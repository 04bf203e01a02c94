import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { wachtwoordBezwaar } from '../auth/wachtwoordbeleid';

/**
 * The whole configuration of a Wijkkompas process, read from the environment once at boot.
 * Nothing else reads process.env (enforced by the lint rule). A bad value stops the boot
 * with a message naming the variable.
 */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  /** The PostgreSQL server; undefined means: start the embedded database in dataDir. */
  databaseUrl?: string;
  /** True when no DATABASE_URL was given and the process runs its own embedded PostgreSQL. */
  embedded: boolean;
  dataDir: string;
  redisUrl?: string;
  /** Schema for the BullMQ PostgreSQL backend tables. */
  queueSchema: string;
  /**
   * Cap, in seconds, on how long an idle worker waits before looking for new jobs on the
   * PostgreSQL backend. Needed where LISTEN/NOTIFY does not reach the worker (the embedded
   * database, where it defaults to 1); unset on a real server.
   */
  queuePollSeconds?: number;
  /** Key prefix for the BullMQ Redis backend, so deployments (and test runs) can share a Redis. */
  queuePrefix: string;
  /**
   * How long a worker's lock on a running job lasts, and how often stalled jobs (of a worker
   * that died) are looked for, in seconds. Unset: BullMQ's 30 s. Tests set it short.
   */
  queueLockSeconds?: number;
  /** How often a worker checks that the backend still has its job schedulers (and restores them). */
  queueScheduleCheckSeconds: number;
  /** On SIGTERM: how long running requests may take to finish before connections are cut. */
  stopGraceSeconds: number;
  /** Run the job processors and schedulers in the API process (embedded mode default). */
  runWorker: boolean;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  login: { maxFailures: number; windowSeconds: number };
  trustProxy: boolean;
  logLevel: string;
  seedDemo: boolean;
  initialBeheerder?: {
    email: string;
    password: string;
    naam: string;
    gemeenteNaam: string;
    cbsCode: string;
  };
  housekeepingCron: string;
  /** Outgoing mail; without it notifications stay in the app only. */
  smtpUrl?: string;
  mailFrom: string;
  /** Base URL of the product, for links in e-mails. */
  publicUrl: string;
  mailOutboxCron: string;
  mailDigestCron: string;
  /** When each gemeente's day of the quarterly rhythm is planned (cron, TZ_GEMEENTE). */
  ritmeCron: string;
  timeZone: string;
  bodyLimit: string;
  /** Chromium for PDF rendering (Debian's package); PDFs are unavailable without it. */
  chromiumPath: string;
  /**
   * E-mail addresses (lower case) of the platform's own operators. The queues are shared by
   * every gemeente of a deployment, so only these may retry, clean or pause jobs on the queue
   * dashboard; a gemeente's beheerder sees it read-only.
   */
  platformBeheerders: string[];
  /**
   * Tests only (NODE_ENV=test): a pause in ms between loading and storing a dossier, so a
   * test can kill the worker mid-assembly. Always 0 outside tests.
   */
  dossierTestVertragingMs: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Ongeldige configuratie: ${variable} ${reason}`);
  }
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw))
    throw new ConfigError(name, `moet een geheel getal zijn (gekregen: "${raw}")`);
  const value = Number(raw);
  if (value < min || value > max)
    throw new ConfigError(name, `moet tussen ${min} en ${max} liggen`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes', 'ja'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no', 'nee'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `moet true of false zijn (gekregen: "${raw}")`);
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is geen geldige URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `moet beginnen met ${protocols.map((p) => `${p}//`).join(' of ')}`);
  }
  return raw;
}

/**
 * In embedded mode a missing JWT_SECRET is generated once and kept in the data directory,
 * so tokens survive restarts without any secret in code. A server deployment must set it.
 */
function jwtSecret(env: Env, embedded: boolean, dataDir: string): string {
  const raw = env.JWT_SECRET;
  if (raw) {
    if (raw.length < 32) throw new ConfigError('JWT_SECRET', 'moet minstens 32 tekens lang zijn');
    return raw;
  }
  if (!embedded && env.NODE_ENV !== 'test') {
    throw new ConfigError('JWT_SECRET', 'is verplicht wanneer DATABASE_URL is gezet');
  }
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** A cron pattern of five (or, with seconds, six) fields, as BullMQ's job schedulers take. */
function cron(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const velden = raw.trim().split(/\s+/);
  if (
    velden.length < 5 ||
    velden.length > 6 ||
    !velden.every((v) => /^[\d*/,?LW#A-Za-z-]+$/.test(v))
  )
    throw new ConfigError(name, `moet een cron-patroon van vijf velden zijn (gekregen: "${raw}")`);
  return raw.trim();
}

function timeZone(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  try {
    new Intl.DateTimeFormat('nl-NL', { timeZone: raw });
  } catch {
    throw new ConfigError(
      name,
      `is geen bekende tijdzone zoals Europe/Amsterdam (gekregen: "${raw}")`,
    );
  }
  return raw;
}

function emailList(env: Env, name: string): string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return [];
  const adressen = raw
    .split(',')
    .map((a) => a.trim().toLowerCase())
    .filter(Boolean);
  const fout = adressen.find((a) => !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(a));
  if (fout) throw new ConfigError(name, `bevat geen geldig e-mailadres: "${fout}"`);
  return adressen;
}

function initialBeheerder(env: Env): AppConfig['initialBeheerder'] {
  const email = env.INITIAL_BEHEERDER_EMAIL;
  const password = env.INITIAL_BEHEERDER_PASSWORD;
  if (!email && !password) return undefined;
  if (!email)
    throw new ConfigError(
      'INITIAL_BEHEERDER_EMAIL',
      'is verplicht naast INITIAL_BEHEERDER_PASSWORD',
    );
  if (!password) throw new ConfigError('INITIAL_BEHEERDER_PASSWORD', 'is verplicht');
  const bezwaar = wachtwoordBezwaar(password, { email, naam: env.INITIAL_BEHEERDER_NAAM });
  if (bezwaar) throw new ConfigError('INITIAL_BEHEERDER_PASSWORD', `is niet goed: ${bezwaar}`);
  const cbsCode = env.INITIAL_GEMEENTE_CBS ?? '';
  if (!/^GM\d{4}$/.test(cbsCode))
    throw new ConfigError('INITIAL_GEMEENTE_CBS', 'moet een CBS-code zijn zoals GM0479');
  const gemeenteNaam = env.INITIAL_GEMEENTE_NAAM;
  if (!gemeenteNaam)
    throw new ConfigError('INITIAL_GEMEENTE_NAAM', 'is verplicht bij een eerste beheerder');
  return {
    email,
    password,
    naam: env.INITIAL_BEHEERDER_NAAM ?? 'Beheerder',
    gemeenteNaam,
    cbsCode,
  };
}

export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnvRaw = env.NODE_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnvRaw)) {
    throw new ConfigError('NODE_ENV', 'moet development, production of test zijn');
  }
  const nodeEnv = nodeEnvRaw as AppConfig['nodeEnv'];
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const embedded = databaseUrl === undefined;
  const dataDir = resolve(env.DATA_DIR ?? '.data');
  const queueSchema = env.QUEUE_PG_SCHEMA ?? (embedded ? 'public' : 'bullmq');
  if (!/^[a-z_][a-z0-9_]*$/.test(queueSchema))
    throw new ConfigError('QUEUE_PG_SCHEMA', 'moet een geldige schemanaam zijn');
  const logLevel = env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(
      'LOG_LEVEL',
      'moet fatal, error, warn, info, debug, trace of silent zijn',
    );
  }
  return {
    nodeEnv,
    port: int(env, 'PORT', 3000, 0, 65535),
    databaseUrl,
    embedded,
    dataDir,
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    queueSchema,
    queuePrefix: env.QUEUE_PREFIX ?? 'wijkkompas',
    queuePollSeconds: env.QUEUE_POLL_SECONDS
      ? int(env, 'QUEUE_POLL_SECONDS', 1, 1, 3600)
      : undefined,
    queueLockSeconds: env.QUEUE_LOCK_SECONDS
      ? int(env, 'QUEUE_LOCK_SECONDS', 30, 1, 3600)
      : undefined,
    queueScheduleCheckSeconds: int(env, 'QUEUE_SCHEDULE_CHECK_SECONDS', 60, 1, 86400),
    stopGraceSeconds: int(env, 'STOP_GRACE_SECONDS', 8, 1, 600),
    runWorker: bool(env, 'RUN_WORKER', true),
    jwtSecret: jwtSecret(env, embedded, dataDir),
    accessTokenTtlSeconds: int(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86400),
    refreshTokenTtlSeconds: int(env, 'REFRESH_TOKEN_TTL_SECONDS', 14 * 86400, 60, 365 * 86400),
    login: {
      maxFailures: int(env, 'LOGIN_MAX_FAILURES', 5, 1, 1000),
      windowSeconds: int(env, 'LOGIN_WINDOW_SECONDS', 60, 1, 86400),
    },
    trustProxy: bool(env, 'TRUST_PROXY', false),
    logLevel,
    seedDemo: bool(env, 'SEED_DEMO', embedded && nodeEnv !== 'test'),
    initialBeheerder: initialBeheerder(env),
    housekeepingCron: cron(env, 'HOUSEKEEPING_CRON', '0 3 * * *'),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: env.MAIL_FROM ?? 'Wijkkompas <no-reply@wijkkompas.nl>',
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT || 3000}`).replace(/\/$/, ''),
    mailOutboxCron: cron(env, 'MAIL_OUTBOX_CRON', '* * * * *'),
    mailDigestCron: cron(env, 'MAIL_DIGEST_CRON', '0 7 * * *'),
    ritmeCron: cron(env, 'RITME_CRON', '0 6 * * *'),
    timeZone: timeZone(env, 'TZ_GEMEENTE', 'Europe/Amsterdam'),
    bodyLimit: env.BODY_LIMIT ?? '1mb',
    chromiumPath: env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    platformBeheerders: emailList(env, 'PLATFORM_BEHEERDERS'),
    dossierTestVertragingMs:
      nodeEnv === 'test' ? int(env, 'DOSSIER_TEST_VERTRAGING_MS', 0, 0, 600_000) : 0,
  };
}

import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { EventEmitter } from 'node:events';
import {
  BackendFactory,
  createPostgresBackend,
  Job,
  JobsOptions,
  Processor,
  Queue,
  RepeatOptions,
  Worker,
  WorkerOptions,
} from 'bullmq';
import type { PostgresConnectionOptions } from 'bullmq';
import type { RedisOptions } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DomainError } from '../errors/domain-error';
import { isVerbindingsfout, RETRY_AFTER_SECONDEN } from '../errors/verbindingsfout';
import { JobName, JobPayloads, QUEUE_OF_JOB, QueueName } from './queue.constants';

export type QueueBackend = 'redis' | 'postgres';

export type TypedJob<N extends JobName = JobName> = Job<JobPayloads[N], unknown, N>;

function redisOptions(url: string): RedisOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    // Back within seconds once Redis returns (BullMQ's default waits up to 20 s between tries).
    retryStrategy: (tries: number) => Math.min(500 * tries, 5000),
  };
}

/** How long a request waits for the queue before it answers 503 (Redis unreachable, half-open). */
export const WACHTRIJ_LIMIET_MS = 3000;

/** The queue's backend does not answer: the request fails fast with 503 instead of hanging. */
export class WachtrijOnbereikbaarError extends DomainError {
  constructor() {
    super(
      'unavailable',
      'wachtrij-onbereikbaar',
      'Wachtrij niet bereikbaar',
      `De wachtrij voor taken is even niet bereikbaar. Probeer het over ${RETRY_AFTER_SECONDEN} seconden opnieuw.`,
      {},
      { 'Retry-After': String(RETRY_AFTER_SECONDEN) },
    );
  }
}

/** `werk`, or a WachtrijOnbereikbaarError when it takes longer than `ms` or loses its connection. */
async function binnen<T>(ms: number, werk: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const verlopen = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new WachtrijOnbereikbaarError()), ms);
  });
  try {
    return await Promise.race([werk(), verlopen]);
  } catch (error) {
    if (isVerbindingsfout(error)) throw new WachtrijOnbereikbaarError();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

interface Planning {
  queue: QueueName;
  repeat: RepeatOptions;
  name: JobName;
  data: unknown;
}

/**
 * The embedded PostgreSQL's socket server returns a NOTIFY to the connection that sent it,
 * not to the worker's LISTEN connection, so a worker waiting for its next delayed job (the
 * nightly schedule) would not see new jobs for up to an hour. Against the embedded database
 * the wait is therefore capped: the worker looks again every second. On a real PostgreSQL
 * server NOTIFY works and BullMQ's own ceiling applies.
 */
export function embeddedPostgresBackend(maxBlockSeconds = 1): typeof createPostgresBackend {
  type Backend = ReturnType<typeof createPostgresBackend>;
  const cap = (backend: Backend): Backend => {
    Object.defineProperty(backend, 'maximumBlockTimeout', { get: () => maxBlockSeconds });
    const forQueue = backend.forQueue.bind(backend);
    backend.forQueue = (...args: Parameters<Backend['forQueue']>) =>
      cap(forQueue(...args) as Backend);
    return backend;
  };
  const factory: BackendFactory<Backend, PostgresConnectionOptions> = (name, opts, options) =>
    cap(createPostgresBackend(name, opts, options));
  return factory;
}

/**
 * The one place that knows which BullMQ backend runs: Redis when REDIS_URL is set, otherwise
 * the PostgreSQL backend on the application's own database. Everything else asks this
 * service for queues and workers and never sees a connection.
 */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly logger = new Logger(QueueService.name);
  private readonly queues = new Map<QueueName, Queue>();
  private readonly workers: Worker[] = [];
  private ready?: Promise<void>;
  private readonly gereed = new Map<QueueName, Promise<Queue>>();
  private volgorde: Promise<unknown> = Promise.resolve();
  /** Every schedule this process registered, so one the backend lost can be registered again. */
  private readonly planningen = new Map<string, Planning>();
  private planningControle?: NodeJS.Timeout;
  private readonly herstellen = new Map<string, Promise<string[]>>();
  private gestopt = false;

  private readonly postgresBackend: typeof createPostgresBackend;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.postgresBackend =
      config.embedded || config.queuePollSeconds
        ? embeddedPostgresBackend(config.queuePollSeconds ?? 1)
        : createPostgresBackend;
  }

  get backend(): QueueBackend {
    return this.config.redisUrl ? 'redis' : 'postgres';
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (queue === undefined) {
      // Both backends expose the same Queue API; only the connection type parameter differs.
      queue =
        this.backend === 'redis'
          ? new Queue(name, {
              // A producer fails at once while Redis is away instead of queueing the command
              // until it returns (which left `POST /dossiers` hanging).
              connection: { ...redisOptions(this.config.redisUrl!), enableOfflineQueue: false },
              prefix: this.config.queuePrefix,
            })
          : (new Queue(
              name,
              { connection: this.postgresConnection(2) },
              this.postgresBackend,
            ) as unknown as Queue);
      queue.on('error', (error) => this.logger.error({ err: error, queue: name }, 'Wachtrijfout'));
      // Connected again (Redis back after an outage): check the schedules now rather than at
      // the next timer tick.
      const backend = queue.getBackend() as unknown as Partial<Pick<EventEmitter, 'on'>>;
      backend.on?.('ready', () => {
        if (this.planningen.size > 0 && !this.gestopt)
          void this.herstelPlanningen(name).catch((error: unknown) =>
            this.logger.warn({ err: error }, 'Taakplanningen niet te controleren'),
          );
      });
      this.queues.set(name, queue);
    }
    return queue;
  }

  /**
   * The PostgreSQL backend migrates its schema on first use; doing that once, before any other
   * queue or worker connects, keeps concurrent first uses from racing.
   */
  whenReady(): Promise<void> {
    this.ready ??= this.queue(QueueName.Housekeeping)
      .waitUntilReady()
      .then(() => undefined);
    return this.ready;
  }

  /**
   * The queue, connected and checked. Queues are readied one after another: each checks the
   * backend's schema on first use, and on the embedded database such checks must not overlap.
   */
  readyQueue(name: QueueName): Promise<Queue> {
    let klaar = this.gereed.get(name);
    if (!klaar) {
      klaar = this.volgorde
        .catch(() => undefined)
        .then(() => this.whenReady())
        .then(async () => {
          const queue = this.queue(name);
          await queue.waitUntilReady();
          return queue;
        });
      this.volgorde = klaar;
      this.gereed.set(name, klaar);
      klaar.catch(() => this.gereed.delete(name));
    }
    return klaar;
  }

  /**
   * Adds a job. With a deterministic `jobId` the backend ignores a job whose id already
   * exists, which makes planning twice harmless — but a job that already *failed* (kept for
   * 30 days) would then never run again. Such a job is retried instead, with the new data
   * and fresh attempts; handlers are idempotent, so a retry does no harm. A job that is
   * waiting, running or completed is left alone.
   */
  async add<N extends JobName>(
    name: N,
    data: JobPayloads[N],
    options: JobsOptions = {},
  ): Promise<TypedJob<N>> {
    // On Redis a lost connection must not hold the request; PostgreSQL fails fast by itself
    // and the embedded database may legitimately be busy for longer.
    if (this.backend === 'redis')
      return binnen(WACHTRIJ_LIMIET_MS, () => this.voegToe(name, data, options));
    return this.voegToe(name, data, options);
  }

  private async voegToe<N extends JobName>(
    name: N,
    data: JobPayloads[N],
    options: JobsOptions,
  ): Promise<TypedJob<N>> {
    const queue = await this.readyQueue(QUEUE_OF_JOB[name]);
    if (options.jobId !== undefined) {
      const opnieuw = await this.herstartMislukt(queue, options.jobId, data);
      if (opnieuw) return opnieuw as TypedJob<N>;
    }
    return (await queue.add(name, data, {
      attempts: 3,
      backoff: { type: 'exponential', delay: 5_000 },
      removeOnComplete: { age: 7 * 86400, count: 1000 },
      removeOnFail: { age: 30 * 86400 },
      ...options,
    })) as TypedJob<N>;
  }

  /** The failed job with this id, moved back to waiting with `data`; undefined when there is none. */
  private async herstartMislukt(
    queue: Queue,
    jobId: string,
    data: unknown,
  ): Promise<Job | undefined> {
    const bestaand = await queue.getJob(jobId);
    if (!bestaand || !(await bestaand.isFailed())) return undefined;
    const vorigeFout = bestaand.failedReason;
    try {
      await bestaand.updateData(data);
      // The backend checks the state itself: of two instances retrying at once, one wins.
      await bestaand.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    } catch (error) {
      // Another instance retried (or removed) it first; the plain add below settles it.
      this.logger.debug({ err: error, queue: queue.name, jobId }, 'Mislukte taak al hervat');
      return undefined;
    }
    this.logger.log(
      { queue: queue.name, jobId, failedReason: vorigeFout },
      'Mislukte taak opnieuw gestart',
    );
    return bestaand;
  }

  /** Whether a job with this id is waiting, delayed or running (not finished, not missing). */
  async heeftLevendeTaak(name: QueueName, jobId: string): Promise<boolean> {
    const queue = await this.readyQueue(name);
    const job = await queue.getJob(jobId);
    if (!job) return false;
    const state = await job.getState();
    return !['completed', 'failed', 'unknown'].includes(state);
  }

  /**
   * Registers (or updates) a repeatable schedule; safe to call from every instance at start-up.
   * The process remembers it and checks that the backend still has it whenever a queue's
   * connection is ready again and every QUEUE_SCHEDULE_CHECK_SECONDS: a Redis that restarted
   * without its data loses every job scheduler, and they come back without a worker restart.
   */
  async schedule<N extends JobName>(
    schedulerId: string,
    repeat: RepeatOptions,
    name: N,
    data: JobPayloads[N],
  ): Promise<void> {
    const planning: Planning = { queue: QUEUE_OF_JOB[name], repeat, name, data };
    this.planningen.set(schedulerId, planning);
    this.planningControle ??= setInterval(
      () =>
        void this.herstelPlanningen().catch((error: unknown) =>
          this.logger.warn({ err: error }, 'Taakplanningen niet te controleren'),
        ),
      this.config.queueScheduleCheckSeconds * 1000,
    ).unref();
    await this.plan(schedulerId, planning);
  }

  /**
   * Registers again every schedule of this process (of one queue, or all) that the backend no
   * longer has; returns their ids. One that cannot be checked now is left for the next round.
   */
  herstelPlanningen(alleen?: QueueName): Promise<string[]> {
    if (this.gestopt) return Promise.resolve([]);
    const sleutel = alleen ?? '*';
    let bezig = this.herstellen.get(sleutel);
    if (!bezig) {
      bezig = this.herstel(alleen).finally(() => this.herstellen.delete(sleutel));
      this.herstellen.set(sleutel, bezig);
    }
    return bezig;
  }

  private async herstel(alleen?: QueueName): Promise<string[]> {
    const hersteld: string[] = [];
    let fout: unknown;
    for (const [id, planning] of this.planningen) {
      if (alleen && planning.queue !== alleen) continue;
      try {
        const queue = await this.readyQueue(planning.queue);
        if (await queue.getJobScheduler(id)) continue;
        await this.plan(id, planning);
        hersteld.push(id);
      } catch (error) {
        fout ??= error;
      }
    }
    if (hersteld.length > 0)
      this.logger.warn({ hersteld }, `${hersteld.length} verdwenen taakplanningen hersteld`);
    if (fout) throw fout;
    return hersteld;
  }

  private async plan(schedulerId: string, planning: Planning): Promise<void> {
    const queue = await this.readyQueue(planning.queue);
    try {
      await this.upsert(queue, schedulerId, planning);
    } catch (error) {
      // Two registrations of the same schedule at once (start-up and the restore after the
      // connection became ready): the one that lost finds the other's iteration in place.
      if (
        error instanceof Error &&
        error.message.includes('job ID already exists') &&
        (await queue.getJobScheduler(schedulerId))
      )
        return;
      throw error;
    }
  }

  private async upsert(queue: Queue, schedulerId: string, planning: Planning): Promise<void> {
    await queue.upsertJobScheduler(
      schedulerId,
      { tz: this.config.timeZone, ...planning.repeat },
      {
        name: planning.name,
        data: planning.data,
        opts: {
          attempts: 3,
          backoff: { type: 'exponential', delay: 60_000 },
          removeOnComplete: { count: 100 },
          removeOnFail: { count: 500 },
        },
      },
    );
  }

  async startWorker(
    name: QueueName,
    processor: Processor,
    options: Partial<WorkerOptions> = {},
  ): Promise<Worker> {
    await this.whenReady();
    const { connection: _ignored, ...rest } = options;
    const worker =
      this.backend === 'redis'
        ? new Worker(name, processor, {
            concurrency: 2,
            ...rest,
            connection: redisOptions(this.config.redisUrl!),
            prefix: this.config.queuePrefix,
          })
        : (new Worker(
            name,
            processor,
            { concurrency: 2, ...rest, connection: this.postgresConnection(3) },
            this.postgresBackend,
          ) as unknown as Worker);
    worker.on('failed', (job, error) =>
      this.logger.warn(
        { err: error, queue: name, jobId: job?.id, attemptsMade: job?.attemptsMade },
        'Taak mislukt',
      ),
    );
    worker.on('error', (error) => this.logger.error({ err: error, queue: name }, 'Werkerfout'));
    this.workers.push(worker);
    return worker;
  }

  /** Readiness: the backend answers a real query within the timeout. */
  async ping(timeoutMs = 3000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`wachtrij-backend antwoordt niet binnen ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([
        this.whenReady().then(() => this.queue(QueueName.Housekeeping).getJobCounts('waiting')),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.gestopt = true;
    clearInterval(this.planningControle);
    await Promise.allSettled(this.herstellen.values());
    // Workers first, so running jobs finish (or are released) before the queues go away.
    await Promise.allSettled(this.workers.map((worker) => worker.close()));
    await Promise.allSettled([...this.queues.values()].map((queue) => queue.close()));
    this.workers.length = 0;
    this.queues.clear();
    this.gereed.clear();
  }

  private postgresConnection(max: number) {
    return {
      connectionString: this.config.databaseUrl!,
      schema: this.config.queueSchema,
      migrate: true,
      max,
    };
  }
}

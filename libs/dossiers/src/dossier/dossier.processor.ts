import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job, WorkerOptions } from 'bullmq';
import {
  APP_CONFIG,
  AppConfig,
  JobName,
  QueueName,
  QueueService,
  TypedJob,
} from '@wijkkompas/core';
import { DossierSamensteller, redenVan, VerwerkUitkomst } from './dossier.samensteller';

/**
 * Worker side of the dossiers queue: one job per requested dossier (job id = dossier id).
 * A failed attempt is retried with backoff and shows its reason meanwhile; after the last
 * attempt the dossier ends `mislukt` with the reason. A job that ends failed without its
 * handler seeing the error (a worker that died too often mid-run) is caught by the failed
 * listener, so no run stays waiting for ever.
 */
@Injectable()
export class DossierProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(DossierProcessor.name);

  constructor(
    private readonly queues: QueueService,
    private readonly samensteller: DossierSamensteller,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const seconden = this.config.queueLockSeconds;
    const opties: Partial<WorkerOptions> = seconden
      ? { lockDuration: seconden * 1000, stalledInterval: seconden * 1000 }
      : {};
    const worker = await this.queues.startWorker(
      QueueName.Dossiers,
      (job) => this.handle(job as TypedJob),
      opties,
    );
    worker.on('failed', (job) => {
      if (job)
        void this.naMislukken(job).catch((error: unknown) => this.logger.error({ err: error }));
    });
  }

  async handle(job: TypedJob): Promise<VerwerkUitkomst> {
    if (job.name !== JobName.DossierSamenstellen)
      throw new Error(`Onbekende taak ${String(job.name)} in wachtrij ${QueueName.Dossiers}`);
    const { dossierId } = (job as TypedJob<typeof JobName.DossierSamenstellen>).data;
    const poging = job.attemptsMade + 1;
    const maximum = job.opts.attempts ?? 1;
    try {
      return await this.samensteller.verwerk(dossierId);
    } catch (error) {
      const reden = redenVan(error);
      this.logger.warn({ err: error, dossierId, poging, maximum }, 'Poging dossier mislukt');
      if (poging >= maximum)
        await this.samensteller.markeerMislukt(
          dossierId,
          `Het samenstellen is na ${poging} ${poging === 1 ? 'poging' : 'pogingen'} mislukt: ${reden}`,
        );
      else
        await this.samensteller.markeerNieuwePoging(
          dossierId,
          `Poging ${poging} van ${maximum} is mislukt: ${reden} Er volgt automatisch een nieuwe poging.`,
        );
      throw error;
    }
  }

  /** A job that has finally failed must never leave its dossier waiting. */
  private async naMislukken(job: Job): Promise<void> {
    if (job.name !== JobName.DossierSamenstellen) return;
    if ((await job.getState()) !== 'failed') return;
    const { dossierId } = job.data as { dossierId: string };
    // BullMQ's reason ("job stalled more than allowable limit") is English machinery: logged only.
    const afgebroken = await this.samensteller.markeerMislukt(
      dossierId,
      'Het samenstellen is afgebroken: de verwerking stopte onverwacht. Vraag het dossier opnieuw aan.',
    );
    if (afgebroken)
      this.logger.warn({ dossierId, failedReason: job.failedReason }, 'Dossiertaak afgebroken');
  }
}

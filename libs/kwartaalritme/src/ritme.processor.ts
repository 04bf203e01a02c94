import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  APP_CONFIG,
  AppConfig,
  JobName,
  QueueName,
  QueueService,
  TypedJob,
} from '@wijkkompas/core';
import { RitmeTaak } from './planner';
import { RitmeService } from './ritme.service';

export const RITME_SYNCHRONISATIE_ID = 'ritme.synchronisatie';
export const ritmeSchedulerId = (gemeenteId: string) => `ritme.${gemeenteId}`;

/**
 * Worker side of the quarterly rhythm. Every gemeente gets its own BullMQ job scheduler (kept
 * by the queue backend, so it survives restarts and exists once however many workers start);
 * an hourly synchronisation adds the schedule of a gemeente created since.
 */
@Injectable()
export class RitmeProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(RitmeProcessor.name);

  constructor(
    private readonly queues: QueueService,
    private readonly ritme: RitmeService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues.startWorker(QueueName.Ritme, (job) => this.handle(job as TypedJob));
    await this.queues.schedule(
      RITME_SYNCHRONISATIE_ID,
      { pattern: '17 * * * *' },
      JobName.RitmeSynchronisatie,
      { reason: 'schedule' },
    );
    await this.synchroniseer();
  }

  /** Registers (or updates) the daily schedule of every gemeente. */
  async synchroniseer(): Promise<number> {
    const gemeenten: { id: string }[] = await this.dataSource.query(
      'SELECT id FROM gemeenten ORDER BY id',
    );
    for (const { id } of gemeenten)
      await this.queues.schedule(
        ritmeSchedulerId(id),
        { pattern: this.config.ritmeCron },
        JobName.RitmeDag,
        { gemeenteId: id },
      );
    return gemeenten.length;
  }

  async handle(job: TypedJob): Promise<unknown> {
    switch (job.name) {
      case JobName.RitmeDag: {
        const data = job.data as { gemeenteId: string; datum?: string };
        const { taken } = await this.ritme.draaiDag(data.gemeenteId, data.datum);
        return { taken: taken.map((t) => t.jobId) };
      }
      case JobName.RitmeTaak:
        return this.ritme.voerUit(job.data as unknown as RitmeTaak);
      case JobName.RitmeSynchronisatie:
        return { gemeenten: await this.synchroniseer() };
      default:
        this.logger.error({ job: job.name }, 'Onbekende ritmetaak');
        throw new Error(`Onbekende taak ${String(job.name)} in wachtrij ${QueueName.Ritme}`);
    }
  }
}

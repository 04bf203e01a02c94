import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { JobName, QueueName } from '../queue/queue.constants';
import { QueueService, TypedJob } from '../queue/queue.service';
import { HousekeepingResult, HousekeepingService } from './housekeeping.service';

export const HOUSEKEEPING_SCHEDULER_ID = 'housekeeping:nightly';

/** Worker side: processes the housekeeping queue and registers its nightly schedule. */
@Injectable()
export class HousekeepingProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly queues: QueueService,
    private readonly housekeeping: HousekeepingService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues.startWorker(QueueName.Housekeeping, (job) => this.handle(job as TypedJob));
    await this.queues.schedule(
      HOUSEKEEPING_SCHEDULER_ID,
      { pattern: this.config.housekeepingCron },
      JobName.HousekeepingNightly,
      { reason: 'schedule' },
    );
  }

  async handle(job: TypedJob): Promise<HousekeepingResult> {
    switch (job.name) {
      case JobName.HousekeepingNightly:
        return this.housekeeping.run();
      default:
        throw new Error(`Onbekende taak ${String(job.name)} in wachtrij ${QueueName.Housekeeping}`);
    }
  }
}

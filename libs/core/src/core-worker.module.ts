import { Module } from '@nestjs/common';
import { HousekeepingProcessor } from './housekeeping/housekeeping.processor';

/** The job side of core: processors and schedules. */
@Module({ providers: [HousekeepingProcessor] })
export class CoreWorkerModule {}

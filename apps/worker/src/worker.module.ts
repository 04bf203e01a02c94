import { DynamicModule, Module, Type } from '@nestjs/common';
import { AppConfig, CoreModule, CoreWorkerModule } from '@wijkkompas/core';

/** Every capability's processors and schedules. The API process loads these too in embedded mode. */
export const WORKER_FEATURES: Type[] = [CoreWorkerModule];

@Module({})
export class WorkerModule {
  static register(config: AppConfig): DynamicModule {
    return { module: WorkerModule, imports: [CoreModule.forRoot(config), ...WORKER_FEATURES] };
  }
}

import { DynamicModule, Module, Type } from '@nestjs/common';
import { AppConfig, CoreModule, CoreWorkerModule } from '@wijkkompas/core';
import { DossiersWorkerModule } from '@wijkkompas/dossiers';
import { KwartaalritmeWorkerModule } from '@wijkkompas/kwartaalritme';
import { NotificatiesWorkerModule } from '@wijkkompas/notificaties';
import { VerandertheorieenDossierModule } from '@wijkkompas/verandertheorieen';

/** Every capability's processors and schedules. The API process loads these too in embedded mode. */
export const WORKER_FEATURES: Type[] = [
  CoreWorkerModule,
  NotificatiesWorkerModule,
  DossiersWorkerModule,
  // The theory-of-change section of the dossier: loaded by the worker.
  VerandertheorieenDossierModule,
  KwartaalritmeWorkerModule,
];

@Module({})
export class WorkerModule {
  static register(config: AppConfig): DynamicModule {
    return { module: WorkerModule, imports: [CoreModule.forRoot(config), ...WORKER_FEATURES] };
  }
}

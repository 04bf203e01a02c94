import { DynamicModule, Module, Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import {
  AppConfig,
  CoreApiModule,
  CoreModule,
  InvoerValidationPipe,
  JwtAuthGuard,
  ProblemFilter,
  PermissieGuard,
} from '@wijkkompas/core';
import { DossiersApiModule } from '@wijkkompas/dossiers';
import { OpdrachtenApiModule } from '@wijkkompas/opdrachten';
import { KwartaalritmeApiModule } from '@wijkkompas/kwartaalritme';
import { NotificatiesApiModule } from '@wijkkompas/notificaties';
import { OverleggenApiModule } from '@wijkkompas/overleggen';
import {
  VerandertheorieenApiModule,
  VerandertheorieenDossierModule,
} from '@wijkkompas/verandertheorieen';
import { VerantwoordingApiModule } from '@wijkkompas/verantwoording';
import { WORKER_FEATURES } from '../../worker/src/worker.module';

/** Every capability's HTTP side. */
export const API_FEATURES: Type[] = [
  CoreApiModule,
  OpdrachtenApiModule,
  VerantwoordingApiModule,
  OverleggenApiModule,
  VerandertheorieenApiModule,
  NotificatiesApiModule,
  KwartaalritmeApiModule,
  DossiersApiModule,
  // Renders the theory-of-change section of the dossier (also when the worker runs apart).
  VerandertheorieenDossierModule,
];

@Module({})
export class ApiModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot(config),
        ...API_FEATURES,
        ...(config.runWorker ? WORKER_FEATURES : []),
      ],
      providers: [
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: PermissieGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useClass: InvoerValidationPipe },
      ],
    };
  }
}

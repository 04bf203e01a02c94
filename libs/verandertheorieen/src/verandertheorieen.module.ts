import { Module, Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OpdrachtenModule } from '@wijkkompas/opdrachten';
import { VerantwoordingModule } from '@wijkkompas/verantwoording';
import { ReviewService } from './diagnose/review.service';
import { VerandertheorieDossierService } from './dossier/verandertheorie-dossier.service';
import { VERANDERTHEORIEEN_ENTITIES } from './entities';
import { StrategieKpiSetRegel } from './kpi-set/strategie-kpi-set.regel';
import { VerandertheorieenDemoSeed } from './seed/verandertheorieen.seed';
import { VerandertheorieBewerkingService } from './verandertheorie/verandertheorie-bewerking.service';
import { VerandertheorieService } from './verandertheorie/verandertheorie.service';
import { VerhaalService } from './verhaal/verhaal.service';

const SERVICES: Provider[] = [
  VerandertheorieService,
  VerandertheorieBewerkingService,
  ReviewService,
  VerhaalService,
  VerandertheorieDossierService,
];

/**
 * Theories of change with their versions, KPI evidence, case-story links and the assumption
 * review per quarter. Adds the Ebrahim-strategy rule to the KPI-set check of the
 * verantwoording; the dossier reads its section through VerandertheorieDossierService.
 */
@Module({
  imports: [
    OpdrachtenModule,
    VerantwoordingModule,
    TypeOrmModule.forFeature(VERANDERTHEORIEEN_ENTITIES),
  ],
  providers: [...SERVICES, StrategieKpiSetRegel, VerandertheorieenDemoSeed],
  exports: [...SERVICES, TypeOrmModule],
})
export class VerandertheorieenModule {}

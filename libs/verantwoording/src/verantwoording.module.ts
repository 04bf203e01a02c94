import { Module, Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificatiesModule } from '@wijkkompas/notificaties';
import { OpdrachtenModule } from '@wijkkompas/opdrachten';
import { CasusService } from './casus/casus.service';
import { VERANTWOORDING_ENTITIES } from './entities';
import { IndicatorService } from './indicator/indicator.service';
import { KpiNormService } from './kpi/kpi-norm.service';
import { KpiSetCheckService } from './kpi/kpi-set-check.service';
import { KpiSetRegelRegistry } from './kpi/kpi-set-regel.registry';
import { KpiService } from './kpi/kpi.service';
import { VerantwoordingExportService } from './export/verantwoording-export.service';
import { RapportageperiodeService } from './periode/rapportageperiode.service';
import { IndicatorDemoSeed } from './seed/indicator.seed';
import { KpiDemoSeed } from './seed/kpi.seed';
import { VerhalenDemoSeed } from './seed/verhalen.seed';
import { SignaalService } from './signaal/signaal.service';
import { BeoordelingService } from './kwartaalverantwoording/beoordeling.service';
import { KpiWaardeService } from './kwartaalverantwoording/kpi-waarde.service';
import { KwartaalverantwoordingStatusService } from './kwartaalverantwoording/kwartaalverantwoording-status.service';
import { KwartaalverantwoordingService } from './kwartaalverantwoording/kwartaalverantwoording.service';
import { WaardenImportService } from './kwartaalverantwoording/waarden-import.service';
import { VerantwoordingDemoSeed } from './seed/verantwoording.seed';

/** Services of the verantwoording capability; later capabilities (dossiers, theories) import them. */
const SERVICES: Provider[] = [
  // kpis
  KpiService,
  IndicatorService,
  KpiNormService,
  KpiSetRegelRegistry,
  KpiSetCheckService,
  RapportageperiodeService,
  KpiDemoSeed,
  IndicatorDemoSeed,
  // kwartaalverantwoordingen
  KwartaalverantwoordingService,
  KpiWaardeService,
  KwartaalverantwoordingStatusService,
  BeoordelingService,
  WaardenImportService,
  VerantwoordingExportService,
  VerantwoordingDemoSeed,
  // casussen en signalen
  CasusService,
  SignaalService,
  VerhalenDemoSeed,
];

/**
 * KPIs with versions and norms, reporting periods, quarterly accounts with their figures,
 * case stories and signals.
 */
@Module({
  imports: [
    OpdrachtenModule,
    NotificatiesModule,
    TypeOrmModule.forFeature(VERANTWOORDING_ENTITIES),
  ],
  providers: [...SERVICES],
  exports: [...SERVICES, TypeOrmModule],
})
export class VerantwoordingModule {}

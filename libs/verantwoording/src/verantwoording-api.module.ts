import { Module } from '@nestjs/common';
import { CasusController } from './casus/casus.controller';
import { VerantwoordingExportController } from './export/verantwoording-export.controller';
import { SignaalController } from './signaal/signaal.controller';
import { KpiSetCheckController } from './kpi/kpi-set-check.controller';
import { KpiController } from './kpi/kpi.controller';
import { IndicatorController } from './indicator/indicator.controller';
import { RapportageperiodeController } from './periode/rapportageperiode.controller';
import { KwartaalverantwoordingController } from './kwartaalverantwoording/kwartaalverantwoording.controller';
import { VerantwoordingModule } from './verantwoording.module';

/** The HTTP side of the verantwoording capability. */
@Module({
  imports: [VerantwoordingModule],
  controllers: [
    // kpis
    KpiController,
    IndicatorController,
    KpiSetCheckController,
    RapportageperiodeController,
    // kwartaalverantwoordingen
    KwartaalverantwoordingController,
    // casussen en signalen
    CasusController,
    SignaalController,
    VerantwoordingExportController,
  ],
})
export class VerantwoordingApiModule {}

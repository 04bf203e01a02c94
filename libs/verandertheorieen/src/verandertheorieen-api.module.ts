import { Module } from '@nestjs/common';
import { ReviewController } from './diagnose/review.controller';
import { KpiTheorieController } from './verandertheorie/kpi-theorie.controller';
import { VerandertheorieBewerkingController } from './verandertheorie/verandertheorie-bewerking.controller';
import { VerandertheorieController } from './verandertheorie/verandertheorie.controller';
import { VerandertheorieenModule } from './verandertheorieen.module';
import { VerhaalController } from './verhaal/verhaal.controller';

/** The HTTP side of the theories of change. */
@Module({
  imports: [VerandertheorieenModule],
  controllers: [
    VerandertheorieController,
    VerandertheorieBewerkingController,
    ReviewController,
    VerhaalController,
    KpiTheorieController,
  ],
})
export class VerandertheorieenApiModule {}

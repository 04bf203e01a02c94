import { Module } from '@nestjs/common';
import { VerantwoordingModule } from './verantwoording.module';

/** The HTTP side of the verantwoording capability. */
@Module({
  imports: [VerantwoordingModule],
  controllers: [
    // kpis
    // kwartaalverantwoordingen
    // casussen en signalen
  ],
})
export class VerantwoordingApiModule {}

import { Module, Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OpdrachtenModule } from '@wijkkompas/opdrachten';
import { VERANTWOORDING_ENTITIES } from './entities';

/** Services of the verantwoording capability; later capabilities (dossiers, theories) import them. */
const SERVICES: Provider[] = [
  // kpis
  // kwartaalverantwoordingen
  // casussen en signalen
];

/**
 * KPIs with versions and norms, reporting periods, quarterly accounts with their figures,
 * case stories and signals.
 */
@Module({
  imports: [OpdrachtenModule, TypeOrmModule.forFeature(VERANTWOORDING_ENTITIES)],
  providers: [...SERVICES],
  exports: [...SERVICES, TypeOrmModule],
})
export class VerantwoordingModule {}

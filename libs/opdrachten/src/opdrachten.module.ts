import { Module, Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AanbiederService } from './aanbieder/aanbieder.service';
import { AanvullendeOpdrachtStatusService } from './aanvullende-opdracht/aanvullende-opdracht-status.service';
import { AanvullendeOpdrachtService } from './aanvullende-opdracht/aanvullende-opdracht.service';
import { AanvullendeOpdrachtWijzigingService } from './aanvullende-opdracht/aanvullende-opdracht-wijziging.service';
import { DoelService } from './doel/doel.service';
import { OPDRACHTEN_ENTITIES } from './entities';
import { GemeenteService } from './gemeente/gemeente.service';
import { HoofdopdrachtService } from './hoofdopdracht/hoofdopdracht.service';
import { KetenService } from './keten/keten.service';
import { OverzichtService } from './overzicht/overzicht.service';
import { PerceelService } from './perceel/perceel.service';
import { OpdrachtenDemoSeed } from './seed/opdrachten.seed';
import { WijkService } from './wijk/wijk.service';

const SERVICES: Provider[] = [
  GemeenteService,
  AanbiederService,
  WijkService,
  PerceelService,
  KetenService,
  HoofdopdrachtService,
  DoelService,
  AanvullendeOpdrachtService,
  AanvullendeOpdrachtStatusService,
  AanvullendeOpdrachtWijzigingService,
  OverzichtService,
];

/**
 * The contract structure: wijken, percelen, ketens, hoofdopdrachten with their versions and
 * goals, aanvullende opdrachten. Later capabilities (KPIs, verantwoording) import the services.
 */
@Module({
  imports: [TypeOrmModule.forFeature(OPDRACHTEN_ENTITIES)],
  providers: [...SERVICES, OpdrachtenDemoSeed],
  exports: [...SERVICES, TypeOrmModule],
})
export class OpdrachtenModule {}

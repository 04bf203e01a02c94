import { Module } from '@nestjs/common';
import { AanbiederController } from './aanbieder/aanbieder.controller';
import { AanvullendeOpdrachtController } from './aanvullende-opdracht/aanvullende-opdracht.controller';
import { GemeenteController } from './gemeente/gemeente.controller';
import { HoofdopdrachtController } from './hoofdopdracht/hoofdopdracht.controller';
import { KetenController } from './keten/keten.controller';
import { OpdrachtenModule } from './opdrachten.module';
import { OpdrachtenExportController } from './overzicht/opdrachten-export.controller';
import { OverzichtController } from './overzicht/overzicht.controller';
import { PerceelController } from './perceel/perceel.controller';
import { WijkController } from './wijk/wijk.controller';

/** The HTTP side of the contract structure. */
@Module({
  imports: [OpdrachtenModule],
  controllers: [
    GemeenteController,
    AanbiederController,
    WijkController,
    PerceelController,
    KetenController,
    HoofdopdrachtController,
    AanvullendeOpdrachtController,
    OverzichtController,
    OpdrachtenExportController,
  ],
})
export class OpdrachtenApiModule {}

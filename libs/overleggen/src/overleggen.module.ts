import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OpdrachtenModule } from '@wijkkompas/opdrachten';
import { AgendaBronRegistry } from './agenda/agenda-bijdragen';
import { AgendaService } from './agenda/agenda.service';
import { OVERLEGGEN_ENTITIES } from './entities';
import { KalenderService } from './kalender/kalender.service';
import { OverlegService } from './overleg/overleg.service';
import { OverlegWerkDemoSeed } from './seed/overleg-werk.seed';
import { OverleggenDemoSeed } from './seed/overleggen.seed';
import { OverlegDocumentRegistry } from './verslag/overleg-document';
import { OverlegWeergaveService } from './verslag/overleg-weergave.service';
import { VerslagService } from './verslag/verslag.service';

/**
 * Meetings: verantwoordingsgesprekken, keten- and ontwikkeloverleg, stuurgroep, with their
 * agendas (drafted from the data, published as versions), decisions and actions. The dossier
 * imports this module for OverlegService and registers its proposed agenda in the
 * AgendaBronRegistry.
 */
@Module({
  imports: [OpdrachtenModule, TypeOrmModule.forFeature(OVERLEGGEN_ENTITIES)],
  providers: [
    OverlegService,
    OverlegDocumentRegistry,
    AgendaBronRegistry,
    AgendaService,
    VerslagService,
    OverlegWeergaveService,
    KalenderService,
    OverleggenDemoSeed,
    OverlegWerkDemoSeed,
  ],
  exports: [
    OverlegService,
    OverlegDocumentRegistry,
    AgendaBronRegistry,
    AgendaService,
    VerslagService,
    OverlegWeergaveService,
    KalenderService,
    TypeOrmModule,
  ],
})
export class OverleggenModule {}

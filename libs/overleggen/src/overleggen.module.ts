import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OpdrachtenModule } from '@wijkkompas/opdrachten';
import { OVERLEGGEN_ENTITIES } from './entities';
import { OverlegService } from './overleg/overleg.service';
import { OverleggenDemoSeed } from './seed/overleggen.seed';

/**
 * Meetings: verantwoordingsgesprekken, keten- and ontwikkeloverleg, stuurgroep. The dossier
 * scheduler imports this module for OverlegService; agendas and decisions join it later as
 * tables of their own.
 */
@Module({
  imports: [OpdrachtenModule, TypeOrmModule.forFeature(OVERLEGGEN_ENTITIES)],
  providers: [OverlegService, OverleggenDemoSeed],
  exports: [OverlegService, TypeOrmModule],
})
export class OverleggenModule {}

import { Module } from '@nestjs/common';
import { AgendaController } from './agenda/agenda.controller';
import { KalenderController } from './kalender/kalender.controller';
import { OverlegController } from './overleg/overleg.controller';
import { OverleggenModule } from './overleggen.module';
import { OverlegWeergaveController } from './verslag/overleg-weergave.controller';
import { ActieController, VerslagController } from './verslag/verslag.controller';

/** The HTTP side of the meetings. */
@Module({
  imports: [OverleggenModule],
  controllers: [
    OverlegController,
    AgendaController,
    VerslagController,
    ActieController,
    OverlegWeergaveController,
    KalenderController,
  ],
})
export class OverleggenApiModule {}

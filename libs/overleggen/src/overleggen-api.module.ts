import { Module } from '@nestjs/common';
import { OverlegController } from './overleg/overleg.controller';
import { OverleggenModule } from './overleggen.module';

/** The HTTP side of the meetings. */
@Module({
  imports: [OverleggenModule],
  controllers: [OverlegController],
})
export class OverleggenApiModule {}

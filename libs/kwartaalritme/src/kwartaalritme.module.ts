import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DossiersModule } from '@wijkkompas/dossiers';
import { NotificatiesModule } from '@wijkkompas/notificaties';
import { VerantwoordingModule } from '@wijkkompas/verantwoording';
import { RitmeInstelling } from './ritme-instelling.entity';
import { RitmeController } from './ritme.controller';
import { RitmeProcessor } from './ritme.processor';
import { RitmeService } from './ritme.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([RitmeInstelling]),
    NotificatiesModule,
    VerantwoordingModule,
    DossiersModule,
  ],
  providers: [RitmeService],
  exports: [RitmeService],
})
export class KwartaalritmeModule {}

@Module({ imports: [KwartaalritmeModule], controllers: [RitmeController] })
export class KwartaalritmeApiModule {}

@Module({ imports: [KwartaalritmeModule], providers: [RitmeProcessor] })
export class KwartaalritmeWorkerModule {}

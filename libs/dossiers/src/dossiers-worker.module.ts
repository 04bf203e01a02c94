import { Module } from '@nestjs/common';
import { DossierProcessor } from './dossier/dossier.processor';
import { DossiersModule } from './dossiers.module';

/** The job side of the dossiers: the processor of the dossiers queue. */
@Module({ imports: [DossiersModule], providers: [DossierProcessor] })
export class DossiersWorkerModule {}

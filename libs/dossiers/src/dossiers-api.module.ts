import { Module } from '@nestjs/common';
import { DossierController } from './dossier/dossier.controller';
import { DossiersModule } from './dossiers.module';

/** The HTTP side of the dossiers. */
@Module({ imports: [DossiersModule], controllers: [DossierController] })
export class DossiersApiModule {}

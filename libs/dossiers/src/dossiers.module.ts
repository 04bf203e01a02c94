import { Module, Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificatiesModule } from '@wijkkompas/notificaties';
import { OpdrachtenModule } from '@wijkkompas/opdrachten';
import { OverleggenModule } from '@wijkkompas/overleggen';
import { VerantwoordingModule } from '@wijkkompas/verantwoording';
import { DossierAgendaBron } from './dossier/dossier-agenda.bron';
import { OverlegWeergaveBron } from './dossier/overleg-weergave.bron';
import { DossierWeergaveService } from './dossier/dossier-weergave.service';
import { DossierSamensteller } from './dossier/dossier.samensteller';
import { DossierService } from './dossier/dossier.service';
import { BeoordelingsrondeBijdrage } from './loader/beoordelingsronde.bijdrage';
import { DossierBijdrageRegistry } from './loader/dossier-bijdragen';
import { HoofdopdrachtBijdrage } from './loader/hoofdopdracht.bijdrage';
import { DossierLoader } from './loader/dossier.loader';
import { Dossier } from './persistence/dossier.entity';
import { DossiersDemoSeed } from './seed/dossiers.seed';

const SERVICES: Provider[] = [
  DossierBijdrageRegistry,
  DossierLoader,
  DossierSamensteller,
  DossierService,
  DossierWeergaveService,
];

/**
 * Dossiers for the verantwoordingsgesprek: requesting, assembling (loader + the pure core),
 * versions and their rendering. The entities of opdrachten, verantwoording and overleggen are
 * imported so the loader can read them in the worker process too. Other capabilities import
 * this module for DossierService (the quarterly scheduler) or DossierBijdrageRegistry (a
 * section of their own).
 */
@Module({
  imports: [
    NotificatiesModule,
    OpdrachtenModule,
    VerantwoordingModule,
    OverleggenModule,
    TypeOrmModule.forFeature([Dossier]),
  ],
  providers: [
    ...SERVICES,
    BeoordelingsrondeBijdrage,
    HoofdopdrachtBijdrage,
    DossiersDemoSeed,
    DossierAgendaBron,
    OverlegWeergaveBron,
  ],
  exports: [...SERVICES, TypeOrmModule],
})
export class DossiersModule {}

import { actiesSectie } from './acties.sectie';
import { agendaSectie } from './agenda.sectie';
import { budgetEnFormatieSectie } from './budget-en-formatie.sectie';
import { kpisSectie } from './kpis.sectie';
import { opdrachtenSectie } from './opdrachten.sectie';
import type { DossierSectie } from './sectie';
import { signalenSectie } from './signalen.sectie';
import { verantwoordingSectie } from './verantwoording.sectie';
import { verhalenSectie } from './verhalen.sectie';

export * from './sectie';
export * from './acties.sectie';
export * from './agenda.sectie';
export * from './budget-en-formatie.sectie';
export * from './kpis.sectie';
export * from './opdrachten.sectie';
export * from './signalen.sectie';
export * from './verantwoording.sectie';
export * from './verhalen.sectie';

/**
 * The sections of a dossier for a verantwoordingsgesprek. A new capability appends its
 * section: `assembleerDossier(snapshot, [...DOSSIER_SECTIES, veronderstellingenSectie])`.
 */
export const DOSSIER_SECTIES: readonly DossierSectie[] = [
  agendaSectie,
  verantwoordingSectie,
  kpisSectie,
  verhalenSectie,
  opdrachtenSectie,
  budgetEnFormatieSectie,
  signalenSectie,
  actiesSectie,
];

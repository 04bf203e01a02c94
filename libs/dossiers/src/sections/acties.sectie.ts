import { actieVerlopen, OPEN_ACTIE_STATUSSEN, vergelijkActies } from '../beoordeling';
import { ACTIE_STATUS_LABELS } from '../labels';
import type { ActieStatus, DossierSnapshot } from '../snapshot';
import type { DossierSectie } from './sectie';

export interface ActieRij {
  id: string;
  omschrijving: string;
  eigenaar: string;
  deadline: string | null;
  status: ActieStatus;
  statusLabel: string;
  verlopen: boolean;
  overlegDatum: string | null;
}

export interface ActiesInhoud {
  /** Open actions by deadline (none last). */
  acties: ActieRij[];
  aantalVerlopen: number;
}

export const actiesSectie: DossierSectie<ActiesInhoud> = {
  sleutel: 'acties',
  titel: 'Open acties uit eerdere overleggen',
  volgorde: 80,
  bouw(snapshot: DossierSnapshot): ActiesInhoud {
    const acties = snapshot.acties
      .filter((a) => OPEN_ACTIE_STATUSSEN.includes(a.status))
      .sort(vergelijkActies)
      .map((a): ActieRij => ({
        id: a.id,
        omschrijving: a.omschrijving,
        eigenaar: a.eigenaar,
        deadline: a.deadline,
        status: a.status,
        statusLabel: ACTIE_STATUS_LABELS[a.status] ?? a.status,
        verlopen: actieVerlopen(a, snapshot.peildatum),
        overlegDatum: a.overlegDatum ?? null,
      }));
    return { acties, aantalVerlopen: acties.filter((a) => a.verlopen).length };
  },
};

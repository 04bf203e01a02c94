import { VERANTWOORDING_STATUS_LABELS } from '../labels';
import type { DossierSnapshot, DossierVerantwoording } from '../snapshot';
import type { DossierSectie } from './sectie';

export type VerantwoordingInhoud =
  | { aanwezig: false; melding: string }
  | {
      aanwezig: true;
      status: DossierVerantwoording['status'];
      statusLabel: string;
      revisie: number;
      hoogtepunten: string | null;
      knelpunten: string | null;
      vooruitblik: string | null;
    };

/** The aanbieder's own account of the quarter: highlights, bottlenecks and outlook. */
export const verantwoordingSectie: DossierSectie<VerantwoordingInhoud> = {
  sleutel: 'verantwoording',
  titel: 'Toelichting van de aanbieder',
  volgorde: 20,
  bouw(snapshot: DossierSnapshot): VerantwoordingInhoud {
    const v = snapshot.verantwoording;
    if (!v) {
      return {
        aanwezig: false,
        melding:
          'Er is voor dit kwartaal geen kwartaalverantwoording ingediend. Vraag de aanbieder de verantwoording in te dienen vóór het gesprek.',
      };
    }
    return {
      aanwezig: true,
      status: v.status,
      statusLabel: VERANTWOORDING_STATUS_LABELS[v.status] ?? v.status,
      revisie: v.revisie,
      hoogtepunten: v.hoogtepunten,
      knelpunten: v.knelpunten,
      vooruitblik: v.vooruitblik,
    };
  },
};

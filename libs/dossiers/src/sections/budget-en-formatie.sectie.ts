import {
  deelDecimaal,
  naarDecimaal,
  vergelijkDecimaal,
  vermenigvuldigDecimaal,
} from '@wijkkompas/verantwoording';
import type { DossierSnapshot } from '../snapshot';
import type { DossierSectie } from './sectie';

export type BudgetEnFormatieInhoud =
  | { aanwezig: false; melding: string }
  | {
      aanwezig: true;
      budget: {
        begrootCenten: number | null;
        gerealiseerdCenten: number | null;
        /** gerealiseerd − begroot: positive is overspending. */
        verschilCenten: number | null;
        /** gerealiseerd as a percentage of begroot, one decimal. */
        realisatiePercentage: string | null;
        toelichting: string | null;
      };
      formatie: {
        formatieFte: string | null;
        vacaturesFte: string | null;
        /** vacatures as a percentage of formatie, one decimal. */
        vacaturePercentage: string | null;
        verloopPercentage: string | null;
        toelichting: string | null;
      };
    };

function percentage(deel: string | number | null, geheel: string | number | null): string | null {
  if (
    deel === null ||
    geheel === null ||
    naarDecimaal(deel) === null ||
    naarDecimaal(geheel) === null
  )
    return null;
  if (vergelijkDecimaal(geheel, 0) === 0) return null;
  return deelDecimaal(vermenigvuldigDecimaal(deel, 100), geheel, 1);
}

function decimaalOfNull(waarde: string | null | undefined): string | null {
  return waarde === null || waarde === undefined ? null : naarDecimaal(waarde);
}

export const budgetEnFormatieSectie: DossierSectie<BudgetEnFormatieInhoud> = {
  sleutel: 'budget-en-formatie',
  titel: 'Budget en formatie',
  volgorde: 60,
  bouw(snapshot: DossierSnapshot): BudgetEnFormatieInhoud {
    const v = snapshot.verantwoording;
    if (!v) {
      return {
        aanwezig: false,
        melding:
          'Er is voor dit kwartaal geen kwartaalverantwoording ingediend, dus er zijn geen cijfers over budget en formatie.',
      };
    }
    const { begrootCenten, gerealiseerdCenten } = v.budget;
    const formatieFte = decimaalOfNull(v.formatie.formatieFte);
    const vacaturesFte = decimaalOfNull(v.formatie.vacaturesFte);
    return {
      aanwezig: true,
      budget: {
        begrootCenten,
        gerealiseerdCenten,
        verschilCenten:
          begrootCenten === null || gerealiseerdCenten === null
            ? null
            : gerealiseerdCenten - begrootCenten,
        realisatiePercentage: percentage(gerealiseerdCenten, begrootCenten),
        toelichting: v.budget.toelichting,
      },
      formatie: {
        formatieFte,
        vacaturesFte,
        vacaturePercentage: percentage(vacaturesFte, formatieFte),
        verloopPercentage: decimaalOfNull(v.formatie.verloopPercentage),
        toelichting: v.formatie.toelichting ?? null,
      },
    };
  },
};

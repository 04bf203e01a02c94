import { opdrachtLooptijd } from '../beoordeling';
import { DossierContext, vergelijkTekst } from '../context';
import { OPDRACHT_STATUS_LABELS } from '../labels';
import type { DossierOpdrachtStatus, DossierSnapshot } from '../snapshot';
import type { DossierSectie } from './sectie';

export interface OpdrachtRij {
  id: string;
  titel: string;
  status: DossierOpdrachtStatus;
  statusLabel: string;
  budgetCenten: number;
  oormerk: boolean | null;
  thema: string | null;
  startdatum: string | null;
  einddatum: string;
  dagenTotEinde: number;
  looptAf: boolean;
}

export interface OpdrachtenInhoud {
  /** The "loopt af" window in days. */
  aflopendBinnenDagen: number;
  /** Ordered by end date, then title. */
  opdrachten: OpdrachtRij[];
  aantalAflopend: number;
  /**
   * Budget of the opdrachten that run on agreed money: actief only. A request (aangevraagd,
   * getoetst) was never approved and does not count.
   */
  budgetLopendCenten: number;
}

export const opdrachtenSectie: DossierSectie<OpdrachtenInhoud> = {
  sleutel: 'opdrachten',
  titel: 'Aanvullende opdrachten',
  volgorde: 50,
  bouw(snapshot: DossierSnapshot, context: DossierContext): OpdrachtenInhoud {
    const binnen = context.opties.aflopendBinnenDagen;
    const opdrachten = [...snapshot.aanvullendeOpdrachten]
      .sort(
        (a, b) =>
          (a.einddatum < b.einddatum ? -1 : a.einddatum > b.einddatum ? 1 : 0) ||
          vergelijkTekst(a.titel, b.titel) ||
          vergelijkTekst(a.id, b.id),
      )
      .map((o): OpdrachtRij => {
        const looptijd = opdrachtLooptijd(o, snapshot.peildatum, binnen);
        return {
          id: o.id,
          titel: o.titel,
          status: o.status,
          statusLabel: OPDRACHT_STATUS_LABELS[o.status] ?? o.status,
          budgetCenten: o.budgetCenten,
          oormerk: o.oormerk ?? null,
          thema: o.thema ?? null,
          startdatum: o.startdatum ?? null,
          einddatum: o.einddatum,
          dagenTotEinde: looptijd.dagenTotEinde,
          looptAf: looptijd.looptAf,
        };
      });
    return {
      aflopendBinnenDagen: binnen,
      opdrachten,
      aantalAflopend: opdrachten.filter((o) => o.looptAf).length,
      budgetLopendCenten: opdrachten
        .filter((o) => o.status === 'actief')
        .reduce((som, o) => som + o.budgetCenten, 0),
    };
  },
};

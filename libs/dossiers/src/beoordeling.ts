/**
 * Date-based judgements several sections share (the signals list and the agenda, the
 * opdrachten list and the agenda), measured from the snapshot's peildatum.
 */
import { vergelijkTekst } from './context';
import { dagenTussen } from './kalender';
import type { DossierAanvullendeOpdracht, DossierActie, DossierSignaal } from './snapshot';

/** Statuses in which an aanvullende opdracht still runs (or is about to). */
export const LOPENDE_OPDRACHT_STATUSSEN: readonly string[] = ['aangevraagd', 'getoetst', 'actief'];

/** A signal is open until it is answered. */
export const OPEN_SIGNAAL_STATUSSEN: readonly string[] = ['nieuw', 'in-analyse', 'geagendeerd'];

export const OPEN_ACTIE_STATUSSEN: readonly string[] = ['open'];

export interface OpdrachtLooptijd {
  /** Days from the peildatum to the end date (negative: already ended). */
  dagenTotEinde: number;
  /** Still running and ending within `binnenDagen` days of the peildatum (inclusive). */
  looptAf: boolean;
}

export function opdrachtLooptijd(
  opdracht: DossierAanvullendeOpdracht,
  peildatum: string,
  binnenDagen: number,
): OpdrachtLooptijd {
  const dagenTotEinde = dagenTussen(peildatum, opdracht.einddatum);
  return {
    dagenTotEinde,
    looptAf:
      LOPENDE_OPDRACHT_STATUSSEN.includes(opdracht.status) &&
      dagenTotEinde >= 0 &&
      dagenTotEinde <= binnenDagen,
  };
}

export interface SignaalTermijn {
  dagenOpen: number;
  /** Open and the peildatum lies after the last day of the agreed answer term. */
  verstreken: boolean;
}

export function signaalTermijn(signaal: DossierSignaal, peildatum: string): SignaalTermijn {
  return {
    dagenOpen: dagenTussen(signaal.ingebrachtOp, peildatum),
    verstreken:
      OPEN_SIGNAAL_STATUSSEN.includes(signaal.status) &&
      signaal.antwoordTermijn !== null &&
      dagenTussen(signaal.antwoordTermijn, peildatum) > 0,
  };
}

/** An open action whose deadline lies before the peildatum. */
export function actieVerlopen(actie: DossierActie, peildatum: string): boolean {
  return (
    OPEN_ACTIE_STATUSSEN.includes(actie.status) &&
    actie.deadline !== null &&
    dagenTussen(actie.deadline, peildatum) > 0
  );
}

/** Open actions by deadline (none last), then description. */
export function vergelijkActies(a: DossierActie, b: DossierActie): number {
  if (a.deadline !== b.deadline) {
    if (a.deadline === null) return 1;
    if (b.deadline === null) return -1;
    return a.deadline < b.deadline ? -1 : 1;
  }
  return vergelijkTekst(a.omschrijving, b.omschrijving) || vergelijkTekst(a.id, b.id);
}

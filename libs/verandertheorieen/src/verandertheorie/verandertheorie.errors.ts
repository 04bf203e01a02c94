import { DomainError } from '@wijkkompas/core';
import { GraafMelding } from '../graaf';
import { OnderdeelSoort } from './inhoud';

/**
 * A change the graph rules refuse (a kringloop, a link in a direction that makes no sense, a
 * second ambitie, …): 422 with the rule's code and its Dutch explanation as detail. For a
 * kringloop the detail names the path, and `pad` lists the element ids around it.
 */
export class VerandertheorieGeweigerdError extends DomainError {
  constructor(fout: GraafMelding) {
    super('unprocessable', fout.code, 'Wijziging van de verandertheorie geweigerd', fout.melding, {
      elementIds: fout.elementIds,
      verbandIds: fout.verbandIds,
      veronderstellingIds: fout.veronderstellingIds,
      ...(fout.pad ? { pad: fout.pad } : {}),
    });
  }
}

const ONDERDEEL_NAAM: Record<OnderdeelSoort, string> = {
  element: 'Element',
  verband: 'Verband',
  veronderstelling: 'Veronderstelling',
};

export class OnderdeelNietGevondenError extends DomainError {
  constructor(onderdeel: OnderdeelSoort, id: string) {
    super(
      'not-found',
      'niet-gevonden',
      'Niet gevonden',
      `${ONDERDEEL_NAAM[onderdeel]} ${id} staat niet in (de nieuwste versie van) deze verandertheorie.`,
    );
  }
}

export class GeenVersieInPeriodeError extends DomainError {
  constructor(periode: string, eerste: string) {
    super(
      'not-found',
      'geen-versie-in-periode',
      'Niet gevonden',
      `Deze verandertheorie gold in ${periode} nog niet; de eerste versie geldt vanaf ${eerste}.`,
    );
  }
}

/** A diagnosis for an assumption that is not on the path of any KPI off track that quarter. */
export class VeronderstellingNietInReviewError extends DomainError {
  constructor(periode: string, kpiCode: string | null) {
    super(
      'unprocessable',
      'veronderstelling-niet-in-review',
      'Veronderstelling hoort niet bij deze review',
      kpiCode
        ? `Deze veronderstelling ligt niet op een pad van KPI ${kpiCode} naar de ambitie, of KPI ${kpiCode} was in ${periode} niet uit koers in een vastgestelde kwartaalverantwoording. Een diagnose hoort bij een veronderstelling op het pad van een KPI die uit koers was.`
        : `Deze veronderstelling ligt in ${periode} niet op het pad van een KPI die uit koers was in een vastgestelde kwartaalverantwoording. Een diagnose hoort bij een veronderstelling op zo'n pad; bekijk de review van ${periode} voor de veronderstellingen die erbij horen.`,
    );
  }
}

import { Actor, heeftPermissie, isAanbieder, Permissie } from '@wijkkompas/core';
import { plusDagen } from '@wijkkompas/opdrachten';
import { SignaalStatus } from '../signaal.lifecycle';

/**
 * Who may do what with a signal (brief §2 and §3), as pure rules over plain data; which roles
 * raise (Permissie.SignaalInbrengen) and handle (Permissie.SignaalBehandelen) is the role table's.
 *
 * - Raising: the provider's drafting roles for their own organisation, and the gemeente's
 *   beleidsadviseur, ketenregisseur and contractmanager for the gemeente.
 * - The raiser (its organisation, with a raising role) shapes the inbreng — what was seen,
 *   where, what kind — only while the signal is `nieuw`: once the gemeente works on it, the
 *   question it is answering stays put.
 * - The gemeente's handlers (ketenregisseur, beleidsadviseur, contractmanager) route it
 *   (ketens, answer term), write the antwoord and the terugkoppeling, and move it through
 *   its lifecycle.
 * - A gesloten signal does not change any more.
 */

export const INBRENG_VELDEN = [
  'titel',
  'waarneming',
  'soort',
  'perceelId',
  'wijkId',
  'periode',
] as const;
export const ROUTERING_VELDEN = ['ketenIds', 'antwoordTermijn'] as const;
export const ANTWOORD_VELDEN = ['antwoord', 'terugkoppeling'] as const;
export type SignaalWijzigveld =
  | (typeof INBRENG_VELDEN)[number]
  | (typeof ROUTERING_VELDEN)[number]
  | (typeof ANTWOORD_VELDEN)[number];

export interface SignaalRechten {
  /** The actor speaks for the organisation that raised the signal. */
  inbrenger: boolean;
  /** The actor handles signals for the gemeente. */
  behandelaar: boolean;
}

export function signaalRechten(actor: Actor, organisatieId: string): SignaalRechten {
  return {
    inbrenger:
      actor.organisatieId === organisatieId && heeftPermissie(actor, Permissie.SignaalInbrengen),
    behandelaar: !isAanbieder(actor) && heeftPermissie(actor, Permissie.SignaalBehandelen),
  };
}

export interface SignaalWijzigFout {
  veld: SignaalWijzigveld;
  /** `geen-recht`: never for this actor (403); `status`: not in this status (409). */
  soort: 'geen-recht' | 'status';
  melding: string;
}

const GESLOTEN = 'Een gesloten signaal verandert niet meer; breng zo nodig een nieuw signaal in.';

/** The fields of a change this actor may not make now, each with the reason. */
export function controleerSignaalWijziging(
  status: SignaalStatus,
  rechten: SignaalRechten,
  velden: readonly SignaalWijzigveld[],
): SignaalWijzigFout[] {
  const fouten: SignaalWijzigFout[] = [];
  for (const veld of velden) {
    const inbreng = (INBRENG_VELDEN as readonly string[]).includes(veld);
    const routering = (ROUTERING_VELDEN as readonly string[]).includes(veld);
    const mag = inbreng
      ? rechten.inbrenger
      : routering
        ? rechten.inbrenger || rechten.behandelaar
        : rechten.behandelaar;
    if (!mag) {
      fouten.push({
        veld,
        soort: 'geen-recht',
        melding: inbreng
          ? `${veld}: alleen de organisatie die het signaal inbracht past de inbreng aan.`
          : `${veld}: alleen een ketenregisseur, beleidsadviseur of contractmanager van de gemeente legt dit vast.`,
      });
    } else if (status === 'gesloten') {
      fouten.push({ veld, soort: 'status', melding: `${veld}: ${GESLOTEN}` });
    } else if (status !== 'nieuw' && (inbreng || (routering && !rechten.behandelaar))) {
      fouten.push({
        veld,
        soort: 'status',
        melding: `${veld}: de inbreng ligt vast zodra de gemeente het signaal in behandeling heeft (status '${status}').`,
      });
    }
  }
  return fouten;
}

/** Default answer term: six weeks from the day it is raised, the usual term for a reply. */
export const STANDAARD_ANTWOORDTERMIJN_DAGEN = 42;

export function standaardAntwoordTermijn(vandaag: string): string {
  return plusDagen(vandaag, STANDAARD_ANTWOORDTERMIJN_DAGEN);
}

/** Statuses in which the signal still waits for its answer. */
export const OPEN_SIGNAAL_STATUSSEN: readonly SignaalStatus[] = [
  'nieuw',
  'in-analyse',
  'geagendeerd',
];

/** Past its term without an answer: the term lies before today and it is not yet beantwoord. */
export function isTermijnVerstreken(
  signaal: { status: SignaalStatus; antwoordTermijn: string | null },
  vandaag: string,
): boolean {
  return (
    signaal.antwoordTermijn !== null &&
    signaal.antwoordTermijn < vandaag &&
    OPEN_SIGNAAL_STATUSSEN.includes(signaal.status)
  );
}

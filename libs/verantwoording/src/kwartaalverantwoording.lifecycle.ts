/**
 * The lifecycle of a kwartaalverantwoording (brief §3): `concept → ingediend → vastgesteld`,
 * and `ingediend → teruggezet → concept` when the contractmanager returns it with questions.
 * A refused step says why in a way the HTTP layer can map: `ongeldige-overgang` (409, with
 * the states allowed from here) or `geen-rol` (403).
 */

import { Permissie, Rol, rolHeeft, rollenMet } from '@wijkkompas/core';

export const KWARTAALVERANTWOORDING_STATUSSEN = [
  'concept',
  'ingediend',
  'vastgesteld',
  'teruggezet',
] as const;
export type KwartaalverantwoordingStatus = (typeof KWARTAALVERANTWOORDING_STATUSSEN)[number];

interface Overgang {
  naar: KwartaalverantwoordingStatus;
  /** The permission the step needs; which roles hold it is the role table's (ROLTABEL). */
  permissie: Permissie;
  /** What the step is called in a message: "indienen", "vaststellen", ... */
  handeling: string;
}

/**
 * Only the directeur submits and only the contractmanager adopts or returns (brief §2).
 * Reopening a returned account is drafting work, so everyone who drafts may do it.
 */
const OVERGANGEN: Readonly<Record<KwartaalverantwoordingStatus, readonly Overgang[]>> = {
  concept: [
    { naar: 'ingediend', permissie: Permissie.VerantwoordingIndienen, handeling: 'indienen' },
  ],
  ingediend: [
    {
      naar: 'vastgesteld',
      permissie: Permissie.VerantwoordingBeoordelen,
      handeling: 'vaststellen',
    },
    {
      naar: 'teruggezet',
      permissie: Permissie.VerantwoordingBeoordelen,
      handeling: 'terugzetten',
    },
  ],
  teruggezet: [
    {
      naar: 'concept',
      permissie: Permissie.VerantwoordingOpstellen,
      handeling: 'opnieuw in bewerking nemen',
    },
  ],
  vastgesteld: [],
};

const ROL_NAAM: Readonly<Record<string, string>> = {
  directeur: 'de directeur van de aanbieder',
  teamleider: 'een teamleider',
  kwaliteitsmedewerker: 'een kwaliteitsmedewerker',
  contractmanager: 'de contractmanager van de gemeente',
};

export type OvergangUitkomst =
  | { ok: true }
  | {
      ok: false;
      soort: 'ongeldige-overgang';
      van: KwartaalverantwoordingStatus;
      naar: string;
      toegestaan: KwartaalverantwoordingStatus[];
      melding: string;
    }
  | { ok: false; soort: 'geen-rol'; vereisteRollen: string[]; melding: string };

export function isKwartaalverantwoordingStatus(
  waarde: string,
): waarde is KwartaalverantwoordingStatus {
  return (KWARTAALVERANTWOORDING_STATUSSEN as readonly string[]).includes(waarde);
}

/** The states reachable from `van` for anyone. */
export function volgendeStatussen(
  van: KwartaalverantwoordingStatus,
): KwartaalverantwoordingStatus[] {
  return OVERGANGEN[van].map((overgang) => overgang.naar);
}

/** The states this actor may move the account to: the buttons a screen shows. */
export function volgendeStatussenVoor(
  van: KwartaalverantwoordingStatus,
  rollen: readonly string[],
): KwartaalverantwoordingStatus[] {
  return OVERGANGEN[van]
    .filter((overgang) => rolHeeft(rollen as Rol[], overgang.permissie))
    .map((overgang) => overgang.naar);
}

/** Only a concept is edited in place; what is ingediend or vastgesteld gets a new revision. */
export function isBewerkbaar(status: KwartaalverantwoordingStatus): boolean {
  return status === 'concept';
}

/**
 * Checks a step for an actor. The state is checked before the role: a step that does not
 * exist from here is a conflict for everyone, whatever their role.
 */
export function controleerOvergang(
  van: KwartaalverantwoordingStatus,
  naar: string,
  rollen: readonly string[],
): OvergangUitkomst {
  const overgang = OVERGANGEN[van].find((o) => o.naar === naar);
  if (!overgang) {
    const toegestaan = volgendeStatussen(van);
    return {
      ok: false,
      soort: 'ongeldige-overgang',
      van,
      naar,
      toegestaan,
      melding: toegestaan.length
        ? `Een kwartaalverantwoording met status '${van}' kan niet naar '${naar}'. Vanuit '${van}' kan alleen: ${toegestaan.map((s) => `'${s}'`).join(' of ')}.`
        : `Een kwartaalverantwoording met status '${van}' is definitief en kan niet meer van status veranderen. Een correctie wordt een nieuwe revisie.`,
    };
  }
  if (!rolHeeft(rollen as Rol[], overgang.permissie)) {
    const vereist = rollenMet(overgang.permissie);
    const wie = vereist.map((rol) => ROL_NAAM[rol] ?? rol);
    return {
      ok: false,
      soort: 'geen-rol',
      vereisteRollen: vereist,
      melding: `Alleen ${wie.length > 1 ? `${wie.slice(0, -1).join(', ')} of ${wie[wie.length - 1]}` : wie[0]} mag een kwartaalverantwoording ${overgang.handeling}.`,
    };
  }
  return { ok: true };
}

import { InvalidParam, OrganisatieSoort, Permissie, Rol, rolHeeft } from '@wijkkompas/core';

/** The meetings of the brief (§3 Overleg). */
export enum OverlegSoort {
  /** Per aanbieder, about one quarter. */
  Verantwoordingsgesprek = 'verantwoordingsgesprek',
  /** Per keten. */
  Ketenoverleg = 'ketenoverleg',
  /** Across the ketens: themes outside the hoofdopdracht. */
  Ontwikkeloverleg = 'ontwikkeloverleg',
  /** Board level. */
  Stuurgroep = 'stuurgroep',
}

export enum OverlegStatus {
  Gepland = 'gepland',
  AgendaGepubliceerd = 'agenda-gepubliceerd',
  Gehouden = 'gehouden',
  VerslagVastgesteld = 'verslag-vastgesteld',
  Geannuleerd = 'geannuleerd',
}

/** The statuses in which a meeting is still to come (the dossier job and the calendar use them). */
export const KOMENDE_STATUSSEN: readonly OverlegStatus[] = [
  OverlegStatus.Gepland,
  OverlegStatus.AgendaGepubliceerd,
];

/** A quarter as the brief writes it: 2026-Q3. */
export const KWARTAAL_PATROON = /^(20\d{2})-Q([1-4])$/;

/**
 * Who plans and edits which meeting. The verantwoordingsgesprek and the stuurgroep are the
 * contract relationship, so the contractmanager's; the ketenregisseurs run the keten- and
 * ontwikkeloverleg, together with the contractmanager.
 */
export const BEHEERPERMISSIE: Readonly<Record<OverlegSoort, Permissie>> = {
  [OverlegSoort.Verantwoordingsgesprek]: Permissie.ContractoverlegPlannen,
  [OverlegSoort.Stuurgroep]: Permissie.ContractoverlegPlannen,
  [OverlegSoort.Ketenoverleg]: Permissie.KetenoverlegPlannen,
  [OverlegSoort.Ontwikkeloverleg]: Permissie.KetenoverlegPlannen,
};

export function magBeheren(rollen: readonly Rol[], soort: OverlegSoort): boolean {
  return rolHeeft(rollen, BEHEERPERMISSIE[soort]);
}

/**
 * gepland → agenda gepubliceerd → gehouden → verslag vastgesteld. A meeting may be held
 * without a published agenda, and cancelled until it is held; a cancelled one can be planned
 * again (the meeting moves instead of disappearing); a held one stays held — its decisions
 * and actions hang on it. 'agenda-gepubliceerd' is reached by publishing an agenda version,
 * not by a status change of its own.
 */
export const STATUS_OVERGANGEN: Readonly<Record<OverlegStatus, readonly OverlegStatus[]>> = {
  [OverlegStatus.Gepland]: [
    OverlegStatus.AgendaGepubliceerd,
    OverlegStatus.Gehouden,
    OverlegStatus.Geannuleerd,
  ],
  [OverlegStatus.AgendaGepubliceerd]: [OverlegStatus.Gehouden, OverlegStatus.Geannuleerd],
  [OverlegStatus.Gehouden]: [OverlegStatus.VerslagVastgesteld],
  [OverlegStatus.VerslagVastgesteld]: [],
  [OverlegStatus.Geannuleerd]: [OverlegStatus.Gepland],
};

export function magStatusWorden(van: OverlegStatus, naar: OverlegStatus): boolean {
  return van === naar || STATUS_OVERGANGEN[van].includes(naar);
}

export interface OverlegKern {
  soort: OverlegSoort;
  aanbiederId?: string | null;
  ketenId?: string | null;
  periode?: string | null;
}

/**
 * The rules that depend on the kind of meeting (422 when broken): a verantwoordingsgesprek
 * is with one aanbieder about one quarter; a ketenoverleg belongs to one keten and only a
 * ketenoverleg does.
 */
export function controleerOverleg(overleg: OverlegKern): InvalidParam[] {
  const fouten: InvalidParam[] = [];
  if (overleg.periode !== undefined && overleg.periode !== null) {
    const match = KWARTAAL_PATROON.exec(overleg.periode);
    if (!match)
      fouten.push({
        name: 'periode',
        reason: 'periode is geen kwartaal (2000–2099); schrijf het als 2026-Q3',
      });
  }
  if (overleg.soort === OverlegSoort.Verantwoordingsgesprek) {
    if (!overleg.aanbiederId)
      fouten.push({
        name: 'aanbiederId',
        reason: 'een verantwoordingsgesprek is altijd met één aanbieder: aanbiederId is verplicht',
      });
    if (!overleg.periode)
      fouten.push({
        name: 'periode',
        reason:
          'een verantwoordingsgesprek gaat over één kwartaal: periode (bijvoorbeeld 2026-Q3) is verplicht',
      });
  }
  if (overleg.soort === OverlegSoort.Ketenoverleg && !overleg.ketenId)
    fouten.push({
      name: 'ketenId',
      reason: 'een ketenoverleg hoort bij één keten: ketenId is verplicht',
    });
  if (overleg.soort !== OverlegSoort.Ketenoverleg && overleg.ketenId)
    fouten.push({
      name: 'ketenId',
      reason: `alleen een ketenoverleg hoort bij een keten, een ${overleg.soort} niet`,
    });
  return fouten;
}

/** '2026-Q3' → '3e kwartaal 2026', as people say it. */
export function kwartaalLabel(periode: string): string {
  const match = KWARTAAL_PATROON.exec(periode);
  if (!match) throw new RangeError(`Geen kwartaal: ${periode}`);
  return `${match[2]}e kwartaal ${match[1]}`;
}

/** The quarter before: the last completed one, seen from any day of `periode`. */
export function vorigKwartaal(periode: string): string {
  const match = KWARTAAL_PATROON.exec(periode);
  if (!match) throw new RangeError(`Geen kwartaal: ${periode}`);
  const index = Number(match[1]) * 4 + Number(match[2]) - 2;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** Who a deelnemer with an account is, as far as the rules need it. */
export interface DeelnemerGebruiker {
  id: string;
  organisatieId: string;
  organisatieSoort: OrganisatieSoort;
  /** For a gemeente's own organisation: that gemeente. */
  organisatieGemeenteId: string | null;
  /** The roles this user has in the meeting's gemeente. */
  rollenInGemeente: readonly string[];
}

/**
 * A deelnemer with an account works for the gemeente, or for the aanbieder the meeting is
 * about. A meeting about no particular aanbieder (keten-, ontwikkeloverleg) may have people
 * of any aanbieder that works for the gemeente — anyone with a role in it.
 */
export function deelnemerToegestaan(
  gebruiker: DeelnemerGebruiker,
  gemeenteId: string,
  aanbiederId: string | null,
): boolean {
  if (gebruiker.rollenInGemeente.length === 0) return false;
  if (gebruiker.organisatieSoort === OrganisatieSoort.Gemeente)
    return gebruiker.organisatieGemeenteId === gemeenteId;
  return aanbiederId === null || gebruiker.organisatieId === aanbiederId;
}

/** Positions (0-based) of deelnemers that name a user already named earlier in the list. */
export function dubbeleDeelnemers(
  deelnemers: readonly { gebruikerId?: string | null }[],
): number[] {
  const gezien = new Set<string>();
  const dubbel: number[] = [];
  deelnemers.forEach((d, i) => {
    if (!d.gebruikerId) return;
    if (gezien.has(d.gebruikerId)) dubbel.push(i);
    gezien.add(d.gebruikerId);
  });
  return dubbel;
}

export interface Deelnemer {
  gebruikerId: string | null;
  /** An organisation taking part as a whole (every one of its users takes part). */
  organisatieId?: string | null;
  naam: string;
  organisatie: string | null;
  rol: string | null;
}

/** 'Carla de Contractmanager (Gemeente Voorbeeldstad)' — how a dossier lists deelnemers. */
export function deelnemerLabel(deelnemer: Deelnemer): string {
  return deelnemer.organisatie ? `${deelnemer.naam} (${deelnemer.organisatie})` : deelnemer.naam;
}

/**
 * Who prepares the agenda and records decisions and actions (issue 15): the ketenregisseur
 * of the keten for a ketenoverleg, any ketenregisseur for the ontwikkeloverleg, the
 * contractmanager for the verantwoordingsgesprek and the stuurgroep.
 */
export function magAgendaBeheren(
  rollen: readonly Rol[],
  overleg: { soort: OverlegSoort; ketenId: string | null },
  eigenKetenIds: readonly string[],
): boolean {
  switch (overleg.soort) {
    case OverlegSoort.Ketenoverleg:
      return (
        rollen.includes(Rol.Ketenregisseur) &&
        overleg.ketenId !== null &&
        eigenKetenIds.includes(overleg.ketenId)
      );
    case OverlegSoort.Ontwikkeloverleg:
      return rollen.includes(Rol.Ketenregisseur);
    default:
      return rollen.includes(Rol.Contractmanager);
  }
}

export function agendaBeheerders(soort: OverlegSoort): string {
  switch (soort) {
    case OverlegSoort.Ketenoverleg:
      return 'de ketenregisseur van deze keten';
    case OverlegSoort.Ontwikkeloverleg:
      return 'een ketenregisseur';
    default:
      return 'de contractmanager';
  }
}

import { InvalidParam } from '@wijkkompas/core';

/** What kind of change a version is. Only the first version is `oorspronkelijk`. */
export enum Wijzigingssoort {
  Oorspronkelijk = 'oorspronkelijk',
  Verlenging = 'verlenging',
  Budgetwijziging = 'budgetwijziging',
  Indexering = 'indexering',
  Scopewijziging = 'scopewijziging',
  Beeindiging = 'beeindiging',
}

export const WIJZIGINGSSOORT_LABEL: Record<Wijzigingssoort, string> = {
  [Wijzigingssoort.Oorspronkelijk]: 'oorspronkelijke opdracht',
  [Wijzigingssoort.Verlenging]: 'verlenging',
  [Wijzigingssoort.Budgetwijziging]: 'budgetwijziging',
  [Wijzigingssoort.Indexering]: 'indexering',
  [Wijzigingssoort.Scopewijziging]: 'scopewijziging',
  [Wijzigingssoort.Beeindiging]: 'beëindiging',
};

/** The fields a wijziging may carry, by the soort that may carry them. */
export type WijzigingVeld =
  | 'einddatum'
  | 'jaarbudgetten'
  | 'indexaties'
  | 'visie'
  | 'missie'
  | 'financieringsvorm'
  | 'herijkingsmomenten'
  | 'perceelIds';

const TOEGESTAAN: Record<Exclude<Wijzigingssoort, 'oorspronkelijk'>, readonly WijzigingVeld[]> = {
  [Wijzigingssoort.Verlenging]: ['einddatum', 'jaarbudgetten'],
  [Wijzigingssoort.Budgetwijziging]: ['jaarbudgetten'],
  [Wijzigingssoort.Indexering]: ['indexaties'],
  [Wijzigingssoort.Scopewijziging]: [
    'visie',
    'missie',
    'financieringsvorm',
    'herijkingsmomenten',
    'perceelIds',
  ],
  [Wijzigingssoort.Beeindiging]: ['einddatum'],
};

const VERPLICHT: Record<Exclude<Wijzigingssoort, 'oorspronkelijk'>, readonly WijzigingVeld[]> = {
  [Wijzigingssoort.Verlenging]: ['einddatum'],
  [Wijzigingssoort.Budgetwijziging]: ['jaarbudgetten'],
  [Wijzigingssoort.Indexering]: ['indexaties'],
  [Wijzigingssoort.Scopewijziging]: [],
  [Wijzigingssoort.Beeindiging]: ['einddatum'],
};

/** Which soort does carry a field, for the message when another soort sends it. */
function soortenVoor(veld: WijzigingVeld): string {
  return Object.entries(TOEGESTAAN)
    .filter(([, velden]) => velden.includes(veld))
    .map(([soort]) => WIJZIGINGSSOORT_LABEL[soort as Wijzigingssoort])
    .join(' of ');
}

export interface Jaarbudget {
  jaar: number;
  budgetCenten: number;
  indexatieBasispunten: number;
}

export interface WijzigingInvoer {
  soort: Wijzigingssoort;
  ingangsdatum: string;
  einddatum?: string;
  jaarbudgetten?: Jaarbudget[];
  indexaties?: { jaar: number; indexatieBasispunten: number }[];
  visie?: string;
  missie?: string;
  financieringsvorm?: string;
  herijkingsmomenten?: { datum: string; omschrijving: string }[];
  perceelIds?: string[];
}

export interface Contractstand {
  startdatum: string;
  einddatum: string;
  jaarbudgetten: Jaarbudget[];
  herijkingsmomenten: { datum: string; omschrijving: string }[];
}

/**
 * Checks that a wijziging carries what its soort needs and nothing another soort is for, and
 * returns the end date and year budgets of the new version. Pure: the service loads and saves.
 */
export function pasWijzigingToe(
  stand: Contractstand,
  invoer: WijzigingInvoer,
): { problemen: InvalidParam[]; einddatum: string; jaarbudgetten: Jaarbudget[] } {
  const problemen: InvalidParam[] = [];
  const soort = invoer.soort as Exclude<Wijzigingssoort, 'oorspronkelijk'>;
  const label = WIJZIGINGSSOORT_LABEL[invoer.soort];
  const aanwezig = (veld: WijzigingVeld) => invoer[veld] !== undefined;
  const velden: WijzigingVeld[] = [
    'einddatum',
    'jaarbudgetten',
    'indexaties',
    'visie',
    'missie',
    'financieringsvorm',
    'herijkingsmomenten',
    'perceelIds',
  ];
  for (const veld of velden) {
    if (aanwezig(veld) && !TOEGESTAAN[soort].includes(veld))
      problemen.push({
        name: veld,
        reason: `${veld} hoort niet bij een ${label}; dat gaat met een ${soortenVoor(veld)}`,
      });
  }
  for (const veld of VERPLICHT[soort])
    if (!aanwezig(veld)) problemen.push({ name: veld, reason: `een ${label} heeft ${veld} nodig` });
  if (soort === Wijzigingssoort.Scopewijziging && !velden.some((v) => aanwezig(v)))
    problemen.push({
      name: 'soort',
      reason:
        'een scopewijziging wijzigt visie, missie, financieringsvorm, herijkingsmomenten of perceelIds',
    });

  let einddatum = stand.einddatum;
  const budgetten = new Map(stand.jaarbudgetten.map((b) => [b.jaar, { ...b }]));
  if (invoer.einddatum !== undefined && TOEGESTAAN[soort].includes('einddatum')) {
    if (soort === Wijzigingssoort.Verlenging && invoer.einddatum <= stand.einddatum)
      problemen.push({
        name: 'einddatum',
        reason: `een verlenging eindigt na de huidige einddatum (${stand.einddatum})`,
      });
    if (soort === Wijzigingssoort.Beeindiging) {
      if (invoer.einddatum >= stand.einddatum)
        problemen.push({
          name: 'einddatum',
          reason: `een beëindiging eindigt vóór de huidige einddatum (${stand.einddatum})`,
        });
      if (invoer.einddatum < invoer.ingangsdatum || invoer.einddatum < stand.startdatum)
        problemen.push({
          name: 'einddatum',
          reason: 'de nieuwe einddatum ligt niet vóór de ingangsdatum van de beëindiging',
        });
    }
    einddatum = invoer.einddatum;
  }
  const jaren = (invoer.jaarbudgetten ?? []).map((b) => b.jaar);
  const dubbel = jaren.find((j, i) => jaren.indexOf(j) !== i);
  if (dubbel !== undefined)
    problemen.push({ name: 'jaarbudgetten', reason: `jaar ${dubbel} staat er meer dan eens in` });
  if (TOEGESTAAN[soort].includes('jaarbudgetten'))
    for (const b of invoer.jaarbudgetten ?? []) budgetten.set(b.jaar, { ...b });
  if (TOEGESTAAN[soort].includes('indexaties'))
    (invoer.indexaties ?? []).forEach((ix, i) => {
      const bestaand = budgetten.get(ix.jaar);
      if (!bestaand)
        problemen.push({
          name: `indexaties.${i}.jaar`,
          reason: `voor ${ix.jaar} is geen jaarbudget om te indexeren`,
        });
      else bestaand.indexatieBasispunten = ix.indexatieBasispunten;
    });
  const eindjaar = Number(einddatum.slice(0, 4));
  // A beëindiging drops the years after the new end: that money is no longer agreed.
  if (soort === Wijzigingssoort.Beeindiging)
    for (const jaar of [...budgetten.keys()]) if (jaar > eindjaar) budgetten.delete(jaar);
  return {
    problemen,
    einddatum,
    jaarbudgetten: [...budgetten.values()].sort((a, b) => a.jaar - b.jaar),
  };
}

/** The date `maanden` calendar months after `datum` (31 jan + 1 = 28/29 feb). */
export function plusMaanden(datum: string, maanden: number): string {
  const [j, m, d] = datum.split('-').map(Number);
  const totaal = j * 12 + (m - 1) + maanden;
  const jaar = Math.floor(totaal / 12);
  const maand = (totaal % 12) + 1;
  const laatste = new Date(Date.UTC(jaar, maand, 0)).getUTCDate();
  return `${jaar}-${String(maand).padStart(2, '0')}-${String(Math.min(d, laatste)).padStart(2, '0')}`;
}

/** The thresholds in months before its end at which a hoofdopdracht is signalled. */
export const HOOFDOPDRACHT_SIGNALERING_MAANDEN = [12, 6, 3] as const;

/**
 * The smallest threshold (in months) that an end date has come within: with 5 months left
 * that is 6 (sent once, even if the day 6 months before was missed); null before 12 months
 * or after the end.
 */
export function maandDrempel(
  vandaag: string,
  einddatum: string,
  drempels: readonly number[] = HOOFDOPDRACHT_SIGNALERING_MAANDEN,
): number | null {
  if (einddatum < vandaag) return null;
  const bereikt = drempels.filter((m) => einddatum <= plusMaanden(vandaag, m));
  return bereikt.length ? Math.min(...bereikt) : null;
}

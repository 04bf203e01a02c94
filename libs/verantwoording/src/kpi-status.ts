import {
  Decimaal,
  DecimaalInvoer,
  formatDecimaalNl,
  isDecimaal,
  isNegatief,
  naarDecimaal,
  trekDecimaalAf,
  vergelijkDecimaal,
} from './decimaal';

/** The KPI vocabulary of the brief (§3, KPI). Values are what the API and database store. */
export const KPI_TYPES = ['input', 'throughput', 'output', 'outcome'] as const;
export type KpiType = (typeof KPI_TYPES)[number];

export const KPI_EENHEDEN = ['aantal', 'percentage', 'euro', 'dagen', 'score'] as const;
export type KpiEenheid = (typeof KPI_EENHEDEN)[number];

export const KPI_RICHTINGEN = ['hoger-is-beter', 'lager-is-beter'] as const;
export type KpiRichting = (typeof KPI_RICHTINGEN)[number];

export const KPI_FREQUENTIES = ['kwartaal', 'jaar'] as const;
export type KpiFrequentie = (typeof KPI_FREQUENTIES)[number];

/** How perceel values add up to one figure per aanbieder. */
export const KPI_AGGREGATIES = ['som', 'gemiddelde', 'gewogen-gemiddelde'] as const;
export type KpiAggregatie = (typeof KPI_AGGREGATIES)[number];

export const KPI_STATUSSEN = ['op-koers', 'let-op', 'uit-koers', 'geen-norm'] as const;
export type KpiStatus = (typeof KPI_STATUSSEN)[number];

/**
 * A target with its two tolerances, all in the KPI's own unit (percentage points for a
 * percentage, days for dagen, euros for euro). Absolute, not relative to the target, so a
 * contractmanager can read "let op bij meer dan 5 procentpunt onder de 80%" directly.
 *
 * The tekort (shortfall) of a value is how far it is on the wrong side of the target:
 * `streefwaarde − waarde` when higher is better, `waarde − streefwaarde` when lower is
 * better. A negative tekort means better than the target. Then:
 *
 * - tekort ≤ tolerantieLetOp                       → op-koers
 * - tolerantieLetOp < tekort ≤ tolerantieUitKoers   → let-op
 * - tekort > tolerantieUitKoers                    → uit-koers
 *
 * Boundaries are inclusive on the kinder side: exactly at a tolerance is still the better
 * status. Both tolerances 0 means any shortfall is uit-koers; equal tolerances skip let-op.
 */
export interface KpiNorm {
  streefwaarde: DecimaalInvoer;
  tolerantieLetOp: DecimaalInvoer;
  tolerantieUitKoers: DecimaalInvoer;
}

export interface KpiStatusInput {
  /** The realised value; null or undefined when nothing was reported. */
  waarde: DecimaalInvoer | null | undefined;
  norm: KpiNorm | null | undefined;
  richting: KpiRichting;
  /** Only for the wording of the toelichting. */
  eenheid?: KpiEenheid;
}

export type KpiStatusUitkomst =
  | {
      status: 'op-koers' | 'let-op' | 'uit-koers';
      /** Shortfall in the KPI's unit; negative is better than the target. */
      tekort: Decimaal;
      toelichting: string;
    }
  | {
      status: 'geen-norm';
      reden: 'geen-streefwaarde' | 'geen-waarde' | 'ongeldige-norm';
      toelichting: string;
    };

/**
 * Reasons a norm cannot be used, in Dutch, for the service to refuse it when it is entered
 * (a 422 with these as invalid params). Empty when the norm is fine.
 */
export function valideerNorm(norm: KpiNorm): string[] {
  const fouten: string[] = [];
  const velden: [keyof KpiNorm, string][] = [
    ['streefwaarde', 'De streefwaarde'],
    ['tolerantieLetOp', 'De tolerantie voor ‘let op’'],
    ['tolerantieUitKoers', 'De tolerantie voor ‘uit koers’'],
  ];
  for (const [veld, naam] of velden) {
    if (!isDecimaal(norm[veld]))
      fouten.push(`${naam} is geen getal. Vul een getal in, bijvoorbeeld 80 of 2,5.`);
  }
  if (fouten.length) return fouten;
  if (isNegatief(norm.tolerantieLetOp) || isNegatief(norm.tolerantieUitKoers)) {
    fouten.push(
      'Een tolerantie kan niet negatief zijn. Geef aan hoeveel een waarde mag afwijken van de streefwaarde, bijvoorbeeld 5.',
    );
  } else if (vergelijkDecimaal(norm.tolerantieUitKoers, norm.tolerantieLetOp) < 0) {
    fouten.push(
      'De tolerantie voor ‘uit koers’ is kleiner dan die voor ‘let op’. Een KPI wordt eerst ‘let op’ en pas daarna ‘uit koers’: maak de tolerantie voor ‘uit koers’ minstens even groot.',
    );
  }
  return fouten;
}

export function formatMetEenheid(waarde: DecimaalInvoer, eenheid?: KpiEenheid): string {
  const tekst = formatDecimaalNl(waarde);
  switch (eenheid) {
    case 'percentage':
      return `${tekst}%`;
    case 'euro':
      return `€ ${tekst}`;
    case 'dagen':
      return `${tekst} ${tekst === '1' ? 'dag' : 'dagen'}`;
    default:
      return tekst;
  }
}

function formatVerschil(verschil: Decimaal, eenheid?: KpiEenheid): string {
  return eenheid === 'percentage'
    ? `${formatDecimaalNl(verschil)} procentpunt`
    : formatMetEenheid(verschil, eenheid);
}

/** The status of a realised value against its norm (see KpiNorm for the exact rule). */
export function berekenKpiStatus(input: KpiStatusInput): KpiStatusUitkomst {
  const { norm, richting, eenheid } = input;
  if (!norm) {
    return {
      status: 'geen-norm',
      reden: 'geen-streefwaarde',
      toelichting:
        'Er is voor deze periode geen streefwaarde vastgelegd, dus er is niet te zeggen of deze KPI op koers is. Leg een streefwaarde met toleranties vast in de KPI-set.',
    };
  }
  const normFouten = valideerNorm(norm);
  if (normFouten.length) {
    return { status: 'geen-norm', reden: 'ongeldige-norm', toelichting: normFouten.join(' ') };
  }
  if (input.waarde === null || input.waarde === undefined || !isDecimaal(input.waarde)) {
    return {
      status: 'geen-norm',
      reden: 'geen-waarde',
      toelichting:
        'Er is voor deze periode geen (geldige) realisatie ingevuld. Vul de gerealiseerde waarde in.',
    };
  }

  const waarde = naarDecimaal(input.waarde) as Decimaal;
  const streef = naarDecimaal(norm.streefwaarde) as Decimaal;
  const tekort =
    richting === 'hoger-is-beter' ? trekDecimaalAf(streef, waarde) : trekDecimaalAf(waarde, streef);
  const status: 'op-koers' | 'let-op' | 'uit-koers' =
    vergelijkDecimaal(tekort, norm.tolerantieLetOp) <= 0
      ? 'op-koers'
      : vergelijkDecimaal(tekort, norm.tolerantieUitKoers) <= 0
        ? 'let-op'
        : 'uit-koers';

  const realisatie = `De realisatie ${formatMetEenheid(waarde, eenheid)}`;
  const streefTekst = `de streefwaarde ${formatMetEenheid(streef, eenheid)}`;
  const kant = richting === 'hoger-is-beter' ? 'onder' : 'boven';
  const betereKant = richting === 'hoger-is-beter' ? 'boven' : 'onder';
  const vergelijking = vergelijkDecimaal(tekort, 0);
  const positie =
    vergelijking === 0
      ? `${realisatie} is gelijk aan ${streefTekst}`
      : vergelijking > 0
        ? `${realisatie} ligt ${formatVerschil(tekort, eenheid)} ${kant} ${streefTekst}`
        : `${realisatie} ligt ${formatVerschil(trekDecimaalAf(0, tekort), eenheid)} ${betereKant} ${streefTekst}`;
  const oordeel =
    status === 'op-koers'
      ? vergelijking > 0
        ? `, binnen de tolerantie van ${formatVerschil(naarDecimaal(norm.tolerantieLetOp) as Decimaal, eenheid)}: op koers.`
        : ': op koers.'
      : status === 'let-op'
        ? `, meer dan de tolerantie van ${formatVerschil(naarDecimaal(norm.tolerantieLetOp) as Decimaal, eenheid)}: let op.`
        : `, meer dan de tolerantie van ${formatVerschil(naarDecimaal(norm.tolerantieUitKoers) as Decimaal, eenheid)}: uit koers. Bespreek de oorzaak in het verantwoordingsgesprek.`;
  return { status, tekort, toelichting: `${positie}${oordeel}` };
}

/** A year ("2026") or a calendar quarter ("2026-Q3"), as the brief writes periods. */
export type Periode = string;

const PERIODE = /^(\d{4})(?:-Q([1-4]))?$/;

export function isPeriode(periode: string): boolean {
  return PERIODE.test(periode);
}

/**
 * The norm that applies to a period: a quarter target wins over the year target of the
 * same year (a KPI with a year norm and a stricter Q4 norm uses the Q4 one in Q4). A year
 * period only uses a year norm: quarter targets do not add up to a year target.
 */
export function normVoorPeriode<T extends { periode: Periode }>(
  normen: readonly T[],
  periode: Periode,
): T | null {
  const match = PERIODE.exec(periode);
  if (!match) return null;
  return (
    normen.find((norm) => norm.periode === periode) ??
    (match[2] ? (normen.find((norm) => norm.periode === match[1]) ?? null) : null)
  );
}

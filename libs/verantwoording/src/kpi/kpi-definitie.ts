import { InvalidParam } from '@wijkkompas/core';
import { isDecimaal, isNegatief, naarDecimaal } from '../decimaal';
import { KpiNorm, valideerNorm } from '../kpi-status';
import { KpiVersie } from './kpi.entity';

/**
 * What a KPI measures. Changing any of these starts a new KpiVersie, so figures reported
 * earlier keep the meaning they had; the links (doelen, ketens) and `actief` are not part of
 * the definition and are edited in place.
 */
export const KPI_DEFINITIE_VELDEN = [
  'naam',
  'definitie',
  'teller',
  'noemer',
  'type',
  'eenheid',
  'richting',
  'bron',
  'bronOmschrijving',
  'frequentie',
  'aggregatie',
  'perPerceel',
] as const;
export type KpiDefinitieVeld = (typeof KPI_DEFINITIE_VELDEN)[number];
export type KpiDefinitie = Pick<KpiVersie, KpiDefinitieVeld>;

function normaal(waarde: unknown): unknown {
  // An empty text and no text mean the same: nothing was said.
  if (typeof waarde === 'string') return waarde.trim() === '' ? null : waarde.trim();
  return waarde ?? null;
}

/** The definition fields a change really alters (given and different from now), in field order. */
export function gewijzigdeDefinitievelden(
  huidig: KpiDefinitie,
  wijziging: Partial<Record<KpiDefinitieVeld, unknown>>,
): KpiDefinitieVeld[] {
  return KPI_DEFINITIE_VELDEN.filter(
    (veld) => wijziging[veld] !== undefined && normaal(wijziging[veld]) !== normaal(huidig[veld]),
  );
}

/** The definition after a change: given fields replace, the rest carries over; texts trimmed. */
export function nieuweDefinitie(
  huidig: KpiDefinitie,
  wijziging: Partial<Record<KpiDefinitieVeld, unknown>>,
): KpiDefinitie {
  // Only the definition fields: never the id or number of the version it came from.
  const uitkomst = {} as Record<KpiDefinitieVeld, unknown>;
  for (const veld of KPI_DEFINITIE_VELDEN)
    uitkomst[veld] = wijziging[veld] !== undefined ? normaal(wijziging[veld]) : huidig[veld];
  return uitkomst as KpiDefinitie;
}

/** numeric(18,4): at most 14 digits before and 4 after the decimal point. */
const MAX_DECIMALEN = 4;
const MAX_CIJFERS_VOOR_KOMMA = 14;

const NORM_VELDEN: [keyof KpiNorm, string][] = [
  ['streefwaarde', 'De streefwaarde'],
  ['tolerantieLetOp', 'De tolerantie voor ‘let op’'],
  ['tolerantieUitKoers', 'De tolerantie voor ‘uit koers’'],
];

/**
 * Why a norm cannot be stored, per field, in Dutch: the rules of valideerNorm (numbers,
 * tolerances not negative, ‘uit koers’ at least ‘let op’) plus what the database column holds.
 */
export function normFouten(norm: Partial<Record<keyof KpiNorm, unknown>>): InvalidParam[] {
  const fouten: InvalidParam[] = [];
  for (const [veld, naam] of NORM_VELDEN) {
    const waarde = norm[veld];
    if (waarde === undefined || waarde === null || waarde === '') {
      fouten.push({ name: veld, reason: `${naam} ontbreekt. Vul een getal in, bijvoorbeeld 80.` });
    } else if (!isDecimaal(waarde)) {
      fouten.push({
        name: veld,
        reason: `${naam} is geen getal. Vul een getal in met een punt als decimaalteken, bijvoorbeeld 80 of 2.5.`,
      });
    } else {
      const tekst = naarDecimaal(waarde)!.replace('-', '');
      const [heel, fractie = ''] = tekst.split('.');
      if (fractie.length > MAX_DECIMALEN)
        fouten.push({
          name: veld,
          reason: `${naam} heeft meer dan ${MAX_DECIMALEN} cijfers achter de komma. Rond af op ${MAX_DECIMALEN} decimalen.`,
        });
      else if (heel.length > MAX_CIJFERS_VOOR_KOMMA)
        fouten.push({ name: veld, reason: `${naam} is te groot.` });
    }
  }
  if (fouten.length) return fouten;
  const regels = valideerNorm(norm as unknown as KpiNorm);
  return regels.map((reason) => ({
    name:
      isNegatief(norm.tolerantieLetOp as string) && !isNegatief(norm.tolerantieUitKoers as string)
        ? 'tolerantieLetOp'
        : 'tolerantieUitKoers',
    reason,
  }));
}

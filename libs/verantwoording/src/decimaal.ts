/**
 * Exact decimals for KPI values, targets and tolerances. A value travels as a canonical
 * decimal string ("80", "-0.5", "1234.5": no exponent, no grouping, no trailing zeros), which
 * maps one-to-one onto a PostgreSQL `numeric` and never loses digits. Arithmetic runs on a
 * scaled BigInt, so boundary comparisons such as 79.9 against 80 − 0.1 are exact.
 */

/** Canonical decimal text, e.g. "80", "-0.5", "1234.5". */
export type Decimaal = string;

/**
 * What the functions here accept: a decimal string in machine notation ("1234.50", "-3",
 * "1e3") or a JS number. A number is taken at its shortest round-trip representation
 * (`String(0.1)` is "0.1"); pass strings when the value must be exact beyond that.
 */
export type DecimaalInvoer = string | number | bigint;

interface Geschaald {
  /** value = coefficient / 10^schaal */
  readonly coefficient: bigint;
  readonly schaal: number;
}

const MACHINE_NOTATIE = /^([+-])?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;
const MAX_SCHAAL = 1000;

function naarGeschaald(invoer: DecimaalInvoer): Geschaald | null {
  if (typeof invoer === 'bigint') return { coefficient: invoer, schaal: 0 };
  if (typeof invoer === 'number' && !Number.isFinite(invoer)) return null;
  const tekst = typeof invoer === 'number' ? String(invoer) : invoer.trim();
  const match = MACHINE_NOTATIE.exec(tekst);
  if (!match) return null;
  const [, teken, heel, fractie = '', exponentTekst] = match;
  const exponent = exponentTekst === undefined ? 0 : Number(exponentTekst);
  let schaal = fractie.length - exponent;
  if (Math.abs(schaal) > MAX_SCHAAL) return null;
  let coefficient = BigInt(heel + fractie);
  if (schaal < 0) {
    coefficient *= 10n ** BigInt(-schaal);
    schaal = 0;
  }
  return { coefficient: teken === '-' ? -coefficient : coefficient, schaal };
}

function opSchaal(getal: Geschaald, schaal: number): bigint {
  return getal.coefficient * 10n ** BigInt(schaal - getal.schaal);
}

function vanGeschaald(getal: Geschaald): Decimaal {
  let { coefficient, schaal } = getal;
  while (schaal > 0 && coefficient % 10n === 0n) {
    coefficient /= 10n;
    schaal--;
  }
  const negatief = coefficient < 0n;
  const cijfers = (negatief ? -coefficient : coefficient).toString().padStart(schaal + 1, '0');
  const heel = cijfers.slice(0, cijfers.length - schaal);
  const fractie = cijfers.slice(cijfers.length - schaal);
  return `${negatief ? '-' : ''}${heel}${fractie ? `.${fractie}` : ''}`;
}

function vereist(invoer: DecimaalInvoer): Geschaald {
  const getal = naarGeschaald(invoer);
  if (!getal) throw new RangeError(`Geen decimaal getal: ${String(invoer)}`);
  return getal;
}

/** The canonical form of a machine-notation number, or null when it is not one. */
export function naarDecimaal(invoer: DecimaalInvoer): Decimaal | null {
  const getal = naarGeschaald(invoer);
  return getal ? vanGeschaald(getal) : null;
}

export function isDecimaal(invoer: unknown): invoer is DecimaalInvoer {
  return (
    (typeof invoer === 'string' || typeof invoer === 'number' || typeof invoer === 'bigint') &&
    naarGeschaald(invoer) !== null
  );
}

/**
 * -1, 0 or 1. Throws a RangeError on input that is not a decimal: callers validate first
 * (with `isDecimaal`) — this is a programming error, not a user error.
 */
export function vergelijkDecimaal(a: DecimaalInvoer, b: DecimaalInvoer): -1 | 0 | 1 {
  const x = vereist(a);
  const y = vereist(b);
  const schaal = Math.max(x.schaal, y.schaal);
  const verschil = opSchaal(x, schaal) - opSchaal(y, schaal);
  return verschil < 0n ? -1 : verschil > 0n ? 1 : 0;
}

export function telDecimaalOp(a: DecimaalInvoer, b: DecimaalInvoer): Decimaal {
  const x = vereist(a);
  const y = vereist(b);
  const schaal = Math.max(x.schaal, y.schaal);
  return vanGeschaald({ coefficient: opSchaal(x, schaal) + opSchaal(y, schaal), schaal });
}

export function trekDecimaalAf(a: DecimaalInvoer, b: DecimaalInvoer): Decimaal {
  const x = vereist(a);
  const y = vereist(b);
  const schaal = Math.max(x.schaal, y.schaal);
  return vanGeschaald({ coefficient: opSchaal(x, schaal) - opSchaal(y, schaal), schaal });
}

export function isNegatief(a: DecimaalInvoer): boolean {
  return vereist(a).coefficient < 0n;
}

/** Dutch notation for people: "1.234.567,5", "-0,25", "80". No rounding, no float. */
export function formatDecimaalNl(a: DecimaalInvoer): string {
  const canoniek = vanGeschaald(vereist(a));
  const negatief = canoniek.startsWith('-');
  const [heel, fractie] = (negatief ? canoniek.slice(1) : canoniek).split('.');
  const gegroepeerd = heel.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negatief ? '-' : ''}${gegroepeerd}${fractie ? `,${fractie}` : ''}`;
}

/** Which decimal separator a file uses: Dutch komma ("12,5") or punt ("12.5"). */
export type Decimaalteken = 'komma' | 'punt';

/**
 * How a number written by a person (or a spreadsheet) reads. `bewijs` is the decimal
 * separator the text proves by itself ("1.234,5" proves komma), used to settle ambiguous
 * values elsewhere in the same file.
 */
export type GetalLezing =
  | { soort: 'getal'; waarde: Decimaal; bewijs: Decimaalteken | null }
  | { soort: 'dubbelzinnig'; alsKomma: Decimaal; alsPunt: Decimaal }
  | { soort: 'geen-getal' };

const ALLEEN_CIJFERS = /^\d+$/;
const GEGROEPEERD_PUNT = /^[1-9]\d{0,2}(?:\.\d{3})+$/;
const GEGROEPEERD_KOMMA = /^[1-9]\d{0,2}(?:,\d{3})+$/;

function metTeken(negatief: boolean, heel: string, fractie: string): Decimaal {
  const tekst = `${negatief ? '-' : ''}${heel}${fractie ? `.${fractie}` : ''}`;
  return vanGeschaald(vereist(tekst));
}

/**
 * Reads a number as people write it in Dutch exports. The rules:
 *
 * - An optional sign (`-`, `+` or the Unicode minus), then digits with `.` and/or `,`.
 *   No spaces, currency signs, percent signs or exponents.
 * - Both `.` and `,` present: the one that comes last is the decimal separator and occurs
 *   once; the other groups thousands in threes: "1.234,5" = 1234.5, "1,234.5" = 1234.5.
 * - One kind, more than once: thousands grouping: "1.234.567" = 1234567.
 * - One kind, once, followed by other than exactly three digits: decimal separator:
 *   "1234,5" = "1234.5" = 1234.5, "12,50" = 12.5.
 * - One kind, once, exactly three digits after it, and 1–3 digits before it that do not
 *   start with 0 ("1.234", "12,500"): ambiguous — 1234 in one convention, 1.234 in the
 *   other. `decimaalteken` settles it; without it the result is `dubbelzinnig` and the
 *   caller must refuse rather than guess. ("0.125" and "1234.567" are not ambiguous: no
 *   thousands grouping looks like that.)
 */
export function leesGetal(invoer: string, decimaalteken?: Decimaalteken): GetalLezing {
  let tekst = invoer.trim();
  let negatief = false;
  const eerste = tekst.charAt(0);
  if (eerste === '-' || eerste === '+' || eerste === '\u2212') {
    negatief = eerste !== '+';
    tekst = tekst.slice(1);
  }
  if (tekst === '') return { soort: 'geen-getal' };
  if (ALLEEN_CIJFERS.test(tekst))
    return { soort: 'getal', waarde: metTeken(negatief, tekst, ''), bewijs: null };

  const punt = tekst.lastIndexOf('.');
  const komma = tekst.lastIndexOf(',');
  if (punt >= 0 && komma >= 0) {
    const decimaal = punt > komma ? '.' : ',';
    const positie = Math.max(punt, komma);
    const heel = tekst.slice(0, positie);
    const fractie = tekst.slice(positie + 1);
    const groepering = decimaal === ',' ? GEGROEPEERD_PUNT : GEGROEPEERD_KOMMA;
    if (!groepering.test(heel) || !ALLEEN_CIJFERS.test(fractie)) return { soort: 'geen-getal' };
    const scheiding = decimaal === ',' ? '.' : ',';
    return {
      soort: 'getal',
      waarde: metTeken(negatief, heel.split(scheiding).join(''), fractie),
      bewijs: decimaal === ',' ? 'komma' : 'punt',
    };
  }

  const teken = punt >= 0 ? '.' : ',';
  const delen = tekst.split(teken);
  if (delen.length > 2) {
    const groepering = teken === '.' ? GEGROEPEERD_PUNT : GEGROEPEERD_KOMMA;
    if (!groepering.test(tekst)) return { soort: 'geen-getal' };
    return {
      soort: 'getal',
      waarde: metTeken(negatief, delen.join(''), ''),
      bewijs: teken === '.' ? 'komma' : 'punt',
    };
  }

  const [heel, fractie] = delen;
  if (!ALLEEN_CIJFERS.test(heel) || !ALLEEN_CIJFERS.test(fractie)) return { soort: 'geen-getal' };
  const alsDecimaal = metTeken(negatief, heel, fractie);
  const kanGroeperingZijn = fractie.length === 3 && heel.length <= 3 && heel.charAt(0) !== '0';
  const eigenBewijs: Decimaalteken = teken === ',' ? 'komma' : 'punt';
  if (!kanGroeperingZijn) return { soort: 'getal', waarde: alsDecimaal, bewijs: eigenBewijs };

  const alsGroepering = metTeken(negatief, heel + fractie, '');
  if (decimaalteken) {
    return {
      soort: 'getal',
      waarde: decimaalteken === eigenBewijs ? alsDecimaal : alsGroepering,
      bewijs: null,
    };
  }
  return teken === ','
    ? { soort: 'dubbelzinnig', alsKomma: alsDecimaal, alsPunt: alsGroepering }
    : { soort: 'dubbelzinnig', alsKomma: alsGroepering, alsPunt: alsDecimaal };
}

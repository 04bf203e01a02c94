/**
 * Calendar dates as 'YYYY-MM-DD' strings (how PostgreSQL date columns arrive), compared as
 * strings and computed in UTC so no time zone or DST shifts a day.
 */
export const DATUM_PATROON = /^\d{4}-\d{2}-\d{2}$/;

export function isGeldigeDatum(datum: string): boolean {
  if (!DATUM_PATROON.test(datum)) return false;
  const d = new Date(`${datum}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === datum;
}

function naarUtc(datum: string): number {
  if (!isGeldigeDatum(datum)) throw new Error(`Ongeldige datum: ${datum}`);
  return Date.parse(`${datum}T00:00:00Z`);
}

const DAG = 86_400_000;

export function plusDagen(datum: string, dagen: number): string {
  return new Date(naarUtc(datum) + dagen * DAG).toISOString().slice(0, 10);
}

/** Days from a to b inclusive (a period 01-01..01-01 is one day). */
export function dagenInclusief(van: string, tot: string): number {
  return Math.round((naarUtc(tot) - naarUtc(van)) / DAG) + 1;
}

export function vandaag(tijdzone = 'Europe/Amsterdam', nu = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: tijdzone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(nu);
}

/** A period with an inclusive start and an inclusive, possibly open, end. */
export interface Periode {
  van: string;
  tot: string | null;
}

export function overlapt(a: Periode, b: Periode): boolean {
  const aEindeNaB = a.tot === null || a.tot >= b.van;
  const bEindeNaA = b.tot === null || b.tot >= a.van;
  return aEindeNaB && bEindeNaA;
}

export function bevat(periode: Periode, datum: string): boolean {
  return periode.van <= datum && (periode.tot === null || periode.tot >= datum);
}

/** The days a period [van, tot] overlaps each calendar year, in year order. */
export function dagenPerJaar(van: string, tot: string): { jaar: number; dagen: number }[] {
  if (tot < van) return [];
  const result: { jaar: number; dagen: number }[] = [];
  for (let jaar = Number(van.slice(0, 4)); jaar <= Number(tot.slice(0, 4)); jaar++) {
    const start = van > `${jaar}-01-01` ? van : `${jaar}-01-01`;
    const eind = tot < `${jaar}-12-31` ? tot : `${jaar}-12-31`;
    result.push({ jaar, dagen: dagenInclusief(start, eind) });
  }
  return result;
}

/** '2026-Q3' for a date. */
export function kwartaal(datum: string): string {
  const maand = Number(datum.slice(5, 7));
  return `${datum.slice(0, 4)}-Q${Math.floor((maand - 1) / 3) + 1}`;
}

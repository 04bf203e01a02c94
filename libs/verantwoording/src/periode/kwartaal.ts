import { kwartaal, plusDagen } from '@wijkkompas/opdrachten';

/**
 * Reporting periods as the brief writes them: a calendar quarter '2026-Q3' or a year '2026'.
 * The strings sort in time order, so comparing them as strings compares the periods.
 */

const KWARTAAL = /^(\d{4})-Q([1-4])$/;
const JAAR = /^(\d{4})$/;

/**
 * The default deadline of a reporting period: 30 days after its last day (Q3 ends on
 * 30 September, so its account is due on 30 October). The brief's rhythm opens a quarter on
 * its first working day and sends reminders 10 and 3 days before the deadline; a month after
 * the quarter leaves the aanbieder time to close its books and the contractmanager time to
 * review before the quarterly verantwoordingsgesprek.
 */
export const STANDAARD_DEADLINE_DAGEN = 30;

export function isKwartaal(periode: string): boolean {
  return KWARTAAL.test(periode);
}

export function isJaar(periode: string): boolean {
  return JAAR.test(periode);
}

/** The quarter a calendar date 'YYYY-MM-DD' falls in. */
export function kwartaalVan(datum: string): string {
  return kwartaal(datum);
}

function deel(periode: string): [number, number] {
  const match = KWARTAAL.exec(periode);
  if (!match) throw new Error(`Geen kwartaal: ${periode}`);
  return [Number(match[1]), Number(match[2])];
}

/**
 * The quarter whose KPI definitions and norms a period is judged by: a quarter itself, a
 * year its last quarter ('2026' → '2026-Q4').
 */
export function peilKwartaal(periode: string): string {
  return JAAR.test(periode) ? `${periode}-Q4` : periode;
}

/** The quarter `stappen` quarters after (or, negative, before) this one. */
export function verschuifKwartaal(periode: string, stappen: number): string {
  const [jaar, nummer] = deel(periode);
  const index = jaar * 4 + (nummer - 1) + stappen;
  return `${Math.floor(index / 4)}-Q${(((index % 4) + 4) % 4) + 1}`;
}

export function volgendKwartaal(periode: string): string {
  return verschuifKwartaal(periode, 1);
}

export function vorigKwartaal(periode: string): string {
  return verschuifKwartaal(periode, -1);
}

/** The first and last day of a quarter or a year, inclusive. */
export function periodeDatums(periode: string): { begindatum: string; einddatum: string } {
  if (JAAR.test(periode)) return { begindatum: `${periode}-01-01`, einddatum: `${periode}-12-31` };
  const [jaar, nummer] = deel(periode);
  const beginMaand = (nummer - 1) * 3 + 1;
  const begindatum = `${jaar}-${String(beginMaand).padStart(2, '0')}-01`;
  const volgendBegin =
    nummer === 4 ? `${jaar + 1}-01-01` : `${jaar}-${String(beginMaand + 3).padStart(2, '0')}-01`;
  return { begindatum, einddatum: plusDagen(volgendBegin, -1) };
}

export function standaardDeadline(periode: string): string {
  return plusDagen(periodeDatums(periode).einddatum, STANDAARD_DEADLINE_DAGEN);
}

/** Whether a period overlaps the inclusive date range [van, tot]. */
export function periodeOverlapt(periode: string, van: string, tot: string): boolean {
  const { begindatum, einddatum } = periodeDatums(periode);
  return begindatum <= tot && einddatum >= van;
}

const KWARTAAL_RANG = ['1e', '2e', '3e', '4e'];

/** How people write a period: '2026-Q3' → '3e kwartaal 2026'; a year stays '2026'. */
export function kwartaalTekst(periode: string): string {
  const match = KWARTAAL.exec(periode);
  return match ? `${KWARTAAL_RANG[Number(match[2]) - 1]} kwartaal ${match[1]}` : periode;
}

/**
 * Dutch formats for what a reader of a dossier sees: money "€ 1.234.567,89", numbers
 * "1.234,5", percentages "12,5%", dates "23 november 2026", quarters "Q3 2026".
 *
 * Numbers go into Intl as decimal strings (Intl.NumberFormat formats a string exactly, no
 * float on the way), rounded half away from zero. Intl puts a no-break space (U+00A0) or a
 * narrow no-break space (U+202F) in some patterns; we normalise every such space to a plain
 * space so JSON, HTML and tests see one spelling, and keep "€ 12,50" together in the HTML
 * with CSS (white-space: nowrap) instead. A negative amount is written "-€ 12,50", the same
 * as formatEuro in libs/opdrachten, not Intl's "€ -12,50".
 */
import { DecimaalInvoer, KpiEenheid, naarDecimaal } from '@wijkkompas/verantwoording';

const LOCALE = 'nl-NL';
const TIJDZONE = 'Europe/Amsterdam';

const bedragFormat = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'EUR' });
const datumFormat = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const datumNlFormat = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: TIJDZONE,
});
const datumTijdFormat = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: TIJDZONE,
});
const getalFormats = new Map<number, Intl.NumberFormat>();

/** Replaces the no-break spaces Intl emits by plain spaces. */
export function normaliseerSpaties(tekst: string): string {
  return tekst.replace(/[\u00a0\u202f]/g, ' ');
}

function canoniek(waarde: DecimaalInvoer): `${number}` {
  const tekst = naarDecimaal(waarde);
  if (tekst === null) throw new RangeError(`Geen getal: ${String(waarde)}`);
  return tekst as `${number}`;
}

function getalFormat(maxDecimalen: number): Intl.NumberFormat {
  let format = getalFormats.get(maxDecimalen);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, {
      maximumFractionDigits: maxDecimalen,
      signDisplay: 'negative', // a value rounded to zero reads "0", not "-0"
    });
    getalFormats.set(maxDecimalen, format);
  }
  return format;
}

/** "€ 1.234.567,89" from integer cents; "-€ 12,50" when negative. */
export function formatBedrag(centen: number | bigint): string {
  if (typeof centen === 'number' && !Number.isSafeInteger(centen)) {
    throw new RangeError(`Geen bedrag in centen: ${centen}`);
  }
  const big = BigInt(centen);
  const abs = big < 0n ? -big : big;
  const euros = `${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}` as `${number}`;
  return `${big < 0n ? '-' : ''}${normaliseerSpaties(bedragFormat.format(euros))}`;
}

/** "€ 2.460,50" from a decimal amount in euros (a KPI in euro), rounded to cents. */
export function formatEuroBedrag(euros: DecimaalInvoer): string {
  const waarde = canoniek(euros);
  const negatief = waarde.startsWith('-');
  const tekst = normaliseerSpaties(
    bedragFormat.format((negatief ? waarde.slice(1) : waarde) as `${number}`),
  );
  return negatief && tekst !== '€ 0,00' ? `-${tekst}` : tekst;
}

/** "1.234,5": Dutch grouping and decimal comma, at most `maxDecimalen` decimals. */
export function formatGetal(waarde: DecimaalInvoer, maxDecimalen = 2): string {
  return normaliseerSpaties(getalFormat(maxDecimalen).format(canoniek(waarde)));
}

/** "12,5%" for a value already in percent (12.5 means 12,5%). */
export function formatPercentage(waarde: DecimaalInvoer, maxDecimalen = 1): string {
  return `${formatGetal(waarde, maxDecimalen)}%`;
}

/** A KPI figure in its unit: "86,8%", "20,75 dagen", "1 dag", "€ 2.460,00", "7,7", "1.245". */
export function formatKpiWaarde(waarde: DecimaalInvoer, eenheid: KpiEenheid): string {
  switch (eenheid) {
    case 'percentage':
      return formatPercentage(waarde, 1);
    case 'euro':
      return formatEuroBedrag(waarde);
    case 'dagen': {
      const tekst = formatGetal(waarde, 2);
      return `${tekst} ${tekst === '1' ? 'dag' : 'dagen'}`;
    }
    default:
      return formatGetal(waarde, 2);
  }
}

/** A difference in a KPI's unit: percentage points for a percentage ("3,3 procentpunt"). */
export function formatKpiVerschil(waarde: DecimaalInvoer, eenheid: KpiEenheid): string {
  return eenheid === 'percentage'
    ? `${formatGetal(waarde, 1)} procentpunt`
    : formatKpiWaarde(waarde, eenheid);
}

const ALLEEN_DATUM = /^\d{4}-\d{2}-\d{2}$/;

function leesMoment(iso: string): Date {
  const moment = new Date(ALLEEN_DATUM.test(iso) ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(moment.getTime())) throw new RangeError(`Geen datum: ${iso}`);
  return moment;
}

/**
 * "23 november 2026". A date ('2026-11-23') is a calendar day and stays that day; a moment
 * with a time ('2026-11-23T23:30:00Z') is shown as the day in the Netherlands.
 */
export function formatDatum(iso: string): string {
  if (ALLEEN_DATUM.test(iso)) return normaliseerSpaties(datumFormat.format(leesMoment(iso)));
  return normaliseerSpaties(datumNlFormat.format(leesMoment(iso)));
}

/** "5 november 2026 om 14:00" (Dutch time); a date without a time as formatDatum. */
export function formatDatumTijd(iso: string): string {
  if (ALLEEN_DATUM.test(iso)) return formatDatum(iso);
  return normaliseerSpaties(datumTijdFormat.format(leesMoment(iso)));
}

/** "Q3 2026" for '2026-Q3'; a year stays '2026'. */
export function formatPeriode(periode: string): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(periode);
  return match ? `Q${match[2]} ${match[1]}` : periode;
}

/** "1 dag", "3 dagen". */
export function formatDagen(aantal: number): string {
  return `${formatGetal(aantal, 0)} ${Math.abs(aantal) === 1 ? 'dag' : 'dagen'}`;
}

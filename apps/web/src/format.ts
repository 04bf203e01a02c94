/** Dutch formats for numbers, money and dates, in one place. */
const getal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 4 });
const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
const datum = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });
const datumTijd = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

export function formatGetal(waarde: string | number | null | undefined): string {
  if (waarde === null || waarde === undefined || waarde === '') return '—';
  const n = Number(waarde);
  return Number.isFinite(n) ? getal.format(n) : String(waarde);
}

export function formatEenheid(
  waarde: string | number | null | undefined,
  eenheid?: string,
): string {
  const tekst = formatGetal(waarde);
  if (tekst === '—') return tekst;
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

export function formatCenten(centen: number | null | undefined): string {
  return centen === null || centen === undefined ? '—' : euro.format(centen / 100);
}

export function formatDatum(waarde: string | null | undefined): string {
  if (!waarde) return '—';
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(waarde) ? `${waarde}T12:00:00` : waarde);
  return Number.isNaN(d.getTime()) ? waarde : datum.format(d);
}

export function formatDatumTijd(waarde: string | null | undefined): string {
  if (!waarde) return '—';
  const d = new Date(waarde);
  return Number.isNaN(d.getTime()) ? waarde : datumTijd.format(d);
}

/** "2026-Q3" → "3e kwartaal 2026"; a year stays a year. */
export function formatPeriode(periode: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(periode);
  return m ? `${m[2]}e kwartaal ${m[1]}` : periode;
}

/**
 * What someone typed, as the API's decimal: Dutch notation "1.234,5" or "80,5", or "80.5".
 * Undefined when it is not a number.
 */
export function leesGetal(invoer: string): string | undefined {
  let tekst = invoer.trim().replace(/\s/g, '').replace(/%$/, '').replace(/^€/, '');
  if (tekst === '') return undefined;
  // "1.234,5" and "1.050": the dots group thousands; "80,5": the comma is the decimal sign.
  if (tekst.includes(',') || /^-?\d{1,3}(\.\d{3})+$/.test(tekst))
    tekst = tekst.replace(/\./g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(tekst) ? tekst : undefined;
}

/** The API's decimal as a Dutch input value: "80.5" → "80,5". */
export function alsInvoer(waarde: string | null | undefined): string {
  return waarde === null || waarde === undefined ? '' : waarde.replace('.', ',');
}

export const STATUS_TEKST: Record<string, string> = {
  concept: 'Concept',
  ingediend: 'Ingediend',
  teruggezet: 'Teruggezet',
  vastgesteld: 'Vastgesteld',
  'te-laat': 'Te laat',
  'op-koers': 'Op koers',
  'let-op': 'Let op',
  'uit-koers': 'Uit koers',
  'geen-norm': 'Geen oordeel',
};

/**
 * Money is integer euro cents, end to end: bigint in PostgreSQL, a safe integer in
 * JavaScript, an integer in the API. Nothing here touches floating point; arithmetic that
 * can exceed 2^53 (products in indexation and pro-rata splits) runs in BigInt.
 */

/** The largest amount in cents the API accepts: keeps every sum a safe integer. */
export const MAX_CENTEN = 900_719_925_474_099; // Number.MAX_SAFE_INTEGER / 10, rounded down

export class GeldError extends Error {}

/** A bigint column value (string from pg) as a JS number, refusing anything not exact. */
export function centenUitDatabase(value: string | number | null): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new GeldError(`Geen exact bedrag in centen: ${value}`);
    return value;
  }
  if (!/^-?\d+$/.test(value)) throw new GeldError(`Geen bedrag in centen: '${value}'`);
  const big = BigInt(value);
  if (big > BigInt(Number.MAX_SAFE_INTEGER) || big < BigInt(Number.MIN_SAFE_INTEGER))
    throw new GeldError(`Bedrag buiten het exacte bereik: ${value}`);
  return Number(big);
}

/** TypeORM column transformer for bigint cents. */
export const CENTEN_TRANSFORMER = {
  to: (value: number | null | undefined): string | null | undefined =>
    value === null || value === undefined ? value : String(value),
  from: (value: string | null): number | null => centenUitDatabase(value),
};

/** "€ 1.234.567,89" (negative: "-€ 12,50"), Dutch grouping, integer arithmetic only. */
export function formatEuro(centen: number | bigint): string {
  const big = BigInt(centen);
  const negatief = big < 0n;
  const abs = negatief ? -big : big;
  const euro = (abs / 100n).toString();
  const cent = (abs % 100n).toString().padStart(2, '0');
  const gegroepeerd = euro.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negatief ? '-' : ''}€ ${gegroepeerd},${cent}`;
}

/**
 * Parses an amount in euros to cents exactly. Accepts Dutch notation ("1.234.567,89",
 * "€ 1.234.567,89", "1234567,89") and plain decimal notation ("1234567.89"). A single dot
 * followed by exactly three digits is a thousands separator in Dutch ("1.234" = 1234 euro);
 * more than two decimals is an error, never a silent rounding.
 */
export function parseEuro(input: string): number {
  let tekst = input.trim().replace(/^€\s*/, '').replace(/\s/g, '');
  let negatief = false;
  if (tekst.startsWith('-')) {
    negatief = true;
    tekst = tekst.slice(1);
  }
  let euro: string;
  let cent: string;
  if (/^[1-9]\d{0,2}(\.\d{3})+(,\d{1,2})?$/.test(tekst) || /^\d+(,\d{1,2})?$/.test(tekst)) {
    const [heel, fractie = ''] = tekst.split(',');
    euro = heel.replace(/\./g, '');
    cent = fractie;
  } else if (/^\d+(\.\d{1,2})?$/.test(tekst)) {
    const [heel, fractie = ''] = tekst.split('.');
    euro = heel;
    cent = fractie;
  } else {
    throw new GeldError(`'${input}' is geen bedrag (voorbeeld: 1.234.567,89)`);
  }
  const big = BigInt(euro) * 100n + BigInt(cent.padEnd(2, '0') || '0');
  if (big > BigInt(MAX_CENTEN)) throw new GeldError(`'${input}' is te groot`);
  return Number(negatief ? -big : big);
}

/**
 * Divides a by b (both bigint, b > 0) rounding half away from zero, the rounding used in
 * Dutch bookkeeping ("commercieel afronden").
 */
export function deelAfgerond(a: bigint, b: bigint): bigint {
  if (b <= 0n) throw new GeldError('deler moet positief zijn');
  const negatief = a < 0n;
  const abs = negatief ? -a : a;
  const q = (abs * 2n + b) / (2n * b);
  return negatief ? -q : q;
}

/**
 * A yearly budget with that year's indexation in basis points (2,75% = 275): the budget
 * times (10000 + bp) / 10000, rounded half away from zero to whole cents.
 */
export function indexeer(centen: number, basispunten: number): number {
  if (!Number.isSafeInteger(centen) || !Number.isSafeInteger(basispunten))
    throw new GeldError('indexeren kan alleen met gehele getallen');
  return Number(deelAfgerond(BigInt(centen) * BigInt(10_000 + basispunten), 10_000n));
}

/**
 * Splits an amount in cents over weights (e.g. days per year) so the parts add up to the
 * amount exactly: each part gets the floor of its exact share, and the cents left over go
 * one each to the largest fractional remainders (ties: the earlier part). Hamilton's method.
 */
export function verdeelNaarRato(centen: number, gewichten: readonly number[]): number[] {
  if (!Number.isSafeInteger(centen) || centen < 0)
    throw new GeldError('alleen een niet-negatief bedrag in centen kan verdeeld worden');
  const totaal = gewichten.reduce((a, b) => a + b, 0);
  if (gewichten.length === 0 || totaal <= 0)
    throw new GeldError('geen gewichten om over te verdelen');
  const bedrag = BigInt(centen);
  const noemer = BigInt(totaal);
  const delen = gewichten.map((g, index) => {
    const teller = bedrag * BigInt(g);
    return { index, basis: teller / noemer, rest: teller % noemer };
  });
  let over = bedrag - delen.reduce((a, d) => a + d.basis, 0n);
  const opRest = [...delen].sort((a, b) =>
    a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1,
  );
  for (const deel of opRest) {
    if (over === 0n) break;
    deel.basis += 1n;
    over -= 1n;
  }
  return delen.map((d) => Number(d.basis));
}

export function somCenten(bedragen: readonly number[]): number {
  const som = bedragen.reduce((a, b) => a + BigInt(b), 0n);
  if (som > BigInt(Number.MAX_SAFE_INTEGER)) throw new GeldError('som buiten het exacte bereik');
  return Number(som);
}

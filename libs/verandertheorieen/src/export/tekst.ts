/**
 * Text helpers for the diagram exports: XML escaping and word wrapping by an estimated text
 * width. No font metrics in a pure function: each character gets the advance width of the
 * widest of the fonts the SVG may end up in (DejaVu Sans, Debian's fallback for Arial and
 * Helvetica, is wider than both), so the estimate errs on the wide side and a wrapped line
 * stays inside its box in the browser (test/diagram-meting.e2e-spec.ts measures that).
 */

// Characters XML 1.0 forbids, and UTF-16 halves without their other half. Matching control
// characters is the point here.
const ONGELDIG_IN_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text made safe for XML character data and attribute values (both quote kinds). */
export function xmlEscape(tekst: string): string {
  return tekst
    .replace(ONGELDIG_IN_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** All runs of white space (also newlines and tabs) as one space, trimmed. */
export function normaliseer(tekst: string): string {
  return tekst.replace(/\s+/g, ' ').trim();
}

/**
 * Greedy word wrap to lines at most `max` wide, as measured by `maat` (by default: characters,
 * so `max` is a number of characters). A word wider than a line is cut into pieces that fit, so
 * no line is ever wider than the box it is drawn in.
 */
export function breekAf(
  tekst: string,
  max: number,
  maat: (stuk: string) => number = telTekens,
): string[] {
  const grens = maat === telTekens ? Math.max(1, Math.floor(max)) : max;
  const regels: string[] = [];
  let regel = '';
  for (const woord of normaliseer(tekst).split(' ')) {
    if (!woord) continue;
    const stukken = maat(woord) > grens ? knip(woord, grens, maat) : [woord];
    for (const stuk of stukken) {
      if (!regel) regel = stuk;
      else if (maat(`${regel} ${stuk}`) <= grens) regel = `${regel} ${stuk}`;
      else {
        regels.push(regel);
        regel = stuk;
      }
    }
  }
  if (regel) regels.push(regel);
  return regels;
}

function telTekens(stuk: string): number {
  return [...stuk].length;
}

function knip(woord: string, max: number, maat: (stuk: string) => number): string[] {
  const stukken: string[] = [];
  let stuk = '';
  for (const teken of woord) {
    // Always at least one character per piece, so a width below one character cannot loop.
    if (stuk && maat(stuk + teken) > max) {
      stukken.push(stuk);
      stuk = teken;
    } else stuk += teken;
  }
  if (stuk) stukken.push(stuk);
  return stukken;
}

/** How many characters of this font size fit in a width, with a generous average glyph width. */
export function tekensPerBreedte(breedte: number, lettergrootte: number): number {
  return Math.max(1, Math.floor(breedte / (lettergrootte * 0.6)));
}

// Advance widths in em of DejaVu Sans Book, rounded up; Arial and Liberation Sans are narrower.
const BREEDTE_EM: Readonly<Record<string, number>> = (() => {
  const tabel: Record<string, number> = {};
  const zet = (tekens: string, em: number) => {
    for (const t of tekens) tabel[t] = em;
  };
  zet(' ', 0.32);
  zet("iljIJ.,:;|!'`", 0.4);
  zet('frt()[]{}/\\-', 0.42);
  zet('sz"*^', 0.53);
  zet('cvxykFTLYZ?_', 0.62);
  zet('abdeghnopqu0123456789#$€£SPE', 0.64);
  zet('ABCKRVX', 0.7);
  zet('DGHNOQUÅØ', 0.79);
  zet('w+=<>~→←', 0.84);
  zet('mM', 0.98);
  zet('W&%@ÆŒæœ—', 1.1);
  return tabel;
})();

/**
 * The estimated width in pixels of one line of text in the diagram's font stack: per character
 * (accents count as their base letter; anything unknown, e.g. emoji or CJK, as a full em), 13%
 * more in bold.
 */
export function tekstBreedte(tekst: string, lettergrootte: number, vet = false): number {
  let em = 0;
  for (const teken of tekst) {
    const basis = BREEDTE_EM[teken] ?? BREEDTE_EM[teken.normalize('NFD')[0]];
    em +=
      basis ?? (/[\p{L}\p{N}\p{P}\p{S}]/u.test(teken) && teken.charCodeAt(0) < 0x2e80 ? 0.7 : 1.1);
  }
  return em * lettergrootte * (vet ? 1.13 : 1);
}

/** Wraps text to a width in pixels, by the estimated width of each line. */
export function breekAfOpBreedte(
  tekst: string,
  breedte: number,
  lettergrootte: number,
  vet = false,
): string[] {
  return breekAf(tekst, breedte, (stuk) => tekstBreedte(stuk, lettergrootte, vet));
}

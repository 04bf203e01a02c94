/**
 * Text helpers for the diagram exports: XML escaping and word wrapping by an estimated
 * character width (no font metrics in a pure function; the estimate errs on the wide side).
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
 * Greedy word wrap to at most `maxTekens` characters per line. A word longer than a line is cut
 * into pieces of `maxTekens`, so no line is ever wider than the box it is drawn in.
 */
export function breekAf(tekst: string, maxTekens: number): string[] {
  const max = Math.max(1, Math.floor(maxTekens));
  const regels: string[] = [];
  let regel = '';
  for (const woord of normaliseer(tekst).split(' ')) {
    if (!woord) continue;
    const stukken = [...woord].length > max ? knip(woord, max) : [woord];
    for (const stuk of stukken) {
      const lengte = [...regel].length;
      if (!regel) regel = stuk;
      else if (lengte + 1 + [...stuk].length <= max) regel = `${regel} ${stuk}`;
      else {
        regels.push(regel);
        regel = stuk;
      }
    }
  }
  if (regel) regels.push(regel);
  return regels;
}

function knip(woord: string, max: number): string[] {
  const tekens = [...woord];
  const stukken: string[] = [];
  for (let i = 0; i < tekens.length; i += max) stukken.push(tekens.slice(i, i + max).join(''));
  return stukken;
}

/** How many characters of this font size fit in a width, with a generous average glyph width. */
export function tekensPerBreedte(breedte: number, lettergrootte: number): number {
  return Math.max(1, Math.floor(breedte / (lettergrootte * 0.6)));
}

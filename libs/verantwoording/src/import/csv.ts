/**
 * A dependency-free RFC 4180 CSV reader for exports of registration systems. One pass over
 * the text with charCodeAt; unquoted fields are single slices, quoted fields are slices
 * joined only where a doubled quote occurs, so 100 000 rows cost a few string allocations
 * per field and nothing more.
 *
 * Beyond RFC 4180: `;` (Dutch Excel), `,` or tab as separator, detected from the header;
 * a UTF-8 byte order mark is dropped; CRLF, LF and a lone CR all end a record. It does not
 * stop at a malformed field: it reads on leniently and reports every problem with its row.
 *
 * The result is a `Tabel` (./tabel.ts), the shape the import validation reads.
 */

export type CsvScheidingsteken = ';' | ',' | '\t';

export interface CsvRecord {
  /** Row number as a spreadsheet shows it: the header is row 1, blank lines count. */
  rij: number;
  /** Line in the file where the record starts; differs from `rij` after a quoted newline. */
  regel: number;
  velden: string[];
}

export interface CsvFout {
  rij: number;
  regel: number;
  melding: string;
}

export interface CsvParseResultaat {
  scheidingsteken: CsvScheidingsteken;
  /** The fields of the first record; empty for an empty file. */
  kop: string[];
  /** The row of the header: 1 unless blank lines precede it; 0 for an empty file. */
  kopRij: number;
  /** The records after the header, blank lines left out. */
  records: CsvRecord[];
  fouten: CsvFout[];
}

export interface CsvParseOpties {
  /** Skips detection. */
  scheidingsteken?: CsvScheidingsteken;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const BOM = 0xfeff;

const KANDIDATEN: readonly CsvScheidingsteken[] = [';', ',', '\t'];

/**
 * The separator that occurs most often outside quotes in the first record. A tie, or a
 * header with none of them (a single column), gives `;`, the Dutch Excel default.
 */
export function detecteerScheidingsteken(tekst: string): CsvScheidingsteken {
  const tellingen = [0, 0, 0];
  const codes = KANDIDATEN.map((teken) => teken.charCodeAt(0));
  let binnenQuotes = false;
  for (let i = tekst.charCodeAt(0) === BOM ? 1 : 0; i < tekst.length; i++) {
    const c = tekst.charCodeAt(i);
    if (c === QUOTE) binnenQuotes = !binnenQuotes;
    else if (!binnenQuotes && (c === CR || c === LF)) break;
    else if (!binnenQuotes) {
      const index = codes.indexOf(c);
      if (index >= 0) tellingen[index]++;
    }
  }
  let beste = 0;
  for (let i = 1; i < tellingen.length; i++) if (tellingen[i] > tellingen[beste]) beste = i;
  return KANDIDATEN[beste];
}

export function parseCsv(tekst: string, opties: CsvParseOpties = {}): CsvParseResultaat {
  const scheidingsteken = opties.scheidingsteken ?? detecteerScheidingsteken(tekst);
  const sep = scheidingsteken.charCodeAt(0);
  const n = tekst.length;
  const records: CsvRecord[] = [];
  const fouten: CsvFout[] = [];
  let kop: string[] | null = null;
  let kopRij = 0;
  let i = tekst.charCodeAt(0) === BOM ? 1 : 0;
  let regel = 1;
  let rij = 0;

  while (i < n) {
    rij++;
    const startRegel = regel;
    const velden: string[] = [];
    let recordKlaar = false;

    while (!recordKlaar) {
      let veld: string;
      if (i < n && tekst.charCodeAt(i) === QUOTE) {
        const openRegel = regel;
        i++;
        let stukken = '';
        let start = i;
        for (;;) {
          const eind = tekst.indexOf('"', i);
          if (eind < 0) {
            regel += telRegels(tekst, start, n);
            stukken += tekst.slice(start, n);
            i = n;
            fouten.push({
              rij,
              regel: openRegel,
              melding: `Het aanhalingsteken dat op regel ${openRegel} een veld opent, wordt nergens gesloten; de rest van het bestand is als één veld gelezen. Sluit het veld af met een " of verwijder het aanhalingsteken.`,
            });
            break;
          }
          regel += telRegels(tekst, start, eind);
          if (eind + 1 < n && tekst.charCodeAt(eind + 1) === QUOTE) {
            stukken += tekst.slice(start, eind + 1);
            i = eind + 2;
            start = i;
            continue;
          }
          stukken += tekst.slice(start, eind);
          i = eind + 1;
          break;
        }
        // Text after the closing quote ("ab"c) is not RFC 4180; keep it, report it.
        const naStart = i;
        while (i < n) {
          const c = tekst.charCodeAt(i);
          if (c === sep || c === CR || c === LF) break;
          i++;
        }
        if (i > naStart) {
          stukken += tekst.slice(naStart, i);
          fouten.push({
            rij,
            regel,
            melding: `Kolom ${velden.length + 1}: na het afsluitende aanhalingsteken staat nog tekst. Zet het hele veld tussen aanhalingstekens en verdubbel aanhalingstekens in de tekst ("").`,
          });
        }
        veld = stukken;
      } else {
        const start = i;
        let quoteGezien = false;
        while (i < n) {
          const c = tekst.charCodeAt(i);
          if (c === sep || c === CR || c === LF) break;
          if (c === QUOTE) quoteGezien = true;
          i++;
        }
        veld = tekst.slice(start, i);
        if (quoteGezien) {
          fouten.push({
            rij,
            regel,
            melding: `Kolom ${velden.length + 1}: een aanhalingsteken midden in een veld zonder aanhalingstekens. Zet het hele veld tussen aanhalingstekens en verdubbel aanhalingstekens in de tekst ("").`,
          });
        }
      }
      velden.push(veld);

      if (i >= n) {
        recordKlaar = true;
      } else {
        const c = tekst.charCodeAt(i);
        if (c === sep) {
          i++;
          // A separator as the very last character still closes an (empty) last field.
          if (i >= n) {
            velden.push('');
            recordKlaar = true;
          }
        } else {
          i += c === CR && i + 1 < n && tekst.charCodeAt(i + 1) === LF ? 2 : 1;
          regel++;
          recordKlaar = true;
        }
      }
    }

    const leeg = velden.length === 1 && velden[0] === '';
    if (kop === null) {
      if (!leeg) {
        kop = velden;
        kopRij = rij;
      }
      continue;
    }
    if (!leeg) records.push({ rij, regel: startRegel, velden });
  }

  return { scheidingsteken, kop: kop ?? [], kopRij, records, fouten };
}

/** Line ends in tekst[van, tot): CRLF counts once, a lone CR or LF once each. */
function telRegels(tekst: string, van: number, tot: number): number {
  let aantal = 0;
  for (let i = van; i < tot; i++) {
    const c = tekst.charCodeAt(i);
    if (c === LF) aantal++;
    else if (c === CR && (i + 1 >= tot || tekst.charCodeAt(i + 1) !== LF)) aantal++;
  }
  return aantal;
}

/**
 * Reads the first worksheet of an .xlsx file into a `Tabel`, the shape `parseCsv` gives, so
 * the import validation does not care which format was uploaded.
 *
 * Which exceljs reader, measured on 100 000 rows × 3 and × 6 columns (exceljs 4.4.0,
 * Node 20): the streaming `stream.xlsx.WorkbookReader` takes 0.6–1.0 s at 120–230 MB peak
 * RSS, the normal `Workbook.xlsx.load` 1.1–1.5 s at 280–410 MB. The normal reader is used
 * all the same, because the streaming one is not reliable here:
 *
 * - it reads the zip in one pass and loses trailing entries when the unzip stream ends
 *   while entries are still buffered (exceljs #3064, open; most reads fail on Node 22, and
 *   our image runs Node 24). Files written by exceljs itself keep xl/workbook.xml last,
 *   Excel keeps xl/sharedStrings.xml near the end: a lost sheet list throws, lost shared
 *   strings or styles silently give wrong cells;
 * - when the shared strings come after the sheet (always, with Excel), it parks the sheet
 *   in a temporary file that it deletes only if the iteration runs to its end, so every
 *   failed or abandoned read leaves a file behind in a long-running server.
 *
 * The normal reader uses the zip's central directory and has neither problem; a second
 * slower than the best case is acceptable for an import that happens once a quarter. Its
 * memory grows with the sheet, so before loading, the total uncompressed size declared in
 * the zip is checked against `maxOngecomprimeerd` (default 64 MiB, about 250 000 rows of
 * six columns; 100 000 such rows are 26 MB). That also stops a zip bomb.
 *
 * Which sheet: the first visible one in tab order (a template's hidden lookup sheet in
 * front is skipped); the first one if all are hidden.
 *
 * Cells: numbers stay numbers, rounded to the 15 significant digits Excel shows
 * (0.1 + 0.2 computed by a formula is stored as 0.30000000000000004 and shown as 0.3).
 * Formulas give their cached result, rich text and hyperlinks their text, error values
 * their code ("#DEEL/0!" is stored as "#DIV/0!"), booleans WAAR/ONWAAR as Dutch Excel
 * shows them, dates yyyy-mm-dd (with Thh:mm:ss when there is a time). Text is not trimmed:
 * that is the validation's business, as with CSV. Merged cells are not expanded: only the
 * top-left cell of a merge has the value, as in the file.
 */
// Loaded at the first XLSX import, not at start: exceljs adds about 28 MB to every process
// (API and worker) that would otherwise never read a workbook.
import type ExcelJS from 'exceljs';

import { Tabel, TabelCel } from './tabel';

export interface XlsxRecord {
  rij: number;
  velden: TabelCel[];
}

export interface XlsxLeesResultaat extends Tabel {
  /** The name of the worksheet that was read. */
  werkblad: string;
  kop: string[];
  records: XlsxRecord[];
}

export interface XlsxLeesOpties {
  /** Refuse files whose parts add up to more bytes than this uncompressed; default 64 MiB. */
  maxOngecomprimeerd?: number;
}

export const XLSX_MAX_ONGECOMPRIMEERD = 64 * 1024 * 1024;

/** The file cannot be read as a workbook; the message is Dutch and meant for the user. */
export class XlsxLeesFout extends Error {
  constructor(melding: string, options?: { cause?: unknown }) {
    super(melding, options);
    this.name = 'XlsxLeesFout';
  }
}

const ONLEESBAAR =
  'Het bestand kan niet als Excel-werkmap (.xlsx) gelezen worden. Sla het in Excel op als "Excel-werkmap (*.xlsx)" of lever een CSV-bestand aan.';

export async function leesXlsx(
  bestand: Buffer | Uint8Array,
  opties: XlsxLeesOpties = {},
): Promise<XlsxLeesResultaat> {
  const buffer = Buffer.isBuffer(bestand)
    ? bestand
    : Buffer.from(bestand.buffer, bestand.byteOffset, bestand.byteLength);
  const grootte = ongecomprimeerdeGrootte(buffer);
  if (grootte === null) throw new XlsxLeesFout(ONLEESBAAR);
  const max = opties.maxOngecomprimeerd ?? XLSX_MAX_ONGECOMPRIMEERD;
  if (grootte > max) {
    throw new XlsxLeesFout(
      `De Excel-werkmap is uitgepakt ${megabytes(grootte)} groot; dat is meer dan de ${megabytes(max)} die een import mag zijn. Verwijder werkbladen of kolommen die niet nodig zijn, of splits het bestand.`,
    );
  }

  const { default: excel } = await import('exceljs');
  const werkmap = new excel.Workbook();
  try {
    // exceljs declares its own global Buffer interface; a Node Buffer is what it reads.
    await werkmap.xlsx.load(buffer as unknown as Parameters<ExcelJS.Xlsx['load']>[0], {
      ignoreNodes: [
        'mergeCells',
        'dataValidations',
        'conditionalFormatting',
        'hyperlinks',
        'drawing',
        'extLst',
      ],
    });
  } catch (fout) {
    throw new XlsxLeesFout(ONLEESBAAR, { cause: fout });
  }
  const werkbladen = werkmap.worksheets;
  const blad =
    werkbladen.find((b) => b.state !== 'hidden' && b.state !== 'veryHidden') ?? werkbladen[0];
  if (!blad) throw new XlsxLeesFout('De Excel-werkmap bevat geen werkblad.');
  const rijen = new RijVerzamelaar(blad.name);
  blad.eachRow((rij) => rijen.voegToe(rij));
  return rijen.resultaat();
}

const megabytes = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024))} MB`;

/**
 * The sum of the uncompressed sizes in the zip's central directory, or null when the
 * buffer is not a zip. A ZIP64 archive (sizes of 4 GiB and more) counts as infinitely large.
 */
export function ongecomprimeerdeGrootte(zip: Buffer): number | null {
  if (zip.length < 22 || zip.readUInt32LE(0) !== 0x04034b50) return null;
  // The end-of-central-directory record: 22 bytes plus a comment of at most 65 535.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const aantal = zip.readUInt16LE(eocd + 10);
  let positie = zip.readUInt32LE(eocd + 16);
  if (aantal === 0xffff || positie === 0xffffffff) return Number.POSITIVE_INFINITY;
  let totaal = 0;
  for (let n = 0; n < aantal; n++) {
    if (positie + 46 > zip.length || zip.readUInt32LE(positie) !== 0x02014b50) return null;
    const grootte = zip.readUInt32LE(positie + 24);
    if (grootte === 0xffffffff) return Number.POSITIVE_INFINITY;
    totaal += grootte;
    positie +=
      46 +
      zip.readUInt16LE(positie + 28) +
      zip.readUInt16LE(positie + 30) +
      zip.readUInt16LE(positie + 32);
  }
  return totaal;
}

// ---------------------------------------------------------------------------------------

class RijVerzamelaar {
  private kop: string[] | null = null;
  private kopRij = 0;
  private readonly records: XlsxRecord[] = [];

  constructor(private readonly werkblad: string) {}

  voegToe(rij: ExcelJS.Row): void {
    const waarden = rij.values;
    if (!Array.isArray(waarden)) return;
    // values is 1-based and sparse: index = column number.
    const velden: TabelCel[] = [];
    let laatste = 0;
    for (let kolom = 1; kolom < waarden.length; kolom++) {
      const cel = naarCel(waarden[kolom]);
      velden.push(cel);
      if (cel !== '') laatste = kolom;
    }
    if (laatste === 0) return;
    if (this.kop === null) {
      this.kop = velden.slice(0, laatste).map(String);
      this.kopRij = rij.number;
      return;
    }
    const breedte = Math.max(laatste, this.kop.length);
    velden.length = Math.min(velden.length, breedte);
    while (velden.length < breedte) velden.push('');
    this.records.push({ rij: rij.number, velden });
  }

  resultaat(): XlsxLeesResultaat {
    return {
      werkblad: this.werkblad,
      kop: this.kop ?? [],
      kopRij: this.kopRij,
      records: this.records,
    };
  }
}

const twee = (n: number) => String(n).padStart(2, '0');

/** One exceljs cell value as text or number; see the file comment for the rules. */
export function naarCel(waarde: unknown): TabelCel {
  if (waarde === null || waarde === undefined) return '';
  if (typeof waarde === 'string') return waarde;
  if (typeof waarde === 'number')
    return Number.isFinite(waarde) ? Number(waarde.toPrecision(15)) : '';
  if (typeof waarde === 'boolean') return waarde ? 'WAAR' : 'ONWAAR';
  if (waarde instanceof Date) {
    if (Number.isNaN(waarde.getTime())) return '';
    const datum = `${waarde.getUTCFullYear()}-${twee(waarde.getUTCMonth() + 1)}-${twee(waarde.getUTCDate())}`;
    const [u, m, s] = [waarde.getUTCHours(), waarde.getUTCMinutes(), waarde.getUTCSeconds()];
    return u || m || s ? `${datum}T${twee(u)}:${twee(m)}:${twee(s)}` : datum;
  }
  if (typeof waarde !== 'object') return '';
  const object = waarde as Record<string, unknown>;
  if (Array.isArray(object.richText)) {
    return (object.richText as { text?: unknown }[])
      .map((deel) => (typeof deel.text === 'string' ? deel.text : ''))
      .join('');
  }
  if ('formula' in object || 'sharedFormula' in object) return naarCel(object.result);
  if (typeof object.error === 'string') return object.error;
  if ('text' in object) {
    const tekst = naarCel(object.text);
    return typeof tekst === 'number' ? String(tekst) : tekst;
  }
  return '';
}

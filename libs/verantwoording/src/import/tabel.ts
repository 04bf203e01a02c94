/**
 * What every import reader produces, whatever the file format: a header and records with
 * the row number the user sees in the spreadsheet. The import validation works on this
 * shape only. `parseCsv` and `leesXlsx` both return it (plus format details).
 */

/**
 * One cell: text as written, or a number that a spreadsheet stored as a number. A number
 * is exact and needs no reading of decimal separators; text may be "12,5" or "1.234".
 */
export type TabelCel = string | number;

export interface TabelRecord {
  /** Row number as a spreadsheet shows it: the header row and blank rows count. */
  rij: number;
  velden: readonly TabelCel[];
}

export interface Tabel {
  /** The header cells; empty for an empty file. */
  kop: readonly string[];
  /** The row the header is on, 0 for an empty file. */
  kopRij: number;
  /** The records after the header, blank rows left out. */
  records: readonly TabelRecord[];
}

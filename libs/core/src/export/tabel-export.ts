import { applyDecorators, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import ExcelJS from 'exceljs';

/**
 * Exports as one table per worksheet, written as CSV or XLSX. Pure apart from exceljs: the
 * services build the rows, this writes them. Dutch headers; figures stay numbers (an XLSX
 * number cell, a CSV number with a decimal komma), so a spreadsheet sums them; dates are date
 * cells in XLSX and dd-mm-jjjj in CSV.
 */

/** A cell: text, a number (exact decimal text like '12.5' is written as the number 12,5), a date. */
export type ExportCel = string | number | { getal: string } | { datum: string } | null;

export interface ExportTabel {
  /** The worksheet's name (at most 31 characters). */
  werkblad: string;
  kolommen: readonly string[];
  rijen: readonly (readonly ExportCel[])[];
}

export const EXPORT_FORMATEN = ['csv', 'xlsx'] as const;
export type ExportFormaat = (typeof EXPORT_FORMATEN)[number];

export const EXPORT_MEDIATYPE: Record<ExportFormaat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export class ExportQuery {
  @ApiProperty({ enum: EXPORT_FORMATEN, example: 'xlsx', description: 'csv of xlsx.' })
  @IsIn(EXPORT_FORMATEN, { message: 'formaat moet csv of xlsx zijn' })
  formaat: ExportFormaat;
}

/** An exact decimal ('12.50', as the database gives it) as a number cell. */
export const getal = (waarde: string | null | undefined): ExportCel =>
  waarde === null || waarde === undefined ? null : { getal: waarde };

/** Euro cents as euros: a number with two decimals, exact. */
export function euro(centen: number): ExportCel {
  const negatief = centen < 0;
  const abs = Math.abs(centen);
  return {
    getal: `${negatief ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`,
  };
}

export const datum = (waarde: string | null | undefined): ExportCel =>
  waarde ? { datum: waarde } : null;

function csvVeld(cel: ExportCel): string {
  if (cel === null) return '';
  let tekst: string;
  if (typeof cel === 'number') tekst = String(cel).replace('.', ',');
  else if (typeof cel === 'string') tekst = cel;
  else if ('getal' in cel) tekst = cel.getal.replace('.', ',');
  else tekst = `${cel.datum.slice(8, 10)}-${cel.datum.slice(5, 7)}-${cel.datum.slice(0, 4)}`;
  return /[;"\r\n]/.test(tekst) ? `"${tekst.replace(/"/g, '""')}"` : tekst;
}

/**
 * CSV as Dutch Excel opens it: UTF-8 with a byte order mark, `;` between fields, a decimal
 * komma, CRLF. Only the first table: a CSV has one sheet.
 */
export function naarCsv(tabel: ExportTabel): Buffer {
  const regels = [tabel.kolommen.map(csvVeld), ...tabel.rijen.map((r) => r.map(csvVeld))].map(
    (velden) => velden.join(';'),
  );
  return Buffer.from(`\ufeff${regels.join('\r\n')}\r\n`, 'utf8');
}

function xlsxWaarde(cel: ExportCel): ExcelJS.CellValue {
  if (cel === null || typeof cel === 'string' || typeof cel === 'number') return cel;
  if ('getal' in cel) return Number(cel.getal);
  return new Date(`${cel.datum}T00:00:00Z`);
}

/** An XLSX with one worksheet per table, header bold and frozen, number and date cells. */
export async function naarXlsx(tabellen: readonly ExportTabel[]): Promise<Buffer> {
  const boek = new ExcelJS.Workbook();
  boek.creator = 'Wijkkompas';
  for (const tabel of tabellen) {
    const blad = boek.addWorksheet(tabel.werkblad.slice(0, 31), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    blad.addRow([...tabel.kolommen]).font = { bold: true };
    for (const rij of tabel.rijen) {
      const r = blad.addRow(rij.map(xlsxWaarde));
      rij.forEach((cel, i) => {
        if (cel && typeof cel === 'object' && 'datum' in cel)
          r.getCell(i + 1).numFmt = 'dd-mm-yyyy';
      });
    }
    blad.columns.forEach((kolom, i) => {
      const breedte = Math.max(
        tabel.kolommen[i]?.length ?? 8,
        ...tabel.rijen.slice(0, 200).map((r) => String(csvVeld(r[i] ?? null)).length),
      );
      kolom.width = Math.min(60, Math.max(10, breedte + 2));
    });
  }
  return Buffer.from(await boek.xlsx.writeBuffer());
}

/** A file name of lower-case words joined by dashes: 'export-wijkteams-noord-2026-Q3.xlsx'. */
export function exportBestandsnaam(delen: readonly string[], formaat: ExportFormaat): string {
  const naam = delen
    .map((d) =>
      d
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^A-Za-z0-9]+/g, '-')
        .replace(/^-|-$/g, ''),
    )
    .filter(Boolean)
    .join('-')
    .toLowerCase();
  return `${naam || 'export'}.${formaat}`;
}

/** The tables as a file to download, in the format asked for. */
export async function exportBestand(
  tabellen: readonly ExportTabel[],
  formaat: ExportFormaat,
  delen: readonly string[],
): Promise<StreamableFile> {
  const inhoud = formaat === 'csv' ? naarCsv(tabellen[0]) : await naarXlsx(tabellen);
  return new StreamableFile(inhoud, {
    type: EXPORT_MEDIATYPE[formaat],
    disposition: `attachment; filename="${exportBestandsnaam(delen, formaat)}"`,
    length: inhoud.length,
  });
}

/** OpenAPI for an export endpoint: CSV or XLSX as an attachment. */
export function ApiExportResponse(omschrijving: string): MethodDecorator {
  return applyDecorators(
    ApiProduces(EXPORT_MEDIATYPE.csv, EXPORT_MEDIATYPE.xlsx),
    ApiOkResponse({
      description: omschrijving,
      headers: {
        'Content-Disposition': {
          description: 'attachment met de bestandsnaam.',
          schema: { type: 'string', example: 'attachment; filename="export.xlsx"' },
        },
      },
      content: {
        [EXPORT_MEDIATYPE.csv]: { schema: { type: 'string' } },
        [EXPORT_MEDIATYPE.xlsx]: { schema: { type: 'string', format: 'binary' } },
      },
    }),
  );
}

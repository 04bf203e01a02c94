import ExcelJS from 'exceljs';
import { datum, euro, exportBestandsnaam, getal, naarCsv, naarXlsx } from './tabel-export';

describe('tabel-export', () => {
  const tabel = {
    werkblad: 'Cijfers',
    kolommen: ['Naam', 'Waarde', 'Budget (€)', 'Datum'],
    rijen: [
      ['Perceel "Noord"; oost', getal('12.5'), euro(123_456_789), datum('2026-10-01')],
      [null, 3, euro(-5), null],
    ],
  };

  it('writes CSV for Dutch Excel: BOM, semicolons, decimal komma, quoted where needed', () => {
    expect(naarCsv(tabel).toString('utf8')).toBe(
      '\ufeffNaam;Waarde;Budget (€);Datum\r\n' +
        '"Perceel ""Noord""; oost";12,5;1234567,89;01-10-2026\r\n' +
        ';3;-0,05;\r\n',
    );
  });

  it('writes XLSX with number and date cells', async () => {
    const boek = new ExcelJS.Workbook();
    await boek.xlsx.load((await naarXlsx([tabel])) as unknown as ArrayBuffer);
    const rij = boek.getWorksheet('Cijfers')!.getRow(2);
    expect(rij.getCell(2).value).toBe(12.5);
    expect(rij.getCell(3).value).toBe(1234567.89);
    expect(rij.getCell(4).value).toEqual(new Date('2026-10-01T00:00:00Z'));
  });

  it('names files in lower-case words', () => {
    expect(exportBestandsnaam(['verantwoording', 'Wijkteams Noord', '2026-Q3'], 'xlsx')).toBe(
      'verantwoording-wijkteams-noord-2026-q3.xlsx',
    );
    expect(exportBestandsnaam(['Één'], 'csv')).toBe('een.csv');
  });
});

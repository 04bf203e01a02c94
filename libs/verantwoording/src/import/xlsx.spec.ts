import ExcelJS from 'exceljs';

import { parseCsv } from './csv';
import { Tabel } from './tabel';
import { leesXlsx, naarCel, ongecomprimeerdeGrootte, XlsxLeesFout } from './xlsx';

type Blad = ExcelJS.Worksheet;

/** An .xlsx file built in memory; `vul` fills the sheets. */
async function werkmap(
  ...bladen: [string, (blad: Blad) => void, Partial<ExcelJS.AddWorksheetOptions>?][]
) {
  const boek = new ExcelJS.Workbook();
  for (const [naam, vul, opties] of bladen) vul(boek.addWorksheet(naam, opties));
  return Buffer.from(await boek.xlsx.writeBuffer());
}

const eenBlad = (vul: (blad: Blad) => void) => werkmap(['Waarden', vul]);

describe('leesXlsx', () => {
  it('reads the header and the records with their spreadsheet row numbers', async () => {
    const bestand = await eenBlad((blad) => {
      blad.addRow(['kpi-code', 'perceel', 'waarde']);
      blad.addRow(['JGD-01', 'Noord', 12.5]);
      blad.addRow(['JGD-02', 'Zuid', '7,5']);
    });
    expect(await leesXlsx(bestand)).toEqual({
      werkblad: 'Waarden',
      kop: ['kpi-code', 'perceel', 'waarde'],
      kopRij: 1,
      records: [
        { rij: 2, velden: ['JGD-01', 'Noord', 12.5] },
        { rij: 3, velden: ['JGD-02', 'Zuid', '7,5'] },
      ],
    });
  });

  it('skips empty rows but keeps counting them, as Excel numbers them', async () => {
    const bestand = await eenBlad((blad) => {
      blad.getRow(1).values = ['a', 'b'];
      blad.getRow(2).values = ['1', '2'];
      // Row 3 does not exist; row 4 has a styled but empty cell; row 5 only empty strings.
      blad.getCell('A4').numFmt = '0.00';
      blad.getCell('A4').fill = {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: 'FFFF0000' },
      };
      blad.getRow(5).values = ['', ''];
      blad.getRow(6).values = ['3', '4'];
    });
    const { records } = await leesXlsx(bestand);
    expect(records).toEqual([
      { rij: 2, velden: ['1', '2'] },
      { rij: 6, velden: ['3', '4'] },
    ]);
  });

  it('takes the first non-empty row as the header', async () => {
    const bestand = await eenBlad((blad) => {
      blad.getRow(3).values = ['kpi', 'waarde'];
      blad.getRow(4).values = ['A', 1];
    });
    expect(await leesXlsx(bestand)).toMatchObject({
      kop: ['kpi', 'waarde'],
      kopRij: 3,
      records: [{ rij: 4 }],
    });
  });

  it('keeps columns in place: a row with gaps gets empty cells, short rows are padded to the header', async () => {
    const bestand = await eenBlad((blad) => {
      blad.getRow(1).values = ['a', 'b', 'c', 'd'];
      blad.getCell('A2').value = 'x';
      blad.getCell('C2').value = 'z';
      blad.getCell('B3').value = 'y';
    });
    expect((await leesXlsx(bestand)).records).toEqual([
      { rij: 2, velden: ['x', '', 'z', ''] },
      { rij: 3, velden: ['', 'y', '', ''] },
    ]);
  });

  it('keeps cells beyond the header and leaves header cells to the right of the last one out', async () => {
    const bestand = await eenBlad((blad) => {
      blad.getRow(1).values = ['a', 'b'];
      blad.getCell('E1').numFmt = '@'; // styled, empty
      blad.getRow(2).values = ['1', '2', '3'];
    });
    expect(await leesXlsx(bestand)).toMatchObject({
      kop: ['a', 'b'],
      records: [{ velden: ['1', '2', '3'] }],
    });
  });

  it('keeps a header that starts in a later column in its place', async () => {
    const bestand = await eenBlad((blad) => {
      blad.getCell('B2').value = 'kpi';
      blad.getCell('C2').value = 'waarde';
      blad.getCell('B3').value = 'K';
      blad.getCell('C3').value = 4;
    });
    expect(await leesXlsx(bestand)).toMatchObject({
      kop: ['', 'kpi', 'waarde'],
      kopRij: 2,
      records: [{ rij: 3, velden: ['', 'K', 4] }],
    });
  });

  it('turns a numeric header cell into text', async () => {
    const bestand = await eenBlad((blad) => {
      blad.addRow(['kpi', 2026]);
      blad.addRow(['A', 1]);
    });
    expect((await leesXlsx(bestand)).kop).toEqual(['kpi', '2026']);
  });

  it('reads every kind of cell value', async () => {
    const bestand = await eenBlad((blad) => {
      blad.addRow(['soort', 'waarde']);
      const rijen: [string, ExcelJS.CellValue, string?][] = [
        ['getal', 12.5],
        ['negatief', -3],
        ['tekst met komma', '12,5'],
        ['tekst met spaties', '  80 '],
        ['formule', { formula: 'A1*2', result: 25 }, '0.00'],
        ['drijvende komma', { formula: '0.1+0.2', result: 0.1 + 0.2 }],
        ['tekstformule', { formula: 'A1&"x"', result: 'abx' }],
        ['fout', { error: '#DIV/0!' }],
        ['formule met fout', { formula: '1/0', result: { error: '#DIV/0!' } }],
        ['rijke tekst', { richText: [{ text: 'vet ', font: { bold: true } }, { text: 'gewoon' }] }],
        ['hyperlink', { text: 'site', hyperlink: 'https://example.org' }],
        ['waar', true],
        ['onwaar', false],
        ['datum', new Date(Date.UTC(2026, 2, 31)), 'dd-mm-yyyy'],
        ['datum en tijd', new Date(Date.UTC(2026, 2, 31, 14, 5, 9)), 'dd-mm-yyyy hh:mm:ss'],
        ['groot geheel getal', 123456789012],
        ['nul', 0],
      ];
      for (const [soort, waarde, formaat] of rijen) {
        const rij = blad.addRow([soort]);
        rij.getCell(2).value = waarde;
        if (formaat) rij.getCell(2).numFmt = formaat;
      }
    });
    const waarden = Object.fromEntries(
      (await leesXlsx(bestand)).records.map((r) => [r.velden[0], r.velden[1]]),
    );
    expect(waarden).toEqual({
      getal: 12.5,
      negatief: -3,
      'tekst met komma': '12,5',
      'tekst met spaties': '  80 ',
      formule: 25,
      'drijvende komma': 0.3,
      tekstformule: 'abx',
      fout: '#DIV/0!',
      'formule met fout': '#DIV/0!',
      'rijke tekst': 'vet gewoon',
      hyperlink: 'site',
      waar: 'WAAR',
      onwaar: 'ONWAAR',
      datum: '2026-03-31',
      'datum en tijd': '2026-03-31T14:05:09',
      'groot geheel getal': 123456789012,
      nul: 0,
    });
  });

  it('reads the first visible sheet, skipping a hidden one in front', async () => {
    const bestand = await werkmap(
      ['Lijsten', (b) => b.addRow(['verborgen']), { state: 'hidden' }],
      ['Invoer', (b) => b.addRow(['zichtbaar'])],
      ['Tweede', (b) => b.addRow(['later'])],
    );
    expect(await leesXlsx(bestand)).toMatchObject({ werkblad: 'Invoer', kop: ['zichtbaar'] });
  });

  it('reads the first sheet when all are hidden', async () => {
    const bestand = await werkmap(
      ['Een', (b) => b.addRow(['een']), { state: 'hidden' }],
      ['Twee', (b) => b.addRow(['twee']), { state: 'veryHidden' }],
    );
    expect((await leesXlsx(bestand)).werkblad).toBe('Een');
  });

  it('gives an empty table for an empty sheet', async () =>
    expect(await leesXlsx(await eenBlad(() => undefined))).toEqual({
      werkblad: 'Waarden',
      kop: [],
      kopRij: 0,
      records: [],
    }));

  it('accepts a Uint8Array', async () => {
    const bestand = await eenBlad((blad) => blad.addRow(['a']));
    const kopie = new Uint8Array(bestand.length + 8);
    kopie.set(bestand, 8);
    expect((await leesXlsx(kopie.subarray(8))).kop).toEqual(['a']);
  });

  it('gives the same table as the CSV export of the same sheet', async () => {
    const rijen = [
      ['kpi-code', 'perceel', 'waarde', 'toelichting'],
      ['JGD-01', 'Noord', '12,5', 'met "aanhalingstekens"'],
      ['JGD-02', '', '7', ''],
    ];
    const bestand = await eenBlad((blad) => {
      blad.addRow(rijen[0]);
      blad.addRow([]);
      blad.getRow(3).values = rijen[1];
      blad.getRow(4).values = rijen[2];
    });
    const csv =
      'kpi-code;perceel;waarde;toelichting\n\nJGD-01;Noord;12,5;"met ""aanhalingstekens"""\nJGD-02;;7;\n';
    const vanCsv: Tabel = parseCsv(csv);
    const vanXlsx: Tabel = await leesXlsx(bestand);
    const zonderRegel = (t: Tabel) => ({
      kop: t.kop,
      kopRij: t.kopRij,
      records: t.records.map(({ rij, velden }) => ({ rij, velden })),
    });
    expect(zonderRegel(vanXlsx)).toEqual(zonderRegel(vanCsv));
  });

  describe('files it refuses', () => {
    it('refuses a CSV file renamed to .xlsx', async () =>
      await expect(leesXlsx(Buffer.from('kpi;waarde\nA;1\n'))).rejects.toThrow(XlsxLeesFout));

    it('refuses an empty file', async () =>
      await expect(leesXlsx(Buffer.alloc(0))).rejects.toThrow(XlsxLeesFout));

    it('refuses a truncated workbook with a Dutch message', async () => {
      const bestand = await eenBlad((blad) => blad.addRow(['a']));
      await expect(leesXlsx(bestand.subarray(0, bestand.length - 200))).rejects.toThrow(
        /kan niet als Excel-werkmap \(\.xlsx\) gelezen worden/,
      );
    });

    it('refuses a workbook that is too large uncompressed, before loading it', async () => {
      const bestand = await eenBlad((blad) => {
        for (let i = 0; i < 2000; i++) blad.addRow([`regel ${i}`, i]);
      });
      await expect(leesXlsx(bestand, { maxOngecomprimeerd: 50_000 })).rejects.toThrow(
        /is uitgepakt \d+ MB groot; dat is meer dan de 1 MB/,
      );
      await expect(leesXlsx(bestand)).resolves.toMatchObject({ records: expect.any(Array) });
    });
  });

  it('reads 100 000 rows × 6 columns', async () => {
    const bestand = await eenBlad((blad) => {
      blad.addRow(['kpi-code', 'perceel', 'waarde', 'toelichting', 'bron', 'teller']);
      for (let i = 0; i < 100_000; i++) {
        blad.addRow([
          `K-${i % 50}`,
          `P${i % 7}`,
          i % 2 ? i + 0.5 : `${i},5`,
          i % 3 ? `toelichting ${i}` : null,
          'registratie',
          i,
        ]);
      }
    });
    const start = performance.now();
    const tabel = await leesXlsx(bestand);
    console.log(
      `leesXlsx: 100 000 rijen × 6 kolommen (${Math.round(bestand.length / 1024)} kB) in ${Math.round(performance.now() - start)} ms`,
    );
    expect(tabel.records).toHaveLength(100_000);
    expect(tabel.records[0]).toEqual({
      rij: 2,
      velden: ['K-0', 'P0', '0,5', '', 'registratie', 0],
    });
    expect(tabel.records[1]).toEqual({
      rij: 3,
      velden: ['K-1', 'P1', 1.5, 'toelichting 1', 'registratie', 1],
    });
    expect(tabel.records[99_999]).toEqual({
      rij: 100_001,
      velden: ['K-49', 'P4', 99_999.5, '', 'registratie', 99_999],
    });
  }, 120_000);
});

describe('naarCel', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    [Number.NaN, ''],
    [Number.POSITIVE_INFINITY, ''],
    [1 / 3, 0.333333333333333],
    [1e21, 1e21],
    [{ formula: 'A1' }, ''],
    [{ sharedFormula: 'A1', result: 4 }, 4],
    [{ text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'x' }, 'ab'],
    [{ text: 12, hyperlink: 'x' }, '12'],
    [new Date(Number.NaN), ''],
    [{ onbekend: true }, ''],
  ])('turns %p into %p', (waarde, verwacht) => expect(naarCel(waarde)).toEqual(verwacht));
});

describe('ongecomprimeerdeGrootte', () => {
  it('sums the uncompressed sizes, which exceed the compressed file', async () => {
    const bestand = await eenBlad((blad) => {
      for (let i = 0; i < 500; i++) blad.addRow(['herhaalde tekst die goed comprimeert', i]);
    });
    expect(ongecomprimeerdeGrootte(bestand)).toBeGreaterThan(bestand.length * 2);
  });

  it('gives null for what is not a zip', () => {
    expect(ongecomprimeerdeGrootte(Buffer.from('geen zip'))).toBeNull();
    expect(
      ongecomprimeerdeGrootte(Buffer.from([0x50, 0x4b, 0x03, 0x04, ...new Array(40).fill(0)])),
    ).toBeNull();
  });
});

import { parseCsv } from './csv';
import {
  KpiImportFout,
  KpiImportKpi,
  KpiImportOpzoeklijsten,
  KpiImportResultaat,
  valideerKpiImport,
} from './kpi-import';
import { Tabel, TabelCel } from './tabel';

/** A table with the header on row 1 and the records on rows 2, 3, … */
function tabel(kop: string[], ...rijen: TabelCel[][]): Tabel {
  return { kop, kopRij: 1, records: rijen.map((velden, i) => ({ rij: i + 2, velden })) };
}

const KOP = ['kpi-code', 'perceel', 'waarde', 'toelichting', 'bron'];

const opzoek: KpiImportOpzoeklijsten = {
  kpis: new Map<string, KpiImportKpi>([
    ['JGD-01', { id: 'kpi-1', versieId: 'versie-1', perPerceel: true }],
    ['jgd-02', { id: 'kpi-2', versieId: 'versie-2', perPerceel: false }],
  ]),
  percelen: new Map([
    ['NOORD', 'perceel-noord'],
    ['Zuid', 'perceel-zuid'],
  ]),
};

function fouten(resultaat: KpiImportResultaat): KpiImportFout[] {
  if (resultaat.ok) throw new Error(`verwachtte fouten, kreeg ${resultaat.waarden.length} waarden`);
  return resultaat.fouten;
}

function waarden(resultaat: KpiImportResultaat) {
  if (!resultaat.ok)
    throw new Error(`verwachtte waarden, kreeg ${JSON.stringify(resultaat.fouten)}`);
  return resultaat.waarden;
}

/** The value of the only row of a file with KPI JGD-02 (not per perceel). */
const leesEen = (waarde: TabelCel) =>
  valideerKpiImport(tabel(['kpi-code', 'waarde'], ['JGD-02', waarde]), opzoek);

describe('valideerKpiImport', () => {
  it('refuses a NUL or a lone surrogate in a text cell, naming row and column', () =>
    expect(
      fouten(
        valideerKpiImport(
          tabel(
            KOP,
            ['JGD-01', 'Noord', '12', 'a\u0000b', ''],
            ['JGD-01', 'Zuid', '7', 'regel 1\nregel 2', 'x\ud800'],
          ),
          opzoek,
        ),
      ),
    ).toEqual([
      { rij: 2, kolom: 'toelichting', melding: expect.stringContaining('niet is toegestaan') },
      { rij: 3, kolom: 'bron', melding: expect.stringContaining('niet is toegestaan') },
    ]));

  it('returns every value of a clean file with ids, decimal and row', () =>
    expect(
      valideerKpiImport(
        tabel(
          KOP,
          ['JGD-01', 'Noord', '12,5', ' Meer aanmeldingen ', 'registratie'],
          ['JGD-01', 'Zuid', 7, '', ''],
          ['JGD-02', '', '80', '', '  '],
        ),
        opzoek,
      ),
    ).toEqual({
      ok: true,
      waarden: [
        {
          kpiId: 'kpi-1',
          kpiVersieId: 'versie-1',
          perceelId: 'perceel-noord',
          waarde: '12.5',
          toelichting: 'Meer aanmeldingen',
          bron: 'registratie',
          rij: 2,
        },
        { kpiId: 'kpi-1', kpiVersieId: 'versie-1', perceelId: 'perceel-zuid', waarde: '7', rij: 3 },
        { kpiId: 'kpi-2', kpiVersieId: 'versie-2', perceelId: null, waarde: '80', rij: 4 },
      ],
    }));

  it('matches KPI and perceel codes trimmed and without regard to case', () =>
    expect(
      waarden(valideerKpiImport(tabel(KOP, [' jgd-01 ', ' noord', '1', '', '']), opzoek))[0],
    ).toMatchObject({
      kpiId: 'kpi-1',
      perceelId: 'perceel-noord',
    }));

  describe('columns', () => {
    it.each([
      [['KPI-code', 'Perceel', 'Waarde']],
      [['kpi', 'perceelcode', 'waarde']],
      [['Code', 'PERCEEL', 'WAARDE']],
      [['kpiCode', 'perceel_code', ' Waarde ']],
      [['KPI code', 'Perceel code', 'waarde']],
    ])('accepts the header %j', (kop) =>
      expect(waarden(valideerKpiImport(tabel(kop, ['JGD-01', 'Noord', '3']), opzoek))).toHaveLength(
        1,
      ),
    );

    it('takes the columns in any order and ignores others', () =>
      expect(
        waarden(
          valideerKpiImport(
            tabel(
              ['opmerking intern', 'Bron', 'Waarde', 'Toelichting', 'Perceel', 'KPI'],
              ['x', 'b', '4', 't', 'Zuid', 'JGD-01'],
            ),
            opzoek,
          ),
        ),
      ).toEqual([
        {
          kpiId: 'kpi-1',
          kpiVersieId: 'versie-1',
          perceelId: 'perceel-zuid',
          waarde: '4',
          toelichting: 't',
          bron: 'b',
          rij: 2,
        },
      ]));

    it('does not need a perceel column when no KPI in the file is per perceel', () =>
      expect(
        waarden(valideerKpiImport(tabel(['kpi-code', 'waarde'], ['JGD-02', '5']), opzoek)),
      ).toHaveLength(1));

    it.each([
      ['kpi-code', ['perceel', 'waarde']],
      ['waarde', ['kpi-code', 'perceel', 'toelichting']],
    ])('reports the missing column %s on the header row', (kolom, kop) => {
      const resultaat = valideerKpiImport({ ...tabel(kop, ['x', 'y', 'z']), kopRij: 3 }, opzoek);
      expect(fouten(resultaat)).toEqual([
        { rij: 3, kolom, melding: expect.stringContaining(`De kolom '${kolom}' ontbreekt.`) },
      ]);
    });

    it('reports both missing columns at once and nothing about the rows', () =>
      expect(
        fouten(valideerKpiImport(tabel(['naam', 'getal'], ['x', 'y']), opzoek)).map((f) => f.kolom),
      ).toEqual(['kpi-code', 'waarde']));

    it('refuses two columns that mean the same', () =>
      expect(
        fouten(
          valideerKpiImport(
            tabel(['kpi', 'KPI-code', 'waarde'], ['JGD-02', 'JGD-02', '1']),
            opzoek,
          ),
        ),
      ).toEqual([
        {
          rij: 1,
          kolom: 'KPI-code',
          melding: "De kolommen 'kpi' en 'KPI-code' zijn allebei de kpi-code; laat er één staan.",
        },
      ]));

    it('reports an empty file', () =>
      expect(fouten(valideerKpiImport({ kop: [], kopRij: 0, records: [] }, opzoek))).toEqual([
        { rij: 1, melding: expect.stringContaining('Het bestand is leeg') },
      ]));

    it('reports a header without rows', () =>
      expect(fouten(valideerKpiImport(tabel(KOP, ['', ' ', '', '', '']), opzoek))).toEqual([
        { rij: 1, melding: 'Het bestand heeft een kopregel maar geen regels met waarden.' },
      ]));
  });

  describe('gewicht and datakwaliteit', () => {
    const KOP_EXTRA = ['kpi-code', 'perceel', 'waarde', 'Gewicht', 'Data-kwaliteit'];

    it('reads an optional weight and data-quality flag per row', () =>
      expect(
        waarden(
          valideerKpiImport(
            tabel(
              KOP_EXTRA,
              ['JGD-01', 'Noord', '12,5', '40', 'Voorlopig'],
              ['JGD-01', 'Zuid', '7', '', ''],
              ['JGD-02', '', '80', 1250.5, ' onzeker '],
            ),
            opzoek,
          ),
        ),
      ).toEqual([
        {
          kpiId: 'kpi-1',
          kpiVersieId: 'versie-1',
          perceelId: 'perceel-noord',
          waarde: '12.5',
          gewicht: '40',
          datakwaliteit: 'voorlopig',
          rij: 2,
        },
        { kpiId: 'kpi-1', kpiVersieId: 'versie-1', perceelId: 'perceel-zuid', waarde: '7', rij: 3 },
        {
          kpiId: 'kpi-2',
          kpiVersieId: 'versie-2',
          perceelId: null,
          waarde: '80',
          gewicht: '1250.5',
          datakwaliteit: 'onzeker',
          rij: 4,
        },
      ]));

    it('reads the weight with the decimal separator the file proves', () =>
      expect(
        waarden(
          valideerKpiImport(
            tabel(KOP_EXTRA, ['JGD-01', 'Noord', '1.234', '2,5', ''], ['JGD-02', '', '3', '', '']),
            opzoek,
          ),
        )[0],
      ).toMatchObject({ waarde: '1234', gewicht: '2.5' }));

    it('reports a weight that is not a number and an unknown flag, naming the columns', () =>
      expect(
        fouten(
          valideerKpiImport(
            tabel(
              KOP_EXTRA,
              ['JGD-01', 'Noord', '3', 'veel', 'prima'],
              ['JGD-02', '', '3', '', ''],
            ),
            opzoek,
          ),
        ),
      ).toEqual([
        {
          rij: 2,
          kolom: 'Gewicht',
          melding: expect.stringContaining("'veel' is geen getal") as string,
        },
        {
          rij: 2,
          kolom: 'Data-kwaliteit',
          melding:
            "'prima' is geen datakwaliteit; kies uit betrouwbaar, voorlopig, onvolledig, onzeker of laat de cel leeg (betrouwbaar).",
        },
      ]));
  });

  describe('a KPI that adds up as a weighted mean', () => {
    const gewogen: KpiImportOpzoeklijsten = {
      ...opzoek,
      kpis: new Map<string, KpiImportKpi>([
        ['JGD-03', { id: 'kpi-3', versieId: 'versie-3', perPerceel: true, gewogen: true }],
      ]),
    };

    it('refuses a perceel figure without a weight, naming the row and the column', () =>
      expect(
        fouten(
          valideerKpiImport(
            tabel(
              ['kpi-code', 'perceel', 'waarde', 'gewicht'],
              ['JGD-03', 'Noord', '12', '400'],
              ['JGD-03', 'Zuid', '8', ''],
            ),
            gewogen,
          ),
        ),
      ).toEqual([
        {
          rij: 3,
          kolom: 'gewicht',
          melding:
            "KPI 'JGD-03' telt over de percelen op als gewogen gemiddelde: vul het gewicht van dit perceel in (bijvoorbeeld het aantal inwoners of cliënten).",
        },
      ]));

    it('says a gewicht column is needed when the file has none', () =>
      expect(
        fouten(
          valideerKpiImport(
            tabel(['kpi-code', 'perceel', 'waarde'], ['JGD-03', 'Noord', '12']),
            gewogen,
          ),
        )[0].melding,
      ).toContain("vul in een kolom 'gewicht' het gewicht van dit perceel in"));

    it('accepts a figure without a weight when the account already holds one for it', () =>
      expect(
        waarden(
          valideerKpiImport(tabel(['kpi-code', 'perceel', 'waarde'], ['JGD-03', 'Noord', '12']), {
            ...gewogen,
            opgeslagenGewichten: new Set(['kpi-3:perceel-noord']),
          }),
        ),
      ).toEqual([
        {
          kpiId: 'kpi-3',
          kpiVersieId: 'versie-3',
          perceelId: 'perceel-noord',
          waarde: '12',
          rij: 2,
        },
      ]));
  });

  describe('row errors', () => {
    it('reports an unknown KPI code', () =>
      expect(fouten(valideerKpiImport(tabel(KOP, ['JGD-99', 'Noord', '1']), opzoek))).toEqual([
        {
          rij: 2,
          kolom: 'kpi-code',
          melding: "Onbekende KPI-code 'JGD-99': die staat niet in de KPI-set van deze opdracht.",
        },
      ]));

    it('reports a missing KPI code', () =>
      expect(fouten(valideerKpiImport(tabel(KOP, ['', 'Noord', '1']), opzoek))).toEqual([
        { rij: 2, kolom: 'kpi-code', melding: 'De KPI-code ontbreekt.' },
      ]));

    it('reports an unknown perceel', () =>
      expect(fouten(valideerKpiImport(tabel(KOP, ['JGD-01', 'West', '1']), opzoek))).toEqual([
        {
          rij: 2,
          kolom: 'perceel',
          melding: "Onbekend perceel 'West': dat is geen perceel van deze aanbieder.",
        },
      ]));

    it('reports an unknown perceel also when the KPI is unknown', () =>
      expect(
        fouten(valideerKpiImport(tabel(KOP, ['JGD-99', 'West', '1']), opzoek)).map((f) => f.kolom),
      ).toEqual(['kpi-code', 'perceel']));

    it('reports a perceel given for a KPI that is not per perceel', () =>
      expect(fouten(valideerKpiImport(tabel(KOP, ['JGD-02', 'Noord', '1']), opzoek))).toEqual([
        {
          rij: 2,
          kolom: 'perceel',
          melding: "KPI 'JGD-02' wordt niet per perceel verantwoord: laat het perceel leeg.",
        },
      ]));

    it('reports a missing perceel for a KPI that is per perceel', () =>
      expect(fouten(valideerKpiImport(tabel(KOP, ['JGD-01', ' ', '1']), opzoek))).toEqual([
        {
          rij: 2,
          kolom: 'perceel',
          melding: "KPI 'JGD-01' wordt per perceel verantwoord: vul het perceel in.",
        },
      ]));

    it('says so when the perceel column itself is missing', () =>
      expect(fouten(valideerKpiImport(tabel(['kpi', 'waarde'], ['JGD-01', '1']), opzoek))).toEqual([
        {
          rij: 2,
          kolom: 'perceel',
          melding:
            "KPI 'JGD-01' wordt per perceel verantwoord, maar het bestand heeft geen kolom 'perceel'.",
        },
      ]));

    it.each([['abc'], ['12,5%'], ['€ 12'], ['12 5'], ['1,2,3'], ['1e3'], ['--1']])(
      'reports %j as not a number',
      (waarde) =>
        expect(fouten(leesEen(waarde))).toEqual([
          {
            rij: 2,
            kolom: 'waarde',
            melding: expect.stringMatching(/^'.+' is geen getal\. Schrijf alleen het getal/),
          },
        ]),
    );

    it.each([[''], ['   ']])('reports the missing value %j', (waarde) =>
      expect(fouten(leesEen(waarde))).toEqual([
        { rij: 2, kolom: 'waarde', melding: 'De waarde ontbreekt.' },
      ]),
    );

    it('reports a missing value when the row stops before the value column', () =>
      expect(
        fouten(
          valideerKpiImport(tabel(['kpi', 'toelichting', 'waarde'], ['JGD-02', 'tekst']), opzoek),
        ),
      ).toEqual([{ rij: 2, kolom: 'waarde', melding: 'De waarde ontbreekt.' }]));

    it('reports a spreadsheet number that is not finite', () =>
      expect(fouten(leesEen(Number.NaN))).toEqual([
        { rij: 2, kolom: 'waarde', melding: 'De waarde is geen eindig getal.' },
      ]));

    it('names the columns as the file writes them', () =>
      expect(
        fouten(
          valideerKpiImport(
            tabel(['KPI', 'Perceelcode', 'Waarde'], ['JGD-01', 'West', 'x']),
            opzoek,
          ),
        ),
      ).toEqual([
        { rij: 2, kolom: 'Perceelcode', melding: expect.any(String) },
        { rij: 2, kolom: 'Waarde', melding: expect.any(String) },
      ]));

    it('cuts a long value short in the message', () => {
      const [fout] = fouten(leesEen('x'.repeat(500)));
      expect(fout.melding).toContain(`'${'x'.repeat(39)}…'`);
      expect(fout.melding.length).toBeLessThan(200);
    });
  });

  describe('duplicates', () => {
    it('reports the same KPI and perceel twice, naming the earlier row', () =>
      expect(
        fouten(
          valideerKpiImport(
            tabel(KOP, ['JGD-01', 'Noord', '1'], ['JGD-01', 'Zuid', '2'], ['jgd-01', 'noord', '3']),
            opzoek,
          ),
        ),
      ).toEqual([
        {
          rij: 4,
          kolom: 'kpi-code',
          melding:
            "KPI 'jgd-01' staat voor perceel 'noord' al op rij 2; een KPI krijgt één waarde per perceel.",
        },
      ]));

    it('reports a KPI without perceel twice', () =>
      expect(
        fouten(
          valideerKpiImport(tabel(['kpi', 'waarde'], ['JGD-02', '1'], ['JGD-02', '1']), opzoek),
        ),
      ).toEqual([
        {
          rij: 3,
          kolom: 'kpi',
          melding: "KPI 'JGD-02' staat al op rij 2; een KPI krijgt één waarde.",
        },
      ]));

    it('names the first row for every later repetition', () =>
      expect(
        fouten(
          valideerKpiImport(
            tabel(['kpi', 'waarde'], ['JGD-02', '1'], ['JGD-02', '2'], ['JGD-02', '3']),
            opzoek,
          ),
        ).map((f) => [f.rij, f.melding.match(/rij (\d+)/)?.[1]]),
      ).toEqual([
        [3, '2'],
        [4, '2'],
      ]));

    it('also reports a duplicate whose value is invalid', () =>
      expect(
        fouten(
          valideerKpiImport(tabel(['kpi', 'waarde'], ['JGD-02', '1'], ['JGD-02', 'x']), opzoek),
        ).map((f) => f.kolom),
      ).toEqual(['waarde', 'kpi']));

    it('does not count rows with an unknown perceel as duplicates', () =>
      expect(
        fouten(
          valideerKpiImport(tabel(KOP, ['JGD-01', 'West', '1'], ['JGD-01', 'West', '1']), opzoek),
        ),
      ).toHaveLength(2));
  });

  describe('numbers', () => {
    it.each([
      ['12,5', '12.5'],
      ['12.5', '12.5'],
      ['1.234,5', '1234.5'],
      ['1,234.5', '1234.5'],
      ['1.234.567', '1234567'],
      ['-0,5', '-0.5'],
      ['+3', '3'],
      [' 80 ', '80'],
      ['0,125', '0.125'],
      ['12,50', '12.5'],
      [12.5, '12.5'],
      [0, '0'],
      [-3, '-3'],
      [1e21, '1000000000000000000000'],
    ])('reads %j as %s', (waarde, verwacht) =>
      expect(waarden(leesEen(waarde))[0].waarde).toBe(verwacht),
    );

    const metPerceel = (...waarden: TabelCel[]) =>
      tabel(
        ['kpi', 'perceel', 'waarde'],
        ...waarden.map((w, i): TabelCel[] => ['JGD-01', ['Noord', 'Zuid'][i], w]),
      );

    it('refuses "1.234" when nothing in the file tells the separator, and says why', () =>
      expect(fouten(leesEen('1.234'))).toEqual([
        {
          rij: 2,
          kolom: 'waarde',
          melding:
            "'1.234' kan 1234 of 1,234 betekenen, en uit de andere waarden in het bestand blijkt niet eenduidig of het een komma of een punt als decimaalteken gebruikt. Schrijf 1234 zonder scheidingsteken voor duizendtallen, of geef het decimaalteken op.",
        },
      ]));

    it('reads "1.234" as 1234 when another value proves the komma', () =>
      expect(
        waarden(valideerKpiImport(metPerceel('1.234', '12,5'), opzoek)).map((w) => w.waarde),
      ).toEqual(['1234', '12.5']));

    it('reads "1.234" as 1.234 and "1,234" as 1234 when another value proves the punt', () => {
      expect(
        waarden(valideerKpiImport(metPerceel('1.234', '12.5'), opzoek)).map((w) => w.waarde),
      ).toEqual(['1.234', '12.5']);
      expect(
        waarden(valideerKpiImport(metPerceel('1,234', '12.5'), opzoek)).map((w) => w.waarde),
      ).toEqual(['1234', '12.5']);
    });

    it('takes thousands grouping as proof too', () =>
      expect(
        waarden(valideerKpiImport(metPerceel('1.234', '1.234.567'), opzoek)).map((w) => w.waarde),
      ).toEqual(['1234', '1234567']));

    it('refuses an ambiguous value when the file proves both separators', () =>
      expect(
        fouten(
          valideerKpiImport(
            tabel(
              ['kpi', 'perceel', 'waarde'],
              ['JGD-01', 'Noord', '12,5'],
              ['JGD-01', 'Zuid', '12.5'],
              ['JGD-02', '', '1.234'],
            ),
            opzoek,
          ),
        ).map((f) => f.rij),
      ).toEqual([4]));

    it('does not take spreadsheet numbers as proof', () =>
      expect(
        fouten(valideerKpiImport(metPerceel('1.234', 12.5), opzoek)).map((f) => f.rij),
      ).toEqual([2]));

    it('follows the decimal separator the user gave', () => {
      expect(
        waarden(valideerKpiImport(metPerceel('1.234'), opzoek, { decimaalteken: 'punt' }))[0]
          .waarde,
      ).toBe('1.234');
      expect(
        waarden(valideerKpiImport(metPerceel('1.234'), opzoek, { decimaalteken: 'komma' }))[0]
          .waarde,
      ).toBe('1234');
    });

    it('explains a negative ambiguous value with its sign', () =>
      expect(fouten(leesEen('-1,234'))[0].melding).toMatch(
        /^'-1,234' kan -1234 of -1,234 betekenen/,
      ));
  });

  it('reports every error of every row together, in row order', () => {
    const resultaat = valideerKpiImport(
      tabel(
        KOP,
        ['JGD-01', 'Noord', '1'],
        ['JGD-99', 'Noord', 'veel'],
        ['JGD-02', 'Zuid', ''],
        ['', '', ''],
        ['JGD-01', '', '2'],
        ['JGD-01', 'Noord', '3'],
        ['JGD-01', 'Zuid', '4'],
      ),
      opzoek,
    );
    expect(fouten(resultaat).map(({ rij, kolom }) => `${rij}:${kolom}`)).toEqual([
      '3:kpi-code',
      '3:waarde',
      '4:perceel',
      '4:waarde',
      '6:perceel',
      '7:kpi-code',
    ]);
  });

  it('skips blank rows, also of empty cells from a spreadsheet export', () =>
    expect(
      waarden(
        valideerKpiImport(
          tabel(KOP, ['', '', '', '', ''], ['JGD-02', '', '1', '', ''], ['  ']),
          opzoek,
        ),
      ),
    ).toHaveLength(1));

  it('validates what parseCsv reads', () => {
    const csv = parseCsv(
      '\uFEFFKPI-code;Perceel;Waarde;Toelichting\r\nJGD-01;Noord;"1.234,5";"Meer ""zware"" casussen"\r\n\r\nJGD-02;;80;\r\n',
    );
    expect(waarden(valideerKpiImport(csv, opzoek))).toEqual([
      {
        kpiId: 'kpi-1',
        kpiVersieId: 'versie-1',
        perceelId: 'perceel-noord',
        waarde: '1234.5',
        toelichting: 'Meer "zware" casussen',
        rij: 2,
      },
      { kpiId: 'kpi-2', kpiVersieId: 'versie-2', perceelId: null, waarde: '80', rij: 4 },
    ]);
  });

  it('refuses lookup maps with two codes that differ only in case', () =>
    expect(() =>
      valideerKpiImport(tabel(KOP, ['JGD-01', 'Noord', '1']), {
        ...opzoek,
        percelen: new Map([
          ['Noord', 'a'],
          ['NOORD', 'b'],
        ]),
      }),
    ).toThrow(RangeError));

  describe('100 000 rows', () => {
    const kpis = new Map<string, KpiImportKpi>();
    for (let k = 0; k < 1000; k++)
      kpis.set(`K-${k}`, { id: `kpi-${k}`, versieId: `v-${k}`, perPerceel: true });
    const percelen = new Map<string, string>();
    for (let p = 0; p < 100; p++) percelen.set(`P${p}`, `perceel-${p}`);
    const groot = (waarde: (i: number) => TabelCel, kpi = (i: number) => `K-${i % 1000}`) =>
      tabel(
        KOP,
        ...Array.from({ length: 100_000 }, (_, i) => [
          kpi(i),
          `P${Math.floor(i / 1000)}`,
          waarde(i),
          'toelichting',
          'bron',
        ]),
      );

    it('validates a clean file', () => {
      const invoer = groot((i) => `${i},5`);
      const start = performance.now();
      const resultaat = valideerKpiImport(invoer, { kpis, percelen });
      console.log(
        `valideerKpiImport: 100 000 goede rijen in ${Math.round(performance.now() - start)} ms`,
      );
      const lijst = waarden(resultaat);
      expect(lijst).toHaveLength(100_000);
      expect(lijst[99_999]).toEqual({
        kpiId: 'kpi-999',
        kpiVersieId: 'v-999',
        perceelId: 'perceel-99',
        waarde: '99999.5',
        toelichting: 'toelichting',
        bron: 'bron',
        rij: 100_001,
      });
    });

    it('collects an error for every row of a file that is wrong throughout', () => {
      const invoer = groot(
        () => 'x',
        () => 'K-0',
      );
      const start = performance.now();
      const resultaat = valideerKpiImport(invoer, { kpis, percelen });
      console.log(
        `valideerKpiImport: 100 000 foute rijen in ${Math.round(performance.now() - start)} ms`,
      );
      // Every row has a non-number; every row after the first of its perceel is a duplicate.
      expect(fouten(resultaat)).toHaveLength(100_000 + 100_000 - 100);
    });
  });
});

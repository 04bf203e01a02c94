import { detecteerScheidingsteken, parseCsv } from './csv';

const velden = (tekst: string) => parseCsv(tekst).records.map((r) => r.velden);

describe('detecteerScheidingsteken', () => {
  it.each([
    ['kpiCode;perceel;waarde\n', ';'],
    ['kpiCode,perceel,waarde\n', ','],
    ['kpiCode\tperceel\twaarde\n', '\t'],
    ['"kpi;code",perceel,waarde\n', ','],
    ['kpiCode;"perceel, naam";waarde\n', ';'],
    ['\uFEFFkpiCode,perceel\r\n', ','],
    ['waarde\n1,5;2\n', ';'],
    ['a;b,c\n', ';'],
    ['', ';'],
  ])('detects the separator of %j as %j', (tekst, verwacht) =>
    expect(detecteerScheidingsteken(tekst)).toBe(verwacht),
  );

  it('only looks at the header, not at values further down', () =>
    expect(detecteerScheidingsteken('a;b;c\n1,5,2,5,3,5\n1,5,2,5,3,5\n')).toBe(';'));
});

describe('parseCsv', () => {
  it('reads a semicolon file with header and records', () => {
    const resultaat = parseCsv('kpiCode;perceel;waarde\nJGD-01;Noord;12,5\nJGD-02;Zuid;7\n');
    expect(resultaat).toEqual({
      scheidingsteken: ';',
      kop: ['kpiCode', 'perceel', 'waarde'],
      kopRij: 1,
      records: [
        { rij: 2, regel: 2, velden: ['JGD-01', 'Noord', '12,5'] },
        { rij: 3, regel: 3, velden: ['JGD-02', 'Zuid', '7'] },
      ],
      fouten: [],
    });
  });

  it('reads a comma file with a quoted Dutch decimal', () =>
    expect(velden('kpiCode,perceel,waarde\nJGD-01,Noord,"12,5"\n')).toEqual([
      ['JGD-01', 'Noord', '12,5'],
    ]));

  it('drops a UTF-8 BOM', () =>
    expect(parseCsv('\uFEFFkpiCode;waarde\nA;1').kop).toEqual(['kpiCode', 'waarde']));

  it('handles CRLF, LF and a lone CR', () =>
    expect(velden('h1;h2\r\na;b\r\nc;d\ne;f\rg;h')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]));

  it('reads the last record without a trailing newline', () =>
    expect(velden('h\nlaatste')).toEqual([['laatste']]));

  it('keeps empty fields, including a trailing one', () =>
    expect(velden('a;b;c\n;;\nx;;\n;y;')).toEqual([
      ['', '', ''],
      ['x', '', ''],
      ['', 'y', ''],
    ]));

  it('keeps spaces: trimming is for the validation to decide', () =>
    expect(velden('a;b\n x ; y \n')).toEqual([[' x ', ' y ']]));

  describe('quoted fields', () => {
    it('with an embedded separator', () =>
      expect(velden('a;b\n"x;y";z\n')).toEqual([['x;y', 'z']]));
    it('with doubled quotes', () =>
      expect(velden('a\n"zei ""ja"" en ""nee"""\n')).toEqual([['zei "ja" en "nee"']]));
    it('that are only a doubled quote', () =>
      expect(velden('a;b\n"""";x\n')).toEqual([['"', 'x']]));
    it('that are empty', () => expect(velden('a;b\n"";x\n')).toEqual([['', 'x']]));
    it('with embedded LF and CRLF newlines', () =>
      expect(velden('a;b\n"regel 1\nregel 2\r\nregel 3";x\r\n')).toEqual([
        ['regel 1\nregel 2\r\nregel 3', 'x'],
      ]));
    it('in the header', () =>
      expect(parseCsv('"kpi;code";"waarde"\n').kop).toEqual(['kpi;code', 'waarde']));
  });

  describe('row and line numbers', () => {
    it('counts rows like a spreadsheet and lines like an editor', () => {
      const resultaat = parseCsv('a;b\n"twee\nregels";x\nvolgende;y\n');
      expect(resultaat.records.map(({ rij, regel }) => [rij, regel])).toEqual([
        [2, 2],
        [3, 4],
      ]);
    });
    it('skips blank lines but keeps counting them', () => {
      const resultaat = parseCsv('a;b\n\n1;2\n\r\n\n3;4\n\n');
      expect(resultaat.records.map(({ rij, velden: v }) => [rij, v])).toEqual([
        [3, ['1', '2']],
        [6, ['3', '4']],
      ]);
    });
    it('skips blank lines before the header', () => {
      const resultaat = parseCsv('\n\na;b\n1;2\n');
      expect(resultaat.kop).toEqual(['a', 'b']);
      expect(resultaat.kopRij).toBe(3);
      expect(resultaat.records[0].rij).toBe(4);
    });
  });

  it('returns an empty header and no records for an empty file', () =>
    expect(parseCsv('')).toEqual({
      scheidingsteken: ';',
      kop: [],
      kopRij: 0,
      records: [],
      fouten: [],
    }));

  it('honours an explicit separator', () =>
    expect(parseCsv('a;b,c\n1;2,3\n', { scheidingsteken: ',' }).records[0].velden).toEqual([
      '1;2',
      '3',
    ]));

  describe('malformed input is reported, not fatal', () => {
    it('reports an unclosed quote at the line where it opened and reads the rest as one field', () => {
      const resultaat = parseCsv('a;b\nx;y\n"open;z\nmeer\n');
      expect(resultaat.records.map((r) => r.velden)).toEqual([['x', 'y'], ['open;z\nmeer\n']]);
      expect(resultaat.fouten).toEqual([
        { rij: 3, regel: 3, melding: expect.stringContaining('wordt nergens gesloten') },
      ]);
    });
    it('reports a quote in the middle of an unquoted field and keeps it', () => {
      const resultaat = parseCsv('a;b\nx;12"5\nok;1\n');
      expect(resultaat.records[0].velden).toEqual(['x', '12"5']);
      expect(resultaat.fouten).toEqual([
        { rij: 2, regel: 2, melding: expect.stringContaining('Kolom 2') },
      ]);
    });
    it('reports text after a closing quote and keeps it', () => {
      const resultaat = parseCsv('a;b\n"ab"c;d\n');
      expect(resultaat.records[0].velden).toEqual(['abc', 'd']);
      expect(resultaat.fouten).toEqual([
        { rij: 2, regel: 2, melding: expect.stringContaining('Kolom 1') },
      ]);
    });
    it('reports every malformed record, not just the first', () =>
      expect(parseCsv('a\nx"1\ny"2\nz"3\n').fouten.map((f) => f.rij)).toEqual([2, 3, 4]));
  });

  it('reads 100 000 records in one linear pass', () => {
    const regels = ['kpiCode;perceel;waarde;toelichting'];
    for (let i = 0; i < 100_000; i++)
      regels.push(`K-${i % 50};P${i % 7};${i},5;"toelichting ""${i}"";met ;"`);
    const resultaat = parseCsv(regels.join('\r\n'));
    expect(resultaat.fouten).toEqual([]);
    expect(resultaat.records).toHaveLength(100_000);
    expect(resultaat.records[99_999]).toEqual({
      rij: 100_001,
      regel: 100_001,
      velden: ['K-49', 'P4', '99999,5', 'toelichting "99999";met ;'],
    });
  });
});

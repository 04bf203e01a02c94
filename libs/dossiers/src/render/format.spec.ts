import {
  formatBedrag,
  formatDagen,
  formatDatum,
  formatDatumTijd,
  formatEuroBedrag,
  formatGetal,
  formatKpiVerschil,
  formatKpiWaarde,
  formatPercentage,
  formatPeriode,
  normaliseerSpaties,
} from './format';

describe('Dutch formats', () => {
  it('Intl itself puts a no-break space after €; we normalise it to a plain space on purpose', () => {
    const ruw = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(1);
    expect(ruw).toMatch(/^€[\u00a0\u202f ]1,00$/);
    expect(normaliseerSpaties('€\u00a01\u202f0')).toBe('€ 1 0');
  });

  it.each([
    [0, '€ 0,00'],
    [5, '€ 0,05'],
    [123456789, '€ 1.234.567,89'],
    [18_500_000, '€ 185.000,00'],
    [-1250, '-€ 12,50'],
    [900_719_925_474_099, '€ 9.007.199.254.740,99'],
    [123456789012345678901n, '€ 1.234.567.890.123.456.789,01'],
  ])('formatBedrag(%p) is %p', (centen, verwacht) => {
    const tekst = formatBedrag(centen);
    expect(tekst).toBe(verwacht);
    expect(tekst).not.toMatch(/[\u00a0\u202f]/);
  });

  it('refuses cents that are not a safe integer', () => {
    expect(() => formatBedrag(12.5)).toThrow(RangeError);
    expect(() => formatBedrag(2 ** 60)).toThrow(RangeError);
  });

  it.each([
    ['2460', '€ 2.460,00'],
    ['2460.555', '€ 2.460,56'],
    ['-12.5', '-€ 12,50'],
    ['-0.001', '€ 0,00'],
  ])('formatEuroBedrag(%p) is %p', (euros, verwacht) =>
    expect(formatEuroBedrag(euros)).toBe(verwacht),
  );

  it.each([
    ['1234.5', 2, '1.234,5'],
    ['1234567', 2, '1.234.567'],
    ['0.125', 2, '0,13'], // half away from zero, on the exact decimal
    ['2.675', 2, '2,68'], // a float would round this down
    ['-0.001', 2, '0'], // never "-0"
    ['-1234.5', 1, '-1.234,5'],
    ['12345678901234567890.25', 1, '12.345.678.901.234.567.890,3'],
    [7, 2, '7'],
  ])('formatGetal(%p, %i) is %p', (waarde, decimalen, verwacht) =>
    expect(formatGetal(waarde, decimalen)).toBe(verwacht),
  );

  it.each([
    ['12.5', '12,5%'],
    ['86.75', '86,8%'],
    ['100', '100%'],
  ])('formatPercentage(%p) is %p', (waarde, verwacht) =>
    expect(formatPercentage(waarde)).toBe(verwacht),
  );

  it('formats a KPI figure in its unit', () => {
    expect(formatKpiWaarde('86.75', 'percentage')).toBe('86,8%');
    expect(formatKpiWaarde('20.75', 'dagen')).toBe('20,75 dagen');
    expect(formatKpiWaarde('1', 'dagen')).toBe('1 dag');
    expect(formatKpiWaarde('2460', 'euro')).toBe('€ 2.460,00');
    expect(formatKpiWaarde('7.7', 'score')).toBe('7,7');
    expect(formatKpiWaarde('1245', 'aantal')).toBe('1.245');
    expect(formatKpiVerschil('3.25', 'percentage')).toBe('3,3 procentpunt');
    expect(formatKpiVerschil('2', 'dagen')).toBe('2 dagen');
  });

  it('formats dates the Dutch way, a plain date staying that calendar day', () => {
    expect(formatDatum('2026-11-23')).toBe('23 november 2026');
    expect(formatDatum('2026-01-01')).toBe('1 januari 2026');
    // 23:30 UTC on 31 December is already 1 January in the Netherlands.
    expect(formatDatum('2026-12-31T23:30:00Z')).toBe('1 januari 2027');
    expect(formatDatumTijd('2026-11-05T14:00:00+01:00')).toBe('5 november 2026 om 14:00');
    expect(formatDatumTijd('2026-07-01T12:00:00Z')).toBe('1 juli 2026 om 14:00'); // summer time
    expect(formatDatumTijd('2026-11-05')).toBe('5 november 2026');
    expect(() => formatDatum('morgen')).toThrow(RangeError);
  });

  it('formats quarters and day counts', () => {
    expect(formatPeriode('2026-Q3')).toBe('Q3 2026');
    expect(formatPeriode('2026')).toBe('2026');
    expect(formatDagen(1)).toBe('1 dag');
    expect(formatDagen(56)).toBe('56 dagen');
    expect(formatDagen(1200)).toBe('1.200 dagen');
  });
});

import {
  CENTEN_TRANSFORMER,
  centenUitDatabase,
  deelAfgerond,
  formatEuro,
  indexeer,
  parseEuro,
  verdeelNaarRato,
} from './geld';

describe('geld', () => {
  describe('formatEuro', () => {
    it.each([
      [0, '€ 0,00'],
      [5, '€ 0,05'],
      [100, '€ 1,00'],
      [123456789, '€ 1.234.567,89'],
      [100000000000, '€ 1.000.000.000,00'],
      [-1250, '-€ 12,50'],
    ])('formats %p cents as %p', (centen, tekst) => expect(formatEuro(centen)).toBe(tekst));
  });

  describe('parseEuro', () => {
    it.each([
      ['1.234.567,89', 123456789],
      ['€ 1.234.567,89', 123456789],
      ['1234567,89', 123456789],
      ['1234567.89', 123456789],
      ['1234567.8', 123456780],
      ['0,01', 1],
      ['1.234', 123400],
      ['12', 1200],
      ['-12,50', -1250],
    ])('parses %p as %p cents exactly', (tekst, centen) => expect(parseEuro(tekst)).toBe(centen));

    it.each(['1,234.56', '12,345', '1.2.3', 'abc', '', '1.234.567,891', '0.001'])(
      'refuses %p instead of guessing',
      (tekst) => expect(() => parseEuro(tekst)).toThrow(),
    );

    it('round-trips 1.234.567,89 through cents and back', () => {
      expect(formatEuro(parseEuro('1.234.567,89'))).toBe('€ 1.234.567,89');
    });
  });

  describe('database values', () => {
    it('turns a bigint string into an exact number', () => {
      expect(centenUitDatabase('123456789')).toBe(123456789);
      expect(CENTEN_TRANSFORMER.from('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
      expect(CENTEN_TRANSFORMER.to(123456789)).toBe('123456789');
    });
    it('refuses values that would lose precision or are not integers', () => {
      expect(() => centenUitDatabase('9007199254740993')).toThrow();
      expect(() => centenUitDatabase('12.5')).toThrow();
      expect(() => centenUitDatabase(0.1 + 0.2)).toThrow();
    });
    it('keeps null', () => expect(centenUitDatabase(null)).toBeNull());
  });

  describe('rounding and indexation', () => {
    it('rounds half away from zero', () => {
      expect(deelAfgerond(5n, 2n)).toBe(3n);
      expect(deelAfgerond(-5n, 2n)).toBe(-3n);
      expect(deelAfgerond(4n, 3n)).toBe(1n);
      expect(deelAfgerond(5n, 3n)).toBe(2n);
    });
    it('indexes 2,75% on 1.000.000,00 to exactly 1.027.500,00', () => {
      expect(indexeer(100_000_000, 275)).toBe(102_750_000);
    });
    it('rounds the indexed amount to whole cents: 0,01 + 50% = 0,02 (half up), +49,99% = 0,01', () => {
      expect(indexeer(1, 5000)).toBe(2);
      expect(indexeer(1, 4999)).toBe(1);
      expect(indexeer(333, 275)).toBe(342); // 342,1575 → 342
    });
    it('indexes zero percent to the same amount and works on large amounts without float error', () => {
      expect(indexeer(123456789, 0)).toBe(123456789);
      expect(indexeer(900_000_000_000_000, 1)).toBe(900_090_000_000_000);
    });
  });

  describe('verdeelNaarRato', () => {
    it('splits so the parts add up exactly and remainders go to the largest fractions', () => {
      expect(verdeelNaarRato(100, [1, 1, 1])).toEqual([34, 33, 33]);
      expect(verdeelNaarRato(10, [1, 2])).toEqual([3, 7]);
      expect(verdeelNaarRato(2, [1, 1, 1])).toEqual([1, 1, 0]);
    });
    it('splits by days: 365 cents over 184 and 181 days', () => {
      expect(verdeelNaarRato(365, [184, 181])).toEqual([184, 181]);
    });
    it('handles amounts larger than float precision would allow in the product', () => {
      const parts = verdeelNaarRato(900_719_925_474_099, [365, 366, 365]);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(900_719_925_474_099);
    });
    it('refuses no weights or negative amounts', () => {
      expect(() => verdeelNaarRato(1, [])).toThrow();
      expect(() => verdeelNaarRato(-1, [1])).toThrow();
    });
  });
});

import {
  formatDecimaalNl,
  isDecimaal,
  isNegatief,
  leesGetal,
  naarDecimaal,
  telDecimaalOp,
  trekDecimaalAf,
  vergelijkDecimaal,
} from './decimaal';

describe('decimaal', () => {
  describe('naarDecimaal', () => {
    it.each([
      ['80', '80'],
      ['80.00', '80'],
      ['-0.50', '-0.5'],
      ['+3', '3'],
      ['007.10', '7.1'],
      ['1e3', '1000'],
      ['1.5E-2', '0.015'],
      ['-0', '0'],
      [79.9, '79.9'],
      [0.1, '0.1'],
      [12n, '12'],
    ])('normalises %p to %p', (invoer, verwacht) => expect(naarDecimaal(invoer)).toBe(verwacht));

    it.each(['', 'abc', '1,5', '1.2.3', '.5', '5.', '1 000', 'NaN'])('refuses %p', (invoer) =>
      expect(naarDecimaal(invoer)).toBeNull(),
    );
    it('refuses infinite numbers', () => {
      expect(naarDecimaal(Number.POSITIVE_INFINITY)).toBeNull();
      expect(isDecimaal(Number.NaN)).toBe(false);
      expect(isDecimaal(null)).toBe(false);
      expect(isDecimaal('12.5')).toBe(true);
    });
  });

  describe('arithmetic is exact where floats are not', () => {
    it('adds 0.1 and 0.2 to exactly 0.3', () => expect(telDecimaalOp('0.1', '0.2')).toBe('0.3'));
    it('subtracts 0.1 from 80 to exactly 79.9', () =>
      expect(trekDecimaalAf('80', '0.1')).toBe('79.9'));
    it('compares 79.9 with 80 − 0.1 as equal', () =>
      expect(vergelijkDecimaal('79.9', trekDecimaalAf(80, 0.1))).toBe(0));
    it.each([
      ['1', '2', -1],
      ['2', '1', 1],
      ['1.10', '1.1', 0],
      ['-0.001', '0', -1],
      ['123456789012345678901234567890.1', '123456789012345678901234567890', 1],
    ])('compares %p with %p as %p', (a, b, verwacht) =>
      expect(vergelijkDecimaal(a, b)).toBe(verwacht),
    );
    it('subtracts into negatives', () => expect(trekDecimaalAf('1.5', '2.25')).toBe('-0.75'));
    it('knows the sign', () => {
      expect(isNegatief('-0.01')).toBe(true);
      expect(isNegatief('0')).toBe(false);
    });
    it('throws a RangeError on input that was not validated', () =>
      expect(() => vergelijkDecimaal('abc', '1')).toThrow(RangeError));
  });

  describe('formatDecimaalNl', () => {
    it.each([
      ['1234567.5', '1.234.567,5'],
      ['-0.25', '-0,25'],
      ['80', '80'],
      ['999', '999'],
      ['1000', '1.000'],
      ['-1234', '-1.234'],
    ])('formats %p as %p', (invoer, verwacht) => expect(formatDecimaalNl(invoer)).toBe(verwacht));
  });

  describe('leesGetal', () => {
    it.each([
      ['1234', '1234', null],
      ['1.234,5', '1234.5', 'komma'],
      ['1234,5', '1234.5', 'komma'],
      ['1234.5', '1234.5', 'punt'],
      ['12,50', '12.5', 'komma'],
      ['0,125', '0.125', 'komma'],
      ['0.125', '0.125', 'punt'],
      ['1234.567', '1234.567', 'punt'],
      ['1.234.567', '1234567', 'komma'],
      ['1.234.567,89', '1234567.89', 'komma'],
      ['1,234.5', '1234.5', 'punt'],
      ['1,234,567', '1234567', 'punt'],
      ['-12,5', '-12.5', 'komma'],
      ['\u221212,5', '-12.5', 'komma'],
      ['+7', '7', null],
      ['  42  ', '42', null],
      ['0', '0', null],
    ])('reads %p as %p (proves %p)', (tekst, waarde, bewijs) =>
      expect(leesGetal(tekst)).toEqual({ soort: 'getal', waarde, bewijs }),
    );

    it.each([
      ['1.234', '1234', '1.234'],
      ['12,500', '12.5', '12500'],
      ['-999.999', '-999999', '-999.999'],
    ])('calls %p ambiguous: komma reading %p, punt reading %p', (tekst, alsKomma, alsPunt) =>
      expect(leesGetal(tekst)).toEqual({ soort: 'dubbelzinnig', alsKomma, alsPunt }),
    );

    it('settles an ambiguous value with the file’s decimal separator', () => {
      expect(leesGetal('1.234', 'komma')).toEqual({ soort: 'getal', waarde: '1234', bewijs: null });
      expect(leesGetal('1.234', 'punt')).toEqual({ soort: 'getal', waarde: '1.234', bewijs: null });
      expect(leesGetal('1,234', 'komma')).toEqual({
        soort: 'getal',
        waarde: '1.234',
        bewijs: null,
      });
      expect(leesGetal('1,234', 'punt')).toEqual({ soort: 'getal', waarde: '1234', bewijs: null });
    });

    it('does not let a separator setting change an unambiguous value', () =>
      expect(leesGetal('1234,5', 'punt')).toEqual({
        soort: 'getal',
        waarde: '1234.5',
        bewijs: 'komma',
      }));

    it.each([
      '',
      '-',
      'abc',
      '12a',
      '1.2.3',
      '1.23,4',
      '1,234,56',
      '12.345,6.7',
      ',5',
      '5,',
      '€ 12',
      '12%',
      '1e3',
      '1 234',
      '--1',
    ])('refuses %p as not a number', (tekst) =>
      expect(leesGetal(tekst)).toEqual({ soort: 'geen-getal' }),
    );
  });
});

import {
  controleerDecimaal,
  FTE_GRENZEN,
  GEWICHT_GRENZEN,
  PERCENTAGE_GRENZEN,
  WAARDE_GRENZEN,
} from './decimaal-invoer';

describe('controleerDecimaal', () => {
  it.each([
    [12.5, '12.5'],
    ['12.50', '12.5'],
    ['-3', '-3'],
    [0, '0'],
    ['1e2', '100'],
    ['99999999999999.9999', '99999999999999.9999'],
  ])('accepts %p as %p', (invoer, waarde) =>
    expect(controleerDecimaal(invoer, 'waarde', WAARDE_GRENZEN)).toEqual({ ok: true, waarde }),
  );

  it.each([
    ['', 'een getal'],
    ['  ', 'een getal'],
    ['12,5', 'een getal'],
    ['abc', 'een getal'],
    [null, 'een getal'],
    [true, 'een getal'],
    [Number.NaN, 'een getal'],
    ['1.23456', '4 cijfers achter de komma'],
    ['100000000000000', 'te groot'],
  ])('refuses %p (%s)', (invoer, reden) => {
    const uitkomst = controleerDecimaal(invoer, 'waarde', WAARDE_GRENZEN);
    expect(uitkomst.ok).toBe(false);
    expect((uitkomst as { reden: string }).reden).toContain(reden);
  });

  it('refuses negatives where the column means an amount', () => {
    expect(controleerDecimaal('-1', 'gewicht', GEWICHT_GRENZEN)).toMatchObject({ ok: false });
    expect(controleerDecimaal('-0.5', 'formatieFte', FTE_GRENZEN)).toMatchObject({ ok: false });
    expect(controleerDecimaal('-1', 'waarde', WAARDE_GRENZEN)).toMatchObject({ ok: true });
  });

  it('holds fte and percentages to two decimals', () => {
    expect(controleerDecimaal('12.345', 'formatieFte', FTE_GRENZEN)).toMatchObject({ ok: false });
    expect(controleerDecimaal('12.34', 'formatieFte', FTE_GRENZEN)).toMatchObject({ ok: true });
    expect(controleerDecimaal('10000', 'verloopPercentage', PERCENTAGE_GRENZEN)).toMatchObject({
      ok: false,
    });
    expect(controleerDecimaal('14.5', 'verloopPercentage', PERCENTAGE_GRENZEN)).toEqual({
      ok: true,
      waarde: '14.5',
    });
  });
});

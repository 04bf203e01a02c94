import { aggregeer, deelDecimaal, vermenigvuldigDecimaal } from './aggregatie';

describe('aggregatie over percelen', () => {
  describe('deelDecimaal', () => {
    it.each([
      ['10', '4', '2.5'],
      ['1', '3', '0.3333'],
      ['2', '3', '0.6667'],
      ['-2', '3', '-0.6667'],
      ['2', '-3', '-0.6667'],
      ['-2', '-3', '0.6667'],
      ['0.00005', '1', '0.0001'],
      ['-0.00005', '1', '-0.0001'],
      ['0.00004', '1', '0'],
      ['165.5', '2', '82.75'],
      ['1234567890123.4567', '1', '1234567890123.4567'],
      ['7', '0.5', '14'],
    ])('%s / %s = %s (half away from zero, 4 decimals)', (a, b, c) =>
      expect(deelDecimaal(a, b)).toBe(c),
    );

    it('rounds to another scale when asked', () => {
      expect(deelDecimaal('2', '3', 0)).toBe('1');
      expect(deelDecimaal('2', '3', 2)).toBe('0.67');
    });

    it('refuses a division by zero', () => {
      expect(() => deelDecimaal('1', '0')).toThrow(RangeError);
    });
  });

  it('multiplies exactly', () => {
    expect(vermenigvuldigDecimaal('0.1', '0.2')).toBe('0.02');
    expect(vermenigvuldigDecimaal('-1.5', '4')).toBe('-6');
    expect(vermenigvuldigDecimaal('12345.6789', '10000')).toBe('123456789');
  });

  describe('aggregeer', () => {
    it('adds up a sum exactly (no float drift)', () => {
      expect(aggregeer('som', [{ waarde: '0.1' }, { waarde: '0.2' }, { waarde: 3 }])).toEqual({
        waarde: '3.3',
      });
    });

    it('takes a plain mean', () => {
      expect(aggregeer('gemiddelde', [{ waarde: '80' }, { waarde: '85.5' }])).toEqual({
        waarde: '82.75',
      });
      expect(aggregeer('gemiddelde', [{ waarde: '1' }, { waarde: '1' }, { waarde: '2' }])).toEqual({
        waarde: '1.3333',
      });
    });

    it('weighs a weighted mean by gewicht', () => {
      // (80 × 1000 + 90 × 3000) / 4000 = 87.5
      expect(
        aggregeer('gewogen-gemiddelde', [
          { waarde: '80', gewicht: '1000' },
          { waarde: '90', gewicht: '3000' },
        ]),
      ).toEqual({ waarde: '87.5' });
    });

    it('names the percelen without a weight instead of guessing', () => {
      const uitkomst = aggregeer('gewogen-gemiddelde', [
        { waarde: '80', gewicht: '1000', label: 'Perceel Centrum' },
        { waarde: '90', gewicht: null, label: 'Perceel Noord' },
      ]);
      expect(uitkomst).toMatchObject({ waarde: null, reden: 'gewicht-ontbreekt' });
      expect((uitkomst as { melding: string }).melding).toContain('Perceel Noord');
      expect((uitkomst as { melding: string }).melding).not.toContain('Perceel Centrum');
    });

    it('refuses weights that add up to zero', () => {
      expect(
        aggregeer('gewogen-gemiddelde', [
          { waarde: '80', gewicht: '0' },
          { waarde: '90', gewicht: '0' },
        ]),
      ).toMatchObject({ waarde: null, reden: 'gewicht-nul' });
    });

    it('has no total without values', () => {
      for (const soort of ['som', 'gemiddelde', 'gewogen-gemiddelde'] as const)
        expect(aggregeer(soort, [])).toMatchObject({ waarde: null, reden: 'geen-waarden' });
    });
  });
});

import {
  bevat,
  dagenInclusief,
  dagenPerJaar,
  isGeldigeDatum,
  kwartaal,
  overlapt,
  plusDagen,
  vandaag,
} from './datum';

describe('datum', () => {
  it('validates real calendar dates only', () => {
    expect(isGeldigeDatum('2024-02-29')).toBe(true);
    expect(isGeldigeDatum('2023-02-29')).toBe(false);
    expect(isGeldigeDatum('2024-13-01')).toBe(false);
    expect(isGeldigeDatum('24-01-01')).toBe(false);
  });
  it('adds days across month, year and DST boundaries', () => {
    expect(plusDagen('2024-07-01', -1)).toBe('2024-06-30');
    expect(plusDagen('2025-01-01', -1)).toBe('2024-12-31');
    expect(plusDagen('2024-03-30', 2)).toBe('2024-04-01');
  });
  it('counts days inclusively', () => {
    expect(dagenInclusief('2024-01-01', '2024-01-01')).toBe(1);
    expect(dagenInclusief('2024-01-01', '2024-12-31')).toBe(366);
  });
  it('splits a period into days per calendar year', () => {
    expect(dagenPerJaar('2024-07-01', '2025-06-30')).toEqual([
      { jaar: 2024, dagen: 184 },
      { jaar: 2025, dagen: 181 },
    ]);
    expect(dagenPerJaar('2025-01-01', '2024-12-31')).toEqual([]);
  });
  it('detects overlaps of inclusive, possibly open periods', () => {
    expect(
      overlapt({ van: '2024-01-01', tot: '2024-06-30' }, { van: '2024-07-01', tot: null }),
    ).toBe(false);
    expect(
      overlapt({ van: '2024-01-01', tot: '2024-07-01' }, { van: '2024-07-01', tot: null }),
    ).toBe(true);
    expect(
      overlapt({ van: '2024-01-01', tot: null }, { van: '2020-01-01', tot: '2023-12-31' }),
    ).toBe(false);
    expect(overlapt({ van: '2024-01-01', tot: null }, { van: '2030-01-01', tot: null })).toBe(true);
    expect(bevat({ van: '2024-01-01', tot: '2024-06-30' }, '2024-06-30')).toBe(true);
    expect(bevat({ van: '2024-01-01', tot: '2024-06-30' }, '2024-07-01')).toBe(false);
  });
  it('names quarters as 2026-Q3', () => {
    expect(kwartaal('2026-07-01')).toBe('2026-Q3');
    expect(kwartaal('2026-03-31')).toBe('2026-Q1');
    expect(kwartaal('2026-12-31')).toBe('2026-Q4');
  });
  it('takes today in Amsterdam, not UTC', () => {
    expect(vandaag('Europe/Amsterdam', new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
  });
});

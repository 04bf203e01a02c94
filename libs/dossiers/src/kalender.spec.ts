import { dagenTussen, kwartalenTotEnMet } from './kalender';

describe('kalender', () => {
  it('lists quarters oldest first, ending with the given one, across a year boundary', () => {
    expect(kwartalenTotEnMet('2026-Q2', 4)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
    expect(kwartalenTotEnMet('2026-Q3', 8)[0]).toBe('2024-Q4');
    expect(kwartalenTotEnMet('2026-Q3', 1)).toEqual(['2026-Q3']);
  });

  it('refuses what is not a quarter', () =>
    expect(() => kwartalenTotEnMet('2026-K3', 2)).toThrow());

  it('counts days across a leap day and a DST change without drifting', () => {
    expect(dagenTussen('2028-02-28', '2028-03-01')).toBe(2);
    expect(dagenTussen('2026-10-20', '2026-12-15')).toBe(56);
    expect(dagenTussen('2026-03-28', '2026-03-30')).toBe(2);
    expect(dagenTussen('2026-10-20', '2026-10-20')).toBe(0);
    expect(dagenTussen('2026-10-20', '2026-10-19')).toBe(-1);
  });

  it('refuses a date that does not exist', () =>
    expect(() => dagenTussen('2026-02-30', '2026-03-01')).toThrow());
});

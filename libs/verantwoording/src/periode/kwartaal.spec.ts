import {
  isJaar,
  isKwartaal,
  kwartaalVan,
  periodeDatums,
  periodeOverlapt,
  standaardDeadline,
  verschuifKwartaal,
  volgendKwartaal,
  vorigKwartaal,
} from './kwartaal';

describe('kwartaal', () => {
  it('recognises quarters and years, nothing else', () => {
    expect(isKwartaal('2026-Q3')).toBe(true);
    expect(isKwartaal('2026-Q5')).toBe(false);
    expect(isKwartaal('2026-q3')).toBe(false);
    expect(isKwartaal('2026')).toBe(false);
    expect(isJaar('2026')).toBe(true);
    expect(isJaar('2026-Q1')).toBe(false);
    expect(isJaar('26')).toBe(false);
  });

  it('places a date in its quarter, on both edges', () => {
    expect(kwartaalVan('2026-01-01')).toBe('2026-Q1');
    expect(kwartaalVan('2026-03-31')).toBe('2026-Q1');
    expect(kwartaalVan('2026-04-01')).toBe('2026-Q2');
    expect(kwartaalVan('2026-09-30')).toBe('2026-Q3');
    expect(kwartaalVan('2026-12-31')).toBe('2026-Q4');
  });

  it('steps over year boundaries in both directions', () => {
    expect(volgendKwartaal('2026-Q3')).toBe('2026-Q4');
    expect(volgendKwartaal('2026-Q4')).toBe('2027-Q1');
    expect(vorigKwartaal('2026-Q1')).toBe('2025-Q4');
    expect(verschuifKwartaal('2026-Q4', -4)).toBe('2025-Q4');
    expect(verschuifKwartaal('2026-Q2', -9)).toBe('2024-Q1');
    expect(verschuifKwartaal('2026-Q2', 0)).toBe('2026-Q2');
    expect(verschuifKwartaal('2026-Q2', 11)).toBe('2029-Q1');
  });

  it('refuses to step from something that is not a quarter', () => {
    expect(() => volgendKwartaal('2026')).toThrow('Geen kwartaal');
  });

  it('gives the first and last day of quarters and years', () => {
    expect(periodeDatums('2026-Q1')).toEqual({ begindatum: '2026-01-01', einddatum: '2026-03-31' });
    expect(periodeDatums('2026-Q2')).toEqual({ begindatum: '2026-04-01', einddatum: '2026-06-30' });
    expect(periodeDatums('2026-Q3')).toEqual({ begindatum: '2026-07-01', einddatum: '2026-09-30' });
    expect(periodeDatums('2026-Q4')).toEqual({ begindatum: '2026-10-01', einddatum: '2026-12-31' });
    expect(periodeDatums('2028')).toEqual({ begindatum: '2028-01-01', einddatum: '2028-12-31' });
  });

  it('sets the default deadline 30 days after the last day', () => {
    expect(standaardDeadline('2026-Q3')).toBe('2026-10-30');
    expect(standaardDeadline('2026-Q4')).toBe('2027-01-30');
    expect(standaardDeadline('2026-Q1')).toBe('2026-04-30');
    expect(standaardDeadline('2026')).toBe('2027-01-30');
  });

  it('tells whether a period overlaps a date range, edges included', () => {
    expect(periodeOverlapt('2026-Q3', '2026-09-30', '2027-01-01')).toBe(true);
    expect(periodeOverlapt('2026-Q3', '2026-10-01', '2027-01-01')).toBe(false);
    expect(periodeOverlapt('2026-Q3', '2025-01-01', '2026-07-01')).toBe(true);
    expect(periodeOverlapt('2026-Q3', '2025-01-01', '2026-06-30')).toBe(false);
    expect(periodeOverlapt('2026', '2026-12-31', '2026-12-31')).toBe(true);
  });
});

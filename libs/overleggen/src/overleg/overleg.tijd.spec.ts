import { dagenVenster, lokaalTijdstip, werkdagen } from './overleg.tijd';

const AMS = 'Europe/Amsterdam';

describe('lokaalTijdstip', () => {
  it('puts 10:00 in Amsterdam at 08:00 UTC in summer and 09:00 UTC in winter', () => {
    expect(lokaalTijdstip('2026-10-12', '10:00', AMS).toISOString()).toBe(
      '2026-10-12T08:00:00.000Z',
    );
    expect(lokaalTijdstip('2026-11-12', '10:00', AMS).toISOString()).toBe(
      '2026-11-12T09:00:00.000Z',
    );
  });
  it('is right on the days the clocks change', () => {
    // 25 October 2026: 03:00 summer time becomes 02:00 winter time.
    expect(lokaalTijdstip('2026-10-25', '10:00', AMS).toISOString()).toBe(
      '2026-10-25T09:00:00.000Z',
    );
    expect(lokaalTijdstip('2026-10-25', '00:00', AMS).toISOString()).toBe(
      '2026-10-24T22:00:00.000Z',
    );
    // 29 March 2026: 02:00 winter time becomes 03:00 summer time.
    expect(lokaalTijdstip('2026-03-29', '10:00', AMS).toISOString()).toBe(
      '2026-03-29T08:00:00.000Z',
    );
    expect(lokaalTijdstip('2026-03-29', '00:00', AMS).toISOString()).toBe(
      '2026-03-28T23:00:00.000Z',
    );
  });
  it('handles midnight across the year and other zones', () => {
    expect(lokaalTijdstip('2027-01-01', '00:00', AMS).toISOString()).toBe(
      '2026-12-31T23:00:00.000Z',
    );
    expect(lokaalTijdstip('2026-07-01', '09:30', 'UTC').toISOString()).toBe(
      '2026-07-01T09:30:00.000Z',
    );
    expect(lokaalTijdstip('2026-07-01', '09:30', 'America/New_York').toISOString()).toBe(
      '2026-07-01T13:30:00.000Z',
    );
  });
});

describe('dagenVenster', () => {
  it('covers whole Amsterdam days, the last day included', () => {
    const { vanaf, voor } = dagenVenster('2026-10-01', '2026-10-31', AMS);
    expect(vanaf?.toISOString()).toBe('2026-09-30T22:00:00.000Z');
    // 31 October is winter time: the day ends at 23:00 UTC.
    expect(voor?.toISOString()).toBe('2026-10-31T23:00:00.000Z');
  });
  it('leaves an open side open', () => {
    expect(dagenVenster(undefined, '2026-10-31', AMS).vanaf).toBeUndefined();
    expect(dagenVenster('2026-10-01', undefined, AMS).voor).toBeUndefined();
  });
});

describe('werkdagen', () => {
  it('lists Monday to Friday only', () => {
    // 2026-10-09 is a Friday.
    expect(werkdagen('2026-10-09', '2026-10-13')).toEqual([
      '2026-10-09',
      '2026-10-12',
      '2026-10-13',
    ]);
    expect(werkdagen('2026-10-10', '2026-10-11')).toEqual([]);
  });
  it('finds at least five working days in any eight consecutive days', () => {
    for (let i = 0; i < 7; i++) {
      const van = `2026-10-${String(5 + i).padStart(2, '0')}`;
      const tot = `2026-10-${String(12 + i).padStart(2, '0')}`;
      expect(werkdagen(van, tot).length).toBeGreaterThanOrEqual(5);
    }
  });
});

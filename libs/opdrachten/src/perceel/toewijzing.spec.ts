import { planToewijzing, toewijzingOp } from './toewijzing';

const noord = { id: 't1', aanbiederId: 'noord', van: '2019-01-01', tot: null };

describe('planToewijzing', () => {
  it('accepts the first assignment of a perceel', () => {
    expect(planToewijzing([], { van: '2019-01-01', tot: null })).toEqual({
      ok: true,
      sluit: undefined,
    });
  });
  it('reassigns on a date: the running open period closes the day before', () => {
    expect(planToewijzing([noord], { van: '2024-07-01', tot: null })).toEqual({
      ok: true,
      sluit: { id: 't1', tot: '2024-06-30' },
    });
  });
  it('closes a running period with an end date when the new one runs at least as long', () => {
    const lopend = { ...noord, tot: '2026-12-31' };
    expect(planToewijzing([lopend], { van: '2024-07-01', tot: '2026-12-31' })).toMatchObject({
      ok: true,
      sluit: { tot: '2024-06-30' },
    });
  });
  it('refuses to cut off the tail of a period that runs longer than the new one', () => {
    const lopend = { ...noord, tot: '2026-12-31' };
    expect(planToewijzing([lopend], { van: '2024-07-01', tot: '2025-12-31' })).toEqual({
      ok: false,
      conflict: lopend,
    });
  });
  it('refuses a period starting on the same day as an existing one', () => {
    expect(planToewijzing([noord], { van: '2019-01-01', tot: null })).toEqual({
      ok: false,
      conflict: noord,
    });
  });
  it('refuses a period in the past that overlaps a closed one', () => {
    const oud = { id: 't0', aanbiederId: 'oost', van: '2015-01-01', tot: '2018-12-31' };
    expect(planToewijzing([oud, noord], { van: '2018-06-01', tot: '2018-12-31' })).toEqual({
      ok: false,
      conflict: oud,
    });
  });
  it('accepts a gap-filling period that touches neither neighbour', () => {
    const oud = { id: 't0', aanbiederId: 'oost', van: '2015-01-01', tot: '2016-12-31' };
    expect(planToewijzing([oud, noord], { van: '2017-01-01', tot: '2018-12-31' })).toEqual({
      ok: true,
      sluit: undefined,
    });
  });
});

describe('toewijzingOp', () => {
  const history = [
    { id: 'a', aanbiederId: 'noord', van: '2019-01-01', tot: '2024-06-30' },
    { id: 'b', aanbiederId: 'oost', van: '2024-07-01', tot: null },
  ];
  it('gives the old aanbieder before the date and the new one from it', () => {
    expect(toewijzingOp(history, '2024-06-30')?.aanbiederId).toBe('noord');
    expect(toewijzingOp(history, '2024-07-01')?.aanbiederId).toBe('oost');
    expect(toewijzingOp(history, '2018-12-31')).toBeUndefined();
  });
});

import { ValidationError } from '@wijkkompas/core';
import { kiesGeldigVanaf } from './verandertheorie.opslag';

const NU = '2026-Q4';

describe('kiesGeldigVanaf', () => {
  it('puts an addition to a theory dated back and not yet in use in the quarter it was dated to', () =>
    expect(kiesGeldigVanaf(undefined, { geldigVanaf: '2026-Q2' }, false, NU)).toBe('2026-Q2'));

  it('puts an addition to a theory in use in the current quarter', () =>
    expect(kiesGeldigVanaf(undefined, { geldigVanaf: '2026-Q2' }, true, NU)).toBe(NU));

  it('keeps a newest version that takes effect later', () => {
    expect(kiesGeldigVanaf(undefined, { geldigVanaf: '2027-Q1' }, true, NU)).toBe('2027-Q1');
    expect(kiesGeldigVanaf(undefined, { geldigVanaf: '2027-Q1' }, false, NU)).toBe('2027-Q1');
  });

  it('takes an explicit quarter from the newest version on while the theory is not in use', () => {
    expect(kiesGeldigVanaf('2026-Q3', { geldigVanaf: '2026-Q2' }, false, NU)).toBe('2026-Q3');
    expect(() => kiesGeldigVanaf('2026-Q1', { geldigVanaf: '2026-Q2' }, false, NU)).toThrow(
      ValidationError,
    );
  });

  it('never lets a change to a theory in use work back in time', () => {
    expect(() => kiesGeldigVanaf('2026-Q3', { geldigVanaf: '2026-Q2' }, true, NU)).toThrow(
      ValidationError,
    );
    expect(kiesGeldigVanaf('2027-Q2', { geldigVanaf: '2026-Q2' }, true, NU)).toBe('2027-Q2');
  });
});

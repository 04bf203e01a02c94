import { laatsteVersie, versieOpPeildatum } from './peildatum';

const versies = [
  { versie: 1, ingangsdatum: '2019-01-01' },
  { versie: 2, ingangsdatum: '2023-01-01' },
  { versie: 3, ingangsdatum: '2023-01-01' },
  { versie: 4, ingangsdatum: '2025-07-01' },
];

describe('versieOpPeildatum', () => {
  it('gives the version with the greatest ingangsdatum on or before the date', () => {
    expect(versieOpPeildatum(versies, '2019-01-01')?.versie).toBe(1);
    expect(versieOpPeildatum(versies, '2022-12-31')?.versie).toBe(1);
    expect(versieOpPeildatum(versies, '2025-06-30')?.versie).toBe(3);
    expect(versieOpPeildatum(versies, '2025-07-01')?.versie).toBe(4);
  });
  it('breaks ties on the same ingangsdatum by the highest versie, whatever the order', () => {
    expect(versieOpPeildatum([...versies].reverse(), '2023-06-01')?.versie).toBe(3);
  });
  it('has nothing in force before the first version', () => {
    expect(versieOpPeildatum(versies, '2018-12-31')).toBeUndefined();
  });
  it('knows the latest version', () => expect(laatsteVersie(versies)?.versie).toBe(4));
});

import {
  AanvullendeOpdrachtStatus as S,
  isAfgesloten,
  magOvergaan,
  toegestaneOvergangen,
} from './levenscyclus';

describe('levenscyclus aanvullende opdracht', () => {
  it.each([
    [S.Aangevraagd, S.Getoetst],
    [S.Getoetst, S.Actief],
    [S.Getoetst, S.Afgewezen],
    [S.Actief, S.Afgerond],
    [S.Actief, S.Beeindigd],
    [S.Actief, S.OpgenomenInHoofdopdracht],
  ])('allows %s → %s', (van, naar) => expect(magOvergaan(van, naar)).toBe(true));

  it.each([
    [S.Aangevraagd, S.Actief],
    [S.Aangevraagd, S.Afgewezen],
    [S.Getoetst, S.Afgerond],
    [S.Actief, S.Getoetst],
    [S.Afgerond, S.Actief],
    [S.Afgewezen, S.Getoetst],
  ])('refuses %s → %s', (van, naar) => expect(magOvergaan(van, naar)).toBe(false));

  it('names the allowed next states', () => {
    expect(toegestaneOvergangen(S.Getoetst)).toEqual([S.Actief, S.Afgewezen]);
    expect(toegestaneOvergangen(S.Afgerond)).toEqual([]);
  });
  it('knows the final states', () => {
    expect(
      [S.Afgerond, S.Beeindigd, S.OpgenomenInHoofdopdracht, S.Afgewezen].every(isAfgesloten),
    ).toBe(true);
    expect([S.Aangevraagd, S.Getoetst, S.Actief].some(isAfgesloten)).toBe(false);
  });
});

import { OrganisatieSoort, Rol, rollenPassenBij } from './rol';

describe('rollenPassenBij', () => {
  it.each([
    [OrganisatieSoort.Gemeente, [Rol.Contractmanager, Rol.Beheerder], true],
    [OrganisatieSoort.Gemeente, [Rol.Directeur], false],
    [OrganisatieSoort.Aanbieder, [Rol.Directeur, Rol.Kwaliteitsmedewerker], true],
    [OrganisatieSoort.Aanbieder, [Rol.Directeur, Rol.Contractmanager], false],
  ])('%s with %j → %s', (soort, rollen, expected) => {
    expect(rollenPassenBij(soort, rollen)).toBe(expected);
  });
});

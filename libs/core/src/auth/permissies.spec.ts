import { GEMEENTE_ROLLEN, OrganisatieSoort, Rol } from '../tenancy/rol';
import { heeftPermissie, Permissie, rolHeeft, rollenMet, ROLTABEL } from './permissies';

const LEZEN = [
  Permissie.Lezen,
  Permissie.GemeenteLezen,
  Permissie.GemeenteBreedLezen,
  Permissie.EigenAccount,
];

describe('ROLTABEL (brief §2)', () => {
  it('gives the bestuurder reading permissions only (read-only overview)', () => {
    expect(ROLTABEL[Rol.Bestuurder].permissies.every((p) => LEZEN.includes(p))).toBe(true);
    expect(rolHeeft([Rol.Bestuurder], Permissie.AanvullendeOpdrachtAanvragen)).toBe(false);
    expect(rolHeeft([Rol.Bestuurder], Permissie.OpdrachtReageren)).toBe(false);
  });

  it('lets the beleidsadviseur propose an aanvullende opdracht but never assign or test it', () => {
    expect(rolHeeft([Rol.Beleidsadviseur], Permissie.AanvullendeOpdrachtAanvragen)).toBe(true);
    expect(rolHeeft([Rol.Beleidsadviseur], Permissie.AanvullendeOpdrachtenBeheren)).toBe(false);
  });

  it('lets only the directeur and the drafting roles write an account; the contractmanager adopts', () => {
    expect(rollenMet(Permissie.VerantwoordingOpstellen)).toEqual([
      Rol.Directeur,
      Rol.Teamleider,
      Rol.Kwaliteitsmedewerker,
    ]);
    expect(rollenMet(Permissie.VerantwoordingBeoordelen)).toEqual([Rol.Contractmanager]);
    expect(rollenMet(Permissie.VerantwoordingIndienen)).toEqual([Rol.Directeur]);
  });

  it('keeps the ketenregisseur to its chain: no gemeente-wide reading', () => {
    expect(rolHeeft([Rol.Ketenregisseur], Permissie.GemeenteBreedLezen)).toBe(false);
    expect(rolHeeft([Rol.Ketenregisseur, Rol.Bestuurder], Permissie.GemeenteBreedLezen)).toBe(true);
  });

  it('keeps gemeente-only permissions away from provider roles', () => {
    const gemeenteOnly = [
      Permissie.GemeenteLezen,
      Permissie.GemeenteBreedLezen,
      Permissie.GebruikersBeheren,
      Permissie.AuditLezen,
      Permissie.ReferentiedataBeheren,
      Permissie.HoofdopdrachtenBeheren,
      Permissie.KpiSetBeheren,
      Permissie.VerantwoordingBeoordelen,
      Permissie.SignaalBehandelen,
      Permissie.VerandertheorieOpstellen,
      Permissie.OverleggenPlannen,
    ];
    for (const permissie of gemeenteOnly)
      expect(rollenMet(permissie).every((rol) => GEMEENTE_ROLLEN.includes(rol))).toBe(true);
  });

  it('describes every role with its organisation kind and gives every permission to some role', () => {
    for (const rol of Object.values(Rol)) {
      const soort = GEMEENTE_ROLLEN.includes(rol)
        ? OrganisatieSoort.Gemeente
        : OrganisatieSoort.Aanbieder;
      expect(ROLTABEL[rol].organisatie).toBe(soort);
      expect(ROLTABEL[rol].permissies).toEqual(expect.arrayContaining([Permissie.Lezen]));
    }
    for (const permissie of Object.values(Permissie))
      expect(rollenMet(permissie).length).toBeGreaterThan(0);
  });

  it('answers for an actor with several roles', () => {
    expect(
      heeftPermissie({ rollen: [Rol.Bestuurder, Rol.Beheerder] }, Permissie.GebruikersBeheren),
    ).toBe(true);
    expect(heeftPermissie({ rollen: [] }, Permissie.Lezen)).toBe(false);
  });
});

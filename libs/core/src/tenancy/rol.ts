/** The roles of the brief (section 2). Gemeente roles and aanbieder roles never mix. */
export enum Rol {
  Contractmanager = 'contractmanager',
  Ketenregisseur = 'ketenregisseur',
  Beleidsadviseur = 'beleidsadviseur',
  Bestuurder = 'bestuurder',
  Beheerder = 'beheerder',
  Directeur = 'directeur',
  Teamleider = 'teamleider',
  Kwaliteitsmedewerker = 'kwaliteitsmedewerker',
}

export const GEMEENTE_ROLLEN: readonly Rol[] = [
  Rol.Contractmanager,
  Rol.Ketenregisseur,
  Rol.Beleidsadviseur,
  Rol.Bestuurder,
  Rol.Beheerder,
];

export const AANBIEDER_ROLLEN: readonly Rol[] = [
  Rol.Directeur,
  Rol.Teamleider,
  Rol.Kwaliteitsmedewerker,
];

export enum OrganisatieSoort {
  Gemeente = 'gemeente',
  Aanbieder = 'aanbieder',
}

export function rollenPassenBij(soort: OrganisatieSoort, rollen: readonly Rol[]): boolean {
  const toegestaan = soort === OrganisatieSoort.Gemeente ? GEMEENTE_ROLLEN : AANBIEDER_ROLLEN;
  return rollen.every((rol) => toegestaan.includes(rol));
}

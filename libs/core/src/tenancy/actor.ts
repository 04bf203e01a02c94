import { OrganisatieSoort, Rol } from './rol';

/**
 * Who is asking, in which gemeente. Built from the access token and the live session on
 * every request; every service method that reads or writes domain data takes one, and
 * scopes its queries with it.
 */
export interface Actor {
  gebruikerId: string;
  naam: string;
  gemeenteId: string;
  organisatieId: string;
  organisatieSoort: OrganisatieSoort;
  rollen: Rol[];
  sessieId: string;
  requestId?: string;
}

export function heeftRol(actor: Actor, ...rollen: Rol[]): boolean {
  return actor.rollen.some((rol) => rollen.includes(rol));
}

export function isAanbieder(actor: Actor): boolean {
  return actor.organisatieSoort === OrganisatieSoort.Aanbieder;
}

/**
 * The aanbieder a provider user is limited to, or undefined for gemeente users who may see
 * every aanbieder of their gemeente.
 */
export function aanbiederScope(actor: Actor): string | undefined {
  return isAanbieder(actor) ? actor.organisatieId : undefined;
}

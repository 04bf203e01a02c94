import { EntityManager } from 'typeorm';
import { Actor, aanbiederScope, heeftPermissie, heeftRol, Permissie, Rol } from '@wijkkompas/core';
import { Keten } from '@wijkkompas/opdrachten';

/**
 * What an actor may read of the verantwoording (brief §2):
 * - a provider user: only its own organisation (`aanbiederId`);
 * - a ketenregisseur without a broader gemeente role: only what is linked to the ketens they
 *   direct (`ketenIds`, possibly empty: then nothing keten-bound);
 * - other gemeente users (Permissie.GemeenteBreedLezen: contractmanager, beleidsadviseur,
 *   bestuurder, beheerder): the whole gemeente.
 */
export interface LeesScope {
  gemeenteId: string;
  aanbiederId?: string;
  ketenIds?: string[];
}

export async function leesScope(manager: EntityManager, actor: Actor): Promise<LeesScope> {
  const aanbiederId = aanbiederScope(actor);
  if (aanbiederId) return { gemeenteId: actor.gemeenteId, aanbiederId };
  if (heeftPermissie(actor, Permissie.GemeenteBreedLezen) || !heeftRol(actor, Rol.Ketenregisseur)) {
    return { gemeenteId: actor.gemeenteId };
  }
  const ketens = await manager.find(Keten, {
    select: { id: true },
    where: { gemeenteId: actor.gemeenteId, ketenregisseurId: actor.gebruikerId },
  });
  return { gemeenteId: actor.gemeenteId, ketenIds: ketens.map((k) => k.id) };
}

/** Whether a record linked to these ketens (and belonging to this aanbieder) is in scope. */
export function inScope(
  scope: LeesScope,
  record: { gemeenteId: string; aanbiederId?: string | null; ketenIds?: readonly string[] },
): boolean {
  if (record.gemeenteId !== scope.gemeenteId) return false;
  if (scope.aanbiederId && record.aanbiederId !== scope.aanbiederId) return false;
  if (scope.ketenIds) {
    const eigen = scope.ketenIds;
    return (record.ketenIds ?? []).some((id) => eigen.includes(id));
  }
  return true;
}

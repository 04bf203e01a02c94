import type { EntityManager } from 'typeorm';
import { Actor, isAanbieder } from '@wijkkompas/core';
import { Keten } from '@wijkkompas/opdrachten';
import { Overleg } from '../overleg/overleg.entity';
import { GeenAgendaBeheerError } from '../overleg/overleg.errors';
import { agendaBeheerders, magAgendaBeheren } from '../overleg/overleg.regels';
import type { OverlegService } from '../overleg/overleg.service';

/** The ketens this actor directs. */
export async function eigenKetenIds(manager: EntityManager, actor: Actor): Promise<string[]> {
  if (isAanbieder(actor)) return [];
  const ketens = await manager.getRepository(Keten).find({
    select: { id: true },
    where: { gemeenteId: actor.gemeenteId, ketenregisseurId: actor.gebruikerId },
  });
  return ketens.map((k) => k.id);
}

/** The meeting (404 when not visible) and 403 unless the actor prepares it. */
export async function vereisBeheer(
  manager: EntityManager,
  overleggen: OverlegService,
  actor: Actor,
  id: string,
  lock = false,
): Promise<Overleg> {
  const overleg = await overleggen.laadZichtbaar(manager, actor, id, lock);
  if (!magAgendaBeheren(actor.rollen, overleg, await eigenKetenIds(manager, actor)))
    throw new GeenAgendaBeheerError(agendaBeheerders(overleg.soort));
  return overleg;
}

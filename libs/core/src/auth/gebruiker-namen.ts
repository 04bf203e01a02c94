import { EntityManager, In } from 'typeorm';
import { GebruikerGemeente } from './gebruiker-gemeente.entity';

/** Users' names as one gemeente knows them, by user id; a user without a relation there has none. */
export async function gebruikerNamen(
  manager: EntityManager,
  gemeenteId: string,
  gebruikerIds: Iterable<string>,
): Promise<Map<string, string>> {
  const ids = [...new Set(gebruikerIds)];
  if (!ids.length) return new Map();
  const relaties = await manager.getRepository(GebruikerGemeente).find({
    select: { gebruikerId: true, naam: true },
    where: { gemeenteId, gebruikerId: In(ids) },
  });
  return new Map(relaties.map((r) => [r.gebruikerId, r.naam]));
}

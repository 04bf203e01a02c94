import { EntityManager, In } from 'typeorm';
import { AanbiederGemeente } from './aanbieder-gemeente.entity';
import { Organisatie } from './organisatie.entity';
import { OrganisatieSoort } from './rol';

/**
 * SQL for an aanbieder's name as one gemeente contracted it. `aanbiederId` and `gemeenteId`
 * are SQL expressions (a column or a parameter), e.g.
 * `aanbiederNaamSql('p.aanbieder_id', 'p.gemeente_id')`.
 */
export function aanbiederNaamSql(aanbiederId: string, gemeenteId: string): string {
  return `(SELECT ag.naam FROM aanbieder_gemeenten ag WHERE ag.aanbieder_id = ${aanbiederId} AND ag.gemeente_id = ${gemeenteId})`;
}

/**
 * The names of aanbieders as one gemeente contracted them, by aanbieder id. An aanbieder that
 * does not work for the gemeente has no entry.
 */
export async function aanbiederNamen(
  manager: EntityManager,
  gemeenteId: string,
  aanbiederIds: Iterable<string>,
): Promise<Map<string, string>> {
  const ids = [...new Set(aanbiederIds)];
  if (!ids.length) return new Map();
  const relaties = await manager.getRepository(AanbiederGemeente).find({
    select: { aanbiederId: true, naam: true },
    where: { gemeenteId, aanbiederId: In(ids) },
  });
  return new Map(relaties.map((r) => [r.aanbiederId, r.naam]));
}

/**
 * Fills in `naam` of loaded aanbieder organisations with the name the given gemeente knows
 * them by (the table holds none: the name is per gemeente). Gemeente organisations keep
 * their own name. Returns its input, for chaining after a load.
 */
export async function vulAanbiederNamen<T extends Organisatie | null | undefined>(
  manager: EntityManager,
  gemeenteId: string,
  organisaties: T[],
): Promise<T[]> {
  const aanbieders = organisaties.filter(
    (o): o is NonNullable<T> => !!o && (o.soort === OrganisatieSoort.Aanbieder || o.naam == null),
  );
  const namen = await aanbiederNamen(
    manager,
    gemeenteId,
    aanbieders.map((a) => a.id),
  );
  for (const aanbieder of aanbieders) aanbieder.naam = namen.get(aanbieder.id) ?? null;
  return organisaties;
}

import { EntityManager } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { VersionConflictError } from '@wijkkompas/core';
import { etag, IfMatchVereistError, leesIfMatch } from '../kpi/if-match';
import { Kwartaalverantwoording } from './kwartaalverantwoording.entity';
import { NietBewerkbaarError } from './kwartaalverantwoording.errors';

const ENTITEIT = 'de kwartaalverantwoording';

/**
 * Claims a concept for one edit, inside the caller's transaction and before anything else is
 * written: one conditional UPDATE that bumps the version only when it still is the version
 * the client read (If-Match) and the account is still a concept. Of two parallel edits the
 * second waits for the first's row lock, then finds the version moved on and matches no
 * row: it gets a 412 and has written nothing. `wijzigingen` go into the same statement.
 *
 * Returns the new version.
 */
export async function claimConcept(
  manager: EntityManager,
  verantwoording: Kwartaalverantwoording,
  ifMatch: string | undefined,
  wijzigingen: QueryDeepPartialEntity<Kwartaalverantwoording> = {},
): Promise<number> {
  const versies = leesIfMatch(ifMatch);
  if (!versies) throw new IfMatchVereistError(ENTITEIT);
  if (verantwoording.status !== 'concept') throw new NietBewerkbaarError(verantwoording.status);
  const result = await manager
    .createQueryBuilder()
    .update(Kwartaalverantwoording)
    .set(wijzigingen)
    .where('id = :id AND status = :status AND version IN (:...versies)', {
      id: verantwoording.id,
      status: 'concept',
      versies,
    })
    .returning(['version'])
    .execute();
  const rij = (result.raw as { version: number }[])[0];
  if (rij) return Number(rij.version);

  const nu = await manager
    .getRepository(Kwartaalverantwoording)
    .findOneByOrFail({ id: verantwoording.id });
  if (nu.status !== 'concept') throw new NietBewerkbaarError(nu.status);
  throw new VersionConflictError(ENTITEIT, versies.map(etag).join(', '), etag(nu.version));
}

/**
 * For lifecycle steps, where If-Match is optional: when sent, it must name the current
 * version (412 otherwise), so a directeur never submits figures they have not seen.
 */
export function controleerOptioneleVersie(
  ifMatch: string | undefined,
  verantwoording: Kwartaalverantwoording,
): void {
  const versies = leesIfMatch(ifMatch);
  if (versies && !versies.includes(verantwoording.version))
    throw new VersionConflictError(
      ENTITEIT,
      versies.map(etag).join(', '),
      etag(verantwoording.version),
    );
}

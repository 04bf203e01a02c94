import { EntityManager } from 'typeorm';
import { Kwartaalverantwoording } from '../kwartaalverantwoording/kwartaalverantwoording.entity';
import { KwartaalverantwoordingStatus } from '../kwartaalverantwoording.lifecycle';

/** Statuses in which an account is the submitted version: its stories are part of it. */
export const BEVROREN_STATUSSEN: readonly KwartaalverantwoordingStatus[] = [
  'ingediend',
  'vastgesteld',
];

/**
 * The status of the aanbieder's account for this quarter when that freezes its case stories,
 * otherwise null. Per reporting period only the latest revision counts: after adoption a
 * correction opens revision 2 as a concept, and then the stories may change again. The rows
 * are read FOR SHARE, so an account cannot be submitted while a story is being written; the
 * submission waits and its snapshot includes the story.
 */
export async function bevrorenStatus(
  manager: EntityManager,
  gemeenteId: string,
  aanbiederId: string,
  periode: string,
): Promise<KwartaalverantwoordingStatus | null> {
  const laatste = await manager
    .getRepository(Kwartaalverantwoording)
    .createQueryBuilder('v')
    .select(['v.id', 'v.status'])
    .where(
      'v.gemeente_id = :gemeenteId AND v.aanbieder_id = :aanbiederId AND v.periode = :periode',
      {
        gemeenteId,
        aanbiederId,
        periode,
      },
    )
    .andWhere(
      'NOT EXISTS (SELECT 1 FROM kwartaalverantwoordingen later WHERE later.rapportageperiode_id = v.rapportageperiode_id AND later.revisie > v.revisie)',
    )
    .setLock('pessimistic_read')
    .getMany();
  return laatste.find((v) => BEVROREN_STATUSSEN.includes(v.status))?.status ?? null;
}

const sleutel = (aanbiederId: string, periode: string) => `${aanbiederId}|${periode}`;

/** For a page of stories: which (aanbieder, quarter) pairs are frozen, without locking. */
export async function bevrorenKwartalen(
  manager: EntityManager,
  gemeenteId: string,
  paren: readonly { aanbiederId: string; periode: string }[],
): Promise<(aanbiederId: string, periode: string) => boolean> {
  const aanbieders = [...new Set(paren.map((p) => p.aanbiederId))];
  const periodes = [...new Set(paren.map((p) => p.periode))];
  if (!aanbieders.length) return () => false;
  const rows = await manager
    .getRepository(Kwartaalverantwoording)
    .createQueryBuilder('v')
    .select(['v.aanbieder_id AS "aanbiederId"', 'v.periode AS periode'])
    .where('v.gemeente_id = :gemeenteId', { gemeenteId })
    .andWhere('v.aanbieder_id IN (:...aanbieders) AND v.periode IN (:...periodes)', {
      aanbieders,
      periodes,
    })
    .andWhere('v.status IN (:...statussen)', { statussen: BEVROREN_STATUSSEN })
    .andWhere(
      'NOT EXISTS (SELECT 1 FROM kwartaalverantwoordingen later WHERE later.rapportageperiode_id = v.rapportageperiode_id AND later.revisie > v.revisie)',
    )
    .getRawMany<{ aanbiederId: string; periode: string }>();
  const bevroren = new Set(rows.map((r) => sleutel(r.aanbiederId, r.periode)));
  return (aanbiederId, periode) => bevroren.has(sleutel(aanbiederId, periode));
}

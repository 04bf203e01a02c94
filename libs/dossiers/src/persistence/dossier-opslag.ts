/**
 * The writes of the dossier lifecycle, each taking the caller's EntityManager so they run in
 * the caller's transaction: joining or starting a run, and turning a run into a version.
 */
import { EntityManager } from 'typeorm';
import { Actor, AuditService, SystemActor } from '@wijkkompas/core';
import type { DossierDocument } from '../assembleer';
import { ACTIEVE_DOSSIER_STATUSSEN, Dossier, DossierAanleiding } from './dossier.entity';

export const DOSSIER_AUDIT_TYPE = 'dossier';

export interface DossierAanvraag {
  gemeenteId: string;
  aanbiederId: string;
  periode: string;
  overlegId: string | null;
  aanleiding: DossierAanleiding;
  aangevraagdDoorId: string | null;
  /** The planned day the dossier is as of; null: the day it is assembled. */
  peildatum?: string | null;
}

const ACTIEF = `status IN ('wachtrij', 'bezig')`;

/**
 * The run for this aanbieder and quarter: a new one (`nieuw`), or the one already waiting or
 * running, which the caller then shares. The partial unique index uq_dossiers_actief decides
 * between concurrent requests: one INSERT wins, the others find its row. A run that ended in
 * between (gereed or mislukt) frees the slot, so the loop tries again.
 */
export async function voegAanvraagToe(
  manager: EntityManager,
  aanvraag: DossierAanvraag,
  door: Actor | SystemActor,
  audit: AuditService,
): Promise<{ dossier: Dossier; nieuw: boolean }> {
  const repo = manager.getRepository(Dossier);
  for (let poging = 0; poging < 5; poging++) {
    const ingevoegd: { id: string }[] = await manager.query(
      `INSERT INTO dossiers (gemeente_id, aanbieder_id, periode, overleg_id, aanleiding, aangevraagd_door_id, peildatum)
       VALUES ($1, $2, $3, $4, $5, $6, $7::date)
       ON CONFLICT (gemeente_id, aanbieder_id, periode) WHERE ${ACTIEF} DO NOTHING
       RETURNING id`,
      [
        aanvraag.gemeenteId,
        aanvraag.aanbiederId,
        aanvraag.periode,
        aanvraag.overlegId,
        aanvraag.aanleiding,
        aanvraag.aangevraagdDoorId,
        aanvraag.peildatum ?? null,
      ],
    );
    if (ingevoegd.length > 0) {
      const dossier = await repo.findOneByOrFail({ id: ingevoegd[0].id });
      await audit.record(manager, door, {
        action: 'aangevraagd',
        entityType: DOSSIER_AUDIT_TYPE,
        entityId: dossier.id,
        after: {
          aanbiederId: dossier.aanbiederId,
          periode: dossier.periode,
          overlegId: dossier.overlegId,
          aanleiding: dossier.aanleiding,
        },
      });
      return { dossier, nieuw: true };
    }
    const actief = await manager
      .getRepository(Dossier)
      .createQueryBuilder('d')
      .where('d.gemeente_id = :g AND d.aanbieder_id = :a AND d.periode = :p', {
        g: aanvraag.gemeenteId,
        a: aanvraag.aanbiederId,
        p: aanvraag.periode,
      })
      .andWhere(`d.${ACTIEF}`)
      .getOne();
    if (actief) {
      // A planned request joining a waiting run asked for without a meeting gives it its
      // meeting: the dossier is then the meeting's, and the planning sees it as asked for.
      if (aanvraag.overlegId && !actief.overlegId && actief.status === 'wachtrij') {
        const gekoppeld: { id: string }[] = await manager.query(
          `UPDATE dossiers SET overleg_id = $2, updated_at = now()
            WHERE id = $1 AND overleg_id IS NULL AND status = 'wachtrij' RETURNING id`,
          [actief.id, aanvraag.overlegId],
        );
        if (gekoppeld.length > 0) {
          await audit.record(manager, door, {
            action: 'aan-overleg-gekoppeld',
            entityType: DOSSIER_AUDIT_TYPE,
            entityId: actief.id,
            before: { overlegId: null },
            after: { overlegId: aanvraag.overlegId },
          });
          return { dossier: { ...actief, overlegId: aanvraag.overlegId }, nieuw: false };
        }
      }
      return { dossier: actief, nieuw: false };
    }
  }
  throw new Error('Geen dossieraanvraag kunnen vastleggen na vijf pogingen');
}

/**
 * Turns a run into the next version of its aanbieder's dossier for that quarter, in the
 * caller's (short) transaction: the row is locked, and a run that already ended (a job
 * retried after its work was committed) is left alone, so this is idempotent. The series is
 * locked too, so two versions can never get the same number. Document, hash, version number,
 * previous version and status gereed are written in one UPDATE: a crash leaves either no
 * version or a complete one.
 */
export async function bewaarVersie(
  manager: EntityManager,
  dossierId: string,
  document: DossierDocument,
  inhoudHash: string,
  door: SystemActor,
  audit: AuditService,
): Promise<Dossier | null> {
  const repo = manager.getRepository(Dossier);
  const rij = await repo.findOne({ where: { id: dossierId }, lock: { mode: 'pessimistic_write' } });
  if (!rij || !ACTIEVE_DOSSIER_STATUSSEN.includes(rij.status)) return null;
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
    `dossiers:${rij.gemeenteId}:${rij.aanbiederId}:${rij.periode}`,
  ]);
  const [vorige] = (await manager.query(
    `SELECT id, versie FROM dossiers
     WHERE gemeente_id = $1 AND aanbieder_id = $2 AND periode = $3 AND versie IS NOT NULL
     ORDER BY versie DESC LIMIT 1`,
    [rij.gemeenteId, rij.aanbiederId, rij.periode],
  )) as { id: string; versie: number }[];
  const versie = (vorige?.versie ?? 0) + 1;
  await manager.query(
    `UPDATE dossiers SET status = 'gereed', voortgang = 100, fout = NULL, versie = $2,
       document = $3::jsonb, inhoud_hash = $4, vorige_versie_id = $5, gereed_op = now(),
       updated_at = now()
     WHERE id = $1`,
    [dossierId, versie, JSON.stringify(document), inhoudHash, vorige?.id ?? null],
  );
  await audit.record(manager, door, {
    action: 'gereed',
    entityType: DOSSIER_AUDIT_TYPE,
    entityId: dossierId,
    after: {
      aanbiederId: rij.aanbiederId,
      periode: rij.periode,
      versie,
      inhoudHash,
      vorigeVersieId: vorige?.id ?? null,
    },
  });
  return repo.findOneByOrFail({ id: dossierId });
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import {
  Actor,
  aanbiederScope,
  AuditService,
  NotFoundError,
  weigerIdentificatoren,
} from '@wijkkompas/core';
import { controleerOptioneleIfMatch, Kpi } from '@wijkkompas/verantwoording';
import {
  DIAGNOSE_LABELS,
  geschiedenisPerVeronderstelling,
  hoortBijReview,
  stelReviewOp,
} from '../review';
import { naarTheorie } from '../verandertheorie/inhoud';
import { vereisSchrijfrecht, zichtbareTheorie } from '../verandertheorie/toegang';
import { VeronderstellingNietInReviewError } from '../verandertheorie/verandertheorie.errors';
import { VerandertheorieVersie } from '../verandertheorie/verandertheorie.entity';
import { vereisVersieVanPeriode } from '../verandertheorie/verandertheorie.opslag';
import {
  DiagnoseRequest,
  DiagnoseResponse,
  GeschiedenisResponse,
  GeschiedenisVersieResponse,
  ReviewResponse,
} from './review.dto';
import { laadUitKoers, stelReviewSamen } from './review.lezer';
import { VeronderstellingDiagnose } from './veronderstelling-diagnose.entity';

export function toDiagnoseResponse(d: VeronderstellingDiagnose): DiagnoseResponse {
  return {
    id: d.id,
    theorieId: d.theorieId,
    periode: d.periode,
    veronderstellingId: d.veronderstellingId,
    kpiId: d.kpiId,
    diagnose: d.diagnose,
    diagnoseLabel: DIAGNOSE_LABELS[d.diagnose],
    notitie: d.notitie,
    gesteldDoor: d.gesteldDoorNaam,
    updatedAt: d.updatedAt.toISOString(),
    version: d.version,
  };
}

/**
 * The assumption review per quarter (brief §3): what went off track in the adopted accounts,
 * which assumptions that puts in question, and what was concluded about each, kept per
 * quarter. A provider user reviews against its own organisation's accounts only.
 */
@Injectable()
export class ReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async review(actor: Actor, id: string, periode: string): Promise<ReviewResponse> {
    const manager = this.dataSource.manager;
    const theorie = await zichtbareTheorie(manager, actor, id);
    const versie = await vereisVersieVanPeriode(manager, theorie, periode);
    return stelReviewSamen(manager, theorie, versie, periode, aanbiederScope(actor));
  }

  /**
   * Records (or revises) the diagnosis of one assumption for one quarter, for every KPI of the
   * review or, with kpiId, for that KPI. Refused (422) for an assumption that is not on a path
   * of a KPI uit koers that quarter.
   */
  async zetDiagnose(
    actor: Actor,
    id: string,
    periode: string,
    veronderstellingId: string,
    ifMatch: string | undefined,
    input: DiagnoseRequest,
  ): Promise<DiagnoseResponse> {
    weigerIdentificatoren('Verandertheorie', { notitie: input.notitie });
    return this.dataSource.transaction(async (manager) => {
      const theorie = await zichtbareTheorie(manager, actor, id, true);
      vereisSchrijfrecht(actor, 'diagnose');
      const versie = await vereisVersieVanPeriode(manager, theorie, periode);
      const inhoud = versie.inhoud;
      const uitKoers = await laadUitKoers(manager, {
        gemeenteId: theorie.gemeenteId,
        periode,
        kpiIds: [...new Set(inhoud.kpiBewijzen.map((b) => b.kpiId))],
        aanbiederId: aanbiederScope(actor),
      });
      const review = stelReviewOp({
        theorie: naarTheorie(theorie.id, inhoud),
        kpiBewijzen: inhoud.kpiBewijzen,
        uitKoersKpiIds: uitKoers.map((u) => u.kpiId),
      });
      const kpiId = input.kpiId ?? null;
      if (!hoortBijReview(review, veronderstellingId, kpiId)) {
        const kpi = kpiId ? await manager.getRepository(Kpi).findOneBy({ id: kpiId }) : null;
        throw new VeronderstellingNietInReviewError(periode, kpiId ? (kpi?.code ?? kpiId) : null);
      }
      const repo = manager.getRepository(VeronderstellingDiagnose);
      const bestaand = await repo.findOne({
        where: { theorieId: id, periode, veronderstellingId, kpiId: kpiId ?? IsNull() },
        lock: { mode: 'pessimistic_write' },
      });
      controleerOptioneleIfMatch(ifMatch, bestaand?.version, 'De diagnose');
      const opgeslagen = await repo.save(
        bestaand
          ? {
              ...bestaand,
              diagnose: input.diagnose,
              notitie: input.notitie ?? null,
              gesteldDoorId: actor.gebruikerId,
              gesteldDoorNaam: actor.naam,
            }
          : repo.create({
              theorieId: id,
              periode,
              veronderstellingId,
              kpiId,
              diagnose: input.diagnose,
              notitie: input.notitie ?? null,
              gesteldDoorId: actor.gebruikerId,
              gesteldDoorNaam: actor.naam,
            }),
      );
      const response = toDiagnoseResponse(opgeslagen);
      await this.audit.record(manager, actor, {
        action: 'diagnose-vastgelegd',
        entityType: 'verandertheorie',
        entityId: id,
        before: bestaand
          ? {
              periode,
              veronderstellingId,
              kpiId,
              diagnose: bestaand.diagnose,
              notitie: bestaand.notitie,
            }
          : null,
        after: { ...response, versie: versie.versie },
      });
      return response;
    });
  }

  /** What was learned about one assumption: its text and evidence over the versions, its diagnoses per quarter. */
  async geschiedenis(
    actor: Actor,
    id: string,
    veronderstellingId: string,
  ): Promise<GeschiedenisResponse> {
    const manager = this.dataSource.manager;
    const theorie = await zichtbareTheorie(manager, actor, id);
    const versies = await manager
      .getRepository(VerandertheorieVersie)
      .find({ where: { theorieId: id }, order: { versie: 'ASC' } });
    const tijdlijn: GeschiedenisVersieResponse[] = [];
    for (const v of versies) {
      const gevonden = v.inhoud.veronderstellingen.find((x) => x.id === veronderstellingId);
      if (!gevonden) continue;
      const vorige = tijdlijn[tijdlijn.length - 1];
      if (
        vorige &&
        vorige.tekst === gevonden.tekst &&
        vorige.bewijsstatus === gevonden.bewijsstatus
      )
        continue;
      tijdlijn.push({
        versie: v.versie,
        geldigVanaf: v.geldigVanaf,
        tekst: gevonden.tekst,
        bewijsstatus: gevonden.bewijsstatus,
      });
    }
    if (!tijdlijn.length)
      throw new NotFoundError('Veronderstelling van deze verandertheorie', veronderstellingId);
    const rijen = await manager.getRepository(VeronderstellingDiagnose).find({
      where: { theorieId: id, veronderstellingId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const kpiIds = [...new Set(rijen.map((r) => r.kpiId).filter((k): k is string => k !== null))];
    const codes = new Map(
      (kpiIds.length ? await manager.getRepository(Kpi).findBy({ id: In(kpiIds) }) : []).map(
        (k) => [k.id, k.code],
      ),
    );
    const geordend =
      geschiedenisPerVeronderstelling(
        rijen.map((rij) => ({
          kwartaal: rij.periode,
          veronderstellingId: rij.veronderstellingId,
          kpiId: rij.kpiId,
          diagnose: rij.diagnose,
          notitie: rij.notitie,
          rij,
        })),
      ).get(veronderstellingId) ?? [];
    const laatste = versies[versies.length - 1];
    return {
      theorieId: theorie.id,
      veronderstellingId,
      tekst: tijdlijn[tijdlijn.length - 1].tekst,
      actueel: laatste.inhoud.veronderstellingen.some((x) => x.id === veronderstellingId),
      versies: tijdlijn,
      diagnoses: geordend.map((d) => ({
        periode: d.kwartaal,
        kpiId: d.kpiId ?? null,
        kpiCode: d.kpiId ? (codes.get(d.kpiId) ?? null) : null,
        diagnose: d.diagnose,
        diagnoseLabel: DIAGNOSE_LABELS[d.diagnose],
        notitie: d.notitie,
        gesteldDoor: d.rij.gesteldDoorNaam,
        updatedAt: d.rij.updatedAt.toISOString(),
      })),
    };
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  AuditService,
  NotFoundError,
  ValidationError,
  PERIODE_PATROON,
} from '@wijkkompas/core';
import { naarDecimaal } from '../decimaal';
import { peilKwartaal } from '../periode/kwartaal';
import { controleerOptioneleIfMatch } from './if-match';
import { normFouten } from './kpi-definitie';
import { KpiNormRequest, toKpiNormResponse } from './kpi.dto';
import { Kpi, KpiNormRecord, KpiVersie } from './kpi.entity';
import { NormPeriodePastNietError, OngeldigeNormError } from './kpi.errors';
import { KpiService } from './kpi.service';

export function vereisNormPeriode(periode: string): void {
  if (!PERIODE_PATROON.test(periode))
    throw new ValidationError([
      { name: 'periode', reason: 'periode moet een jaar (2026) of een kwartaal (2026-Q3) zijn' },
    ]);
}

/** Targets of a KPI per year or quarter, with their ‘let op’ and ‘uit koers’ tolerances. */
@Injectable()
export class KpiNormService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly kpis: KpiService,
  ) {}

  async findAll(actor: Actor, kpiId: string): Promise<KpiNormRecord[]> {
    const manager = this.dataSource.manager;
    const kpi = await this.kpis.vereisLeesbaar(manager, actor, kpiId);
    return this.normenVan(manager, [kpi.id]);
  }

  /** The norms of several KPIs at once, oldest period first (for the check and the dossiers). */
  normenVan(manager: EntityManager, kpiIds: readonly string[]): Promise<KpiNormRecord[]> {
    if (!kpiIds.length) return Promise.resolve([]);
    return manager
      .getRepository(KpiNormRecord)
      .createQueryBuilder('n')
      .where('n.kpi_id IN (:...kpiIds)', { kpiIds })
      .orderBy('n.periode')
      .getMany();
  }

  /**
   * Creates or replaces the norm of one period. An If-Match, when sent, must name the norm's
   * current version (a stale one is a 412); without one the last writer wins, as for any PUT.
   */
  async zetNorm(
    actor: Actor,
    kpiId: string,
    periode: string,
    input: KpiNormRequest,
    ifMatch?: string,
  ): Promise<{ norm: KpiNormRecord; nieuw: boolean }> {
    vereisNormPeriode(periode);
    const fouten = normFouten(input as unknown as Record<string, unknown>);
    if (fouten.length) throw new OngeldigeNormError(fouten);
    const waarden = {
      streefwaarde: naarDecimaal(input.streefwaarde as string)!,
      tolerantieLetOp: naarDecimaal(input.tolerantieLetOp as string)!,
      tolerantieUitKoers: naarDecimaal(input.tolerantieUitKoers as string)!,
    };
    return this.dataSource.transaction(async (manager) => {
      const kpi = await this.vergrendel(manager, actor, kpiId);
      // The definition in force in that period decides whether a quarter norm fits (a year
      // as of its last quarter); before the first version, the first one.
      const kwartaal = peilKwartaal(periode);
      const versie =
        (await manager
          .getRepository(KpiVersie)
          .createQueryBuilder('v')
          .where('v.kpi_id = :kpiId AND v.geldig_vanaf <= :kwartaal', { kpiId: kpi.id, kwartaal })
          .orderBy('v.versie', 'DESC')
          .getOne()) ??
        (await manager
          .getRepository(KpiVersie)
          .findOneOrFail({ where: { kpiId: kpi.id }, order: { versie: 'ASC' } }));
      if (versie.frequentie === 'jaar' && periode.includes('-Q'))
        throw new NormPeriodePastNietError(kpi.code, periode);
      const repo = manager.getRepository(KpiNormRecord);
      const bestaand = await repo.findOneBy({ kpiId: kpi.id, periode });
      controleerOptioneleIfMatch(ifMatch, bestaand?.version, `De norm voor ${periode}`);
      if (bestaand) {
        await repo.update({ id: bestaand.id }, waarden);
      } else {
        await repo.insert({ kpiId: kpi.id, periode, ...waarden });
      }
      const norm = await repo.findOneByOrFail({ kpiId: kpi.id, periode });
      await this.audit.record(manager, actor, {
        action: bestaand ? 'norm-gewijzigd' : 'norm-vastgelegd',
        entityType: 'kpi',
        entityId: kpi.id,
        before: bestaand ? toKpiNormResponse(bestaand) : null,
        after: toKpiNormResponse(norm),
      });
      return { norm, nieuw: !bestaand };
    });
  }

  async verwijder(actor: Actor, kpiId: string, periode: string): Promise<void> {
    vereisNormPeriode(periode);
    await this.dataSource.transaction(async (manager) => {
      const kpi = await this.vergrendel(manager, actor, kpiId);
      const repo = manager.getRepository(KpiNormRecord);
      const bestaand = await repo.findOneBy({ kpiId: kpi.id, periode });
      if (!bestaand) throw new NotFoundError(`Norm voor ${periode} van KPI`, kpiId);
      await repo.delete({ id: bestaand.id });
      await this.audit.record(manager, actor, {
        action: 'norm-verwijderd',
        entityType: 'kpi',
        entityId: kpi.id,
        before: toKpiNormResponse(bestaand),
        after: null,
      });
    });
  }

  /** Norm writes of one KPI queue behind each other, so two PUTs of a new period never collide. */
  private async vergrendel(manager: EntityManager, actor: Actor, kpiId: string): Promise<Kpi> {
    const kpi = await manager.getRepository(Kpi).findOne({
      where: { id: kpiId, gemeenteId: actor.gemeenteId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!kpi) throw new NotFoundError('KPI', kpiId);
    return kpi;
  }
}

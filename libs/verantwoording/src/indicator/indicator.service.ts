import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, QueryFailedError } from 'typeorm';
import {
  Actor,
  aanbiederScope,
  AuditService,
  NotFoundError,
  skipTake,
  ValidationError,
} from '@wijkkompas/core';
import { Keten } from '@wijkkompas/opdrachten';
import { vereisIfMatch } from '../kpi/if-match';
import { Kpi } from '../kpi/kpi.entity';
import { isKwartaal } from '../periode/kwartaal';
import {
  CreateIndicatorRequest,
  IndicatorQuery,
  toIndicatorResponse,
  UpdateIndicatorRequest,
} from './indicator.dto';
import { Indicator } from './indicator.entity';
import { IndicatorCodeBestaatError, IndicatorInGebruikError } from './indicator.errors';
import {
  aanbiedersUitKoers,
  vergelijkIndicatoren,
  VergelijkingRij,
} from './indicator-vergelijking';
import { laadVergelijking } from './indicator-vergelijking.loader';

function isCodeBotsing(error: unknown): boolean {
  const driver = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
  return (
    error instanceof QueryFailedError &&
    driver?.code === '23505' &&
    driver.constraint === 'uq_indicatoren_gemeente_code'
  );
}

export interface IndicatorVergelijking {
  indicator: Indicator;
  periode: string;
  rijen: VergelijkingRij[];
  aantalUitKoers: number;
}

/**
 * The gemeente-wide indicators. Everyone in the gemeente reads them; the contractmanager,
 * who owns the KPI sets, defines them. The comparison shows a provider user only its own
 * row: aanbieders do not see each other's figures.
 */
@Injectable()
export class IndicatorService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async findPage(actor: Actor, query: IndicatorQuery): Promise<[Indicator[], number]> {
    const builder = this.dataSource
      .getRepository(Indicator)
      .createQueryBuilder('i')
      .where('i.gemeente_id = :gemeenteId', { gemeenteId: actor.gemeenteId })
      .orderBy('i.code')
      .addOrderBy('i.id');
    if (query.ketenId) builder.andWhere(':ketenId = ANY(i.keten_ids)', { ketenId: query.ketenId });
    const { skip, take } = skipTake(query);
    return builder.skip(skip).take(take).getManyAndCount();
  }

  findOne(actor: Actor, id: string): Promise<Indicator> {
    return this.vereis(this.dataSource.manager, actor.gemeenteId, id);
  }

  async create(actor: Actor, input: CreateIndicatorRequest): Promise<Indicator> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const bestaand = await manager
          .getRepository(Indicator)
          .findOneBy({ gemeenteId: actor.gemeenteId, code: input.code });
        if (bestaand) throw new IndicatorCodeBestaatError(input.code, bestaand.id);
        await this.vereisKetens(manager, actor.gemeenteId, input.ketenIds ?? []);
        const repo = manager.getRepository(Indicator);
        const indicator = await repo.save(
          repo.create({
            gemeenteId: actor.gemeenteId,
            code: input.code,
            naam: input.naam.trim(),
            omschrijving: input.omschrijving?.trim() || null,
            eenheid: input.eenheid,
            richting: input.richting,
            ketenIds: input.ketenIds ?? [],
          }),
        );
        await this.audit.record(manager, actor, {
          action: 'aangemaakt',
          entityType: 'indicator',
          entityId: indicator.id,
          after: toIndicatorResponse(indicator),
        });
        return indicator;
      });
    } catch (error) {
      if (isCodeBotsing(error)) throw new IndicatorCodeBestaatError(input.code);
      throw error;
    }
  }

  async update(
    actor: Actor,
    id: string,
    ifMatch: string | undefined,
    input: UpdateIndicatorRequest,
  ): Promise<Indicator> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.vereis(manager, actor.gemeenteId, id, true);
      vereisIfMatch(ifMatch, before.version, 'De indicator');
      const meetAnders =
        (input.eenheid && input.eenheid !== before.eenheid) ||
        (input.richting && input.richting !== before.richting);
      if (meetAnders) {
        const aantal = await manager.getRepository(Kpi).countBy({ indicatorId: id });
        if (aantal) throw new IndicatorInGebruikError(aantal);
      }
      if (input.ketenIds) await this.vereisKetens(manager, actor.gemeenteId, input.ketenIds);
      const after = await manager.getRepository(Indicator).save({
        ...before,
        naam: input.naam?.trim() ?? before.naam,
        omschrijving:
          input.omschrijving === undefined
            ? before.omschrijving
            : input.omschrijving?.trim() || null,
        eenheid: input.eenheid ?? before.eenheid,
        richting: input.richting ?? before.richting,
        ketenIds: input.ketenIds ?? before.ketenIds,
      });
      await this.audit.record(manager, actor, {
        action: 'gewijzigd',
        entityType: 'indicator',
        entityId: id,
        before: toIndicatorResponse(before),
        after: toIndicatorResponse(after),
      });
      return after;
    });
  }

  /**
   * Every aanbieder's value, norm and status for one indicator and quarter: one query for
   * the indicator and three for the comparison, whatever the number of aanbieders.
   */
  async vergelijking(actor: Actor, id: string, periode: string): Promise<IndicatorVergelijking> {
    if (!isKwartaal(periode))
      throw new ValidationError([
        { name: 'periode', reason: 'periode moet een kwartaal zijn, bijvoorbeeld 2026-Q3' },
      ]);
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const indicator = await this.vereis(manager, actor.gemeenteId, id);
      const invoer = await laadVergelijking(
        manager,
        actor.gemeenteId,
        [id],
        periode,
        aanbiederScope(actor) ?? null,
      );
      const rijen = vergelijkIndicatoren(invoer).get(id) ?? [];
      return { indicator, periode, rijen, aantalUitKoers: aanbiedersUitKoers(rijen).length };
    });
  }

  private async vereis(
    manager: EntityManager,
    gemeenteId: string,
    id: string,
    lock = false,
  ): Promise<Indicator> {
    const indicator = await manager.getRepository(Indicator).findOne({
      where: { id, gemeenteId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!indicator) throw new NotFoundError('Indicator', id);
    return indicator;
  }

  private async vereisKetens(
    manager: EntityManager,
    gemeenteId: string,
    ids: readonly string[],
  ): Promise<void> {
    if (!ids.length) return;
    const gevonden = await manager
      .getRepository(Keten)
      .find({ select: { id: true }, where: { id: In([...ids]), gemeenteId } });
    const bekend = new Set(gevonden.map((k) => k.id));
    const fouten = ids
      .map((ketenId, i) => ({ ketenId, i }))
      .filter(({ ketenId }) => !bekend.has(ketenId))
      .map(({ ketenId, i }) => ({
        name: `ketenIds.${i}`,
        reason: `keten ${ketenId} bestaat niet in deze gemeente`,
      }));
    if (fouten.length) throw new ValidationError(fouten);
  }
}

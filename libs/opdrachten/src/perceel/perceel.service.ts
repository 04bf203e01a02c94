import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import {
  Actor,
  aanbiederScope,
  AuditService,
  NotFoundError,
  skipTake,
  VersionConflictError,
  vulAanbiederNamen,
} from '@wijkkompas/core';
import { vandaag } from '../shared/datum';
import { vereisAanbieders, vereisPeriode, vereisWijken } from '../shared/referenties';
import {
  CreatePerceelRequest,
  CreateProgrammaRequest,
  CreateToewijzingRequest,
  PerceelQuery,
  toPerceelResponse,
  UpdatePerceelRequest,
} from './perceel.dto';
import { Perceel, PerceelProgramma, PerceelToewijzing, PerceelWijk } from './perceel.entity';
import {
  PerceelNaamInGebruikError,
  ToewijzingOverlaptError,
  WijkAlInPerceelError,
} from './perceel.errors';
import { planToewijzing } from './toewijzing';

/**
 * Percelen of the gemeente and their assignment history. A provider user sees the percelen
 * it runs or has run, nothing else.
 */
@Injectable()
export class PerceelService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async findPage(actor: Actor, query: PerceelQuery): Promise<[Perceel[], number]> {
    const peildatum = query.peildatum ?? vandaag();
    const ids = this.dataSource
      .getRepository(Perceel)
      .createQueryBuilder('perceel')
      .select('perceel.id')
      .where('perceel.gemeente_id = :gemeenteId', { gemeenteId: actor.gemeenteId })
      .orderBy('perceel.naam')
      .addOrderBy('perceel.id');
    const eigen = aanbiederScope(actor);
    if (eigen)
      ids.andWhere(
        'EXISTS (SELECT 1 FROM perceel_toewijzingen t WHERE t.perceel_id = perceel.id AND t.aanbieder_id = :eigen)',
        { eigen },
      );
    if (query.aanbiederId)
      ids.andWhere(
        'EXISTS (SELECT 1 FROM perceel_toewijzingen t2 WHERE t2.perceel_id = perceel.id AND t2.aanbieder_id = :aanbiederId AND t2.van <= :peildatum AND (t2.tot IS NULL OR t2.tot >= :peildatum))',
        { aanbiederId: query.aanbiederId, peildatum },
      );
    const { skip, take } = skipTake(query);
    const [rows, total] = await ids.skip(skip).take(take).getManyAndCount();
    const full = await this.loadMany(
      this.dataSource.manager,
      rows.map((r) => r.id),
    );
    return [rows.map((r) => full.find((f) => f.id === r.id)!), total];
  }

  async findOne(actor: Actor, id: string): Promise<Perceel> {
    return this.load(this.dataSource.manager, actor, id);
  }

  async create(actor: Actor, input: CreatePerceelRequest): Promise<Perceel> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Perceel);
      if (await repo.existsBy({ gemeenteId: actor.gemeenteId, naam: input.naam }))
        throw new PerceelNaamInGebruikError();
      await vereisWijken(manager, actor.gemeenteId, input.wijkIds, 'wijkIds');
      const saved = await repo.save(
        repo.create({
          gemeenteId: actor.gemeenteId,
          naam: input.naam,
          omschrijving: input.omschrijving ?? null,
        }),
      );
      await this.zetWijken(manager, saved.id, input.wijkIds);
      const perceel = await this.load(manager, actor, saved.id);
      await this.audit.record(manager, actor, {
        action: 'aangemaakt',
        entityType: 'perceel',
        entityId: perceel.id,
        after: toPerceelResponse(perceel, vandaag()),
      });
      return perceel;
    });
  }

  async update(actor: Actor, id: string, input: UpdatePerceelRequest): Promise<Perceel> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.load(manager, actor, id, true);
      if (before.version !== input.version)
        throw new VersionConflictError('Perceel', input.version, before.version);
      const repo = manager.getRepository(Perceel);
      if (
        input.naam &&
        input.naam !== before.naam &&
        (await repo.existsBy({ gemeenteId: actor.gemeenteId, naam: input.naam }))
      )
        throw new PerceelNaamInGebruikError();
      if (input.wijkIds) {
        await vereisWijken(manager, actor.gemeenteId, input.wijkIds, 'wijkIds');
        await manager.getRepository(PerceelWijk).delete({ perceelId: id });
        await this.zetWijken(manager, id, input.wijkIds);
      }
      await repo.save({
        id,
        version: before.version,
        naam: input.naam ?? before.naam,
        omschrijving: input.omschrijving === undefined ? before.omschrijving : input.omschrijving,
        updatedAt: new Date(),
      });
      const after = await this.load(manager, actor, id);
      const peildatum = vandaag();
      await this.audit.record(manager, actor, {
        action: 'gewijzigd',
        entityType: 'perceel',
        entityId: id,
        before: toPerceelResponse(before, peildatum),
        after: toPerceelResponse(after, peildatum),
      });
      return after;
    });
  }

  /** Assigns the perceel from a date; under a row lock so two assignments cannot interleave. */
  async wijsToe(actor: Actor, id: string, input: CreateToewijzingRequest): Promise<Perceel> {
    vereisPeriode(input.van, input.tot, 'tot');
    return this.dataSource.transaction(async (manager) => {
      const before = await this.load(manager, actor, id, true);
      await vereisAanbieders(manager, actor.gemeenteId, [input.aanbiederId], 'aanbiederId');
      const plan = planToewijzing(before.toewijzingen ?? [], {
        van: input.van,
        tot: input.tot ?? null,
      });
      if (!plan.ok) throw new ToewijzingOverlaptError(plan.conflict);
      const repo = manager.getRepository(PerceelToewijzing);
      if (plan.sluit) await repo.update({ id: plan.sluit.id }, { tot: plan.sluit.tot });
      const toewijzing = await repo.save(
        repo.create({
          perceelId: id,
          aanbiederId: input.aanbiederId,
          van: input.van,
          tot: input.tot ?? null,
        }),
      );
      await manager.getRepository(Perceel).increment({ id }, 'version', 1);
      const after = await this.load(manager, actor, id);
      await this.audit.record(manager, actor, {
        action: plan.sluit ? 'heringedeeld' : 'toegewezen',
        entityType: 'perceel',
        entityId: id,
        before: { toewijzingen: toPerceelResponse(before, input.van).toewijzingen },
        after: {
          toewijzingId: toewijzing.id,
          toewijzingen: toPerceelResponse(after, input.van).toewijzingen,
        },
      });
      return after;
    });
  }

  async voegProgrammaToe(
    actor: Actor,
    id: string,
    input: CreateProgrammaRequest,
  ): Promise<Perceel> {
    vereisPeriode(input.van, input.tot, 'tot');
    return this.dataSource.transaction(async (manager) => {
      const before = await this.load(manager, actor, id, true);
      const repo = manager.getRepository(PerceelProgramma);
      const programma = await repo.save(
        repo.create({
          perceelId: id,
          naam: input.naam,
          opdrachtgever: input.opdrachtgever,
          van: input.van,
          tot: input.tot ?? null,
        }),
      );
      await manager.getRepository(Perceel).increment({ id }, 'version', 1);
      const after = await this.load(manager, actor, id);
      await this.audit.record(manager, actor, {
        action: 'programma-toegevoegd',
        entityType: 'perceel',
        entityId: id,
        before: { programmas: toPerceelResponse(before, input.van).programmas },
        after: {
          programmaId: programma.id,
          programmas: toPerceelResponse(after, input.van).programmas,
        },
      });
      return after;
    });
  }

  private async zetWijken(
    manager: EntityManager,
    perceelId: string,
    wijkIds: string[],
  ): Promise<void> {
    if (!wijkIds.length) return;
    const elders = await manager
      .getRepository(PerceelWijk)
      .findOneBy({ wijkId: In(wijkIds), perceelId: Not(perceelId) });
    if (elders) throw new WijkAlInPerceelError(elders.wijkId);
    await manager
      .getRepository(PerceelWijk)
      .insert(wijkIds.map((wijkId) => ({ perceelId, wijkId })));
  }

  private async load(
    manager: EntityManager,
    actor: Actor,
    id: string,
    lock = false,
  ): Promise<Perceel> {
    const head = await manager.getRepository(Perceel).findOne({
      where: { id, gemeenteId: actor.gemeenteId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    const eigen = aanbiederScope(actor);
    if (
      !head ||
      (eigen &&
        !(await manager
          .getRepository(PerceelToewijzing)
          .existsBy({ perceelId: id, aanbiederId: eigen })))
    )
      throw new NotFoundError('Perceel', id);
    const [perceel] = await this.loadMany(manager, [id]);
    return perceel;
  }

  private async loadMany(manager: EntityManager, ids: string[]): Promise<Perceel[]> {
    if (!ids.length) return [];
    const percelen = await manager.getRepository(Perceel).find({
      where: { id: In(ids) },
      relations: { wijken: { wijk: true }, toewijzingen: { aanbieder: true }, programmas: true },
    });
    // The assigned aanbieders by the names the perceel's gemeente contracted them under.
    for (const gemeenteId of new Set(percelen.map((p) => p.gemeenteId)))
      await vulAanbiederNamen(
        manager,
        gemeenteId,
        percelen
          .filter((p) => p.gemeenteId === gemeenteId)
          .flatMap((p) => (p.toewijzingen ?? []).map((t) => t.aanbieder)),
      );
    return percelen;
  }
}

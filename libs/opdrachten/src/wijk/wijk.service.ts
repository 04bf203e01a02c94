import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  AuditService,
  DomainError,
  NotFoundError,
  skipTake,
  VersionConflictError,
} from '@wijkkompas/core';
import { CreateWijkRequest, toWijkResponse, UpdateWijkRequest, WijkQuery } from './wijk.dto';
import { Wijk } from './wijk.entity';

export class WijkCodeInGebruikError extends DomainError {
  constructor() {
    super(
      'conflict',
      'wijkcode-in-gebruik',
      'Wijkcode al in gebruik',
      'Uw gemeente heeft al een wijk met deze CBS-code.',
    );
  }
}

/** Wijken are reference data of the gemeente: every user of the gemeente may read them. */
@Injectable()
export class WijkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  findPage(actor: Actor, query: WijkQuery): Promise<[Wijk[], number]> {
    const builder = this.dataSource
      .getRepository(Wijk)
      .createQueryBuilder('wijk')
      .where('wijk.gemeente_id = :gemeenteId', { gemeenteId: actor.gemeenteId })
      .orderBy('wijk.cbs_code');
    if (query.zoek)
      builder.andWhere('(wijk.naam ILIKE :zoek OR wijk.cbs_code ILIKE :zoek)', {
        zoek: `%${query.zoek.replace(/[%_\\]/g, '\\$&')}%`,
      });
    const { skip, take } = skipTake(query);
    return builder.skip(skip).take(take).getManyAndCount();
  }

  findOne(actor: Actor, id: string): Promise<Wijk> {
    return this.load(this.dataSource.manager, actor, id);
  }

  async create(actor: Actor, input: CreateWijkRequest): Promise<Wijk> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Wijk);
      if (await repo.existsBy({ gemeenteId: actor.gemeenteId, cbsCode: input.cbsCode }))
        throw new WijkCodeInGebruikError();
      const wijk = await repo.save(
        repo.create({ gemeenteId: actor.gemeenteId, cbsCode: input.cbsCode, naam: input.naam }),
      );
      await this.audit.record(manager, actor, {
        action: 'aangemaakt',
        entityType: 'wijk',
        entityId: wijk.id,
        after: toWijkResponse(wijk),
      });
      return wijk;
    });
  }

  async update(actor: Actor, id: string, input: UpdateWijkRequest): Promise<Wijk> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Wijk);
      const before = await this.load(manager, actor, id, true);
      if (before.version !== input.version)
        throw new VersionConflictError('Wijk', input.version, before.version);
      if (
        input.cbsCode &&
        input.cbsCode !== before.cbsCode &&
        (await repo.existsBy({ gemeenteId: actor.gemeenteId, cbsCode: input.cbsCode }))
      )
        throw new WijkCodeInGebruikError();
      const after = await repo.save({
        ...before,
        cbsCode: input.cbsCode ?? before.cbsCode,
        naam: input.naam ?? before.naam,
      });
      await this.audit.record(manager, actor, {
        action: 'gewijzigd',
        entityType: 'wijk',
        entityId: id,
        before: toWijkResponse(before),
        after: toWijkResponse(after),
      });
      return after;
    });
  }

  private async load(
    manager: EntityManager,
    actor: Actor,
    id: string,
    lock = false,
  ): Promise<Wijk> {
    const wijk = await manager.getRepository(Wijk).findOne({
      where: { id, gemeenteId: actor.gemeenteId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!wijk) throw new NotFoundError('Wijk', id);
    return wijk;
  }
}

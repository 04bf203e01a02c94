import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  AuditService,
  DomainError,
  NotFoundError,
  PageQuery,
  skipTake,
  VersionConflictError,
} from '@wijkkompas/core';
import { vereisKetenregisseur } from '../shared/referenties';
import { CreateKetenRequest, toKetenResponse, UpdateKetenRequest } from './keten.dto';
import { Keten } from './keten.entity';

class KetenNaamInGebruikError extends DomainError {
  constructor() {
    super(
      'conflict',
      'ketennaam-in-gebruik',
      'Ketennaam al in gebruik',
      'Uw gemeente heeft al een keten met deze naam.',
    );
  }
}

@Injectable()
export class KetenService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  findPage(actor: Actor, query: PageQuery): Promise<[Keten[], number]> {
    const { skip, take } = skipTake(query);
    return this.dataSource.getRepository(Keten).findAndCount({
      where: { gemeenteId: actor.gemeenteId },
      relations: { ketenregisseur: { relaties: true } },
      order: { naam: 'ASC' },
      skip,
      take,
    });
  }

  findOne(actor: Actor, id: string): Promise<Keten> {
    return this.load(this.dataSource.manager, actor, id);
  }

  async create(actor: Actor, input: CreateKetenRequest): Promise<Keten> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Keten);
      if (await repo.existsBy({ gemeenteId: actor.gemeenteId, naam: input.naam }))
        throw new KetenNaamInGebruikError();
      if (input.ketenregisseurId)
        await vereisKetenregisseur(
          manager,
          actor.gemeenteId,
          input.ketenregisseurId,
          'ketenregisseurId',
        );
      const saved = await repo.save(
        repo.create({
          gemeenteId: actor.gemeenteId,
          naam: input.naam,
          omschrijving: input.omschrijving ?? null,
          ketenregisseurId: input.ketenregisseurId ?? null,
        }),
      );
      const keten = await this.load(manager, actor, saved.id);
      await this.audit.record(manager, actor, {
        action: 'aangemaakt',
        entityType: 'keten',
        entityId: keten.id,
        after: toKetenResponse(keten),
      });
      return keten;
    });
  }

  async update(actor: Actor, id: string, input: UpdateKetenRequest): Promise<Keten> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Keten);
      const before = await this.load(manager, actor, id, true);
      if (before.version !== input.version)
        throw new VersionConflictError('Keten', input.version, before.version);
      if (
        input.naam &&
        input.naam !== before.naam &&
        (await repo.existsBy({ gemeenteId: actor.gemeenteId, naam: input.naam }))
      )
        throw new KetenNaamInGebruikError();
      if (input.ketenregisseurId)
        await vereisKetenregisseur(
          manager,
          actor.gemeenteId,
          input.ketenregisseurId,
          'ketenregisseurId',
        );
      await repo.save({
        id,
        version: before.version,
        naam: input.naam ?? before.naam,
        omschrijving: input.omschrijving === undefined ? before.omschrijving : input.omschrijving,
        ketenregisseurId:
          input.ketenregisseurId === undefined ? before.ketenregisseurId : input.ketenregisseurId,
      });
      const after = await this.load(manager, actor, id);
      await this.audit.record(manager, actor, {
        action: 'gewijzigd',
        entityType: 'keten',
        entityId: id,
        before: toKetenResponse(before),
        after: toKetenResponse(after),
      });
      return after;
    });
  }

  private async load(
    manager: EntityManager,
    actor: Actor,
    id: string,
    lock = false,
  ): Promise<Keten> {
    const builder = manager
      .getRepository(Keten)
      .createQueryBuilder('keten')
      .leftJoinAndSelect('keten.ketenregisseur', 'ketenregisseur')
      .leftJoinAndSelect(
        'ketenregisseur.relaties',
        'regisseurRelatie',
        'regisseurRelatie.gemeenteId = keten.gemeenteId',
      )
      .where('keten.id = :id', { id })
      .andWhere('keten.gemeente_id = :gemeenteId', { gemeenteId: actor.gemeenteId });
    if (lock) builder.setLock('pessimistic_write', undefined, ['keten']);
    const keten = await builder.getOne();
    if (!keten) throw new NotFoundError('Keten', id);
    return keten;
  }
}

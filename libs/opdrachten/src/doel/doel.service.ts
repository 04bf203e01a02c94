import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Actor,
  AuditService,
  NotFoundError,
  PageQuery,
  skipTake,
  ValidationError,
  VersionConflictError,
  weigerIdentificatoren,
} from '@wijkkompas/core';
import { HoofdopdrachtService } from '../hoofdopdracht/hoofdopdracht.service';
import { DoelNiveau, OUDER_NIVEAU } from '../shared/enums';
import { CreateDoelRequest, toDoelResponse, UpdateDoelRequest } from './doel.dto';
import { Doel } from './doel.entity';

/** The goal tree of a hoofdopdracht; visible to whoever may see the hoofdopdracht. */
@Injectable()
export class DoelService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hoofdopdrachten: HoofdopdrachtService,
    private readonly audit: AuditService,
  ) {}

  async findPage(
    actor: Actor,
    hoofdopdrachtId: string,
    query: PageQuery,
  ): Promise<[Doel[], number]> {
    await this.hoofdopdrachten.findOne(actor, hoofdopdrachtId);
    const { skip, take } = skipTake(query);
    // Ambities first, then doelen, then resultaten: parents always precede their children.
    return this.dataSource
      .getRepository(Doel)
      .createQueryBuilder('doel')
      .where('doel.hoofdopdracht_id = :hoofdopdrachtId', { hoofdopdrachtId })
      .orderBy(`CASE doel.niveau WHEN 'ambitie' THEN 1 WHEN 'doel' THEN 2 ELSE 3 END`)
      .addOrderBy('doel.created_at')
      .addOrderBy('doel.id')
      .skip(skip)
      .take(take)
      .getManyAndCount();
  }

  async create(actor: Actor, hoofdopdrachtId: string, input: CreateDoelRequest): Promise<Doel> {
    weigerIdentificatoren('Hoofdopdracht', {
      titel: input.titel,
      omschrijving: input.omschrijving,
    });
    await this.hoofdopdrachten.findOne(actor, hoofdopdrachtId);
    return this.dataSource.transaction(async (manager) => {
      const verwacht = OUDER_NIVEAU[input.niveau];
      if (verwacht === null && input.parentId)
        throw new ValidationError([
          { name: 'parentId', reason: 'een ambitie heeft geen bovenliggend doel' },
        ]);
      if (verwacht !== null) {
        if (!input.parentId)
          throw new ValidationError([
            { name: 'parentId', reason: `een ${input.niveau} hoort onder een ${verwacht}` },
          ]);
        const parent = await manager
          .getRepository(Doel)
          .findOneBy({ id: input.parentId, hoofdopdrachtId });
        if (!parent)
          throw new ValidationError([
            { name: 'parentId', reason: 'bovenliggend doel bestaat niet in deze hoofdopdracht' },
          ]);
        if (parent.niveau !== verwacht)
          throw new ValidationError([
            {
              name: 'parentId',
              reason: `een ${input.niveau} hoort onder een ${verwacht}, niet onder een ${parent.niveau}`,
            },
          ]);
      }
      const repo = manager.getRepository(Doel);
      const doel = await repo.save(
        repo.create({
          gemeenteId: actor.gemeenteId,
          hoofdopdrachtId,
          parentId: input.niveau === DoelNiveau.Ambitie ? null : input.parentId!,
          niveau: input.niveau,
          titel: input.titel,
          omschrijving: input.omschrijving ?? null,
          themas: input.themas,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'aangemaakt',
        entityType: 'doel',
        entityId: doel.id,
        after: toDoelResponse(doel),
      });
      return doel;
    });
  }

  async update(
    actor: Actor,
    hoofdopdrachtId: string,
    id: string,
    input: UpdateDoelRequest,
  ): Promise<Doel> {
    weigerIdentificatoren('Hoofdopdracht', {
      titel: input.titel,
      omschrijving: input.omschrijving,
    });
    await this.hoofdopdrachten.findOne(actor, hoofdopdrachtId);
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Doel);
      const before = await repo.findOne({
        where: { id, hoofdopdrachtId, gemeenteId: actor.gemeenteId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!before) throw new NotFoundError('Doel', id);
      if (before.version !== input.version)
        throw new VersionConflictError('Doel', input.version, before.version);
      const after = await repo.save({
        ...before,
        titel: input.titel ?? before.titel,
        omschrijving: input.omschrijving === undefined ? before.omschrijving : input.omschrijving,
        themas: input.themas ?? before.themas,
      });
      await this.audit.record(manager, actor, {
        action: 'gewijzigd',
        entityType: 'doel',
        entityId: id,
        before: toDoelResponse(before),
        after: toDoelResponse(after),
      });
      return after;
    });
  }
}

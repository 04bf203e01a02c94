import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Actor,
  AuditService,
  DomainError,
  Gemeente,
  NotFoundError,
  VersionConflictError,
} from '@wijkkompas/core';
import { toGemeenteResponse, UpdateGemeenteRequest } from './gemeente.dto';

/**
 * The tenant as a resource. A user only ever sees the gemeente of the session; new tenants
 * come from the CLI (create-beheerder), not from a tenant's own API.
 */
@Injectable()
export class GemeenteService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async findOne(actor: Actor, id: string): Promise<Gemeente> {
    const gemeente =
      id === actor.gemeenteId
        ? await this.dataSource.getRepository(Gemeente).findOneBy({ id })
        : null;
    if (!gemeente) throw new NotFoundError('Gemeente', id);
    return gemeente;
  }

  async update(actor: Actor, id: string, input: UpdateGemeenteRequest): Promise<Gemeente> {
    if (id !== actor.gemeenteId) throw new NotFoundError('Gemeente', id);
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Gemeente);
      const before = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw new NotFoundError('Gemeente', id);
      if (before.version !== input.version)
        throw new VersionConflictError('Gemeente', input.version, before.version);
      if (
        input.cbsCode &&
        input.cbsCode !== before.cbsCode &&
        (await repo.existsBy({ cbsCode: input.cbsCode }))
      )
        throw new DomainError(
          'conflict',
          'cbs-code-in-gebruik',
          'CBS-code al in gebruik',
          `Er bestaat al een gemeente met CBS-code ${input.cbsCode}.`,
        );
      const after = await repo.save({
        ...before,
        naam: input.naam ?? before.naam,
        cbsCode: input.cbsCode ?? before.cbsCode,
      });
      await this.audit.record(manager, actor, {
        action: 'gewijzigd',
        entityType: 'gemeente',
        entityId: id,
        before: toGemeenteResponse(before),
        after: toGemeenteResponse(after),
      });
      return after;
    });
  }
}

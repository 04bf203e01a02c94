import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Actor,
  APP_CONFIG,
  AppConfig,
  AuditService,
  bootstrapGemeente,
  BootstrapGemeenteResult,
  DomainError,
  ForbiddenError,
  Gemeente,
  isPlatformBeheerder,
  NotFoundError,
  VersionConflictError,
} from '@wijkkompas/core';
import { CreateGemeenteRequest, toGemeenteResponse, UpdateGemeenteRequest } from './gemeente.dto';

/**
 * The tenant as a resource. A user only ever sees the gemeente of the session. New tenants
 * come from the CLI (create-beheerder), the first start (INITIAL_BEHEERDER_*) or a platform
 * beheerder (PLATFORM_BEHEERDERS) through `create` — all three through bootstrapGemeente.
 */
@Injectable()
export class GemeenteService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * A new gemeente with its own organisation and first beheerder. Audited in the new gemeente
   * (as `platformbeheer (<name>)`) and in the platform beheerder's own gemeente (as that person).
   */
  async create(actor: Actor, input: CreateGemeenteRequest): Promise<BootstrapGemeenteResult> {
    if (!(await isPlatformBeheerder(this.dataSource, this.config, actor.gebruikerId)))
      throw new ForbiddenError(
        'Alleen beheerders van het platform (PLATFORM_BEHEERDERS) kunnen een gemeente aanmaken.',
      );
    return this.dataSource.transaction(async (manager) => {
      if (await manager.getRepository(Gemeente).existsBy({ cbsCode: input.cbsCode }))
        throw new DomainError(
          'conflict',
          'gemeente-bestaat',
          'Gemeente bestaat al',
          `Er is al een gemeente met CBS-code ${input.cbsCode}. Een extra beheerder maakt een beheerder van die gemeente aan.`,
        );
      const result = await bootstrapGemeente(
        manager,
        this.audit,
        {
          gemeenteNaam: input.naam,
          cbsCode: input.cbsCode,
          email: input.beheerder.email,
          naam: input.beheerder.naam,
          password: input.beheerder.wachtwoord,
        },
        `platformbeheer (${actor.naam})`,
      );
      await this.audit.record(manager, actor, {
        action: 'aangemaakt',
        entityType: 'gemeente',
        entityId: result.gemeente.id,
        after: {
          naam: result.gemeente.naam,
          cbsCode: result.gemeente.cbsCode,
          eersteBeheerder: { id: result.beheerder.id, email: result.beheerder.email },
        },
      });
      return result;
    });
  }

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

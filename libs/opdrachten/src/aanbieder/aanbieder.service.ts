import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  Actor,
  AanbiederGemeente,
  AuditService,
  DomainError,
  Gemeente,
  NotFoundError,
  Organisatie,
  OrganisatieService,
  OrganisatieSoort,
  skipTake,
  VersionConflictError,
} from '@wijkkompas/core';
import {
  AanbiederQuery,
  AanbiederResponse,
  CreateAanbiederRequest,
  toAanbiederResponse,
  UpdateAanbiederRequest,
} from './aanbieder.dto';

/**
 * Aanbieders are organisaties of soort aanbieder, linked to the gemeenten they work for.
 * Registering one whose KvK number is known links the existing organisation to this gemeente:
 * one provider working for several gemeenten stays one organisation.
 */
@Injectable()
export class AanbiederService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisaties: OrganisatieService,
    private readonly audit: AuditService,
  ) {}

  async findPage(actor: Actor, query: AanbiederQuery): Promise<[AanbiederResponse[], number]> {
    const builder = this.organisaties
      .visibleTo(actor, 'organisatie')
      .andWhere('organisatie.soort = :soort', { soort: OrganisatieSoort.Aanbieder })
      .orderBy('organisatie.naam')
      .addOrderBy('organisatie.id');
    if (query.zoek)
      builder.andWhere('(organisatie.naam ILIKE :zoek OR organisatie.kvk_nummer ILIKE :zoek)', {
        zoek: `%${query.zoek.replace(/[%_\\]/g, '\\$&')}%`,
      });
    const { skip, take } = skipTake(query);
    const [rows, total] = await builder.skip(skip).take(take).getManyAndCount();
    return [await this.metGemeenten(this.dataSource.manager, rows), total];
  }

  async findOne(actor: Actor, id: string): Promise<AanbiederResponse> {
    const [response] = await this.metGemeenten(this.dataSource.manager, [
      await this.load(actor, id),
    ]);
    return response;
  }

  async create(actor: Actor, input: CreateAanbiederRequest): Promise<AanbiederResponse> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Organisatie);
      let aanbieder = await repo.findOneBy({
        kvkNummer: input.kvkNummer,
        soort: OrganisatieSoort.Aanbieder,
      });
      if (
        aanbieder &&
        (await manager
          .getRepository(AanbiederGemeente)
          .existsBy({ aanbiederId: aanbieder.id, gemeenteId: actor.gemeenteId }))
      )
        throw new DomainError(
          'conflict',
          'aanbieder-bestaat-al',
          'Aanbieder bestaat al',
          `Aanbieder met KvK-nummer ${input.kvkNummer} werkt al voor deze gemeente.`,
          { aanbiederId: aanbieder.id },
        );
      const nieuw = !aanbieder;
      if (!aanbieder)
        aanbieder = await repo.save(
          repo.create({
            naam: input.naam,
            kvkNummer: input.kvkNummer,
            soort: OrganisatieSoort.Aanbieder,
            gemeenteId: null,
          }),
        );
      await manager
        .getRepository(AanbiederGemeente)
        .insert({ aanbiederId: aanbieder.id, gemeenteId: actor.gemeenteId });
      const [response] = await this.metGemeenten(manager, [aanbieder]);
      await this.audit.record(manager, actor, {
        action: nieuw ? 'aangemaakt' : 'gekoppeld-aan-gemeente',
        entityType: 'aanbieder',
        entityId: aanbieder.id,
        after: response,
      });
      return response;
    });
  }

  async update(
    actor: Actor,
    id: string,
    input: UpdateAanbiederRequest,
  ): Promise<AanbiederResponse> {
    await this.load(actor, id);
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Organisatie);
      const before = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw new NotFoundError('Aanbieder', id);
      if (before.version !== input.version)
        throw new VersionConflictError('Aanbieder', input.version, before.version);
      if (
        input.kvkNummer &&
        input.kvkNummer !== before.kvkNummer &&
        (await repo.existsBy({ kvkNummer: input.kvkNummer, soort: OrganisatieSoort.Aanbieder }))
      )
        throw new DomainError(
          'conflict',
          'kvk-nummer-in-gebruik',
          'KvK-nummer al in gebruik',
          `Er bestaat al een aanbieder met KvK-nummer ${input.kvkNummer}.`,
        );
      const [voor] = await this.metGemeenten(manager, [before]);
      const after = await repo.save({
        ...before,
        naam: input.naam ?? before.naam,
        kvkNummer: input.kvkNummer ?? before.kvkNummer,
      });
      const [response] = await this.metGemeenten(manager, [after]);
      await this.audit.record(manager, actor, {
        action: 'gewijzigd',
        entityType: 'aanbieder',
        entityId: id,
        before: voor,
        after: response,
      });
      return response;
    });
  }

  private async load(actor: Actor, id: string): Promise<Organisatie> {
    const aanbieder = await this.organisaties
      .visibleTo(actor, 'organisatie')
      .andWhere('organisatie.soort = :soort', { soort: OrganisatieSoort.Aanbieder })
      .andWhere('organisatie.id = :id', { id })
      .getOne();
    if (!aanbieder) throw new NotFoundError('Aanbieder', id);
    return aanbieder;
  }

  private async metGemeenten(
    manager: EntityManager,
    aanbieders: Organisatie[],
  ): Promise<AanbiederResponse[]> {
    if (!aanbieders.length) return [];
    const links = await manager
      .getRepository(AanbiederGemeente)
      .findBy({ aanbiederId: In(aanbieders.map((a) => a.id)) });
    const gemeenten = links.length
      ? await manager.getRepository(Gemeente).findBy({ id: In(links.map((l) => l.gemeenteId)) })
      : [];
    return aanbieders.map((a) =>
      toAanbiederResponse(
        a,
        gemeenten.filter((g) => links.some((l) => l.aanbiederId === a.id && l.gemeenteId === g.id)),
      ),
    );
  }
}

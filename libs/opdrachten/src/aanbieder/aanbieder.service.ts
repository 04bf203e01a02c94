import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Not } from 'typeorm';
import {
  Actor,
  aanbiederScope,
  AanbiederGemeente,
  AuditService,
  DomainError,
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
 * Aanbieders are organisaties of soort aanbieder with a relation per gemeente they work for.
 * The organisation and its KvK number are shared: registering a KvK number the platform
 * knows adds this gemeente's relation to that organisation. Everything else — the name as
 * contracted — is the gemeente's own, on its relation: no answer to one gemeente shows another
 * gemeente or its relation, and no gemeente changes what another sees.
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
      .innerJoinAndMapOne(
        'organisatie.relatie',
        AanbiederGemeente,
        'relatie',
        'relatie.aanbieder_id = organisatie.id AND relatie.gemeente_id = :gemeenteId',
      )
      .andWhere('organisatie.soort = :soort', { soort: OrganisatieSoort.Aanbieder })
      .orderBy('relatie.naam')
      .addOrderBy('organisatie.id');
    if (query.zoek)
      builder.andWhere('(relatie.naam ILIKE :zoek OR organisatie.kvk_nummer ILIKE :zoek)', {
        zoek: `%${query.zoek.replace(/[%_\\]/g, '\\$&')}%`,
      });
    const { skip, take } = skipTake(query);
    const [rows, total] = await builder.skip(skip).take(take).getManyAndCount();
    return [rows.map((row) => toAanbiederResponse(row, (row as MetRelatie).relatie)), total];
  }

  async findOne(actor: Actor, id: string): Promise<AanbiederResponse> {
    const { aanbieder, relatie } = await this.load(this.dataSource.manager, actor, id);
    return toAanbiederResponse(aanbieder, relatie);
  }

  async create(actor: Actor, input: CreateAanbiederRequest): Promise<AanbiederResponse> {
    return this.dataSource.transaction(async (manager) => {
      // A KvK number the platform already knows is the same organisation (also when another
      // gemeente registers it at this moment): this gemeente gets its own relation with it,
      // and the answer is the same as for a new one.
      await manager
        .createQueryBuilder()
        .insert()
        .into(Organisatie)
        .values({
          naam: null,
          kvkNummer: input.kvkNummer,
          soort: OrganisatieSoort.Aanbieder,
          gemeenteId: null,
        })
        .orIgnore()
        .execute();
      const aanbieder = await manager.getRepository(Organisatie).findOne({
        where: { kvkNummer: input.kvkNummer },
        lock: { mode: 'pessimistic_write' },
      });
      if (aanbieder?.soort !== OrganisatieSoort.Aanbieder)
        throw new DomainError(
          'conflict',
          'kvk-nummer-in-gebruik',
          'KvK-nummer al in gebruik',
          'Dit KvK-nummer hoort niet bij een aanbieder.',
        );
      if (
        await manager
          .getRepository(AanbiederGemeente)
          .existsBy({ aanbiederId: aanbieder.id, gemeenteId: actor.gemeenteId })
      )
        throw new DomainError(
          'conflict',
          'aanbieder-bestaat-al',
          'Aanbieder bestaat al',
          'Een aanbieder met dit KvK-nummer werkt al voor uw gemeente.',
          { aanbiederId: aanbieder.id },
        );
      const relaties = manager.getRepository(AanbiederGemeente);
      await relaties.insert({
        aanbiederId: aanbieder.id,
        gemeenteId: actor.gemeenteId,
        naam: input.naam,
      });
      const relatie = await relaties.findOneByOrFail({
        aanbiederId: aanbieder.id,
        gemeenteId: actor.gemeenteId,
      });
      const response = toAanbiederResponse(aanbieder, relatie);
      await this.audit.record(manager, actor, {
        action: 'aangemaakt',
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
    return this.dataSource.transaction(async (manager) => {
      const { aanbieder, relatie } = await this.load(manager, actor, id, true);
      if (relatie.version !== input.version)
        throw new VersionConflictError('Aanbieder', input.version, relatie.version);
      const voor = toAanbiederResponse(aanbieder, relatie);
      if (input.kvkNummer !== undefined && input.kvkNummer !== aanbieder.kvkNummer)
        await this.wijzigKvkNummer(manager, aanbieder, input.kvkNummer);
      await manager
        .getRepository(AanbiederGemeente)
        .update(
          { aanbiederId: id, gemeenteId: actor.gemeenteId },
          { naam: input.naam ?? relatie.naam },
        );
      const na = await this.load(manager, actor, id);
      const response = toAanbiederResponse(na.aanbieder, na.relatie);
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

  /**
   * The KvK number is the organisation's shared identity. A gemeente may correct it only while
   * the organisation works for that gemeente alone: with other relations the change would
   * reach gemeenten that did not make it. The refusal does not say which gemeente.
   */
  private async wijzigKvkNummer(
    manager: EntityManager,
    aanbieder: Organisatie,
    kvkNummer: string,
  ): Promise<void> {
    const repo = manager.getRepository(Organisatie);
    if (await repo.existsBy({ kvkNummer, id: Not(aanbieder.id) }))
      throw new DomainError(
        'conflict',
        'kvk-nummer-in-gebruik',
        'KvK-nummer al in gebruik',
        'Er is al een aanbieder met dit KvK-nummer. Werkt die voor uw gemeente, registreer haar dan als aanbieder in plaats van dit nummer te wijzigen.',
      );
    const relaties = await manager
      .getRepository(AanbiederGemeente)
      .countBy({ aanbiederId: aanbieder.id });
    if (relaties > 1)
      throw new DomainError(
        'conflict',
        'kvk-nummer-gedeeld',
        'KvK-nummer niet te wijzigen',
        'Deze aanbieder werkt ook voor een andere gemeente. Het KvK-nummer is van de organisatie zelf en kan daarom niet door één gemeente worden gewijzigd. Klopt het nummer niet, neem dan contact op met het beheer van Wijkkompas.',
      );
    await repo.update({ id: aanbieder.id }, { kvkNummer });
  }

  /** The aanbieder as the actor's gemeente knows it, through its relation; otherwise 404. */
  private async load(
    manager: EntityManager,
    actor: Actor,
    id: string,
    lock = false,
  ): Promise<{ aanbieder: Organisatie; relatie: AanbiederGemeente }> {
    const eigen = aanbiederScope(actor);
    const relatie =
      eigen && eigen !== id
        ? null
        : await manager.getRepository(AanbiederGemeente).findOne({
            where: { aanbiederId: id, gemeenteId: actor.gemeenteId },
            ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
          });
    const aanbieder =
      relatie &&
      (await manager
        .getRepository(Organisatie)
        .findOneBy({ id, soort: OrganisatieSoort.Aanbieder }));
    if (!relatie || !aanbieder) throw new NotFoundError('Aanbieder', id);
    return { aanbieder, relatie };
  }
}

type MetRelatie = Organisatie & { relatie: AanbiederGemeente };

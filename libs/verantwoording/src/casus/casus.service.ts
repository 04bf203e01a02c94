import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import {
  Actor,
  AuditService,
  ForbiddenError,
  isAanbieder,
  NotFoundError,
  skipTake,
  VersionConflictError,
  weigerIdentificatoren,
} from '@wijkkompas/core';
import { vandaag } from '@wijkkompas/opdrachten';
import { etag, leesIfMatch, vereisIfMatch } from '../kpi/if-match';
import { kwartaalVan } from '../periode/kwartaal';
import { leesScope } from '../shared/scope';
import { bevrorenKwartalen, bevrorenStatus } from './bevroren';
import {
  casusAudit,
  CASUS_TEKSTVELDEN,
  CASUS_VELDNAMEN,
  CasusQuery,
  CasusResponse,
  CreateCasusRequest,
  casusTeBenoemen,
  toCasusResponse,
  UpdateCasusRequest,
} from './casus.dto';
import { Casus } from './casus.entity';
import { KwartaalIngediendError, PeriodeInToekomstError } from './casus.errors';
import { controleerVerwijzingen, laadNamen } from './verwijzingen';

const ENTITEIT = 'Het casusverhaal';

function tekstvelden(
  input: Partial<Record<(typeof CASUS_TEKSTVELDEN)[number], string | null | undefined>>,
) {
  return Object.fromEntries(CASUS_TEKSTVELDEN.map((veld) => [veld, input[veld]]));
}

/**
 * Case stories (casusverhalen). An aanbieder's drafting roles write them for their own
 * organisation; everyone reads per the verantwoording read scope. Text with direct
 * identifiers is refused before anything is stored, and once the quarter's account is
 * ingediend or vastgesteld its stories are frozen.
 */
@Injectable()
export class CasusService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, input: CreateCasusRequest): Promise<CasusResponse> {
    const aanbiederId = this.eigenAanbieder(actor);
    weigerIdentificatoren('Verhaal', tekstvelden(input), CASUS_VELDNAMEN);
    this.vereisVerledenOfHeden(input.periode);
    return this.dataSource.transaction(async (manager) => {
      await controleerVerwijzingen(
        manager,
        { gemeenteId: actor.gemeenteId, aanbiederId, periode: input.periode },
        input,
      );
      await this.vereisOpen(manager, actor.gemeenteId, aanbiederId, input.periode);
      const repo = manager.getRepository(Casus);
      const casus = await repo.save(
        repo.create({
          gemeenteId: actor.gemeenteId,
          aanbiederId,
          periode: input.periode,
          titel: input.titel,
          situatie: input.situatie,
          vraag: input.vraag ?? null,
          waarden: input.waarden ?? null,
          betrokkenen: input.betrokkenen ?? null,
          aanpak: input.aanpak ?? null,
          effect: input.effect ?? null,
          les: input.les ?? null,
          kwestie: input.kwestie ?? null,
          perceelId: input.perceelId ?? null,
          wijkId: input.wijkId ?? null,
          kpiIds: [...new Set(input.kpiIds ?? [])],
          doelIds: [...new Set(input.doelIds ?? [])],
          ketenIds: [...new Set(input.ketenIds ?? [])],
          auteurId: actor.gebruikerId,
        }),
      );
      const opgeslagen = await repo.findOneByOrFail({ id: casus.id });
      await this.audit.record(manager, actor, {
        action: 'aangemaakt',
        entityType: 'casus',
        entityId: casus.id,
        after: casusAudit(opgeslagen),
      });
      return this.response(manager, opgeslagen, false);
    });
  }

  async findPage(actor: Actor, query: CasusQuery): Promise<[CasusResponse[], number]> {
    const manager = this.dataSource.manager;
    const builder = (await this.scoped(manager, actor))
      .orderBy('c.periode', 'DESC')
      .addOrderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'ASC');
    if (query.periode) builder.andWhere('c.periode = :periode', { periode: query.periode });
    if (query.aanbiederId)
      builder.andWhere('c.aanbieder_id = :aanbiederId', { aanbiederId: query.aanbiederId });
    if (query.kpiId) builder.andWhere(':kpiId = ANY(c.kpi_ids)', { kpiId: query.kpiId });
    if (query.doelId) builder.andWhere(':doelId = ANY(c.doel_ids)', { doelId: query.doelId });
    if (query.ketenId) builder.andWhere(':ketenId = ANY(c.keten_ids)', { ketenId: query.ketenId });
    if (query.perceelId)
      builder.andWhere('c.perceel_id = :perceelId', { perceelId: query.perceelId });
    const { skip, take } = skipTake(query);
    const [rows, total] = await builder.skip(skip).take(take).getManyAndCount();
    const [namen, bevroren] = await Promise.all([
      laadNamen(manager, actor.gemeenteId, casusTeBenoemen(rows)),
      bevrorenKwartalen(manager, actor.gemeenteId, rows),
    ]);
    return [rows.map((c) => toCasusResponse(c, namen, bevroren(c.aanbiederId, c.periode))), total];
  }

  async findOne(actor: Actor, id: string): Promise<CasusResponse> {
    const manager = this.dataSource.manager;
    const casus = await (await this.scoped(manager, actor)).andWhere('c.id = :id', { id }).getOne();
    if (!casus) throw new NotFoundError('Casusverhaal', id);
    const bevroren = await bevrorenKwartalen(manager, actor.gemeenteId, [casus]);
    return this.response(manager, casus, bevroren(casus.aanbiederId, casus.periode));
  }

  async update(
    actor: Actor,
    id: string,
    ifMatch: string | undefined,
    input: UpdateCasusRequest,
  ): Promise<CasusResponse> {
    const aanbiederId = this.eigenAanbieder(actor);
    weigerIdentificatoren('Verhaal', tekstvelden(input), CASUS_VELDNAMEN);
    if (input.periode) this.vereisVerledenOfHeden(input.periode);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.laadEigen(manager, actor, aanbiederId, id);
      vereisIfMatch(ifMatch, before.version, ENTITEIT);
      if (!Object.values(input).some((waarde) => waarde !== undefined)) {
        const bevroren = await bevrorenKwartalen(manager, actor.gemeenteId, [before]);
        return this.response(manager, before, bevroren(before.aanbiederId, before.periode));
      }
      const periode = input.periode ?? before.periode;
      const na: Casus = {
        ...before,
        periode,
        titel: input.titel ?? before.titel,
        situatie: input.situatie ?? before.situatie,
        vraag: input.vraag === undefined ? before.vraag : input.vraag,
        waarden: input.waarden === undefined ? before.waarden : input.waarden,
        betrokkenen: input.betrokkenen === undefined ? before.betrokkenen : input.betrokkenen,
        aanpak: input.aanpak === undefined ? before.aanpak : input.aanpak,
        effect: input.effect === undefined ? before.effect : input.effect,
        les: input.les === undefined ? before.les : input.les,
        kwestie: input.kwestie === undefined ? before.kwestie : input.kwestie,
        perceelId: input.perceelId === undefined ? before.perceelId : input.perceelId,
        wijkId: input.wijkId === undefined ? before.wijkId : input.wijkId,
        kpiIds: input.kpiIds ? [...new Set(input.kpiIds)] : before.kpiIds,
        doelIds: input.doelIds ? [...new Set(input.doelIds)] : before.doelIds,
        ketenIds: input.ketenIds ? [...new Set(input.ketenIds)] : before.ketenIds,
      };
      await controleerVerwijzingen(
        manager,
        { gemeenteId: actor.gemeenteId, aanbiederId, periode },
        na,
      );
      await this.vereisOpen(manager, actor.gemeenteId, aanbiederId, before.periode);
      if (periode !== before.periode)
        await this.vereisOpen(manager, actor.gemeenteId, aanbiederId, periode);
      await manager.getRepository(Casus).save(na);
      const after = await manager.getRepository(Casus).findOneByOrFail({ id });
      await this.audit.record(manager, actor, {
        action: 'gewijzigd',
        entityType: 'casus',
        entityId: id,
        before: casusAudit(before),
        after: casusAudit(after),
      });
      return this.response(manager, after, false);
    });
  }

  /** Removes a story of the actor's own organisation while its quarter is still open. */
  async remove(actor: Actor, id: string, ifMatch: string | undefined): Promise<void> {
    const aanbiederId = this.eigenAanbieder(actor);
    const versies = leesIfMatch(ifMatch);
    await this.dataSource.transaction(async (manager) => {
      const before = await this.laadEigen(manager, actor, aanbiederId, id);
      if (versies && !versies.includes(before.version))
        throw new VersionConflictError(
          ENTITEIT,
          versies.map(etag).join(', '),
          etag(before.version),
        );
      await this.vereisOpen(manager, actor.gemeenteId, aanbiederId, before.periode);
      await manager.getRepository(Casus).delete({ id });
      await this.audit.record(manager, actor, {
        action: 'verwijderd',
        entityType: 'casus',
        entityId: id,
        before: casusAudit(before),
      });
    });
  }

  private eigenAanbieder(actor: Actor): string {
    if (!isAanbieder(actor))
      throw new ForbiddenError(
        'Casusverhalen worden geschreven door de aanbieder zelf: een directeur, teamleider of kwaliteitsmedewerker.',
      );
    return actor.organisatieId;
  }

  private vereisVerledenOfHeden(periode: string): void {
    const huidig = kwartaalVan(vandaag());
    if (periode > huidig) throw new PeriodeInToekomstError(periode, huidig);
  }

  private async vereisOpen(
    manager: EntityManager,
    gemeenteId: string,
    aanbiederId: string,
    periode: string,
  ): Promise<void> {
    const status = await bevrorenStatus(manager, gemeenteId, aanbiederId, periode);
    if (status) throw new KwartaalIngediendError(periode, status);
  }

  /** A story of the actor's own organisation, locked for the write; 404 for anyone else's. */
  private async laadEigen(
    manager: EntityManager,
    actor: Actor,
    aanbiederId: string,
    id: string,
  ): Promise<Casus> {
    const casus = await manager.getRepository(Casus).findOne({
      where: { id, gemeenteId: actor.gemeenteId, aanbiederId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!casus) throw new NotFoundError('Casusverhaal', id);
    return casus;
  }

  private async scoped(manager: EntityManager, actor: Actor): Promise<SelectQueryBuilder<Casus>> {
    const scope = await leesScope(manager, actor);
    const builder = manager
      .getRepository(Casus)
      .createQueryBuilder('c')
      .where('c.gemeente_id = :gemeenteId', { gemeenteId: scope.gemeenteId });
    if (scope.aanbiederId)
      builder.andWhere('c.aanbieder_id = :eigen', { eigen: scope.aanbiederId });
    if (scope.ketenIds)
      builder.andWhere('c.keten_ids && CAST(:eigenKetens AS uuid[])', {
        eigenKetens: scope.ketenIds,
      });
    return builder;
  }

  private async response(
    manager: EntityManager,
    casus: Casus,
    bevroren: boolean,
  ): Promise<CasusResponse> {
    return toCasusResponse(
      casus,
      await laadNamen(manager, casus.gemeenteId, casusTeBenoemen([casus])),
      bevroren,
    );
  }
}

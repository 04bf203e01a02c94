import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import {
  Actor,
  AanbiederGemeente,
  AuditService,
  NotFoundError,
  PageQuery,
  skipTake,
  ValidationError,
  weigerIdentificatoren,
} from '@wijkkompas/core';
import { BEVROREN_STATUSSEN } from '../casus/bevroren';
import { naarDecimaal } from '../decimaal';
import { volgendeStatussenVoor } from '../kwartaalverantwoording.lifecycle';
import { Rapportageperiode } from '../periode/rapportageperiode.entity';
import { LeesScope, leesScope } from '../shared/scope';
import { claimConcept } from './concept';
import { filterInhoudOpScope } from './inhoud-scope';
import {
  CreateKwartaalverantwoordingRequest,
  ISO,
  KwartaalverantwoordingInhoud,
  KwartaalverantwoordingQuery,
  KwartaalverantwoordingResponse,
  KwartaalverantwoordingSamenvattingResponse,
  UpdateKwartaalverantwoordingRequest,
} from './kwartaalverantwoording.dto';
import {
  Kwartaalverantwoording,
  KwartaalverantwoordingVersie,
} from './kwartaalverantwoording.entity';
import { VerantwoordingBestaatAlError } from './kwartaalverantwoording.errors';
import {
  bouwInhoud,
  laadOpenOpmerkingen,
  laadVerantwoording,
} from './kwartaalverantwoording.lezer';

export const AUDIT_TYPE = 'kwartaalverantwoording';

/** How the privacy refusal names the free-text fields of an account. */
const VERHAAL_VELDNAMEN: Readonly<Record<string, string>> = {
  hoogtepunten: 'Hoogtepunten',
  knelpunten: 'Knelpunten',
  vooruitblik: 'Vooruitblik',
  'budget.toelichting': 'Toelichting bij het budget',
  'formatie.toelichting': 'Toelichting bij de formatie',
};

/** The header fields of an account, for the audit trail of an edit. */
export function kopVan(v: Kwartaalverantwoording): Record<string, unknown> {
  return {
    status: v.status,
    revisie: v.revisie,
    hoogtepunten: v.hoogtepunten,
    knelpunten: v.knelpunten,
    vooruitblik: v.vooruitblik,
    budgetBegrootCenten: v.budgetBegrootCenten,
    budgetGerealiseerdCenten: v.budgetGerealiseerdCenten,
    budgetToelichting: v.budgetToelichting,
    formatieFte: v.formatieFte === null ? null : naarDecimaal(v.formatieFte),
    vacaturesFte: v.vacaturesFte === null ? null : naarDecimaal(v.vacaturesFte),
    verloopPercentage: v.verloopPercentage === null ? null : naarDecimaal(v.verloopPercentage),
    formatieToelichting: v.formatieToelichting,
    version: v.version,
  };
}

function isUniekSchending(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: string } | undefined)?.code === '23505'
  );
}

function decimaalOfNull(waarde: string | number | null | undefined): string | null | undefined {
  if (waarde === undefined) return undefined;
  return waarde === null ? null : naarDecimaal(waarde);
}

/**
 * Kwartaalverantwoordingen: creating the concept, reading (whole, scoped per role), editing
 * the narrative, budget and formatie, and reading frozen versions. Figures, lifecycle,
 * review and import have their own services next to this one.
 */
@Injectable()
export class KwartaalverantwoordingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The response as this actor may read it. */
  async response(
    manager: EntityManager,
    actor: Actor,
    scope: LeesScope,
    verantwoording: Kwartaalverantwoording,
  ): Promise<KwartaalverantwoordingResponse> {
    const inhoud = filterInhoudOpScope(await this.inhoud(manager, verantwoording), scope);
    const later = await manager
      .getRepository(Kwartaalverantwoording)
      .createQueryBuilder('v')
      .where('v.rapportageperiode_id = :periode AND v.revisie > :revisie', {
        periode: verantwoording.rapportageperiodeId,
        revisie: verantwoording.revisie,
      })
      .getExists();
    return {
      ...inhoud,
      volgendeStatussen: volgendeStatussenVoor(verantwoording.status, actor.rollen),
      laatsteRevisie: !later,
    };
  }

  /**
   * What the account says. A concept or a returned account is read live. A submitted or
   * adopted one is what was frozen when it reached that status (its latest frozen version
   * of this revision and status): renaming a KPI, a perceel or the aanbieder afterwards, or
   * changing a definition for its quarter, must not change what was submitted or adopted.
   * Live on top of the frozen content: the lifecycle fields (status, who and when, version,
   * so the ETag stays the account's) and the open review questions, because the review
   * conversation happens on the submitted account and is not part of what was submitted.
   * Without a frozen version (data from before freezing existed) the account is read live.
   */
  private async inhoud(
    manager: EntityManager,
    v: Kwartaalverantwoording,
  ): Promise<KwartaalverantwoordingInhoud> {
    if (!BEVROREN_STATUSSEN.includes(v.status)) return bouwInhoud(manager, v);
    const bevroren = await manager.getRepository(KwartaalverantwoordingVersie).findOne({
      where: { kwartaalverantwoordingId: v.id, revisie: v.revisie, status: v.status },
      order: { volgnummer: 'DESC' },
    });
    if (!bevroren) return bouwInhoud(manager, v);
    const inhoud = bevroren.inhoud as unknown as KwartaalverantwoordingInhoud;
    return {
      ...inhoud,
      revisie: v.revisie,
      status: v.status,
      openOpmerkingen: await laadOpenOpmerkingen(manager, v.gemeenteId, v.id),
      ingediendOp: ISO(v.ingediendOp),
      ingediendDoorId: v.ingediendDoorId,
      vastgesteldOp: ISO(v.vastgesteldOp),
      vastgesteldDoorId: v.vastgesteldDoorId,
      teruggezetOp: ISO(v.teruggezetOp),
      updatedAt: v.updatedAt.toISOString(),
      version: v.version,
    };
  }

  async create(
    actor: Actor,
    input: CreateKwartaalverantwoordingRequest,
  ): Promise<KwartaalverantwoordingResponse> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const periode = await manager.getRepository(Rapportageperiode).findOneBy({
          id: input.rapportageperiodeId,
          gemeenteId: actor.gemeenteId,
          aanbiederId: actor.organisatieId,
        });
        if (!periode)
          throw new ValidationError([
            {
              name: 'rapportageperiodeId',
              reason: 'rapportageperiode bestaat niet of hoort niet bij uw organisatie',
            },
          ]);
        const bestaand = await manager
          .getRepository(Kwartaalverantwoording)
          .findOne({ where: { rapportageperiodeId: periode.id }, order: { revisie: 'DESC' } });
        if (bestaand) throw new VerantwoordingBestaatAlError(bestaand.id, periode.periode);
        const repo = manager.getRepository(Kwartaalverantwoording);
        const saved = await repo.save(
          repo.create({
            gemeenteId: actor.gemeenteId,
            aanbiederId: periode.aanbiederId,
            rapportageperiodeId: periode.id,
            periode: periode.periode,
            revisie: 1,
            status: 'concept',
          }),
        );
        const verantwoording = await repo.findOneByOrFail({ id: saved.id });
        await this.audit.record(manager, actor, {
          action: 'aangemaakt',
          entityType: AUDIT_TYPE,
          entityId: verantwoording.id,
          after: { periode: verantwoording.periode, ...kopVan(verantwoording) },
        });
        const scope = await leesScope(manager, actor);
        return this.response(manager, actor, scope, verantwoording);
      });
    } catch (error) {
      // Two parallel creates: the unique (periode, revisie) index lets one through.
      if (isUniekSchending(error)) {
        const bestaand = await this.dataSource
          .getRepository(Kwartaalverantwoording)
          .findOneBy({ rapportageperiodeId: input.rapportageperiodeId, revisie: 1 });
        if (bestaand) throw new VerantwoordingBestaatAlError(bestaand.id, bestaand.periode);
      }
      throw error;
    }
  }

  async findPage(
    actor: Actor,
    query: KwartaalverantwoordingQuery,
  ): Promise<[KwartaalverantwoordingSamenvattingResponse[], number]> {
    const scope = await leesScope(this.dataSource.manager, actor);
    const qb = this.dataSource
      .getRepository(Kwartaalverantwoording)
      .createQueryBuilder('v')
      .innerJoinAndMapOne(
        'v.aanbiederRelatie',
        AanbiederGemeente,
        'a',
        'a.aanbieder_id = v.aanbieder_id AND a.gemeente_id = v.gemeente_id',
      )
      .innerJoinAndSelect('v.rapportageperiode', 'p')
      .where('v.gemeente_id = :gemeenteId', { gemeenteId: scope.gemeenteId })
      .orderBy('v.periode', 'DESC')
      .addOrderBy('a.naam', 'ASC')
      .addOrderBy('v.revisie', 'DESC')
      .addOrderBy('v.id', 'ASC');
    if (scope.aanbiederId) qb.andWhere('v.aanbieder_id = :eigen', { eigen: scope.aanbiederId });
    if (query.aanbiederId)
      qb.andWhere('v.aanbieder_id = :aanbiederId', { aanbiederId: query.aanbiederId });
    if (query.periode) qb.andWhere('v.periode = :periode', { periode: query.periode });
    if (query.status) qb.andWhere('v.status = :status', { status: query.status });
    const { skip, take } = skipTake(query);
    // offset/limit, not skip/take: the joins are many-to-one, so rows do not multiply and
    // TypeORM need not first select the distinct ids of the page in a query of its own.
    const [rows, total] = await qb.offset(skip).limit(take).getManyAndCount();
    return [
      rows.map((v) => ({
        id: v.id,
        aanbiederId: v.aanbiederId,
        aanbiederNaam: (v as typeof v & { aanbiederRelatie: AanbiederGemeente }).aanbiederRelatie
          .naam,
        rapportageperiodeId: v.rapportageperiodeId,
        aanvullendeOpdrachtId: v.rapportageperiode!.aanvullendeOpdrachtId,
        periode: v.periode,
        deadline: v.rapportageperiode!.deadline,
        revisie: v.revisie,
        status: v.status,
        ingediendOp: ISO(v.ingediendOp),
        vastgesteldOp: ISO(v.vastgesteldOp),
        updatedAt: v.updatedAt.toISOString(),
        version: v.version,
      })),
      total,
    ];
  }

  async findOne(actor: Actor, id: string): Promise<KwartaalverantwoordingResponse> {
    const manager = this.dataSource.manager;
    const scope = await leesScope(manager, actor);
    const verantwoording = await laadVerantwoording(manager, scope, id);
    return this.response(manager, actor, scope, verantwoording);
  }

  /** Narrative, budget and formatie of a concept, in one conditional UPDATE (If-Match). */
  async update(
    actor: Actor,
    id: string,
    ifMatch: string | undefined,
    input: UpdateKwartaalverantwoordingRequest,
  ): Promise<KwartaalverantwoordingResponse> {
    weigerIdentificatoren(
      'Kwartaalverantwoording',
      {
        hoogtepunten: input.hoogtepunten,
        knelpunten: input.knelpunten,
        vooruitblik: input.vooruitblik,
        'budget.toelichting': input.budget?.toelichting,
        'formatie.toelichting': input.formatie?.toelichting,
      },
      VERHAAL_VELDNAMEN,
    );
    return this.dataSource.transaction(async (manager) => {
      const scope = await leesScope(manager, actor);
      const before = await laadVerantwoording(manager, scope, id);
      const set: QueryDeepPartialEntity<Kwartaalverantwoording> = {};
      if (input.hoogtepunten !== undefined) set.hoogtepunten = input.hoogtepunten;
      if (input.knelpunten !== undefined) set.knelpunten = input.knelpunten;
      if (input.vooruitblik !== undefined) set.vooruitblik = input.vooruitblik;
      const budget = input.budget;
      if (budget?.begrootCenten !== undefined) set.budgetBegrootCenten = budget.begrootCenten;
      if (budget?.gerealiseerdCenten !== undefined)
        set.budgetGerealiseerdCenten = budget.gerealiseerdCenten;
      if (budget?.toelichting !== undefined) set.budgetToelichting = budget.toelichting;
      const formatie = input.formatie;
      if (formatie?.formatieFte !== undefined)
        set.formatieFte = decimaalOfNull(formatie.formatieFte);
      if (formatie?.vacaturesFte !== undefined)
        set.vacaturesFte = decimaalOfNull(formatie.vacaturesFte);
      if (formatie?.verloopPercentage !== undefined)
        set.verloopPercentage = decimaalOfNull(formatie.verloopPercentage);
      if (formatie?.toelichting !== undefined) set.formatieToelichting = formatie.toelichting;
      await claimConcept(manager, before, ifMatch, set);
      const after = await laadVerantwoording(manager, scope, id);
      await this.audit.record(manager, actor, {
        action: 'gewijzigd',
        entityType: AUDIT_TYPE,
        entityId: id,
        before: kopVan(before),
        after: kopVan(after),
      });
      return this.response(manager, actor, scope, after);
    });
  }

  async versies(
    actor: Actor,
    id: string,
    query: PageQuery,
  ): Promise<[KwartaalverantwoordingVersie[], number]> {
    const manager = this.dataSource.manager;
    await laadVerantwoording(manager, await leesScope(manager, actor), id);
    const { skip, take } = skipTake(query);
    return manager.getRepository(KwartaalverantwoordingVersie).findAndCount({
      select: {
        id: true,
        kwartaalverantwoordingId: true,
        volgnummer: true,
        revisie: true,
        status: true,
        aangemaaktDoorId: true,
        createdAt: true,
      },
      where: { kwartaalverantwoordingId: id },
      order: { volgnummer: 'ASC' },
      skip,
      take,
    });
  }

  async versie(
    actor: Actor,
    id: string,
    volgnummer: number,
  ): Promise<{ versie: KwartaalverantwoordingVersie; inhoud: KwartaalverantwoordingInhoud }> {
    const manager = this.dataSource.manager;
    const scope = await leesScope(manager, actor);
    await laadVerantwoording(manager, scope, id);
    const versie = await manager
      .getRepository(KwartaalverantwoordingVersie)
      .findOneBy({ kwartaalverantwoordingId: id, volgnummer });
    if (!versie)
      throw new NotFoundError('Versie', `${volgnummer} van kwartaalverantwoording ${id}`);
    return {
      versie,
      inhoud: filterInhoudOpScope(versie.inhoud as unknown as KwartaalverantwoordingInhoud, scope),
    };
  }
}

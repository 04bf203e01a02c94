import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, QueryFailedError, SelectQueryBuilder } from 'typeorm';
import {
  Actor,
  AuditService,
  NotFoundError,
  skipTake,
  ValidationError,
  weigerIdentificatoren,
} from '@wijkkompas/core';
import { AanvullendeOpdracht, Doel, Hoofdopdracht, Keten, vandaag } from '@wijkkompas/opdrachten';
import { kwartaalVan } from '../periode/kwartaal';
import { leesScope } from '../shared/scope';
import { vereisIfMatch } from './if-match';
import { gewijzigdeDefinitievelden, KpiDefinitie, nieuweDefinitie } from './kpi-definitie';
import {
  CreateKpiRequest,
  KpiMetVersie,
  KpiQuery,
  toKpiResponse,
  UpdateKpiRequest,
} from './kpi.dto';
import { Kpi, KpiVersie } from './kpi.entity';
import { KpiCodeBestaatError } from './kpi.errors';
import { vereisPassendeIndicator } from '../indicator/indicator-koppeling';

/** Where a KPI set belongs: a hoofdopdracht or an aanvullende opdracht of the gemeente. */
interface KpiOpdracht {
  hoofdopdrachtId: string | null;
  aanvullendeOpdrachtId: string | null;
}

function isUniekeSchending(error: unknown, constraint: string): boolean {
  const driver = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
  return (
    error instanceof QueryFailedError &&
    driver?.code === '23505' &&
    driver.constraint === constraint
  );
}

/**
 * KPIs with their versions. The contractmanager owns the sets; everyone reads per the
 * verantwoording read scope: a provider the KPIs of the opdrachten it carries out, a
 * ketenregisseur (without a broader role) the KPIs of their ketens.
 */
/** The texts of a KPI that reach dossiers; refused (422) when they hold a direct identifier. */
function weigerKpiIdentificatoren(input: UpdateKpiRequest): void {
  weigerIdentificatoren('KPI', {
    naam: input.naam,
    definitie: input.definitie,
    teller: input.teller,
    noemer: input.noemer,
    bronOmschrijving: input.bronOmschrijving,
  });
}

@Injectable()
export class KpiService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, input: CreateKpiRequest): Promise<KpiMetVersie> {
    weigerKpiIdentificatoren(input);
    const opdracht: KpiOpdracht = {
      hoofdopdrachtId: input.hoofdopdrachtId ?? null,
      aanvullendeOpdrachtId: input.aanvullendeOpdrachtId ?? null,
    };
    if ((opdracht.hoofdopdrachtId === null) === (opdracht.aanvullendeOpdrachtId === null))
      throw new ValidationError([
        {
          name: 'hoofdopdrachtId',
          reason:
            'geef óf hoofdopdrachtId óf aanvullendeOpdrachtId: een KPI hoort bij precies één opdracht',
        },
      ]);
    try {
      return await this.dataSource.transaction(async (manager) => {
        await this.vereisOpdracht(manager, actor.gemeenteId, opdracht);
        const bestaand = await manager
          .getRepository(Kpi)
          .findOneBy({ gemeenteId: actor.gemeenteId, code: input.code });
        if (bestaand) throw new KpiCodeBestaatError(bestaand.id);
        const doelIds = input.doelIds ?? [];
        const ketenIds = input.ketenIds ?? [];
        await this.vereisDoelen(manager, actor.gemeenteId, opdracht, doelIds);
        await this.vereisKetens(manager, actor.gemeenteId, ketenIds);
        if (input.indicatorId)
          await vereisPassendeIndicator(manager, actor.gemeenteId, input.indicatorId, input);
        const kpi = await manager.getRepository(Kpi).save(
          manager.getRepository(Kpi).create({
            gemeenteId: actor.gemeenteId,
            ...opdracht,
            code: input.code,
            huidigeVersie: 1,
            doelIds,
            ketenIds,
            indicatorId: input.indicatorId ?? null,
            actief: true,
          }),
        );
        const definitie = nieuweDefinitie(
          {
            naam: input.naam,
            definitie: null,
            teller: null,
            noemer: null,
            type: input.type,
            eenheid: input.eenheid,
            richting: input.richting,
            bron: null,
            bronOmschrijving: null,
            frequentie: input.frequentie ?? 'kwartaal',
            aggregatie: input.aggregatie,
            perPerceel: input.perPerceel ?? true,
          },
          input,
        );
        await this.slaVersieOp(manager, actor, kpi.id, 1, definitie, input.geldigVanaf);
        const gelezen = await this.lees(manager, kpi);
        await this.audit.record(manager, actor, {
          action: 'aangemaakt',
          entityType: 'kpi',
          entityId: kpi.id,
          after: toKpiResponse(gelezen),
        });
        return gelezen;
      });
    } catch (error) {
      if (isUniekeSchending(error, 'uq_kpis_gemeente_code')) throw new KpiCodeBestaatError();
      throw error;
    }
  }

  async findPage(actor: Actor, query: KpiQuery): Promise<[KpiMetVersie[], number]> {
    const manager = this.dataSource.manager;
    const builder = (await this.scoped(manager, actor))
      .innerJoin(KpiVersie, 'v', 'v.kpi_id = k.id AND v.versie = k.huidige_versie')
      .orderBy('k.code')
      .addOrderBy('k.id');
    if (query.hoofdopdrachtId)
      builder.andWhere('k.hoofdopdracht_id = :hoofdopdrachtId', {
        hoofdopdrachtId: query.hoofdopdrachtId,
      });
    if (query.aanvullendeOpdrachtId)
      builder.andWhere('k.aanvullende_opdracht_id = :aanvullendeOpdrachtId', {
        aanvullendeOpdrachtId: query.aanvullendeOpdrachtId,
      });
    if (query.ketenId) builder.andWhere(':ketenId = ANY(k.keten_ids)', { ketenId: query.ketenId });
    if (query.type) builder.andWhere('v.type = :type', { type: query.type });
    if (query.actief !== undefined)
      builder.andWhere('k.actief = :actief', { actief: query.actief });
    const { skip, take } = skipTake(query);
    // offset/limit: one version per KPI, so the join does not multiply rows (see skipTake).
    const [kpis, total] = await builder.offset(skip).limit(take).getManyAndCount();
    return [await this.leesVeel(manager, kpis), total];
  }

  async findOne(actor: Actor, id: string): Promise<KpiMetVersie> {
    const manager = this.dataSource.manager;
    return this.lees(manager, await this.vereisLeesbaar(manager, actor, id));
  }

  /** Every version of a KPI, oldest first. */
  async versies(actor: Actor, id: string): Promise<KpiVersie[]> {
    const manager = this.dataSource.manager;
    const kpi = await this.vereisLeesbaar(manager, actor, id);
    return manager
      .getRepository(KpiVersie)
      .find({ where: { kpiId: kpi.id }, order: { versie: 'ASC' } });
  }

  /**
   * A KPI the actor may read (404 otherwise, also for another gemeente's KPI), for the norm
   * and check services and later capabilities that hang data on a KPI.
   */
  async vereisLeesbaar(manager: EntityManager, actor: Actor, id: string): Promise<Kpi> {
    const kpi = await (await this.scoped(manager, actor)).andWhere('k.id = :id', { id }).getOne();
    if (!kpi) throw new NotFoundError('KPI', id);
    return kpi;
  }

  /**
   * A change of the definition starts a new version (versie + 1, from geldigVanaf or the
   * current quarter); links and `actief` change in place. The If-Match header must carry the
   * KPI's current ETag.
   */
  async update(
    actor: Actor,
    id: string,
    ifMatch: string | undefined,
    input: UpdateKpiRequest,
  ): Promise<KpiMetVersie> {
    weigerKpiIdentificatoren(input);
    return this.dataSource.transaction(async (manager) => {
      const kpi = await manager.getRepository(Kpi).findOne({
        where: { id, gemeenteId: actor.gemeenteId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!kpi) throw new NotFoundError('KPI', id);
      vereisIfMatch(ifMatch, kpi.version, 'De KPI');
      const before = await this.lees(manager, kpi);
      const opdracht: KpiOpdracht = {
        hoofdopdrachtId: kpi.hoofdopdrachtId,
        aanvullendeOpdrachtId: kpi.aanvullendeOpdrachtId,
      };
      if (input.doelIds)
        await this.vereisDoelen(manager, actor.gemeenteId, opdracht, input.doelIds);
      if (input.ketenIds) await this.vereisKetens(manager, actor.gemeenteId, input.ketenIds);

      const velden = gewijzigdeDefinitievelden(before.versie, input);
      const wijziging: Partial<Kpi> = {};
      let omgezet: string[] = [];
      if (velden.length) {
        const geldigVanaf = input.geldigVanaf ?? kwartaalVan(vandaag());
        if (geldigVanaf < before.versie.geldigVanaf)
          throw new ValidationError([
            {
              name: 'geldigVanaf',
              reason: `geldigVanaf mag niet vóór ${before.versie.geldigVanaf} liggen, het eerste kwartaal van de huidige versie: eerdere kwartalen houden hun definitie`,
            },
          ]);
        const nieuweVersie = kpi.huidigeVersie + 1;
        const nieuw = await this.slaVersieOp(
          manager,
          actor,
          kpi.id,
          nieuweVersie,
          nieuweDefinitie(before.versie, input),
          geldigVanaf,
        );
        wijziging.huidigeVersie = nieuweVersie;
        omgezet = await this.zetConceptWaardenOm(manager, kpi.id, nieuw.id, geldigVanaf);
      }
      if (input.doelIds && !zelfdeVerzameling(input.doelIds, kpi.doelIds))
        wijziging.doelIds = input.doelIds;
      if (input.ketenIds && !zelfdeVerzameling(input.ketenIds, kpi.ketenIds))
        wijziging.ketenIds = input.ketenIds;
      if (input.actief !== undefined && input.actief !== kpi.actief)
        wijziging.actief = input.actief;
      const indicatorId = input.indicatorId === undefined ? kpi.indicatorId : input.indicatorId;
      if (indicatorId && (indicatorId !== kpi.indicatorId || velden.length))
        // Adopting an indicator, or changing the definition of a KPI that adopted one: the
        // unit and direction must stay the indicator's, or the comparison would mix measures.
        await vereisPassendeIndicator(
          manager,
          actor.gemeenteId,
          indicatorId,
          nieuweDefinitie(before.versie, input),
        );
      if (input.indicatorId !== undefined && input.indicatorId !== kpi.indicatorId)
        wijziging.indicatorId = input.indicatorId;
      if (!Object.keys(wijziging).length) return before;

      await manager.getRepository(Kpi).update({ id: kpi.id }, wijziging);
      const after = await this.lees(
        manager,
        await manager.getRepository(Kpi).findOneByOrFail({ id: kpi.id }),
      );
      await this.audit.record(manager, actor, {
        action: velden.length ? 'nieuwe-versie' : 'gewijzigd',
        entityType: 'kpi',
        entityId: kpi.id,
        before: {
          ...toKpiResponse(before),
          ...(velden.length ? { gewijzigdeVelden: velden } : {}),
        },
        after: {
          ...toKpiResponse(after),
          ...(omgezet.length ? { conceptenOmgezet: omgezet } : {}),
        },
      });
      return after;
    });
  }

  /**
   * Figures of accounts not yet submitted (concept, teruggezet) from `geldigVanaf` on move to
   * the new version: they were not reported against the old definition, and an account
   * shows one definition per KPI. Submitted and adopted figures keep theirs. A changed
   * account gets a new ETag. Returns the ids of the accounts changed.
   */
  private async zetConceptWaardenOm(
    manager: EntityManager,
    kpiId: string,
    versieId: string,
    geldigVanaf: string,
  ): Promise<string[]> {
    const rijen = (await manager.query(
      `WITH omgezet AS (
         UPDATE kpi_waarden w SET kpi_versie_id = $2, updated_at = now()
           FROM kwartaalverantwoordingen k
          WHERE w.kwartaalverantwoording_id = k.id AND w.kpi_id = $1 AND w.kpi_versie_id <> $2
            AND k.status IN ('concept', 'teruggezet')
            AND (CASE WHEN k.periode ~ '^[0-9]{4}$' THEN k.periode || '-Q4' ELSE k.periode END) >= $3
         RETURNING k.id),
       bijgewerkt AS (
         UPDATE kwartaalverantwoordingen SET version = version + 1, updated_at = now()
          WHERE id IN (SELECT id FROM omgezet) RETURNING id)
       SELECT id FROM bijgewerkt ORDER BY id`,
      [kpiId, versieId, geldigVanaf],
    )) as { id: string }[];
    return rijen.map((r) => r.id);
  }

  /** The KPIs of one opdracht with the version in force, for the KPI-set check (not scoped). */
  async vanOpdracht(
    manager: EntityManager,
    gemeenteId: string,
    opdracht: KpiOpdracht,
    alleenActief = true,
  ): Promise<KpiMetVersie[]> {
    const kpis = await manager.getRepository(Kpi).find({
      where: {
        gemeenteId,
        ...(opdracht.hoofdopdrachtId
          ? { hoofdopdrachtId: opdracht.hoofdopdrachtId }
          : { aanvullendeOpdrachtId: opdracht.aanvullendeOpdrachtId! }),
        ...(alleenActief ? { actief: true } : {}),
      },
      order: { code: 'ASC' },
    });
    return this.leesVeel(manager, kpis);
  }

  private async scoped(manager: EntityManager, actor: Actor): Promise<SelectQueryBuilder<Kpi>> {
    const scope = await leesScope(manager, actor);
    const builder = manager
      .getRepository(Kpi)
      .createQueryBuilder('k')
      .where('k.gemeente_id = :gemeenteId', { gemeenteId: scope.gemeenteId });
    if (scope.aanbiederId)
      builder.andWhere(
        `(k.hoofdopdracht_id IN (SELECT h.id FROM hoofdopdrachten h WHERE h.aanbieder_id = :eigen)
          OR k.aanvullende_opdracht_id IN (SELECT x.opdracht_id FROM aanvullende_opdracht_aanbieders x WHERE x.aanbieder_id = :eigen))`,
        { eigen: scope.aanbiederId },
      );
    if (scope.ketenIds)
      builder.andWhere('k.keten_ids && CAST(:eigenKetens AS uuid[])', {
        eigenKetens: scope.ketenIds,
      });
    return builder;
  }

  private async slaVersieOp(
    manager: EntityManager,
    actor: Actor,
    kpiId: string,
    versie: number,
    definitie: KpiDefinitie,
    geldigVanaf: string | undefined,
  ): Promise<KpiVersie> {
    const repo = manager.getRepository(KpiVersie);
    return repo.save(
      repo.create({
        ...definitie,
        kpiId,
        versie,
        geldigVanaf: geldigVanaf ?? kwartaalVan(vandaag()),
        aangemaaktDoorId: actor.gebruikerId,
      }),
    );
  }

  private async lees(manager: EntityManager, kpi: Kpi): Promise<KpiMetVersie> {
    return (await this.leesVeel(manager, [kpi]))[0];
  }

  /** The version in force and the names of the linked doelen and ketens, in a fixed number of queries. */
  private async leesVeel(manager: EntityManager, kpis: Kpi[]): Promise<KpiMetVersie[]> {
    if (!kpis.length) return [];
    const versies = await manager
      .getRepository(KpiVersie)
      .createQueryBuilder('v')
      .innerJoin(Kpi, 'k', 'k.id = v.kpi_id AND k.huidige_versie = v.versie')
      .where('v.kpi_id IN (:...ids)', { ids: kpis.map((k) => k.id) })
      .getMany();
    const doelIds = [...new Set(kpis.flatMap((k) => k.doelIds))];
    const ketenIds = [...new Set(kpis.flatMap((k) => k.ketenIds))];
    const doelen = doelIds.length
      ? await manager
          .getRepository(Doel)
          .find({ select: { id: true, titel: true }, where: { id: In(doelIds) } })
      : [];
    const ketens = ketenIds.length
      ? await manager
          .getRepository(Keten)
          .find({ select: { id: true, naam: true }, where: { id: In(ketenIds) } })
      : [];
    const doelNaam = new Map(doelen.map((d) => [d.id, d.titel]));
    const ketenNaam = new Map(ketens.map((k) => [k.id, k.naam]));
    return kpis.map((kpi) => ({
      kpi,
      versie: versies.find((v) => v.kpiId === kpi.id)!,
      doelen: kpi.doelIds
        .filter((id) => doelNaam.has(id))
        .map((id) => ({ id, naam: doelNaam.get(id)! })),
      ketens: kpi.ketenIds
        .filter((id) => ketenNaam.has(id))
        .map((id) => ({ id, naam: ketenNaam.get(id)! })),
    }));
  }

  private async vereisOpdracht(
    manager: EntityManager,
    gemeenteId: string,
    opdracht: KpiOpdracht,
  ): Promise<void> {
    if (opdracht.hoofdopdrachtId) {
      const bestaat = await manager
        .getRepository(Hoofdopdracht)
        .existsBy({ id: opdracht.hoofdopdrachtId, gemeenteId });
      if (!bestaat)
        throw new ValidationError([
          {
            name: 'hoofdopdrachtId',
            reason: `hoofdopdracht ${opdracht.hoofdopdrachtId} bestaat niet in deze gemeente`,
          },
        ]);
    } else {
      const bestaat = await manager
        .getRepository(AanvullendeOpdracht)
        .existsBy({ id: opdracht.aanvullendeOpdrachtId!, gemeenteId });
      if (!bestaat)
        throw new ValidationError([
          {
            name: 'aanvullendeOpdrachtId',
            reason: `aanvullende opdracht ${opdracht.aanvullendeOpdrachtId} bestaat niet in deze gemeente`,
          },
        ]);
    }
  }

  /**
   * The doelen a KPI evidences: of its hoofdopdracht, or for an aanvullende opdracht (which
   * has no goal tree of its own) any doel of the gemeente.
   */
  private async vereisDoelen(
    manager: EntityManager,
    gemeenteId: string,
    opdracht: KpiOpdracht,
    ids: readonly string[],
  ): Promise<void> {
    if (!ids.length) return;
    const gevonden = await manager.getRepository(Doel).find({
      select: { id: true },
      where: {
        id: In([...ids]),
        gemeenteId,
        ...(opdracht.hoofdopdrachtId ? { hoofdopdrachtId: opdracht.hoofdopdrachtId } : {}),
      },
    });
    const bekend = new Set(gevonden.map((d) => d.id));
    const missend = ids.filter((id) => !bekend.has(id));
    if (missend.length)
      throw new ValidationError(
        missend.map((id) => ({
          name: 'doelIds',
          reason: opdracht.hoofdopdrachtId
            ? `doel ${id} hoort niet bij deze hoofdopdracht`
            : `doel ${id} bestaat niet in deze gemeente`,
        })),
      );
  }

  private async vereisKetens(
    manager: EntityManager,
    gemeenteId: string,
    ids: readonly string[],
  ): Promise<void> {
    if (!ids.length) return;
    const gevonden = await manager
      .getRepository(Keten)
      .find({ select: { id: true }, where: { id: In([...ids]), gemeenteId } });
    const bekend = new Set(gevonden.map((k) => k.id));
    const missend = ids.filter((id) => !bekend.has(id));
    if (missend.length)
      throw new ValidationError(
        missend.map((id) => ({
          name: 'ketenIds',
          reason: `keten ${id} bestaat niet in deze gemeente`,
        })),
      );
  }
}

function zelfdeVerzameling(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((id) => y.has(id));
}

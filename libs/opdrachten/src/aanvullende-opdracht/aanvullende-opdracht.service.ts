import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  Actor,
  aanbiederScope,
  AuditService,
  NotFoundError,
  skipTake,
  ValidationError,
  VersionConflictError,
  vulAanbiederNamen,
  weigerIdentificatoren,
} from '@wijkkompas/core';
import { vandaag } from '../shared/datum';
import { BinnengekomenVia } from '../shared/enums';
import { somCenten } from '../shared/geld';
import {
  vereisAanbieders,
  vereisKetens,
  vereisPercelen,
  vereisPeriode,
} from '../shared/referenties';
import {
  AanbiederAandeelInput,
  AanvullendeOpdrachtQuery,
  CreateAanvullendeOpdrachtRequest,
  toAanvullendeOpdrachtResponse,
  UpdateAanvullendeOpdrachtRequest,
} from './aanvullende-opdracht.dto';
import {
  AanvullendeOpdracht,
  AanvullendeOpdrachtAanbieder,
  AanvullendeOpdrachtKeten,
  AanvullendeOpdrachtPerceel,
  AanvullendeOpdrachtStatuswijziging,
} from './aanvullende-opdracht.entity';
import { AlleenViaWijzigingError } from '../hoofdopdracht/hoofdopdracht.errors';
import { OpdrachtAfgeslotenError } from './aanvullende-opdracht.errors';
import { AanvullendeOpdrachtStatus, isAfgesloten } from './levenscyclus';

/**
 * The register of aanvullende opdrachten: requests come in here, whoever in the gemeente
 * makes them. Provider users see only opdrachten in which their organisation takes part.
 */
/** The texts of the register that reach dossiers and agendas; 422 on a direct identifier. */
function weigerOpdrachtIdentificatoren(
  input: Partial<
    Pick<
      CreateAanvullendeOpdrachtRequest,
      'titel' | 'doel' | 'programmaNaam' | 'aanvragendeAfdeling' | 'opdrachtgever' | 'thema'
    >
  >,
): void {
  weigerIdentificatoren('Aanvullende opdracht', {
    titel: input.titel,
    doel: input.doel,
    programmaNaam: input.programmaNaam,
    aanvragendeAfdeling: input.aanvragendeAfdeling,
    opdrachtgever: input.opdrachtgever,
    thema: input.thema,
  });
}

@Injectable()
export class AanvullendeOpdrachtService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async findPage(
    actor: Actor,
    query: AanvullendeOpdrachtQuery,
  ): Promise<[AanvullendeOpdracht[], number]> {
    const builder = this.dataSource
      .getRepository(AanvullendeOpdracht)
      .createQueryBuilder('o')
      .select('o.id')
      .where('o.gemeente_id = :gemeenteId', { gemeenteId: actor.gemeenteId })
      .orderBy('o.einddatum')
      .addOrderBy('o.id');
    const eigen = aanbiederScope(actor);
    if (eigen)
      builder.andWhere(
        'EXISTS (SELECT 1 FROM aanvullende_opdracht_aanbieders x WHERE x.opdracht_id = o.id AND x.aanbieder_id = :eigen)',
        { eigen },
      );
    if (query.status) builder.andWhere('o.status = :status', { status: query.status });
    if (query.thema) builder.andWhere('o.thema = :thema', { thema: query.thema });
    if (query.bron) builder.andWhere('o.bron = :bron', { bron: query.bron });
    if (query.binnengekomenVia)
      builder.andWhere('o.binnengekomen_via = :via', { via: query.binnengekomenVia });
    if (query.aanbiederId)
      builder.andWhere(
        'EXISTS (SELECT 1 FROM aanvullende_opdracht_aanbieders a WHERE a.opdracht_id = o.id AND a.aanbieder_id = :aanbiederId)',
        { aanbiederId: query.aanbiederId },
      );
    if (query.perceelId)
      builder.andWhere(
        'EXISTS (SELECT 1 FROM aanvullende_opdracht_percelen p WHERE p.opdracht_id = o.id AND p.perceel_id = :perceelId)',
        { perceelId: query.perceelId },
      );
    if (query.ketenId)
      builder.andWhere(
        'EXISTS (SELECT 1 FROM aanvullende_opdracht_ketens k WHERE k.opdracht_id = o.id AND k.keten_id = :ketenId)',
        { ketenId: query.ketenId },
      );
    const { skip, take } = skipTake(query);
    const [rows, total] = await builder.skip(skip).take(take).getManyAndCount();
    const volledig = await this.loadMany(
      this.dataSource.manager,
      rows.map((r) => r.id),
    );
    return [rows.map((r) => volledig.find((v) => v.id === r.id)!), total];
  }

  findOne(actor: Actor, id: string): Promise<AanvullendeOpdracht> {
    return this.load(this.dataSource.manager, actor, id);
  }

  async create(
    actor: Actor,
    input: CreateAanvullendeOpdrachtRequest,
  ): Promise<AanvullendeOpdracht> {
    vereisPeriode(input.startdatum, input.einddatum);
    weigerOpdrachtIdentificatoren(input);
    return this.dataSource.transaction(async (manager) => {
      await this.vereisReferenties(
        manager,
        actor,
        input.aanbieders,
        input.perceelIds,
        input.ketenIds,
      );
      const repo = manager.getRepository(AanvullendeOpdracht);
      const saved = await repo.save(
        repo.create({
          gemeenteId: actor.gemeenteId,
          titel: input.titel,
          doel: input.doel,
          bron: input.bron,
          programmaNaam: input.programmaNaam ?? null,
          aanvragendeAfdeling: input.aanvragendeAfdeling,
          opdrachtgever: input.opdrachtgever,
          startdatum: input.startdatum,
          einddatum: input.einddatum,
          budgetCenten: somCenten(input.aanbieders.map((a) => a.budgetCenten)),
          geoormerkt: input.geoormerkt,
          thema: input.thema,
          rapportagefrequentie: input.rapportagefrequentie,
          status: AanvullendeOpdrachtStatus.Aangevraagd,
          binnengekomenVia: input.binnengekomenVia ?? BinnengekomenVia.Register,
          aangevraagdOp: input.aangevraagdOp ?? vandaag(),
          aangevraagdDoorId: actor.gebruikerId,
        }),
      );
      await this.zetKoppelingen(
        manager,
        saved.id,
        input.aanbieders,
        input.perceelIds,
        input.ketenIds,
      );
      await manager.getRepository(AanvullendeOpdrachtStatuswijziging).insert({
        opdrachtId: saved.id,
        van: null,
        naar: AanvullendeOpdrachtStatus.Aangevraagd,
        toelichting: null,
        doorId: actor.gebruikerId,
        doorNaam: actor.naam,
      });
      const opdracht = await this.load(manager, actor, saved.id);
      await this.audit.record(manager, actor, {
        action: 'aangevraagd',
        entityType: 'aanvullende-opdracht',
        entityId: saved.id,
        after: toAanvullendeOpdrachtResponse(opdracht),
      });
      return opdracht;
    });
  }

  async update(
    actor: Actor,
    id: string,
    input: UpdateAanvullendeOpdrachtRequest,
  ): Promise<AanvullendeOpdracht> {
    weigerOpdrachtIdentificatoren(input);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.load(manager, actor, id, true);
      if (before.version !== input.version)
        throw new VersionConflictError('Aanvullende opdracht', input.version, before.version);
      if (isAfgesloten(before.status)) throw new OpdrachtAfgeslotenError(before.status);
      if (before.status === AanvullendeOpdrachtStatus.Actief)
        this.vereisGeenContractwijziging(before, input);
      const startdatum = input.startdatum ?? before.startdatum;
      const einddatum = input.einddatum ?? before.einddatum;
      vereisPeriode(startdatum, einddatum);
      const aanbieders =
        input.aanbieders ??
        (before.aanbieders ?? []).map((a) => ({
          aanbiederId: a.aanbiederId,
          budgetCenten: a.budgetCenten,
        }));
      const perceelIds = input.perceelIds ?? (before.percelen ?? []).map((p) => p.perceelId);
      const ketenIds = input.ketenIds ?? (before.ketens ?? []).map((k) => k.ketenId);
      await this.vereisReferenties(manager, actor, aanbieders, perceelIds, ketenIds);
      await manager.getRepository(AanvullendeOpdracht).save({
        id,
        version: before.version,
        titel: input.titel ?? before.titel,
        doel: input.doel ?? before.doel,
        startdatum,
        einddatum,
        geoormerkt: input.geoormerkt ?? before.geoormerkt,
        thema: input.thema ?? before.thema,
        rapportagefrequentie: input.rapportagefrequentie ?? before.rapportagefrequentie,
        budgetCenten: somCenten(aanbieders.map((a) => a.budgetCenten)),
        updatedAt: new Date(),
      });
      await manager.getRepository(AanvullendeOpdrachtAanbieder).delete({ opdrachtId: id });
      await manager.getRepository(AanvullendeOpdrachtPerceel).delete({ opdrachtId: id });
      await manager.getRepository(AanvullendeOpdrachtKeten).delete({ opdrachtId: id });
      await this.zetKoppelingen(manager, id, aanbieders, perceelIds, ketenIds);
      const after = await this.load(manager, actor, id);
      await this.audit.record(manager, actor, {
        action: 'gewijzigd',
        entityType: 'aanvullende-opdracht',
        entityId: id,
        before: toAanvullendeOpdrachtResponse(before),
        after: toAanvullendeOpdrachtResponse(after),
      });
      return after;
    });
  }

  /**
   * Once active, the end date and the budget shares are agreed: they change only through a
   * typed wijziging with an ingangsdatum, so reading the opdracht as of an earlier date stays
   * true. A request (aangevraagd, getoetst) is still edited freely.
   */
  private vereisGeenContractwijziging(
    before: AanvullendeOpdracht,
    input: UpdateAanvullendeOpdrachtRequest,
  ): void {
    const pad = `/api/v1/aanvullende-opdrachten/${before.id}/wijzigingen`;
    if (input.einddatum !== undefined && input.einddatum !== before.einddatum)
      throw new AlleenViaWijzigingError('einddatum', 'De einddatum van een actieve opdracht', pad);
    if (input.aanbieders) {
      const sleutel = (lijst: { aanbiederId: string; budgetCenten: number }[]) =>
        lijst
          .map((a) => `${a.aanbiederId}:${a.budgetCenten}`)
          .sort()
          .join(',');
      if (sleutel(input.aanbieders) !== sleutel(before.aanbieders ?? []))
        throw new AlleenViaWijzigingError(
          'aanbieders',
          'Het budget (de delen van de aanbieders) van een actieve opdracht',
          pad,
        );
    }
  }

  /** Every opdracht of the gemeente in these statuses, fully loaded (for overviews). */
  async findVanGemeente(
    manager: EntityManager,
    gemeenteId: string,
    statussen?: readonly AanvullendeOpdrachtStatus[],
  ): Promise<AanvullendeOpdracht[]> {
    const rows = await manager.getRepository(AanvullendeOpdracht).find({
      where: { gemeenteId, ...(statussen ? { status: In([...statussen]) } : {}) },
      relations: {
        aanbieders: { aanbieder: true },
        percelen: { perceel: true },
        ketens: { keten: true },
      },
      order: { einddatum: 'ASC', id: 'ASC' },
    });
    return this.metAanbiederNamen(manager, rows);
  }

  async load(
    manager: EntityManager,
    actor: Actor,
    id: string,
    lock = false,
  ): Promise<AanvullendeOpdracht> {
    const head = await manager.getRepository(AanvullendeOpdracht).findOne({
      where: { id, gemeenteId: actor.gemeenteId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    const eigen = aanbiederScope(actor);
    if (
      !head ||
      (eigen &&
        !(await manager
          .getRepository(AanvullendeOpdrachtAanbieder)
          .existsBy({ opdrachtId: id, aanbiederId: eigen })))
    )
      throw new NotFoundError('Aanvullende opdracht', id);
    const [opdracht] = await this.loadMany(manager, [id]);
    return opdracht;
  }

  private async loadMany(manager: EntityManager, ids: string[]): Promise<AanvullendeOpdracht[]> {
    if (!ids.length) return [];
    const rows = await manager.getRepository(AanvullendeOpdracht).find({
      where: { id: In(ids) },
      relations: {
        aanbieders: { aanbieder: true },
        percelen: { perceel: true },
        ketens: { keten: true },
      },
    });
    return this.metAanbiederNamen(manager, rows);
  }

  /** The aanbieders of each opdracht by the names its gemeente contracted them under. */
  private async metAanbiederNamen(
    manager: EntityManager,
    opdrachten: AanvullendeOpdracht[],
  ): Promise<AanvullendeOpdracht[]> {
    for (const gemeenteId of new Set(opdrachten.map((o) => o.gemeenteId)))
      await vulAanbiederNamen(
        manager,
        gemeenteId,
        opdrachten
          .filter((o) => o.gemeenteId === gemeenteId)
          .flatMap((o) => (o.aanbieders ?? []).map((a) => a.aanbieder)),
      );
    return opdrachten;
  }

  private async vereisReferenties(
    manager: EntityManager,
    actor: Actor,
    aanbieders: AanbiederAandeelInput[],
    perceelIds: string[],
    ketenIds: string[],
  ): Promise<void> {
    const ids = aanbieders.map((a) => a.aanbiederId);
    if (new Set(ids).size !== ids.length)
      throw new ValidationError([
        { name: 'aanbieders', reason: 'een aanbieder staat er meer dan eens in' },
      ]);
    await vereisAanbieders(manager, actor.gemeenteId, ids, 'aanbieders');
    await vereisPercelen(manager, actor.gemeenteId, perceelIds, 'perceelIds');
    await vereisKetens(manager, actor.gemeenteId, ketenIds, 'ketenIds');
  }

  private async zetKoppelingen(
    manager: EntityManager,
    opdrachtId: string,
    aanbieders: AanbiederAandeelInput[],
    perceelIds: string[],
    ketenIds: string[],
  ): Promise<void> {
    await manager.getRepository(AanvullendeOpdrachtAanbieder).insert(
      aanbieders.map((a) => ({
        opdrachtId,
        aanbiederId: a.aanbiederId,
        budgetCenten: a.budgetCenten,
      })),
    );
    if (perceelIds.length)
      await manager
        .getRepository(AanvullendeOpdrachtPerceel)
        .insert(perceelIds.map((perceelId) => ({ opdrachtId, perceelId })));
    if (ketenIds.length)
      await manager
        .getRepository(AanvullendeOpdrachtKeten)
        .insert(ketenIds.map((ketenId) => ({ opdrachtId, ketenId })));
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  aanbiederScope,
  AanbiederGemeente,
  AuditService,
  InvalidParam,
  NotFoundError,
  skipTake,
  ValidationError,
  VersionConflictError,
  vulAanbiederNamen,
  weigerIdentificatoren,
} from '@wijkkompas/core';
import { vandaag } from '../shared/datum';
import { vereisAanbieders, vereisPercelen, vereisPeriode } from '../shared/referenties';
import {
  CreateHoofdopdrachtRequest,
  CreateWijzigingRequest,
  HerijkingsmomentInput,
  HoofdopdrachtQuery,
  JaarbudgetInput,
  toHoofdopdrachtResponse,
  toHoofdopdrachtVersieResponse,
  UpdateHoofdopdrachtRequest,
} from './hoofdopdracht.dto';
import {
  Hoofdopdracht,
  HoofdopdrachtJaarbudget,
  HoofdopdrachtVersie,
} from './hoofdopdracht.entity';
import { AlleenViaWijzigingError, HoofdopdrachtOverlaptError } from './hoofdopdracht.errors';
import { laatsteVersie, versieOpPeildatum } from './peildatum';
import { pasWijzigingToe, Wijzigingssoort } from './wijziging';

/** The texts of a hoofdopdracht that reach dossiers and overviews; 422 on a direct identifier. */
function weigerHoofdopdrachtIdentificatoren(input: {
  titel?: string;
  visie?: string;
  missie?: string;
  reden?: string;
  herijkingsmomenten?: { omschrijving: string }[];
}): void {
  weigerIdentificatoren('Hoofdopdracht', {
    titel: input.titel,
    visie: input.visie,
    missie: input.missie,
    reden: input.reden,
    ...Object.fromEntries(
      (input.herijkingsmomenten ?? []).map((m, i) => [
        `herijkingsmomenten.${i}.omschrijving`,
        m.omschrijving,
      ]),
    ),
  });
}

/** Hoofdopdrachten with all their versions; provider users see only their own. */
@Injectable()
export class HoofdopdrachtService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async findPage(actor: Actor, query: HoofdopdrachtQuery): Promise<[Hoofdopdracht[], number]> {
    const builder = this.scoped(this.dataSource.manager, actor)
      .orderBy('relatie.naam')
      .addOrderBy('h.startdatum')
      .addOrderBy('h.id');
    if (query.aanbiederId)
      builder.andWhere('h.aanbieder_id = :aanbiederId', { aanbiederId: query.aanbiederId });
    const { skip, take } = skipTake(query);
    const [rows, total] = await builder.skip(skip).take(take).getManyAndCount();
    await vulAanbiederNamen(
      this.dataSource.manager,
      actor.gemeenteId,
      rows.map((h) => h.aanbieder),
    );
    return [rows, total];
  }

  findOne(actor: Actor, id: string): Promise<Hoofdopdracht> {
    return this.load(this.dataSource.manager, actor, id);
  }

  /** Every hoofdopdracht of the gemeente with versions, for overviews (not actor-scoped). */
  async findAllVanGemeente(
    manager: EntityManager,
    gemeenteId: string,
    aanbiederId?: string,
  ): Promise<Hoofdopdracht[]> {
    const builder = manager
      .getRepository(Hoofdopdracht)
      .createQueryBuilder('h')
      .innerJoinAndSelect('h.aanbieder', 'aanbieder')
      .leftJoinAndSelect('h.versies', 'versie')
      .leftJoinAndSelect('versie.jaarbudgetten', 'jaarbudget')
      .where('h.gemeente_id = :gemeenteId', { gemeenteId });
    if (aanbiederId) builder.andWhere('h.aanbieder_id = :aanbiederId', { aanbiederId });
    const rows = await builder.getMany();
    await vulAanbiederNamen(
      manager,
      gemeenteId,
      rows.map((h) => h.aanbieder),
    );
    return rows;
  }

  async create(actor: Actor, input: CreateHoofdopdrachtRequest): Promise<Hoofdopdracht> {
    vereisPeriode(input.startdatum, input.einddatum);
    weigerHoofdopdrachtIdentificatoren(input);
    this.vereisVoorwaarden(
      input.startdatum,
      input.einddatum,
      input.jaarbudgetten,
      input.herijkingsmomenten,
    );
    return this.dataSource.transaction(async (manager) => {
      await vereisAanbieders(manager, actor.gemeenteId, [input.aanbiederId], 'aanbiederId');
      await vereisPercelen(manager, actor.gemeenteId, input.perceelIds, 'perceelIds');
      // One hoofdopdracht per aanbieder per day: serialise on the aanbieder's link to this gemeente.
      await manager
        .getRepository(AanbiederGemeente)
        .createQueryBuilder('ag')
        .setLock('pessimistic_write')
        .where('ag.aanbieder_id = :a AND ag.gemeente_id = :g', {
          a: input.aanbiederId,
          g: actor.gemeenteId,
        })
        .getOne();
      const overlap = await manager
        .getRepository(Hoofdopdracht)
        .createQueryBuilder('h')
        .where('h.gemeente_id = :g AND h.aanbieder_id = :a', {
          g: actor.gemeenteId,
          a: input.aanbiederId,
        })
        .andWhere('h.startdatum <= :eind AND h.einddatum >= :start', {
          start: input.startdatum,
          eind: input.einddatum,
        })
        .getOne();
      if (overlap)
        throw new HoofdopdrachtOverlaptError(overlap.id, overlap.startdatum, overlap.einddatum);
      const repo = manager.getRepository(Hoofdopdracht);
      const saved = await repo.save(
        repo.create({
          gemeenteId: actor.gemeenteId,
          aanbiederId: input.aanbiederId,
          titel: input.titel,
          startdatum: input.startdatum,
          einddatum: input.einddatum,
        }),
      );
      await this.slaVersieOp(manager, actor, saved.id, {
        versie: 1,
        ingangsdatum: input.startdatum,
        soort: Wijzigingssoort.Oorspronkelijk,
        einddatum: input.einddatum,
        reden: 'Oorspronkelijke hoofdopdracht',
        visie: input.visie,
        missie: input.missie,
        financieringsvorm: input.financieringsvorm,
        herijkingsmomenten: input.herijkingsmomenten.map((m) => ({
          datum: m.datum,
          omschrijving: m.omschrijving,
        })),
        perceelIds: input.perceelIds,
        jaarbudgetten: input.jaarbudgetten,
      });
      const hoofdopdracht = await this.load(manager, actor, saved.id);
      await this.audit.record(manager, actor, {
        action: 'aangemaakt',
        entityType: 'hoofdopdracht',
        entityId: saved.id,
        after: this.snapshot(hoofdopdracht),
      });
      return hoofdopdracht;
    });
  }

  async update(
    actor: Actor,
    id: string,
    input: UpdateHoofdopdrachtRequest,
  ): Promise<Hoofdopdracht> {
    if (input.einddatum !== undefined)
      throw new AlleenViaWijzigingError(
        'einddatum',
        'De einddatum',
        `/api/v1/hoofdopdrachten/${id}/wijzigingen`,
      );
    weigerHoofdopdrachtIdentificatoren(input);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.load(manager, actor, id, true);
      if (before.version !== input.version)
        throw new VersionConflictError('Hoofdopdracht', input.version, before.version);
      await manager.getRepository(Hoofdopdracht).save({
        id,
        version: before.version,
        titel: input.titel ?? before.titel,
        updatedAt: new Date(),
      });
      const after = await this.load(manager, actor, id);
      await this.audit.record(manager, actor, {
        action: 'gewijzigd',
        entityType: 'hoofdopdracht',
        entityId: id,
        before: this.snapshot(before),
        after: this.snapshot(after),
      });
      return after;
    });
  }

  /**
   * An amendment: a new full version from its ingangsdatum. It may not take effect before the
   * latest existing version, so the past is never rewritten and the as-of read of any date
   * that already had a version in force keeps giving the same answer.
   */
  async wijzig(actor: Actor, id: string, input: CreateWijzigingRequest): Promise<Hoofdopdracht> {
    weigerHoofdopdrachtIdentificatoren(input);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.load(manager, actor, id, true);
      if (before.version !== input.version)
        throw new VersionConflictError('Hoofdopdracht', input.version, before.version);
      const laatste = laatsteVersie(before.versies ?? [])!;
      if (input.ingangsdatum < laatste.ingangsdatum)
        throw new ValidationError([
          {
            name: 'ingangsdatum',
            reason: `ingangsdatum mag niet vóór de ingangsdatum van de laatste versie (${laatste.ingangsdatum}) liggen`,
          },
        ]);
      if (input.ingangsdatum > before.einddatum)
        throw new ValidationError([
          {
            name: 'ingangsdatum',
            reason: `ingangsdatum ligt na de einddatum van de hoofdopdracht (${before.einddatum})`,
          },
        ]);
      const uitkomst = pasWijzigingToe(
        {
          startdatum: before.startdatum,
          einddatum: before.einddatum,
          jaarbudgetten: (laatste.jaarbudgetten ?? []).map((b) => ({
            jaar: b.jaar,
            budgetCenten: b.budgetCenten,
            indexatieBasispunten: b.indexatieBasispunten,
          })),
          herijkingsmomenten: laatste.herijkingsmomenten,
        },
        input,
      );
      if (uitkomst.problemen.length) throw new ValidationError(uitkomst.problemen);
      const { einddatum, jaarbudgetten } = uitkomst;
      // A beëindiging drops the herijkingsmomenten after the new end, as it drops the years.
      const herijkingsmomenten = (input.herijkingsmomenten ?? laatste.herijkingsmomenten).filter(
        (m) => input.soort !== Wijzigingssoort.Beeindiging || m.datum <= einddatum,
      );
      this.vereisVoorwaarden(before.startdatum, einddatum, jaarbudgetten, herijkingsmomenten);
      if (einddatum > before.einddatum) {
        const volgende = await manager
          .getRepository(Hoofdopdracht)
          .createQueryBuilder('h')
          .where('h.gemeente_id = :g AND h.aanbieder_id = :a AND h.id <> :id', {
            g: actor.gemeenteId,
            a: before.aanbiederId,
            id,
          })
          .andWhere('h.startdatum <= :eind AND h.einddatum > :oud', {
            eind: einddatum,
            oud: before.einddatum,
          })
          .getOne();
        if (volgende)
          throw new HoofdopdrachtOverlaptError(
            volgende.id,
            volgende.startdatum,
            volgende.einddatum,
          );
      }
      if (input.perceelIds)
        await vereisPercelen(manager, actor.gemeenteId, input.perceelIds, 'perceelIds');
      const versie = await this.slaVersieOp(manager, actor, id, {
        versie: Math.max(...(before.versies ?? []).map((v) => v.versie)) + 1,
        ingangsdatum: input.ingangsdatum,
        soort: input.soort,
        einddatum,
        reden: input.reden,
        visie: input.visie ?? laatste.visie,
        missie: input.missie ?? laatste.missie,
        financieringsvorm: input.financieringsvorm ?? laatste.financieringsvorm,
        herijkingsmomenten: herijkingsmomenten.map((m) => ({
          datum: m.datum,
          omschrijving: m.omschrijving,
        })),
        perceelIds: input.perceelIds ?? laatste.perceelIds,
        jaarbudgetten,
      });
      // The row keeps the latest agreed end date (for overlap checks and the rhythm); as-of
      // reads take the end date from the version in force.
      await manager
        .getRepository(Hoofdopdracht)
        .update({ id }, { einddatum, version: before.version + 1 });
      const after = await this.load(manager, actor, id);
      const nieuw = after.versies!.find((v) => v.id === versie.id)!;
      await this.audit.record(manager, actor, {
        action: 'gewijzigd-per-amendement',
        entityType: 'hoofdopdracht',
        entityId: id,
        before: { version: before.version, laatsteVersie: toHoofdopdrachtVersieResponse(laatste) },
        after: { version: after.version, nieuweVersie: toHoofdopdrachtVersieResponse(nieuw) },
      });
      return after;
    });
  }

  private async slaVersieOp(
    manager: EntityManager,
    actor: Actor,
    hoofdopdrachtId: string,
    data: Omit<
      HoofdopdrachtVersie,
      'id' | 'hoofdopdrachtId' | 'createdById' | 'createdByNaam' | 'createdAt' | 'jaarbudgetten'
    > & { jaarbudgetten: JaarbudgetInput[] },
  ): Promise<HoofdopdrachtVersie> {
    const { jaarbudgetten, ...rest } = data;
    const versie = await manager.getRepository(HoofdopdrachtVersie).save(
      manager.getRepository(HoofdopdrachtVersie).create({
        ...rest,
        hoofdopdrachtId,
        createdById: actor.gebruikerId,
        createdByNaam: actor.naam,
      }),
    );
    if (jaarbudgetten.length)
      await manager.getRepository(HoofdopdrachtJaarbudget).insert(
        jaarbudgetten.map((b) => ({
          versieId: versie.id,
          jaar: b.jaar,
          budgetCenten: b.budgetCenten,
          indexatieBasispunten: b.indexatieBasispunten,
        })),
      );
    return versie;
  }

  private vereisUniekeJaren(jaarbudgetten: JaarbudgetInput[]): void {
    const jaren = jaarbudgetten.map((b) => b.jaar);
    const dubbel = jaren.find((j, i) => jaren.indexOf(j) !== i);
    if (dubbel !== undefined)
      throw new ValidationError([
        { name: 'jaarbudgetten', reason: `jaar ${dubbel} staat er meer dan eens in` },
      ]);
  }

  private vereisVoorwaarden(
    start: string,
    eind: string,
    jaarbudgetten: JaarbudgetInput[],
    momenten: HerijkingsmomentInput[],
  ): void {
    this.vereisUniekeJaren(jaarbudgetten);
    const problemen: InvalidParam[] = [];
    const [van, tot] = [Number(start.slice(0, 4)), Number(eind.slice(0, 4))];
    jaarbudgetten.forEach((b, i) => {
      if (b.jaar < van || b.jaar > tot)
        problemen.push({
          name: `jaarbudgetten.${i}.jaar`,
          reason: `jaar ${b.jaar} valt buiten de looptijd ${van}-${tot}`,
        });
    });
    momenten.forEach((m, i) => {
      if (m.datum < start || m.datum > eind)
        problemen.push({
          name: `herijkingsmomenten.${i}.datum`,
          reason: 'datum valt buiten de looptijd van de hoofdopdracht',
        });
    });
    if (problemen.length) throw new ValidationError(problemen);
  }

  snapshot(h: Hoofdopdracht): object {
    return toHoofdopdrachtResponse(
      h,
      vandaag(),
      versieOpPeildatum(h.versies ?? [], vandaag()) ?? laatsteVersie(h.versies ?? []),
      h.versies?.length ?? 0,
    );
  }

  private scoped(manager: EntityManager, actor: Actor) {
    const builder = manager
      .getRepository(Hoofdopdracht)
      .createQueryBuilder('h')
      .innerJoinAndSelect('h.aanbieder', 'aanbieder')
      .innerJoinAndSelect(
        AanbiederGemeente,
        'relatie',
        'relatie.aanbieder_id = h.aanbieder_id AND relatie.gemeente_id = h.gemeente_id',
      )
      .leftJoinAndSelect('h.versies', 'versie')
      .leftJoinAndSelect('versie.jaarbudgetten', 'jaarbudget')
      .where('h.gemeente_id = :gemeenteId', { gemeenteId: actor.gemeenteId });
    const eigen = aanbiederScope(actor);
    if (eigen) builder.andWhere('h.aanbieder_id = :eigen', { eigen });
    return builder;
  }

  private async load(
    manager: EntityManager,
    actor: Actor,
    id: string,
    lock = false,
  ): Promise<Hoofdopdracht> {
    if (lock)
      await manager.getRepository(Hoofdopdracht).findOne({
        where: { id, gemeenteId: actor.gemeenteId },
        lock: { mode: 'pessimistic_write' },
      });
    const hoofdopdracht = await this.scoped(manager, actor).andWhere('h.id = :id', { id }).getOne();
    if (!hoofdopdracht) throw new NotFoundError('Hoofdopdracht', id);
    await vulAanbiederNamen(manager, actor.gemeenteId, [hoofdopdracht.aanbieder]);
    return hoofdopdracht;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Not, QueryFailedError, SelectQueryBuilder } from 'typeorm';
import {
  Actor,
  AanbiederGemeente,
  aanbiederScope,
  APP_CONFIG,
  AppConfig,
  AuditService,
  ForbiddenError,
  Gebruiker,
  InvalidParam,
  NotFoundError,
  Organisatie,
  OrganisatieSoort,
  vulAanbiederNamen,
  skipTake,
  TransitionError,
  ValidationError,
  VersionConflictError,
  rollenMet,
  weigerIdentificatoren,
} from '@wijkkompas/core';
import { Keten } from '@wijkkompas/opdrachten';
import {
  CreateOverlegRequest,
  DeelnemerInput,
  OverlegQuery,
  toOverlegResponse,
  UpdateOverlegRequest,
} from './overleg.dto';
import { Overleg } from './overleg.entity';
import {
  AgendaNietGepubliceerdError,
  OngeldigOverlegError,
  VerslagViaStatuswijzigingError,
  VerantwoordingsgesprekBestaatError,
} from './overleg.errors';
import {
  BEHEERPERMISSIE,
  controleerOverleg,
  KOMENDE_STATUSSEN,
  Deelnemer,
  deelnemerToegestaan,
  dubbeleDeelnemers,
  magBeheren,
  magStatusWorden,
  OverlegSoort,
  OverlegStatus,
  STATUS_OVERGANGEN,
} from './overleg.regels';
import { dagenVenster } from './overleg.tijd';

const UNIEK_GESPREK = 'uq_overleggen_verantwoordingsgesprek';

function isDubbelGesprek(error: unknown): boolean {
  const driver = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
  return (
    error instanceof QueryFailedError &&
    driver?.code === '23505' &&
    driver.constraint === UNIEK_GESPREK
  );
}

/**
 * The title, the location and the participants (guests by name, organisation and role) reach
 * agendas, invitations and e-mails: no direct identifiers (422).
 */
function weigerOverlegIdentificatoren(input: UpdateOverlegRequest | CreateOverlegRequest): void {
  weigerIdentificatoren('Overleg', {
    titel: input.titel,
    locatie: input.locatie,
    ...Object.fromEntries(
      (input.deelnemers ?? []).flatMap((d, i) => [
        [`deelnemers.${i}.naam`, d.naam],
        [`deelnemers.${i}.organisatie`, d.organisatie],
        [`deelnemers.${i}.rol`, d.rol],
      ]),
    ),
  });
}

function geenBeheer(soort: OverlegSoort): ForbiddenError {
  return new ForbiddenError(
    `Een ${soort} plannen of wijzigen mag alleen een ${rollenMet(BEHEERPERMISSIE[soort]).join(' of ')}.`,
  );
}

/**
 * Meetings of a gemeente. Gemeente users see all of them; a provider's people see only the
 * verantwoordingsgesprekken of their own organisation. The scheduler reads through the
 * *VoorSysteem / verantwoordingsgesprekken* methods, which take a gemeente instead of an actor.
 */
@Injectable()
export class OverlegService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async findPage(actor: Actor, query: OverlegQuery): Promise<[Overleg[], number]> {
    if (query.vanaf && query.tot && query.tot < query.vanaf)
      throw new ValidationError([{ name: 'tot', reason: 'tot mag niet vóór vanaf liggen' }]);
    const { vanaf, voor } = dagenVenster(query.vanaf, query.tot, this.config.timeZone);
    const builder = this.zichtbaar(this.dataSource.manager, actor)
      .orderBy('overleg.datum', 'ASC')
      .addOrderBy('overleg.id', 'ASC');
    if (query.soort) builder.andWhere('overleg.soort = :soort', { soort: query.soort });
    if (query.aanbiederId)
      builder.andWhere('overleg.aanbieder_id = :aanbiederId', { aanbiederId: query.aanbiederId });
    if (query.periode) builder.andWhere('overleg.periode = :periode', { periode: query.periode });
    if (query.status) builder.andWhere('overleg.status = :status', { status: query.status });
    if (vanaf) builder.andWhere('overleg.datum >= :vanaf', { vanaf });
    if (voor) builder.andWhere('overleg.datum < :voor', { voor });
    const { skip, take } = skipTake(query);
    const [rows, total] = await builder.skip(skip).take(take).getManyAndCount();
    return [await this.metAanbiederNamen(this.dataSource.manager, rows), total];
  }

  findOne(actor: Actor, id: string): Promise<Overleg> {
    return this.load(this.dataSource.manager, actor, id);
  }

  async create(actor: Actor, input: CreateOverlegRequest): Promise<Overleg> {
    if (!magBeheren(actor.rollen, input.soort)) throw geenBeheer(input.soort);
    weigerOverlegIdentificatoren(input);
    const fouten = controleerOverleg(input);
    if (fouten.length) throw new OngeldigOverlegError(fouten);
    let aanbiederNaam = 'deze aanbieder';
    try {
      return await this.dataSource.transaction(async (manager) => {
        const { aanbieder, deelnemers } = await this.verwijzingen(manager, actor.gemeenteId, {
          aanbiederId: input.aanbiederId ?? null,
          ketenId: input.ketenId ?? null,
          deelnemers: input.deelnemers ?? [],
        });
        if (aanbieder?.naam) aanbiederNaam = aanbieder.naam;
        if (input.soort === OverlegSoort.Verantwoordingsgesprek)
          await this.vereisGeenAnderGesprek(manager, actor.gemeenteId, aanbiederNaam, {
            aanbiederId: input.aanbiederId!,
            periode: input.periode!,
          });
        const repo = manager.getRepository(Overleg);
        const saved = await repo.save(
          repo.create({
            gemeenteId: actor.gemeenteId,
            soort: input.soort,
            titel: input.titel,
            aanbiederId: input.aanbiederId ?? null,
            ketenId: input.ketenId ?? null,
            periode: input.periode ?? null,
            datum: new Date(input.tijdstip),
            locatie: input.locatie ?? null,
            deelnemers,
            status: OverlegStatus.Gepland,
          }),
        );
        const overleg = await this.load(manager, actor, saved.id);
        await this.audit.record(manager, actor, {
          action: 'aangemaakt',
          entityType: 'overleg',
          entityId: overleg.id,
          after: toOverlegResponse(overleg),
        });
        return overleg;
      });
    } catch (error) {
      // Two contractmanagers planning the same gesprek at once: the index decides.
      if (isDubbelGesprek(error))
        throw new VerantwoordingsgesprekBestaatError(aanbiederNaam, input.periode ?? '');
      throw error;
    }
  }

  async update(actor: Actor, id: string, input: UpdateOverlegRequest): Promise<Overleg> {
    weigerOverlegIdentificatoren(input);
    let huidig: Overleg | undefined;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const before = await this.load(manager, actor, id, true);
        huidig = before;
        if (!magBeheren(actor.rollen, before.soort)) throw geenBeheer(before.soort);
        if (before.version !== input.version)
          throw new VersionConflictError('Overleg', input.version, before.version);
        if (
          input.status === OverlegStatus.AgendaGepubliceerd &&
          before.status !== OverlegStatus.AgendaGepubliceerd
        )
          throw new AgendaNietGepubliceerdError();
        // Adopting the verslag fixes decisions and actions: that is for whoever prepares the
        // meeting, through its own step.
        if (
          input.status === OverlegStatus.VerslagVastgesteld &&
          before.status !== OverlegStatus.VerslagVastgesteld
        )
          throw new VerslagViaStatuswijzigingError();
        if (input.status && !magStatusWorden(before.status, input.status))
          throw new TransitionError(
            'Overleg',
            before.status,
            input.status,
            STATUS_OVERGANGEN[before.status],
          );
        let deelnemers = before.deelnemers;
        if (input.deelnemers)
          deelnemers = (
            await this.verwijzingen(manager, actor.gemeenteId, {
              aanbiederId: before.aanbiederId,
              ketenId: null,
              deelnemers: input.deelnemers,
            })
          ).deelnemers;
        const status = input.status ?? before.status;
        if (
          before.soort === OverlegSoort.Verantwoordingsgesprek &&
          before.aanbiederId &&
          before.periode &&
          before.status === OverlegStatus.Geannuleerd &&
          status !== OverlegStatus.Geannuleerd
        )
          await this.vereisGeenAnderGesprek(
            manager,
            actor.gemeenteId,
            before.aanbieder?.naam ?? 'deze aanbieder',
            { aanbiederId: before.aanbiederId, periode: before.periode, id: before.id },
          );
        await manager.getRepository(Overleg).save({
          id,
          version: before.version,
          titel: input.titel ?? before.titel,
          datum: input.tijdstip ? new Date(input.tijdstip) : before.datum,
          locatie: input.locatie === undefined ? before.locatie : input.locatie,
          deelnemers,
          status,
        });
        const after = await this.load(manager, actor, id);
        await this.audit.record(manager, actor, {
          action: 'gewijzigd',
          entityType: 'overleg',
          entityId: id,
          before: toOverlegResponse(before),
          after: toOverlegResponse(after),
        });
        return after;
      });
    } catch (error) {
      if (isDubbelGesprek(error))
        throw new VerantwoordingsgesprekBestaatError(
          huidig?.aanbieder?.naam ?? 'deze aanbieder',
          huidig?.periode ?? '',
        );
      throw error;
    }
  }

  /**
   * The planned verantwoordingsgesprekken of a gemeente with `van <= datum < tot`, earliest
   * first: what the dossier scheduler assembles a dossier for. With the aanbieder loaded.
   */
  async verantwoordingsgesprekkenTussen(
    gemeenteId: string,
    van: Date,
    tot: Date,
  ): Promise<Overleg[]> {
    const rows = await this.dataSource
      .getRepository(Overleg)
      .createQueryBuilder('overleg')
      .leftJoinAndSelect('overleg.aanbieder', 'aanbieder')
      .where('overleg.gemeente_id = :gemeenteId', { gemeenteId })
      .andWhere('overleg.soort = :soort', { soort: OverlegSoort.Verantwoordingsgesprek })
      .andWhere('overleg.status IN (:...komend)', { komend: KOMENDE_STATUSSEN })
      .andWhere('overleg.datum >= :van AND overleg.datum < :tot', { van, tot })
      .orderBy('overleg.datum', 'ASC')
      .addOrderBy('overleg.id', 'ASC')
      .getMany();
    return this.metAanbiederNamen(this.dataSource.manager, rows);
  }

  /**
   * The one verantwoordingsgesprek (not cancelled) with an aanbieder about a quarter, or
   * null: for a dossier assembled on demand.
   */
  async verantwoordingsgesprekVoor(
    gemeenteId: string,
    aanbiederId: string,
    periode: string,
  ): Promise<Overleg | null> {
    const overleg = await this.dataSource.getRepository(Overleg).findOne({
      where: {
        gemeenteId,
        aanbiederId,
        periode,
        soort: OverlegSoort.Verantwoordingsgesprek,
        status: Not(OverlegStatus.Geannuleerd),
      },
      relations: { aanbieder: true },
    });
    return overleg && (await this.metAanbiederNamen(this.dataSource.manager, [overleg]))[0];
  }

  /** Any meeting by id, for jobs that carry an id and no actor; null when it does not exist. */
  async findOneVoorSysteem(id: string): Promise<Overleg | null> {
    const overleg = await this.dataSource
      .getRepository(Overleg)
      .findOne({ where: { id }, relations: { aanbieder: true, keten: true } });
    return overleg && (await this.metAanbiederNamen(this.dataSource.manager, [overleg]))[0];
  }

  /** The aanbieder of each meeting by the name its gemeente contracted it under. */
  private async metAanbiederNamen(
    manager: EntityManager,
    overleggen: Overleg[],
  ): Promise<Overleg[]> {
    for (const gemeenteId of new Set(overleggen.map((o) => o.gemeenteId)))
      await vulAanbiederNamen(
        manager,
        gemeenteId,
        overleggen.filter((o) => o.gemeenteId === gemeenteId).map((o) => o.aanbieder),
      );
    return overleggen;
  }

  private async vereisGeenAnderGesprek(
    manager: EntityManager,
    gemeenteId: string,
    aanbiederNaam: string,
    gesprek: { aanbiederId: string; periode: string; id?: string },
  ): Promise<void> {
    const bestaand = await manager.getRepository(Overleg).findOne({
      where: {
        gemeenteId,
        soort: OverlegSoort.Verantwoordingsgesprek,
        aanbiederId: gesprek.aanbiederId,
        periode: gesprek.periode,
        status: Not(OverlegStatus.Geannuleerd),
        ...(gesprek.id ? { id: Not(gesprek.id) } : {}),
      },
    });
    if (bestaand)
      throw new VerantwoordingsgesprekBestaatError(aanbiederNaam, gesprek.periode, bestaand.id);
  }

  /**
   * Checks every reference of a request against the gemeente and reports all problems in
   * one 422: the aanbieder works for the gemeente, the keten is the gemeente's, and each
   * deelnemer with an account is allowed in this meeting. Fills in name, organisation and
   * role of deelnemers with an account.
   */
  private async verwijzingen(
    manager: EntityManager,
    gemeenteId: string,
    invoer: { aanbiederId: string | null; ketenId: string | null; deelnemers: DeelnemerInput[] },
  ): Promise<{ aanbieder: Organisatie | null; deelnemers: Deelnemer[] }> {
    const fouten: InvalidParam[] = [];
    let aanbieder: Organisatie | null = null;
    if (invoer.aanbiederId) {
      aanbieder = await manager
        .getRepository(Organisatie)
        .createQueryBuilder('o')
        .innerJoin(
          AanbiederGemeente,
          'ag',
          'ag.aanbieder_id = o.id AND ag.gemeente_id = :gemeenteId',
          { gemeenteId },
        )
        .where('o.id = :id', { id: invoer.aanbiederId })
        .andWhere('o.soort = :soort', { soort: OrganisatieSoort.Aanbieder })
        .getOne();
      await vulAanbiederNamen(manager, gemeenteId, [aanbieder]);
      if (!aanbieder)
        fouten.push({
          name: 'aanbiederId',
          reason: 'aanbieder bestaat niet of werkt niet voor deze gemeente',
        });
    }
    if (
      invoer.ketenId &&
      !(await manager.getRepository(Keten).existsBy({ id: invoer.ketenId, gemeenteId }))
    )
      fouten.push({ name: 'ketenId', reason: 'keten bestaat niet in deze gemeente' });

    for (const i of dubbeleDeelnemers(invoer.deelnemers))
      fouten.push({
        name: `deelnemers.${i}.gebruikerId`,
        reason: 'deze gebruiker staat al eerder in de lijst deelnemers',
      });
    const ids = [
      ...new Set(invoer.deelnemers.map((d) => d.gebruikerId).filter((id): id is string => !!id)),
    ];
    // Each user as this gemeente knows them: their relation here, with its organisation.
    const gebruikers = ids.length
      ? await manager.getRepository(Gebruiker).find({
          where: { id: In(ids), relaties: { gemeenteId } },
          relations: { rollen: true, relaties: { organisatie: true } },
        })
      : [];
    const relaties = new Map(
      gebruikers.map((g) => [g.id, g.relaties?.find((r) => r.gemeenteId === gemeenteId)]),
    );
    await vulAanbiederNamen(
      manager,
      gemeenteId,
      [...relaties.values()].map((r) => r?.organisatie),
    );
    const orgIds = [
      ...new Set(invoer.deelnemers.map((d) => d.organisatieId).filter((id): id is string => !!id)),
    ];
    const organisaties = orgIds.length
      ? await manager
          .getRepository(Organisatie)
          .createQueryBuilder('o')
          .leftJoin(
            AanbiederGemeente,
            'ag',
            'ag.aanbieder_id = o.id AND ag.gemeente_id = :gemeenteId',
            {
              gemeenteId,
            },
          )
          .where('o.id IN (:...orgIds)', { orgIds })
          .andWhere('(ag.aanbieder_id IS NOT NULL OR o.gemeente_id = :gemeenteId)', { gemeenteId })
          .getMany()
      : [];
    await vulAanbiederNamen(manager, gemeenteId, organisaties);
    const deelnemers: Deelnemer[] = invoer.deelnemers.map((d, i) => {
      if (d.organisatieId) {
        const org = organisaties.find((o) => o.id === d.organisatieId);
        const pastBijGesprek =
          !invoer.aanbiederId ||
          org?.id === invoer.aanbiederId ||
          org?.soort === OrganisatieSoort.Gemeente;
        if (!org || d.gebruikerId || !pastBijGesprek)
          fouten.push({
            name: `deelnemers.${i}.organisatieId`,
            reason: d.gebruikerId
              ? 'een deelnemer is een gebruiker óf een organisatie, niet beide'
              : 'organisatie bestaat niet of werkt niet voor deze gemeente (of voor de aanbieder van dit gesprek)',
          });
        return {
          gebruikerId: null,
          organisatieId: d.organisatieId,
          naam: d.naam ?? org?.naam ?? '',
          organisatie: org?.naam ?? null,
          rol: d.rol ?? null,
        };
      }
      if (!d.gebruikerId)
        return {
          gebruikerId: null,
          naam: d.naam ?? '',
          organisatie: d.organisatie ?? null,
          rol: d.rol ?? null,
        };
      const gebruiker = gebruikers.find((g) => g.id === d.gebruikerId);
      const relatie = gebruiker && relaties.get(gebruiker.id);
      const rollen = (gebruiker?.rollen ?? [])
        .filter((r) => r.gemeenteId === gemeenteId)
        .map((r) => r.rol);
      const toegestaan =
        relatie?.organisatie &&
        deelnemerToegestaan(
          {
            id: relatie.gebruikerId,
            organisatieId: relatie.organisatieId,
            organisatieSoort: relatie.organisatie.soort,
            organisatieGemeenteId: relatie.organisatie.gemeenteId,
            rollenInGemeente: rollen,
          },
          gemeenteId,
          invoer.aanbiederId,
        );
      if (!gebruiker || !relatie || !toegestaan) {
        fouten.push({
          name: `deelnemers.${i}.gebruikerId`,
          reason: invoer.aanbiederId
            ? 'gebruiker bestaat niet, of werkt niet voor deze gemeente of voor de aanbieder van dit overleg'
            : 'gebruiker bestaat niet of werkt niet voor (een aanbieder van) deze gemeente',
        });
        return { gebruikerId: d.gebruikerId, naam: d.naam ?? '', organisatie: null, rol: null };
      }
      return {
        gebruikerId: gebruiker.id,
        naam: d.naam ?? relatie.naam,
        organisatie: d.organisatie ?? relatie.organisatie?.naam ?? null,
        rol: d.rol ?? rollen[0] ?? null,
      };
    });
    if (fouten.length) throw new OngeldigOverlegError(fouten);
    return { aanbieder, deelnemers };
  }

  private zichtbaar(manager: EntityManager, actor: Actor): SelectQueryBuilder<Overleg> {
    const builder = manager
      .getRepository(Overleg)
      .createQueryBuilder('overleg')
      .leftJoinAndSelect('overleg.aanbieder', 'aanbieder')
      .leftJoinAndSelect('overleg.keten', 'keten')
      .where('overleg.gemeente_id = :gemeenteId', { gemeenteId: actor.gemeenteId });
    const eigen = aanbiederScope(actor);
    if (eigen)
      builder.andWhere(
        `((overleg.soort = :eigenSoort AND overleg.aanbieder_id = :eigen)
          OR overleg.deelnemers @> CAST(:alsGebruiker AS jsonb)
          OR overleg.deelnemers @> CAST(:alsOrganisatie AS jsonb))`,
        {
          eigenSoort: OverlegSoort.Verantwoordingsgesprek,
          eigen,
          alsGebruiker: JSON.stringify([{ gebruikerId: actor.gebruikerId }]),
          alsOrganisatie: JSON.stringify([{ organisatieId: eigen }]),
        },
      );
    return builder;
  }

  /** A meeting the actor may see (404 otherwise), for the agenda and verslag services. */
  laadZichtbaar(manager: EntityManager, actor: Actor, id: string, lock = false): Promise<Overleg> {
    return this.load(manager, actor, id, lock);
  }

  private async load(
    manager: EntityManager,
    actor: Actor,
    id: string,
    lock = false,
  ): Promise<Overleg> {
    const builder = this.zichtbaar(manager, actor).andWhere('overleg.id = :id', { id });
    if (lock) builder.setLock('pessimistic_write', undefined, ['overleg']);
    const overleg = await builder.getOne();
    if (!overleg) throw new NotFoundError('Overleg', id);
    await vulAanbiederNamen(manager, actor.gemeenteId, [overleg.aanbieder]);
    return overleg;
  }
}

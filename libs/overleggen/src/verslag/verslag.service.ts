import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  aanbiederScope,
  AuditService,
  GebruikerGemeente,
  isAanbieder,
  NotFoundError,
  Organisatie,
  skipTake,
  TransitionError,
  ValidationError,
  vulAanbiederNamen,
} from '@wijkkompas/core';
import { vereisIfMatch } from '@wijkkompas/verantwoording';
import { vereisBron } from '../agenda/bron';
import { eigenKetenIds, vereisBeheer } from '../agenda/overleg-toegang';
import { AgendaVersie } from '../agenda/agenda.entity';
import { toOverlegResponse } from '../overleg/overleg.dto';
import { Overleg } from '../overleg/overleg.entity';
import {
  AgendaNietGepubliceerdError,
  AlleenGepubliceerdError,
  GeenActieBeheerError,
  OverlegAfgeslotenError,
} from '../overleg/overleg.errors';
import {
  magAgendaBeheren,
  magStatusWorden,
  OverlegStatus,
  STATUS_OVERGANGEN,
} from '../overleg/overleg.regels';
import { OverlegService } from '../overleg/overleg.service';
import {
  ActieQuery,
  CreateActieRequest,
  CreateActieStatuswijzigingRequest,
  CreateBesluitRequest,
  toActieResponse,
  toBesluitResponse,
} from './verslag.dto';
import { Actie, Besluit } from './verslag.entity';
import { besluitOnderwerp, toetsBesluit } from './verslag.regels';

const VASTLEGBAAR: readonly OverlegStatus[] = [
  OverlegStatus.Gepland,
  OverlegStatus.AgendaGepubliceerd,
  OverlegStatus.Gehouden,
];

export interface Verslag {
  overleg: Overleg;
  agenda: AgendaVersie | null;
  besluiten: Besluit[];
  acties: Actie[];
}

/**
 * Decisions and actions of a meeting, the meeting's status steps and its verslag. Who
 * prepares the agenda records them; provider users read the adopted verslag of meetings they
 * take part in, and the actions they (or their organisation) own, which they may mark gereed.
 */
@Injectable()
export class VerslagService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly overleggen: OverlegService,
  ) {}

  async besluiten(actor: Actor, id: string): Promise<Besluit[]> {
    const manager = this.dataSource.manager;
    const overleg = await this.overleggen.laadZichtbaar(manager, actor, id);
    this.vereisLeesbaarVerslag(actor, overleg);
    return manager
      .getRepository(Besluit)
      .find({ where: { overlegId: id }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async neemBesluit(actor: Actor, id: string, input: CreateBesluitRequest): Promise<Besluit> {
    return this.dataSource.transaction(async (manager) => {
      const overleg = await vereisBeheer(manager, this.overleggen, actor, id, true);
      if (!VASTLEGBAAR.includes(overleg.status))
        throw new OverlegAfgeslotenError(overleg.status, 'een besluit vastleggen');
      if (input.bronSoort)
        await vereisBron(manager, actor.gemeenteId, input.bronSoort, input.bronId);
      else if (input.bronId)
        throw new ValidationError([
          { name: 'bronSoort', reason: 'noem bij een bronId ook de bronSoort' },
        ]);
      const onderwerp = besluitOnderwerp(input.tekst, input.onderwerp);
      const toets = toetsBesluit(overleg.soort, onderwerp);
      const repo = manager.getRepository(Besluit);
      const besluit = await repo.save(
        repo.create({
          gemeenteId: actor.gemeenteId,
          overlegId: id,
          tekst: input.tekst.trim(),
          onderwerp,
          bronSoort: input.bronSoort ?? null,
          bronId: input.bronId ?? null,
          hoortBij: toets.hoortBij,
          signalering: toets.signalering,
          vastgelegdDoorId: actor.gebruikerId,
          vastgelegdDoorNaam: actor.naam,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'aangemaakt',
        entityType: 'besluit',
        entityId: besluit.id,
        after: toBesluitResponse(besluit),
      });
      return besluit;
    });
  }

  async maakActie(actor: Actor, id: string, input: CreateActieRequest): Promise<Actie> {
    return this.dataSource.transaction(async (manager) => {
      const overleg = await vereisBeheer(manager, this.overleggen, actor, id, true);
      if (!VASTLEGBAAR.includes(overleg.status))
        throw new OverlegAfgeslotenError(overleg.status, 'een actie vastleggen');
      const eigenaar = await this.eigenaar(manager, actor.gemeenteId, input);
      if (
        input.besluitId &&
        !(await manager.getRepository(Besluit).existsBy({ id: input.besluitId, overlegId: id }))
      )
        throw new ValidationError([
          { name: 'besluitId', reason: 'besluit hoort niet bij dit overleg' },
        ]);
      const repo = manager.getRepository(Actie);
      const actie = await repo.save(
        repo.create({
          gemeenteId: actor.gemeenteId,
          overlegId: id,
          besluitId: input.besluitId ?? null,
          omschrijving: input.omschrijving.trim(),
          ...eigenaar,
          deadline: input.deadline ?? null,
          status: 'open',
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'aangemaakt',
        entityType: 'actie',
        entityId: actie.id,
        after: toActieResponse(actie),
      });
      return actie;
    });
  }

  async acties(actor: Actor, query: ActieQuery): Promise<[Actie[], number]> {
    const builder = this.dataSource
      .getRepository(Actie)
      .createQueryBuilder('a')
      .where('a.gemeente_id = :gemeenteId', { gemeenteId: actor.gemeenteId })
      .orderBy('a.deadline', 'ASC', 'NULLS LAST')
      .addOrderBy('a.created_at', 'ASC')
      .addOrderBy('a.id', 'ASC');
    const eigen = aanbiederScope(actor);
    if (eigen)
      builder.andWhere('(a.eigenaar_organisatie_id = :eigen OR a.eigenaar_gebruiker_id = :ik)', {
        eigen,
        ik: actor.gebruikerId,
      });
    if (query.status) builder.andWhere('a.status = :status', { status: query.status });
    if (query.overlegId)
      builder.andWhere('a.overleg_id = :overlegId', { overlegId: query.overlegId });
    if (query.eigenaarOrganisatieId)
      builder.andWhere('a.eigenaar_organisatie_id = :org', { org: query.eigenaarOrganisatieId });
    const { skip, take } = skipTake(query);
    return builder.skip(skip).take(take).getManyAndCount();
  }

  async actie(actor: Actor, id: string): Promise<Actie> {
    return this.leesActie(this.dataSource.manager, actor, id);
  }

  /**
   * open → gereed or vervallen, and back to open. The owner (a provider user of the owning
   * organisation, or the owning person) may only mark it gereed, with a note; whoever
   * prepares the meeting may make any step.
   */
  async wijzigActieStatus(
    actor: Actor,
    id: string,
    ifMatch: string | undefined,
    input: CreateActieStatuswijzigingRequest,
  ): Promise<Actie> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.leesActie(manager, actor, id, true);
      if (ifMatch !== undefined) vereisIfMatch(ifMatch, before.version, 'De actie');
      const overleg = await manager
        .getRepository(Overleg)
        .findOneByOrFail({ id: before.overlegId });
      const beheer = magAgendaBeheren(actor.rollen, overleg, await eigenKetenIds(manager, actor));
      const eigenaar =
        before.eigenaarGebruikerId === actor.gebruikerId ||
        (isAanbieder(actor) && before.eigenaarOrganisatieId === actor.organisatieId);
      if (!beheer) {
        if (!eigenaar)
          throw new GeenActieBeheerError(
            'Alleen de eigenaar of wie het overleg voorbereidt, wijzigt deze actie.',
          );
        if (input.status !== 'gereed')
          throw new GeenActieBeheerError(
            'Als eigenaar meldt u een actie gereed; vervallen of heropenen doet wie het overleg voorbereidt.',
          );
        if (!input.toelichting?.trim())
          throw new ValidationError([
            { name: 'toelichting', reason: 'schrijf kort wat er gedaan is' },
          ]);
      }
      if (before.status === input.status)
        throw new TransitionError(
          'Actie',
          before.status,
          input.status,
          before.status === 'open' ? ['gereed', 'vervallen'] : ['open'],
        );
      if (before.status !== 'open' && input.status !== 'open')
        throw new TransitionError('Actie', before.status, input.status, ['open']);
      const repo = manager.getRepository(Actie);
      await repo.save({
        ...before,
        status: input.status,
        toelichting: input.toelichting?.trim() || before.toelichting,
        afgehandeldOp: input.status === 'open' ? null : new Date(),
      });
      const after = await repo.findOneByOrFail({ id });
      await this.audit.record(manager, actor, {
        action: 'statuswijziging',
        entityType: 'actie',
        entityId: id,
        before: toActieResponse(before),
        after: toActieResponse(after),
      });
      return after;
    });
  }

  /** A status step of the meeting: gehouden, verslag-vastgesteld, geannuleerd or back to gepland. */
  async wijzigOverlegStatus(
    actor: Actor,
    id: string,
    ifMatch: string | undefined,
    status: OverlegStatus,
  ): Promise<Overleg> {
    return this.dataSource.transaction(async (manager) => {
      const before = await vereisBeheer(manager, this.overleggen, actor, id, true);
      if (ifMatch !== undefined) vereisIfMatch(ifMatch, before.version, 'Het overleg');
      if (status === OverlegStatus.AgendaGepubliceerd) throw new AgendaNietGepubliceerdError();
      if (status === before.status || !magStatusWorden(before.status, status))
        throw new TransitionError(
          'Overleg',
          before.status,
          status,
          STATUS_OVERGANGEN[before.status],
        );
      await manager.getRepository(Overleg).save({ id, version: before.version, status });
      const after = await this.overleggen.laadZichtbaar(manager, actor, id);
      await this.audit.record(manager, actor, {
        action: 'statuswijziging',
        entityType: 'overleg',
        entityId: id,
        before: toOverlegResponse(before),
        after: toOverlegResponse(after),
      });
      return after;
    });
  }

  /** Meeting, latest published agenda, decisions (with their flags) and actions. */
  async verslag(actor: Actor, id: string): Promise<Verslag> {
    const manager = this.dataSource.manager;
    const overleg = await this.overleggen.laadZichtbaar(manager, actor, id);
    this.vereisLeesbaarVerslag(actor, overleg);
    const [agenda, besluiten, acties] = await Promise.all([
      manager
        .getRepository(AgendaVersie)
        .findOne({ where: { overlegId: id }, order: { versie: 'DESC' } }),
      manager
        .getRepository(Besluit)
        .find({ where: { overlegId: id }, order: { createdAt: 'ASC', id: 'ASC' } }),
      manager
        .getRepository(Actie)
        .find({ where: { overlegId: id }, order: { createdAt: 'ASC', id: 'ASC' } }),
    ]);
    return { overleg, agenda, besluiten, acties };
  }

  private vereisLeesbaarVerslag(actor: Actor, overleg: Overleg): void {
    if (isAanbieder(actor) && overleg.status !== OverlegStatus.VerslagVastgesteld)
      throw new AlleenGepubliceerdError(
        'Medewerkers van een aanbieder lezen het verslag zodra het is vastgesteld.',
      );
  }

  private async leesActie(
    manager: EntityManager,
    actor: Actor,
    id: string,
    lock = false,
  ): Promise<Actie> {
    const builder = manager
      .getRepository(Actie)
      .createQueryBuilder('a')
      .where('a.id = :id AND a.gemeente_id = :gemeenteId', { id, gemeenteId: actor.gemeenteId });
    const eigen = aanbiederScope(actor);
    if (eigen)
      builder.andWhere('(a.eigenaar_organisatie_id = :eigen OR a.eigenaar_gebruiker_id = :ik)', {
        eigen,
        ik: actor.gebruikerId,
      });
    if (lock) builder.setLock('pessimistic_write');
    const actie = await builder.getOne();
    if (!actie) throw new NotFoundError('Actie', id);
    return actie;
  }

  /** The owner: a user of the gemeente or of one of its aanbieders, or such an organisation. */
  private async eigenaar(
    manager: EntityManager,
    gemeenteId: string,
    input: CreateActieRequest,
  ): Promise<Pick<Actie, 'eigenaarGebruikerId' | 'eigenaarOrganisatieId' | 'eigenaarNaam'>> {
    if (!!input.eigenaarGebruikerId === !!input.eigenaarOrganisatieId)
      throw new ValidationError([
        {
          name: 'eigenaarGebruikerId',
          reason: 'geef óf eigenaarGebruikerId óf eigenaarOrganisatieId',
        },
      ]);
    const orgInGemeente = (alias: string) =>
      `(${alias}.gemeente_id = :gemeenteId OR EXISTS (SELECT 1 FROM aanbieder_gemeenten ag WHERE ag.aanbieder_id = ${alias}.id AND ag.gemeente_id = :gemeenteId))`;
    if (input.eigenaarGebruikerId) {
      // A person's name and organisation are per gemeente: their relation with this one.
      const gebruiker = await manager
        .getRepository(GebruikerGemeente)
        .createQueryBuilder('gg')
        .innerJoinAndSelect('gg.organisatie', 'o')
        .where('gg.gebruiker_id = :id AND gg.gemeente_id = :gemeenteId', {
          id: input.eigenaarGebruikerId,
          gemeenteId,
        })
        .andWhere(orgInGemeente('o'), { gemeenteId })
        .getOne();
      if (!gebruiker)
        throw new ValidationError([
          {
            name: 'eigenaarGebruikerId',
            reason: 'gebruiker bestaat niet of werkt niet voor (een aanbieder van) deze gemeente',
          },
        ]);
      await vulAanbiederNamen(manager, gemeenteId, [gebruiker.organisatie]);
      return {
        eigenaarGebruikerId: gebruiker.gebruikerId,
        eigenaarOrganisatieId: gebruiker.organisatieId,
        eigenaarNaam: `${gebruiker.naam} (${gebruiker.organisatie!.naam ?? ''})`,
      };
    }
    const org = await manager
      .getRepository(Organisatie)
      .createQueryBuilder('o')
      .where('o.id = :id', { id: input.eigenaarOrganisatieId })
      .andWhere(orgInGemeente('o'), { gemeenteId })
      .getOne();
    if (!org)
      throw new ValidationError([
        {
          name: 'eigenaarOrganisatieId',
          reason: 'organisatie bestaat niet of werkt niet voor deze gemeente',
        },
      ]);
    await vulAanbiederNamen(manager, gemeenteId, [org]);
    return {
      eigenaarGebruikerId: null,
      eigenaarOrganisatieId: org.id,
      eigenaarNaam: org.naam ?? '',
    };
  }
}

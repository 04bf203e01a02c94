import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  aanbiederScope,
  AanbiederGemeente,
  AuditService,
  NotFoundError,
  skipTake,
  ValidationError,
  weigerIdentificatoren,
} from '@wijkkompas/core';
import { AanvullendeOpdracht, Hoofdopdracht } from '@wijkkompas/opdrachten';
import { Kpi } from '@wijkkompas/verantwoording';
import { nieuweInhoud } from './inhoud';
import { vereisSchrijfrecht, zichtbaarVoor, zichtbareTheorie } from './toegang';
import {
  CreateVerandertheorieRequest,
  KpiTheorieElementenResponse,
  toSamenvattingResponse,
  toVerandertheorieResponse,
  VerandertheorieQuery,
  VerandertheorieResponse,
  VerandertheorieSamenvattingResponse,
} from './verandertheorie.dto';
import { Verandertheorie, VerandertheorieVersie } from './verandertheorie.entity';
import {
  aanbiedersVan,
  huidigeVersie,
  huidigeVersies,
  huidigKwartaal,
  laadVersie,
  vereisDoelen,
  vereisVersieVanPeriode,
  versieOverzicht,
} from './verandertheorie.opslag';
import { ELEMENT_SOORT_LABELS } from '../model';

export interface TheorieMetVersie {
  theorie: Verandertheorie;
  versie: VerandertheorieVersie;
}

/**
 * Theories of change: listing, reading a version (the newest, or the one in force in a
 * quarter), the version history, and creating one. Changes to a theory are in
 * VerandertheorieBewerkingService; each writes a new version.
 */
@Injectable()
export class VerandertheorieService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async findPage(
    actor: Actor,
    query: VerandertheorieQuery,
  ): Promise<[VerandertheorieSamenvattingResponse[], number]> {
    const manager = this.dataSource.manager;
    const builder = zichtbaarVoor(
      manager.getRepository(Verandertheorie).createQueryBuilder('t'),
      't',
      actor,
    )
      .orderBy('t.titel')
      .addOrderBy('t.id');
    if (query.hoofdopdrachtId)
      builder.andWhere('t.hoofdopdracht_id = :h', { h: query.hoofdopdrachtId });
    if (query.aanvullendeOpdrachtId)
      builder.andWhere('t.aanvullende_opdracht_id = :a', { a: query.aanvullendeOpdrachtId });
    if (query.thema) builder.andWhere('t.thema = :thema', { thema: query.thema });
    const { skip, take } = skipTake(query);
    const [rows, total] = await builder.skip(skip).take(take).getManyAndCount();
    const versies = await huidigeVersies(
      manager,
      rows.map((t) => t.id),
    );
    return [rows.map((t) => toSamenvattingResponse(t, versies.get(t.id)!)), total];
  }

  /** The newest version, or with a quarter the version in force then. */
  async findOne(actor: Actor, id: string, periode?: string): Promise<TheorieMetVersie> {
    const manager = this.dataSource.manager;
    const theorie = await zichtbareTheorie(manager, actor, id);
    const versie = periode
      ? await vereisVersieVanPeriode(manager, theorie, periode)
      : await huidigeVersie(manager, theorie);
    return { theorie, versie };
  }

  async versies(actor: Actor, id: string): Promise<VerandertheorieVersie[]> {
    const manager = this.dataSource.manager;
    await zichtbareTheorie(manager, actor, id);
    return versieOverzicht(manager, id);
  }

  async versie(actor: Actor, id: string, nummer: number): Promise<TheorieMetVersie> {
    const manager = this.dataSource.manager;
    const theorie = await zichtbareTheorie(manager, actor, id);
    const versie = await laadVersie(manager, id, nummer);
    if (!versie) throw new NotFoundError(`Versie ${nummer} van verandertheorie`, id);
    return { theorie, versie };
  }

  async create(
    actor: Actor,
    input: CreateVerandertheorieRequest,
  ): Promise<VerandertheorieResponse> {
    vereisSchrijfrecht(actor, 'kop');
    weigerIdentificatoren('Verandertheorie', {
      titel: input.titel,
      thema: input.thema,
      'ambitie.tekst': input.ambitie?.tekst,
      toelichting: input.toelichting,
    });
    const onderwerpen = [input.hoofdopdrachtId, input.aanvullendeOpdrachtId, input.thema].filter(
      (o) => o !== undefined,
    );
    if (onderwerpen.length !== 1)
      throw new ValidationError(
        [
          {
            name: 'hoofdopdrachtId',
            reason:
              'geef precies één van hoofdopdrachtId, aanvullendeOpdrachtId en thema: een verandertheorie hoort bij één opdracht of één thema',
          },
        ],
        'Een verandertheorie hoort bij één hoofdopdracht, één aanvullende opdracht of één thema.',
      );
    return this.dataSource.transaction(async (manager) => {
      const aanbiederId = await this.bepaalAanbieder(manager, actor, input);
      await vereisDoelen(
        manager,
        actor.gemeenteId,
        input.hoofdopdrachtId ?? null,
        input.ambitie.doelIds,
      );
      const repo = manager.getRepository(Verandertheorie);
      const theorie = await repo.save(
        repo.create({
          gemeenteId: actor.gemeenteId,
          titel: input.titel,
          hoofdopdrachtId: input.hoofdopdrachtId ?? null,
          aanvullendeOpdrachtId: input.aanvullendeOpdrachtId ?? null,
          thema: input.thema ?? null,
          aanbiederId,
          huidigeVersie: 1,
        }),
      );
      const inhoud = nieuweInhoud(
        { titel: input.titel, strategie: input.strategie, ambitie: input.ambitie },
        randomUUID(),
      );
      const versie = await manager.getRepository(VerandertheorieVersie).save(
        manager.getRepository(VerandertheorieVersie).create({
          theorieId: theorie.id,
          versie: 1,
          geldigVanaf: input.geldigVanaf ?? huidigKwartaal(),
          inhoud,
          toelichting: input.toelichting
            ? `Verandertheorie opgesteld. ${input.toelichting}`
            : 'Verandertheorie opgesteld',
          createdById: actor.gebruikerId,
          createdByNaam: actor.naam,
        }),
      );
      const response = toVerandertheorieResponse(theorie, versie);
      await this.audit.record(manager, actor, {
        action: 'aangemaakt',
        entityType: 'verandertheorie',
        entityId: theorie.id,
        after: response,
      });
      return response;
    });
  }

  /** Which elements of the theories the actor can see this KPI evidences (newest versions). */
  async kpiTheorieElementen(actor: Actor, kpiId: string): Promise<KpiTheorieElementenResponse> {
    const manager = this.dataSource.manager;
    await this.vereisZichtbareKpi(manager, actor, kpiId);
    const builder = zichtbaarVoor(
      manager.getRepository(Verandertheorie).createQueryBuilder('t'),
      't',
      actor,
    )
      .innerJoin(VerandertheorieVersie, 'v', 'v.theorie_id = t.id AND v.versie = t.huidige_versie')
      .andWhere(`v.inhoud -> 'kpiBewijzen' @> :bewijs::jsonb`, {
        bewijs: JSON.stringify([{ kpiId }]),
      })
      .orderBy('t.titel')
      .addOrderBy('t.id');
    const theorieen = await builder.getMany();
    const versies = await huidigeVersies(
      manager,
      theorieen.map((t) => t.id),
    );
    return {
      kpiId,
      elementen: theorieen.flatMap((t) => {
        const versie = versies.get(t.id)!;
        const ids = new Set(
          versie.inhoud.kpiBewijzen.filter((b) => b.kpiId === kpiId).map((b) => b.elementId),
        );
        return versie.inhoud.elementen
          .filter((e) => ids.has(e.id))
          .map((e) => ({
            theorieId: t.id,
            theorieTitel: versie.inhoud.titel,
            versie: versie.versie,
            elementId: e.id,
            soort: e.soort,
            soortLabel: ELEMENT_SOORT_LABELS[e.soort],
            titel: e.titel,
          }));
      }),
    };
  }

  private async vereisZichtbareKpi(
    manager: EntityManager,
    actor: Actor,
    kpiId: string,
  ): Promise<void> {
    const kpi = await manager
      .getRepository(Kpi)
      .findOneBy({ id: kpiId, gemeenteId: actor.gemeenteId });
    const eigen = aanbiederScope(actor);
    let zichtbaar = Boolean(kpi);
    if (kpi && eigen) {
      zichtbaar = kpi.hoofdopdrachtId
        ? await manager
            .getRepository(Hoofdopdracht)
            .existsBy({ id: kpi.hoofdopdrachtId, aanbiederId: eigen })
        : (await aanbiedersVan(manager, kpi.aanvullendeOpdrachtId!)).includes(eigen);
    }
    if (!zichtbaar) throw new NotFoundError('KPI', kpiId);
  }

  /**
   * The co-authoring aanbieder: the hoofdopdracht's own; for an aanvullende opdracht one of its
   * aanbieders (or none: then all of them); for a theme any aanbieder of the gemeente, or none.
   */
  private async bepaalAanbieder(
    manager: EntityManager,
    actor: Actor,
    input: CreateVerandertheorieRequest,
  ): Promise<string | null> {
    if (input.hoofdopdrachtId) {
      const hoofdopdracht = await manager
        .getRepository(Hoofdopdracht)
        .findOneBy({ id: input.hoofdopdrachtId, gemeenteId: actor.gemeenteId });
      if (!hoofdopdracht)
        throw new ValidationError([
          {
            name: 'hoofdopdrachtId',
            reason: `hoofdopdracht ${input.hoofdopdrachtId} bestaat niet in deze gemeente`,
          },
        ]);
      if (input.aanbiederId && input.aanbiederId !== hoofdopdracht.aanbiederId)
        throw new ValidationError([
          {
            name: 'aanbiederId',
            reason:
              'bij een hoofdopdracht schrijft de aanbieder van die hoofdopdracht mee; laat aanbiederId leeg',
          },
        ]);
      return hoofdopdracht.aanbiederId;
    }
    if (input.aanvullendeOpdrachtId) {
      const opdracht = await manager
        .getRepository(AanvullendeOpdracht)
        .findOneBy({ id: input.aanvullendeOpdrachtId, gemeenteId: actor.gemeenteId });
      if (!opdracht)
        throw new ValidationError([
          {
            name: 'aanvullendeOpdrachtId',
            reason: `aanvullende opdracht ${input.aanvullendeOpdrachtId} bestaat niet in deze gemeente`,
          },
        ]);
      if (
        input.aanbiederId &&
        !(await aanbiedersVan(manager, opdracht.id)).includes(input.aanbiederId)
      )
        throw new ValidationError([
          { name: 'aanbiederId', reason: 'deze aanbieder voert de aanvullende opdracht niet uit' },
        ]);
      return input.aanbiederId ?? null;
    }
    if (
      input.aanbiederId &&
      !(await manager
        .getRepository(AanbiederGemeente)
        .existsBy({ aanbiederId: input.aanbiederId, gemeenteId: actor.gemeenteId }))
    )
      throw new ValidationError([
        {
          name: 'aanbiederId',
          reason: `aanbieder ${input.aanbiederId} werkt niet voor deze gemeente`,
        },
      ]);
    return input.aanbiederId ?? null;
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Actor,
  AuditService,
  PageQuery,
  skipTake,
  TransitionError,
  ValidationError,
  VersionConflictError,
  weigerIdentificatoren,
} from '@wijkkompas/core';
import {
  CreateReactieRequest,
  CreateStatuswijzigingRequest,
  toAanvullendeOpdrachtResponse,
  toReactieResponse,
} from './aanvullende-opdracht.dto';
import {
  AanvullendeOpdracht,
  AanvullendeOpdrachtReactie,
  AanvullendeOpdrachtStatuswijziging,
} from './aanvullende-opdracht.entity';
import { AanvullendeOpdrachtService } from './aanvullende-opdracht.service';
import { AanvullendeOpdrachtStatus, magOvergaan, toegestaneOvergangen } from './levenscyclus';

const TOELICHTING_VERPLICHT = [
  AanvullendeOpdrachtStatus.Afgewezen,
  AanvullendeOpdrachtStatus.Beeindigd,
];

/** The lifecycle steps (toetsen, activeren, beëindigen …) and the conversation on an opdracht. */
@Injectable()
export class AanvullendeOpdrachtStatusService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly opdrachten: AanvullendeOpdrachtService,
    private readonly audit: AuditService,
  ) {}

  async wijzigStatus(
    actor: Actor,
    id: string,
    input: CreateStatuswijzigingRequest,
  ): Promise<AanvullendeOpdracht> {
    weigerIdentificatoren('Aanvullende opdracht', {
      toelichting: input.toelichting,
      'toets.motivering': input.toets?.motivering,
    });
    return this.dataSource.transaction(async (manager) => {
      const before = await this.opdrachten.load(manager, actor, id, true);
      if (input.version !== undefined && input.version !== before.version)
        throw new VersionConflictError('Aanvullende opdracht', input.version, before.version);
      if (!magOvergaan(before.status, input.naar))
        throw new TransitionError(
          'Aanvullende opdracht',
          before.status,
          input.naar,
          toegestaneOvergangen(before.status),
        );
      if (input.naar === AanvullendeOpdrachtStatus.Getoetst && !input.toets)
        throw new ValidationError([
          {
            name: 'toets',
            reason: 'bij toetsen horen een oordeel (ja, nee, deels) en een motivering',
          },
        ]);
      if (input.naar !== AanvullendeOpdrachtStatus.Getoetst && input.toets)
        throw new ValidationError([
          { name: 'toets', reason: 'een toets hoort alleen bij naar=getoetst' },
        ]);
      if (TOELICHTING_VERPLICHT.includes(input.naar) && !input.toelichting?.trim())
        throw new ValidationError([
          { name: 'toelichting', reason: `een toelichting is verplicht bij ${input.naar}` },
        ]);
      const changes: Partial<AanvullendeOpdracht> = { status: input.naar };
      if (input.toets) {
        changes.toetsOordeel = input.toets.oordeel;
        changes.toetsMotivering = input.toets.motivering;
        changes.getoetstDoorId = actor.gebruikerId;
        changes.getoetstDoorNaam = actor.naam;
        changes.getoetstOp = new Date();
      }
      await manager
        .getRepository(AanvullendeOpdracht)
        .save({ id, version: before.version, ...changes, updatedAt: new Date() });
      await manager.getRepository(AanvullendeOpdrachtStatuswijziging).insert({
        opdrachtId: id,
        van: before.status,
        naar: input.naar,
        toelichting: input.toelichting ?? null,
        doorId: actor.gebruikerId,
        doorNaam: actor.naam,
      });
      const after = await this.opdrachten.load(manager, actor, id);
      await this.audit.record(manager, actor, {
        action: `status-${input.naar}`,
        entityType: 'aanvullende-opdracht',
        entityId: id,
        before: toAanvullendeOpdrachtResponse(before),
        after: { ...toAanvullendeOpdrachtResponse(after), toelichting: input.toelichting ?? null },
      });
      return after;
    });
  }

  async statuswijzigingen(
    actor: Actor,
    id: string,
    query: PageQuery,
  ): Promise<[AanvullendeOpdrachtStatuswijziging[], number]> {
    await this.opdrachten.findOne(actor, id);
    const { skip, take } = skipTake(query);
    return this.dataSource
      .getRepository(AanvullendeOpdrachtStatuswijziging)
      .findAndCount({ where: { opdrachtId: id }, order: { op: 'ASC', id: 'ASC' }, skip, take });
  }

  async reacties(
    actor: Actor,
    id: string,
    query: PageQuery,
  ): Promise<[AanvullendeOpdrachtReactie[], number]> {
    await this.opdrachten.findOne(actor, id);
    const { skip, take } = skipTake(query);
    return this.dataSource.getRepository(AanvullendeOpdrachtReactie).findAndCount({
      where: { opdrachtId: id },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip,
      take,
    });
  }

  /** Gemeente users and users of an aanbieder taking part may comment (others get 404). */
  async reageer(
    actor: Actor,
    id: string,
    input: CreateReactieRequest,
  ): Promise<AanvullendeOpdrachtReactie> {
    weigerIdentificatoren('Reactie', { tekst: input.tekst });
    return this.dataSource.transaction(async (manager) => {
      await this.opdrachten.load(manager, actor, id);
      const repo = manager.getRepository(AanvullendeOpdrachtReactie);
      const reactie = await repo.save(
        repo.create({
          opdrachtId: id,
          auteurId: actor.gebruikerId,
          auteurNaam: actor.naam,
          organisatieId: actor.organisatieId,
          tekst: input.tekst,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'reactie-geplaatst',
        entityType: 'aanvullende-opdracht',
        entityId: id,
        before: null,
        after: toReactieResponse(reactie),
      });
      return reactie;
    });
  }
}

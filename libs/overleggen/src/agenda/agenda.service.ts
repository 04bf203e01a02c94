import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  APP_CONFIG,
  AppConfig,
  AuditService,
  isAanbieder,
  NotFoundError,
} from '@wijkkompas/core';
import { vereisIfMatch } from '@wijkkompas/verantwoording';
import { Overleg } from '../overleg/overleg.entity';
import {
  AlleenGepubliceerdError,
  LegeAgendaError,
  OverlegAfgeslotenError,
} from '../overleg/overleg.errors';
import { OverlegStatus } from '../overleg/overleg.regels';
import { OverlegService } from '../overleg/overleg.service';
import { AgendaBronRegistry } from './agenda-bijdragen';
import { AgendaVoorstel, stelAgendaOp } from './agenda-opstelling';
import { laadAgendaSnapshot } from './agenda-snapshot.loader';
import {
  CreateAgendapuntRequest,
  toAgendapuntResponse,
  toAgendaVersieResponse,
  UpdateAgendapuntRequest,
} from './agenda.dto';
import { AgendaVersie, Agendapunt } from './agenda.entity';
import { vereisBron } from './bron';
import { vereisBeheer } from './overleg-toegang';

const BEWERKBAAR: readonly OverlegStatus[] = [
  OverlegStatus.Gepland,
  OverlegStatus.AgendaGepubliceerd,
];

function vereisBewerkbaar(overleg: Overleg): void {
  if (!BEWERKBAAR.includes(overleg.status))
    throw new OverlegAfgeslotenError(overleg.status, 'de agenda wijzigen');
}

/**
 * The agenda of a meeting: the concept items the organiser edits, the drafted suggestions,
 * and the published versions (immutable; a change after publishing is published as the next
 * version). Provider users read only the published versions of meetings they take part in.
 */
@Injectable()
export class AgendaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly overleggen: OverlegService,
    private readonly registry: AgendaBronRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async punten(actor: Actor, id: string): Promise<Agendapunt[]> {
    const manager = this.dataSource.manager;
    await this.overleggen.laadZichtbaar(manager, actor, id);
    if (isAanbieder(actor))
      throw new AlleenGepubliceerdError(
        'Medewerkers van een aanbieder lezen de gepubliceerde agenda (agendaversies), niet de agenda in voorbereiding.',
      );
    return this.lijst(manager, id);
  }

  /** The drafted suggestions for this meeting, each with its reason; nothing is stored. */
  async voorstellen(
    actor: Actor,
    id: string,
  ): Promise<{ voorstel: AgendaVoorstel; alOpAgenda: boolean }[]> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const overleg = await vereisBeheer(manager, this.overleggen, actor, id);
      const voorstellen = stelAgendaOp(
        await laadAgendaSnapshot(manager, overleg, this.config.timeZone, this.registry),
      );
      const op = new Set((await this.lijst(manager, id)).map((p) => `${p.bronSoort}:${p.bronId}`));
      return voorstellen.map((voorstel) => ({
        voorstel,
        alOpAgenda: op.has(`${voorstel.bronSoort}:${voorstel.bronId}`),
      }));
    });
  }

  /** Adds every suggestion not yet on the agenda, after the items already there. */
  async stelOp(actor: Actor, id: string): Promise<Agendapunt[]> {
    return this.dataSource.transaction(async (manager) => {
      const overleg = await vereisBeheer(manager, this.overleggen, actor, id, true);
      vereisBewerkbaar(overleg);
      const voorstellen = stelAgendaOp(
        await laadAgendaSnapshot(manager, overleg, this.config.timeZone, this.registry),
      );
      const bestaand = await this.lijst(manager, id);
      const op = new Set(bestaand.map((p) => `${p.bronSoort}:${p.bronId}`));
      const nieuw = voorstellen.filter((v) => !op.has(`${v.bronSoort}:${v.bronId}`));
      const repo = manager.getRepository(Agendapunt);
      let volgorde = bestaand.length;
      const opgeslagen = await repo.save(
        nieuw.map((v) =>
          repo.create({
            overlegId: id,
            volgorde: ++volgorde,
            bronSoort: v.bronSoort,
            bronId: v.bronId,
            onderwerp: v.onderwerp.slice(0, 300),
            toelichting: null,
            reden: v.reden,
            doel: v.doel,
            minuten: v.minuten,
          }),
        ),
      );
      await this.audit.record(manager, actor, {
        action: 'agenda-opgesteld',
        entityType: 'overleg',
        entityId: id,
        after: { toegevoegd: opgeslagen.map(toAgendapuntResponse) },
      });
      return this.lijst(manager, id);
    });
  }

  async voegToe(actor: Actor, id: string, input: CreateAgendapuntRequest): Promise<Agendapunt> {
    return this.dataSource.transaction(async (manager) => {
      const overleg = await vereisBeheer(manager, this.overleggen, actor, id, true);
      vereisBewerkbaar(overleg);
      await vereisBron(manager, actor.gemeenteId, input.bronSoort, input.bronId);
      const bestaand = await this.lijst(manager, id);
      const plaats = Math.min(input.volgorde ?? bestaand.length + 1, bestaand.length + 1);
      const repo = manager.getRepository(Agendapunt);
      const punt = await repo.save(
        repo.create({
          overlegId: id,
          volgorde: plaats,
          bronSoort: input.bronSoort,
          bronId: input.bronId ?? null,
          onderwerp: input.onderwerp.trim(),
          toelichting: input.toelichting?.trim() || null,
          reden: null,
          doel: input.doel,
          minuten: input.minuten ?? null,
        }),
      );
      await this.hernummer(manager, id, punt.id, plaats);
      const after = await repo.findOneByOrFail({ id: punt.id });
      await this.audit.record(manager, actor, {
        action: 'aangemaakt',
        entityType: 'agendapunt',
        entityId: punt.id,
        after: toAgendapuntResponse(after),
      });
      return after;
    });
  }

  async wijzig(
    actor: Actor,
    id: string,
    puntId: string,
    ifMatch: string | undefined,
    input: UpdateAgendapuntRequest,
  ): Promise<Agendapunt> {
    return this.dataSource.transaction(async (manager) => {
      const overleg = await vereisBeheer(manager, this.overleggen, actor, id, true);
      vereisBewerkbaar(overleg);
      const repo = manager.getRepository(Agendapunt);
      const before = await repo.findOneBy({ id: puntId, overlegId: id });
      if (!before) throw new NotFoundError('Agendapunt', puntId);
      vereisIfMatch(ifMatch, before.version, 'Het agendapunt');
      await repo.save({
        ...before,
        onderwerp: input.onderwerp?.trim() ?? before.onderwerp,
        toelichting:
          input.toelichting === undefined ? before.toelichting : input.toelichting?.trim() || null,
        doel: input.doel ?? before.doel,
        minuten: input.minuten === undefined ? before.minuten : input.minuten,
      });
      if (input.volgorde !== undefined) await this.hernummer(manager, id, puntId, input.volgorde);
      const after = await repo.findOneByOrFail({ id: puntId });
      await this.audit.record(manager, actor, {
        action: 'gewijzigd',
        entityType: 'agendapunt',
        entityId: puntId,
        before: toAgendapuntResponse(before),
        after: toAgendapuntResponse(after),
      });
      return after;
    });
  }

  async verwijder(
    actor: Actor,
    id: string,
    puntId: string,
    ifMatch: string | undefined,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const overleg = await vereisBeheer(manager, this.overleggen, actor, id, true);
      vereisBewerkbaar(overleg);
      const repo = manager.getRepository(Agendapunt);
      const before = await repo.findOneBy({ id: puntId, overlegId: id });
      if (!before) throw new NotFoundError('Agendapunt', puntId);
      vereisIfMatch(ifMatch, before.version, 'Het agendapunt');
      await repo.delete({ id: puntId });
      await this.hernummer(manager, id, null, 0);
      await this.audit.record(manager, actor, {
        action: 'verwijderd',
        entityType: 'agendapunt',
        entityId: puntId,
        before: toAgendapuntResponse(before),
      });
    });
  }

  /** Publishes the concept as the next immutable version; the meeting becomes agenda-gepubliceerd. */
  async publiceer(actor: Actor, id: string): Promise<AgendaVersie> {
    return this.dataSource.transaction(async (manager) => {
      const overleg = await vereisBeheer(manager, this.overleggen, actor, id, true);
      vereisBewerkbaar(overleg);
      const punten = await this.lijst(manager, id);
      if (!punten.length) throw new LegeAgendaError();
      const laatste = await manager
        .getRepository(AgendaVersie)
        .findOne({ where: { overlegId: id }, order: { versie: 'DESC' } });
      const repo = manager.getRepository(AgendaVersie);
      const versie = await repo.save(
        repo.create({
          overlegId: id,
          versie: (laatste?.versie ?? 0) + 1,
          punten: punten.map((p, i) => ({
            nummer: i + 1,
            bronSoort: p.bronSoort,
            bronId: p.bronId,
            onderwerp: p.onderwerp,
            toelichting: p.toelichting,
            reden: p.reden,
            doel: p.doel,
            minuten: p.minuten,
          })),
          gepubliceerdDoorId: actor.gebruikerId,
          gepubliceerdDoorNaam: actor.naam,
        }),
      );
      if (overleg.status === OverlegStatus.Gepland)
        await manager.getRepository(Overleg).save({
          id,
          version: overleg.version,
          status: OverlegStatus.AgendaGepubliceerd,
        });
      await this.audit.record(manager, actor, {
        action: 'agenda-gepubliceerd',
        entityType: 'overleg',
        entityId: id,
        before: { status: overleg.status },
        after: { status: OverlegStatus.AgendaGepubliceerd, agenda: toAgendaVersieResponse(versie) },
      });
      return versie;
    });
  }

  async versies(actor: Actor, id: string): Promise<AgendaVersie[]> {
    const manager = this.dataSource.manager;
    await this.overleggen.laadZichtbaar(manager, actor, id);
    return manager
      .getRepository(AgendaVersie)
      .find({ where: { overlegId: id }, order: { versie: 'ASC' } });
  }

  async versie(
    actor: Actor,
    id: string,
    nummer: number,
  ): Promise<{ overleg: Overleg; versie: AgendaVersie }> {
    const manager = this.dataSource.manager;
    const overleg = await this.overleggen.laadZichtbaar(manager, actor, id);
    const versie = await manager
      .getRepository(AgendaVersie)
      .findOneBy({ overlegId: id, versie: nummer });
    if (!versie) throw new NotFoundError('Agendaversie', String(nummer));
    return { overleg, versie };
  }

  private lijst(manager: EntityManager, overlegId: string): Promise<Agendapunt[]> {
    return manager
      .getRepository(Agendapunt)
      .find({ where: { overlegId }, order: { volgorde: 'ASC', createdAt: 'ASC', id: 'ASC' } });
  }

  /** Puts `puntId` at `plaats` (1-based) and numbers the rest 1..n around it. */
  private async hernummer(
    manager: EntityManager,
    overlegId: string,
    puntId: string | null,
    plaats: number,
  ): Promise<void> {
    const alle = await this.lijst(manager, overlegId);
    const rest = alle.filter((p) => p.id !== puntId);
    const punt = alle.find((p) => p.id === puntId);
    if (punt) rest.splice(Math.max(0, Math.min(plaats - 1, rest.length)), 0, punt);
    for (const [i, p] of rest.entries())
      if (p.volgorde !== i + 1)
        await manager.query(`UPDATE agendapunten SET volgorde = $2 WHERE id = $1`, [p.id, i + 1]);
  }
}

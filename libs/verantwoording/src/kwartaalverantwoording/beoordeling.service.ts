import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  Actor,
  AuditService,
  NotFoundError,
  PageQuery,
  ValidationError,
  weigerIdentificatoren,
} from '@wijkkompas/core';
import { Casus } from '../casus/casus.entity';
import { Kpi } from '../kpi/kpi.entity';
import { LeesScope, leesScope } from '../shared/scope';
import { Signaal } from '../signaal/signaal.entity';
import {
  BeoordelingsopmerkingResponse,
  CreateBeoordelingsopmerkingRequest,
  CreateBeoordelingsreactieRequest,
} from './kwartaalverantwoording.dto';
import {
  Beoordelingsopmerking,
  KpiWaarde,
  Kwartaalverantwoording,
} from './kwartaalverantwoording.entity';
import { BeoordelingNietMogelijkError } from './kwartaalverantwoording.errors';
import {
  gebruikerNamen,
  laadVerantwoording,
  laadVerwachting,
  toOpmerkingResponse,
} from './kwartaalverantwoording.lezer';
import { AUDIT_TYPE } from './kwartaalverantwoording.service';

const MET_ONDERDEEL_ID = ['kpi-waarde', 'casus', 'signaal'];

/**
 * The review conversation on a submitted account: the contractmanager's questions per item,
 * the aanbieder's answers. The questions stay with the revision they were asked on.
 */
@Injectable()
export class BeoordelingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async plaats(
    actor: Actor,
    id: string,
    input: CreateBeoordelingsopmerkingRequest,
  ): Promise<BeoordelingsopmerkingResponse> {
    weigerIdentificatoren('Beoordelingsopmerking', { tekst: input.tekst });
    return this.dataSource.transaction(async (manager) => {
      const scope = await leesScope(manager, actor);
      const verantwoording = await laadVerantwoording(manager, scope, id);
      if (verantwoording.status !== 'ingediend')
        throw new BeoordelingNietMogelijkError(
          `Beoordelingsopmerkingen plaatst u bij een ingediende kwartaalverantwoording; deze heeft status '${verantwoording.status}'.`,
          verantwoording.status,
        );
      await this.controleerOnderdeel(manager, verantwoording, input);
      const repo = manager.getRepository(Beoordelingsopmerking);
      const opmerking = await repo.save(
        repo.create({
          kwartaalverantwoordingId: id,
          revisie: verantwoording.revisie,
          onderdeel: input.onderdeel,
          onderdeelId: input.onderdeelId ?? null,
          tekst: input.tekst,
          auteurId: actor.gebruikerId,
        }),
      );
      const opgeslagen = await repo.findOneByOrFail({ id: opmerking.id });
      const response = toOpmerkingResponse(opgeslagen, new Map([[actor.gebruikerId, actor.naam]]));
      await this.audit.record(manager, actor, {
        action: 'opmerking-geplaatst',
        entityType: AUDIT_TYPE,
        entityId: id,
        after: response,
      });
      return response;
    });
  }

  /** onderdeelId must name an item of this account, and only for items that have one. */
  private async controleerOnderdeel(
    manager: EntityManager,
    v: Kwartaalverantwoording,
    input: CreateBeoordelingsopmerkingRequest,
  ): Promise<void> {
    const onderdeelId = input.onderdeelId;
    if (!onderdeelId) return;
    const fout = (reason: string) => new ValidationError([{ name: 'onderdeelId', reason }]);
    if (!MET_ONDERDEEL_ID.includes(input.onderdeel))
      throw fout(`bij onderdeel ${input.onderdeel} hoort geen onderdeelId`);
    if (input.onderdeel === 'kpi-waarde') {
      const verwachting = await laadVerwachting(manager, v);
      const gerapporteerd = await manager
        .getRepository(KpiWaarde)
        .existsBy({ kwartaalverantwoordingId: v.id, kpiId: onderdeelId });
      if (!verwachting.kpis.has(onderdeelId) && !gerapporteerd)
        throw fout('onderdeelId moet een KPI van deze kwartaalverantwoording zijn');
    } else if (input.onderdeel === 'casus') {
      const bestaat = await manager.getRepository(Casus).existsBy({
        id: onderdeelId,
        gemeenteId: v.gemeenteId,
        aanbiederId: v.aanbiederId,
        periode: v.periode,
      });
      if (!bestaat)
        throw fout('onderdeelId moet een casus van deze aanbieder en dit kwartaal zijn');
    } else {
      const bestaat = await manager.getRepository(Signaal).existsBy({
        id: onderdeelId,
        gemeenteId: v.gemeenteId,
        organisatieId: v.aanbiederId,
        periode: v.periode,
      });
      if (!bestaat)
        throw fout('onderdeelId moet een signaal van deze aanbieder en dit kwartaal zijn');
    }
  }

  async lijst(
    actor: Actor,
    id: string,
    query: PageQuery,
  ): Promise<[BeoordelingsopmerkingResponse[], number]> {
    const manager = this.dataSource.manager;
    const scope = await leesScope(manager, actor);
    await laadVerantwoording(manager, scope, id);
    const alle = await manager.getRepository(Beoordelingsopmerking).find({
      where: { kwartaalverantwoordingId: id },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const zichtbaar = await this.zichtbaarVoor(manager, scope, alle);
    const start = (query.page - 1) * query.pageSize;
    const pagina = zichtbaar.slice(start, start + query.pageSize);
    const namen = await gebruikerNamen(
      manager,
      actor.gemeenteId,
      pagina.flatMap((o) => [o.auteurId, o.reactieDoorId]),
    );
    return [pagina.map((o) => toOpmerkingResponse(o, namen)), zichtbaar.length];
  }

  /** A ketenregisseur sees the remarks on items of their ketens and on the account as a whole. */
  private async zichtbaarVoor(
    manager: EntityManager,
    scope: LeesScope,
    opmerkingen: Beoordelingsopmerking[],
  ): Promise<Beoordelingsopmerking[]> {
    const eigen = scope.ketenIds;
    if (!eigen) return opmerkingen;
    const ids = (onderdeel: string) =>
      opmerkingen
        .filter((o) => o.onderdeel === onderdeel && o.onderdeelId)
        .map((o) => o.onderdeelId!);
    const ketens = new Map<string, string[]>();
    const kpiIds = ids('kpi-waarde');
    const casusIds = ids('casus');
    const signaalIds = ids('signaal');
    if (kpiIds.length)
      for (const k of await manager.getRepository(Kpi).findBy({ id: In(kpiIds) }))
        ketens.set(k.id, k.ketenIds);
    if (casusIds.length)
      for (const c of await manager.getRepository(Casus).findBy({ id: In(casusIds) }))
        ketens.set(c.id, c.ketenIds);
    if (signaalIds.length)
      for (const s of await manager.getRepository(Signaal).findBy({ id: In(signaalIds) }))
        ketens.set(s.id, s.ketenIds);
    return opmerkingen.filter(
      (o) =>
        !MET_ONDERDEEL_ID.includes(o.onderdeel) ||
        !o.onderdeelId ||
        (ketens.get(o.onderdeelId) ?? []).some((k) => eigen.includes(k)),
    );
  }

  /** The aanbieder answers while the account is returned or back in concept. */
  async reageer(
    actor: Actor,
    id: string,
    opmerkingId: string,
    input: CreateBeoordelingsreactieRequest,
  ): Promise<BeoordelingsopmerkingResponse> {
    weigerIdentificatoren('Beoordelingsopmerking', { reactie: input.reactie });
    return this.dataSource.transaction(async (manager) => {
      const scope = await leesScope(manager, actor);
      const verantwoording = await laadVerantwoording(manager, scope, id);
      const repo = manager.getRepository(Beoordelingsopmerking);
      const before = await repo.findOne({
        where: { id: opmerkingId, kwartaalverantwoordingId: id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!before) throw new NotFoundError('Beoordelingsopmerking', opmerkingId);
      if (verantwoording.status !== 'teruggezet' && verantwoording.status !== 'concept')
        throw new BeoordelingNietMogelijkError(
          verantwoording.status === 'ingediend'
            ? 'Deze kwartaalverantwoording ligt ter beoordeling bij de gemeente; u kunt reageren zodra zij is teruggezet.'
            : 'Deze kwartaalverantwoording is vastgesteld; een reactie is niet meer mogelijk. Maak zo nodig een nieuwe revisie.',
          verantwoording.status,
        );
      await repo.update(
        { id: opmerkingId },
        { reactie: input.reactie, reactieDoorId: actor.gebruikerId, reactieOp: new Date() },
      );
      const after = await repo.findOneByOrFail({ id: opmerkingId });
      const namen = await gebruikerNamen(manager, actor.gemeenteId, [
        after.auteurId,
        after.reactieDoorId,
      ]);
      const response = toOpmerkingResponse(after, namen);
      await this.audit.record(manager, actor, {
        action: 'reactie-gegeven',
        entityType: AUDIT_TYPE,
        entityId: id,
        before: toOpmerkingResponse(before, namen),
        after: response,
      });
      return response;
    });
  }
}

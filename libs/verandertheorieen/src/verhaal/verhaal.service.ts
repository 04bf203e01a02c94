import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  aanbiederScope,
  AuditService,
  NotFoundError,
  skipTake,
  ValidationError,
  weigerIdentificatoren,
} from '@wijkkompas/core';
import { Casus } from '@wijkkompas/verantwoording';
import { StrategieVerhaal } from '../strategie';
import { TheorieInhoud } from '../verandertheorie/inhoud';
import { vereisSchrijfrecht, zichtbareTheorie } from '../verandertheorie/toegang';
import { controleerIfMatch } from '../verandertheorie/if-match';
import { Verandertheorie } from '../verandertheorie/verandertheorie.entity';
import { aanbiedersVan, huidigeVersie } from '../verandertheorie/verandertheorie.opslag';
import { CasusElement } from './casus-element.entity';
import { VerhaalQuery, VerhaalResponse, ZetVerhaalElementenRequest } from './verhaal.dto';
import { verhalenBijTheorie } from './verhalen';

/**
 * The case stories that show what a theory's elements look like in practice, read with the
 * given EntityManager: those linked to the theory explicitly, and those illustrating a KPI
 * that evidences an element. Optionally of one quarter and one aanbieder.
 */
export async function laadVerhaalCasussen(
  manager: EntityManager,
  theorie: Verandertheorie,
  inhoud: TheorieInhoud,
  filter: { periode?: string; aanbiederId?: string } = {},
): Promise<{ casussen: Casus[]; koppelingen: CasusElement[]; verhalen: StrategieVerhaal[] }> {
  const koppelingen = await manager
    .getRepository(CasusElement)
    .find({ where: { theorieId: theorie.id }, order: { createdAt: 'ASC' } });
  const kpiIds = [...new Set(inhoud.kpiBewijzen.map((b) => b.kpiId))];
  const gekoppeld = [...new Set(koppelingen.map((k) => k.casusId))];
  if (!kpiIds.length && !gekoppeld.length) return { casussen: [], koppelingen, verhalen: [] };
  const builder = manager
    .getRepository(Casus)
    .createQueryBuilder('c')
    .where('c.gemeente_id = :gemeenteId', { gemeenteId: theorie.gemeenteId })
    .andWhere(
      new Brackets((of) => {
        of.where('c.id = ANY(:gekoppeld::uuid[])', { gekoppeld });
        of.orWhere('c.kpi_ids && :kpiIds::uuid[]', { kpiIds });
      }),
    )
    .orderBy('c.periode', 'DESC')
    .addOrderBy('c.titel')
    .addOrderBy('c.id');
  if (filter.periode) builder.andWhere('c.periode = :periode', { periode: filter.periode });
  if (filter.aanbiederId)
    builder.andWhere('c.aanbieder_id = :aanbiederId', { aanbiederId: filter.aanbiederId });
  const casussen = await builder.getMany();
  return { casussen, koppelingen, verhalen: verhalenBijTheorie(inhoud, casussen, koppelingen) };
}

/** Linking case stories to the outcomes and activities they show. */
@Injectable()
export class VerhaalService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async findPage(
    actor: Actor,
    id: string,
    query: VerhaalQuery,
  ): Promise<[VerhaalResponse[], number]> {
    const manager = this.dataSource.manager;
    const theorie = await zichtbareTheorie(manager, actor, id);
    const versie = await huidigeVersie(manager, theorie);
    const { casussen, koppelingen, verhalen } = await laadVerhaalCasussen(
      manager,
      theorie,
      versie.inhoud,
      { periode: query.periode, aanbiederId: aanbiederScope(actor) },
    );
    const items = casussen.flatMap((c) => {
      const verhaal = verhalen.find((v) => v.id === c.id);
      return verhaal ? [toVerhaalResponse(c, koppelingen, verhaal.elementIds)] : [];
    });
    const { skip, take } = skipTake(query);
    return [items.slice(skip, skip + take), items.length];
  }

  async koppel(
    actor: Actor,
    id: string,
    casusId: string,
    ifMatch: string | undefined,
    input: ZetVerhaalElementenRequest,
  ): Promise<VerhaalResponse> {
    weigerIdentificatoren('Verandertheorie', { toelichting: input.toelichting });
    return this.dataSource.transaction(async (manager) => {
      const theorie = await zichtbareTheorie(manager, actor, id, true);
      vereisSchrijfrecht(actor, 'verhaal');
      controleerIfMatch(ifMatch, theorie.huidigeVersie, false);
      const eigen = aanbiederScope(actor);
      const casus = await manager
        .getRepository(Casus)
        .findOneBy({ id: casusId, gemeenteId: theorie.gemeenteId });
      if (!casus || (eigen && casus.aanbiederId !== eigen))
        throw new NotFoundError('Casusverhaal', casusId);
      if (!(await this.isMeeschrijver(manager, theorie, casus.aanbiederId)))
        throw new ValidationError([
          {
            name: 'casusId',
            reason:
              'dit casusverhaal is van een aanbieder die niet aan deze verandertheorie meeschrijft',
          },
        ]);
      const inhoud = (await huidigeVersie(manager, theorie)).inhoud;
      const fouten = input.elementIds.flatMap((elementId) => {
        const element = inhoud.elementen.find((e) => e.id === elementId);
        if (!element)
          return [
            {
              name: 'elementIds',
              reason: `element ${elementId} staat niet in deze verandertheorie`,
            },
          ];
        if (element.soort === 'ambitie')
          return [
            {
              name: 'elementIds',
              reason: 'een casusverhaal laat een activiteit of uitkomst zien, niet de ambitie zelf',
            },
          ];
        return [];
      });
      if (fouten.length) throw new ValidationError(fouten);
      const repo = manager.getRepository(CasusElement);
      const voor = await repo.find({ where: { theorieId: id, casusId } });
      await repo.delete({ theorieId: id, casusId });
      if (input.elementIds.length)
        await repo.insert(
          input.elementIds.map((elementId) => ({
            theorieId: id,
            casusId,
            elementId,
            gekoppeldDoorId: actor.gebruikerId,
          })),
        );
      const koppelingen = await repo.find({ where: { theorieId: id } });
      const elementIds =
        verhalenBijTheorie(inhoud, [casus], koppelingen).find((v) => v.id === casusId)
          ?.elementIds ?? [];
      const response = toVerhaalResponse(casus, koppelingen, elementIds);
      await this.audit.record(manager, actor, {
        action: 'verhaal-gekoppeld',
        entityType: 'verandertheorie',
        entityId: id,
        before: { casusId, elementIds: voor.map((k) => k.elementId) },
        after: { ...response, toelichting: input.toelichting ?? null },
      });
      return response;
    });
  }

  private async isMeeschrijver(
    manager: EntityManager,
    theorie: Verandertheorie,
    aanbiederId: string,
  ): Promise<boolean> {
    if (theorie.aanbiederId) return theorie.aanbiederId === aanbiederId;
    if (theorie.aanvullendeOpdrachtId)
      return (await aanbiedersVan(manager, theorie.aanvullendeOpdrachtId)).includes(aanbiederId);
    return true;
  }
}

function toVerhaalResponse(
  casus: Casus,
  koppelingen: readonly CasusElement[],
  elementIds: readonly string[],
): VerhaalResponse {
  return {
    casusId: casus.id,
    titel: casus.titel,
    periode: casus.periode,
    aanbiederId: casus.aanbiederId,
    gekoppeldeElementIds: koppelingen.filter((k) => k.casusId === casus.id).map((k) => k.elementId),
    elementIds: [...elementIds],
  };
}

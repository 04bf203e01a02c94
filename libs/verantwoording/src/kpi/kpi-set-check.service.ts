import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Actor, aanbiederScope, NotFoundError } from '@wijkkompas/core';
import {
  AanvullendeOpdracht,
  AanvullendeOpdrachtAanbieder,
  Doel,
  Hoofdopdracht,
  vandaag,
} from '@wijkkompas/opdrachten';
import { controleerKpiSet, KpiSetCheckUitkomst } from '../kpi-set-check';
import { KpiNormService } from './kpi-norm.service';
import { KpiSetRegelRegistry } from './kpi-set-regel.registry';
import { KpiSetBronDoel, naarKpiSetInput, normPeriodes } from './kpi-set-invoer';
import { KpiMetVersie } from './kpi.dto';
import { KpiService } from './kpi.service';

export interface KpiSetCheckResultaat extends KpiSetCheckUitkomst {
  opdrachtSoort: 'hoofdopdracht' | 'aanvullende-opdracht';
  opdrachtId: string;
  opdrachtTitel: string;
  peildatum: string;
  normPeriodes: string[];
}

/**
 * The KPI-set check of one opdracht (brief §3): loads its active KPIs with the definition in
 * force, their norms and the doelen, runs the pure check and then the registered extra rules.
 * Readable by every gemeente user and by the aanbieder(s) carrying out the opdracht.
 */
@Injectable()
export class KpiSetCheckService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kpis: KpiService,
    private readonly normen: KpiNormService,
    private readonly registry: KpiSetRegelRegistry,
  ) {}

  async voorHoofdopdracht(
    actor: Actor,
    id: string,
    peildatum = vandaag(),
  ): Promise<KpiSetCheckResultaat> {
    const manager = this.dataSource.manager;
    const eigen = aanbiederScope(actor);
    const hoofdopdracht = await manager.getRepository(Hoofdopdracht).findOneBy({
      id,
      gemeenteId: actor.gemeenteId,
      ...(eigen ? { aanbiederId: eigen } : {}),
    });
    if (!hoofdopdracht) throw new NotFoundError('Hoofdopdracht', id);
    const doelen = await manager.getRepository(Doel).find({
      where: { hoofdopdrachtId: id, gemeenteId: actor.gemeenteId },
      order: { createdAt: 'ASC' },
    });
    return this.controleer(
      actor.gemeenteId,
      'hoofdopdracht',
      hoofdopdracht.id,
      hoofdopdracht.titel,
      () => Promise.resolve(doelen),
      peildatum,
    );
  }

  /**
   * An aanvullende opdracht has no goal tree of its own: its KPIs may evidence any doel of
   * the gemeente, and the doelen checked are the ones they link to. So the check reports its
   * unmeasurable KPIs, KPIs without a doel and output-only steering, never a doel without KPI.
   */
  async voorAanvullendeOpdracht(
    actor: Actor,
    id: string,
    peildatum = vandaag(),
  ): Promise<KpiSetCheckResultaat> {
    const manager = this.dataSource.manager;
    const opdracht = await manager
      .getRepository(AanvullendeOpdracht)
      .findOneBy({ id, gemeenteId: actor.gemeenteId });
    const eigen = aanbiederScope(actor);
    if (
      !opdracht ||
      (eigen &&
        !(await manager
          .getRepository(AanvullendeOpdrachtAanbieder)
          .existsBy({ opdrachtId: id, aanbiederId: eigen })))
    )
      throw new NotFoundError('Aanvullende opdracht', id);
    return this.controleer(
      actor.gemeenteId,
      'aanvullende-opdracht',
      opdracht.id,
      opdracht.titel,
      async (kpis) => {
        const doelIds = [...new Set(kpis.flatMap((k) => k.kpi.doelIds))];
        const doelen = doelIds.length
          ? await manager
              .getRepository(Doel)
              .findBy({ id: In(doelIds), gemeenteId: actor.gemeenteId })
          : [];
        // Only the linked doelen, each standing alone: their parents belong to another opdracht.
        return doelen.map((d) => ({ ...d, parentId: null }));
      },
      peildatum,
    );
  }

  private async controleer(
    gemeenteId: string,
    opdrachtSoort: 'hoofdopdracht' | 'aanvullende-opdracht',
    opdrachtId: string,
    opdrachtTitel: string,
    laadDoelen: (kpis: KpiMetVersie[]) => Promise<readonly KpiSetBronDoel[]>,
    peildatum: string,
  ): Promise<KpiSetCheckResultaat> {
    const manager = this.dataSource.manager;
    const kpis = await this.kpis.vanOpdracht(manager, gemeenteId, {
      hoofdopdrachtId: opdrachtSoort === 'hoofdopdracht' ? opdrachtId : null,
      aanvullendeOpdrachtId: opdrachtSoort === 'aanvullende-opdracht' ? opdrachtId : null,
    });
    const normen = await this.normen.normenVan(
      manager,
      kpis.map((k) => k.kpi.id),
    );
    const input = naarKpiSetInput(
      kpis.map(({ kpi, versie }) => ({
        id: kpi.id,
        code: kpi.code,
        doelIds: kpi.doelIds,
        definitie: versie,
        normen: normen.filter((n) => n.kpiId === kpi.id),
      })),
      await laadDoelen(kpis),
      peildatum,
    );
    const uitkomst = controleerKpiSet(input);
    const context = { manager, gemeenteId, opdrachtSoort, opdrachtId, peildatum };
    for (const { regel } of this.registry.alle())
      uitkomst.bevindingen.push(...(await regel(input, context)));
    return {
      opdrachtSoort,
      opdrachtId,
      opdrachtTitel,
      peildatum,
      normPeriodes: normPeriodes(peildatum),
      ...uitkomst,
    };
  }
}

import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  KpiSetBevinding,
  KpiSetCheckContext,
  KpiSetInput,
  KpiSetRegelRegistry,
  kwartaalVan,
} from '@wijkkompas/verantwoording';
import { strategieKpiSetRegel } from '../strategie';
import { Verandertheorie } from '../verandertheorie/verandertheorie.entity';
import { versieVanPeriode } from '../verandertheorie/verandertheorie.opslag';
import { laadVerhaalCasussen } from '../verhaal/verhaal.service';

export const STRATEGIE_REGEL = 'verandertheorie-strategie';

/**
 * The KPI-set check's Ebrahim rule (brief §3): for each theory of change of the opdracht being
 * checked, in the version in force in the quarter of the peildatum, whether the KPI types fit
 * its strategy ('strategie-kpi-mismatch') and which outcomes have neither a KPI nor a case
 * story of that quarter ('outcome-zonder-bewijs'). An opdracht without a theory gets neither.
 */
@Injectable()
export class StrategieKpiSetRegel implements OnModuleInit {
  constructor(private readonly registry: KpiSetRegelRegistry) {}

  onModuleInit(): void {
    this.registry.register(STRATEGIE_REGEL, (input, context) => this.controleer(input, context));
  }

  async controleer(input: KpiSetInput, context: KpiSetCheckContext): Promise<KpiSetBevinding[]> {
    const { manager, gemeenteId, opdrachtSoort, opdrachtId } = context;
    const theorieen = await manager.getRepository(Verandertheorie).find({
      where:
        opdrachtSoort === 'hoofdopdracht'
          ? { gemeenteId, hoofdopdrachtId: opdrachtId }
          : { gemeenteId, aanvullendeOpdrachtId: opdrachtId },
      order: { titel: 'ASC', id: 'ASC' },
    });
    const periode = kwartaalVan(context.peildatum);
    const bevindingen: KpiSetBevinding[] = [];
    for (const theorie of theorieen) {
      const versie = await versieVanPeriode(manager, theorie.id, periode);
      if (!versie) continue;
      const { verhalen } = await laadVerhaalCasussen(manager, theorie, versie.inhoud, { periode });
      const regel = strategieKpiSetRegel({
        strategie: versie.inhoud.strategie,
        titel: versie.inhoud.titel,
        elementen: versie.inhoud.elementen,
        kpiBewijzen: versie.inhoud.kpiBewijzen,
        verhalen,
      });
      for (const b of regel(input))
        bevindingen.push({
          code: b.code,
          ernst: b.ernst,
          melding: b.melding,
          kpiIds: b.kpiIds,
          doelIds: b.doelIds,
        });
    }
    return bevindingen;
  }
}

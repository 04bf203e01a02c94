import type { EntityManager } from 'typeorm';
import { ValidationError } from '@wijkkompas/core';
import type { KpiEenheid, KpiRichting } from '../kpi-status';
import { Indicator } from './indicator.entity';
import { IndicatorPastNietError } from './indicator.errors';

const EENHEID: Record<KpiEenheid, string> = {
  aantal: 'een aantal',
  percentage: 'een percentage',
  euro: 'euro’s',
  dagen: 'dagen',
  score: 'een score',
};

/**
 * Why a KPI with this unit and direction cannot adopt the indicator, in Dutch; null when it
 * can. Pure, for the service and its tests.
 */
export function indicatorPastNiet(
  indicator: { code: string; eenheid: KpiEenheid; richting: KpiRichting },
  kpi: { eenheid: KpiEenheid; richting: KpiRichting },
): string | null {
  if (indicator.eenheid !== kpi.eenheid)
    return `Indicator ${indicator.code} meet ${EENHEID[indicator.eenheid]}, de KPI ${EENHEID[kpi.eenheid]}.`;
  if (indicator.richting !== kpi.richting)
    return `Bij indicator ${indicator.code} is ${indicator.richting.replace(/-/g, ' ')}, bij de KPI ${kpi.richting.replace(/-/g, ' ')}.`;
  return null;
}

/** 400 when the indicator is not the gemeente's, 422 when unit or direction differ. */
export async function vereisPassendeIndicator(
  manager: EntityManager,
  gemeenteId: string,
  indicatorId: string,
  kpi: { eenheid: KpiEenheid; richting: KpiRichting },
): Promise<Indicator> {
  const indicator = await manager
    .getRepository(Indicator)
    .findOneBy({ id: indicatorId, gemeenteId });
  if (!indicator)
    throw new ValidationError([
      { name: 'indicatorId', reason: `indicator ${indicatorId} bestaat niet in deze gemeente` },
    ]);
  const reden = indicatorPastNiet(indicator, kpi);
  if (reden) throw new IndicatorPastNietError(reden);
  return indicator;
}

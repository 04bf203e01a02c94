/**
 * The trend of a goal's KPIs as numbers: one table per goal, a row per KPI, a column per
 * quarter of the trend window (at most the last 8), each cell the realisation with that
 * quarter's streefwaarde under it. The sparkline shows the shape; this shows the figures.
 */
import type { KpiGroep } from '../sections/kpis.sectie';
import { escapeHtml as e } from './escape';
import { formatKpiWaarde, formatPeriode } from './format';

export const TREND_KWARTALEN = 8;

export function trendTabelHtml(groep: KpiGroep): string {
  const kwartalen = [...new Set(groep.kpis.flatMap((k) => k.trend.map((p) => p.periode)))]
    .sort()
    .slice(-TREND_KWARTALEN);
  if (kwartalen.length === 0) return '';
  const rijen = groep.kpis
    .map((rij) => {
      const perKwartaal = new Map(rij.trend.map((p) => [p.periode, p]));
      const cellen = kwartalen
        .map((kwartaal) => {
          const punt = perKwartaal.get(kwartaal);
          const waarde =
            punt?.waarde === null || punt?.waarde === undefined
              ? '–'
              : formatKpiWaarde(punt.waarde, rij.eenheid);
          const norm =
            punt?.streefwaarde === null || punt?.streefwaarde === undefined
              ? ''
              : `<br><span class="klein">norm ${e(formatKpiWaarde(punt.streefwaarde, rij.eenheid))}</span>`;
          return `<td class="getal">${e(waarde)}${norm}</td>`;
        })
        .join('');
      return `<tr><th scope="row"><span class="code">${e(rij.code)}</span> ${e(rij.naam)}</th>${cellen}</tr>`;
    })
    .join('');
  return `<table class="kpi-trend"><caption>${e(
    `Trend per kwartaal: realisatie met de streefwaarde (norm) van dat kwartaal, ${groep.titel}`,
  )}</caption><thead><tr><th scope="col">KPI</th>${kwartalen
    .map((k) => `<th scope="col" class="getal">${e(formatPeriode(k))}</th>`)
    .join('')}</tr></thead><tbody>${rijen}</tbody></table>`;
}

import { KpiSetDoel, KpiSetInput, KpiSetKpi } from '../kpi-set-check';
import { normVoorPeriode } from '../kpi-status';
import { kwartaalVan, volgendKwartaal } from '../periode/kwartaal';
import { KpiDefinitie } from './kpi-definitie';

/**
 * The quarters whose norm counts for "this KPI has a target" on a date: the current quarter
 * and the next one (a set being prepared for next quarter is not flagged). Each falls back to
 * the year norm of its year, so a year norm for the current year counts too.
 */
export function normPeriodes(peildatum: string): [string, string] {
  const huidig = kwartaalVan(peildatum);
  return [huidig, volgendKwartaal(huidig)];
}

export function heeftNormRond(normen: readonly { periode: string }[], peildatum: string): boolean {
  return normPeriodes(peildatum).some((periode) => normVoorPeriode(normen, periode) !== null);
}

export interface KpiSetBronKpi {
  id: string;
  code: string;
  doelIds: readonly string[];
  definitie: Pick<
    KpiDefinitie,
    'naam' | 'type' | 'eenheid' | 'definitie' | 'teller' | 'noemer' | 'bron'
  >;
  normen: readonly { periode: string }[];
}

export interface KpiSetBronDoel {
  id: string;
  titel: string;
  niveau: string;
  themas: readonly string[];
  parentId: string | null;
}

/** The database rows of one opdracht as the pure KPI-set check reads them. */
export function naarKpiSetInput(
  kpis: readonly KpiSetBronKpi[],
  doelen: readonly KpiSetBronDoel[],
  peildatum: string,
): KpiSetInput {
  return {
    kpis: kpis.map((kpi): KpiSetKpi => ({
      id: kpi.id,
      code: kpi.code,
      naam: kpi.definitie.naam,
      type: kpi.definitie.type,
      eenheid: kpi.definitie.eenheid,
      definitie: kpi.definitie.definitie,
      teller: kpi.definitie.teller,
      noemer: kpi.definitie.noemer,
      bron: kpi.definitie.bron,
      heeftNorm: heeftNormRond(kpi.normen, peildatum),
      doelIds: kpi.doelIds,
    })),
    doelen: doelen.map((doel): KpiSetDoel => ({
      id: doel.id,
      titel: doel.titel,
      niveau: doel.niveau,
      themas: doel.themas,
      parentId: doel.parentId,
    })),
  };
}

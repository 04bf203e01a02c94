import { naarDecimaal } from '../decimaal';
import { aggregeer } from '../kwartaalverantwoording/aggregatie';
import {
  berekenKpiStatus,
  KpiAggregatie,
  KpiEenheid,
  KpiNorm,
  KpiRichting,
  KpiStatus,
  normVoorPeriode,
} from '../kpi-status';

/**
 * One indicator read side by side across aanbieders for one quarter: the pure part. The
 * loader (indicator-vergelijking.loader.ts) reads the KPIs that adopt the indicators, their
 * norms and the figures of the latest submitted or adopted accounts in four queries; this
 * turns them into one row per aanbieder and KPI with the value, the norm and the status of
 * the existing status function, and the percelen where the KPI is reported per perceel.
 */

export interface VergelijkingKpi {
  indicatorId: string;
  kpiId: string;
  code: string;
  naam: string;
  /** The KPI version in force in the quarter. */
  versie: number;
  eenheid: KpiEenheid;
  richting: KpiRichting;
  aggregatie: KpiAggregatie;
  perPerceel: boolean;
  opdrachtSoort: 'hoofdopdracht' | 'aanvullende-opdracht';
  opdrachtId: string;
  opdrachtTitel: string;
  aanbiederId: string;
  aanbiederNaam: string;
}

export interface VergelijkingNorm extends KpiNorm {
  kpiId: string;
  periode: string;
  streefwaarde: string;
  tolerantieLetOp: string;
  tolerantieUitKoers: string;
}

export interface VergelijkingWaarde {
  kpiId: string;
  aanbiederId: string;
  perceelId: string | null;
  perceelNaam: string | null;
  waarde: string;
  gewicht: string | null;
}

export interface VergelijkingPerceel {
  perceelId: string;
  perceelNaam: string;
  waarde: string;
  status: KpiStatus;
  statusToelichting: string;
}

export interface VergelijkingRij {
  aanbiederId: string;
  aanbiederNaam: string;
  kpiId: string;
  kpiCode: string;
  kpiNaam: string;
  kpiVersie: number;
  opdrachtSoort: 'hoofdopdracht' | 'aanvullende-opdracht';
  opdrachtId: string;
  opdrachtTitel: string;
  /** The aanbieder's figure (aggregated over its percelen where reported per perceel). */
  waarde: string | null;
  norm: { streefwaarde: string; tolerantieLetOp: string; tolerantieUitKoers: string } | null;
  status: KpiStatus;
  statusToelichting: string;
  percelen: VergelijkingPerceel[];
}

export interface VergelijkingInvoer {
  periode: string;
  kpis: readonly VergelijkingKpi[];
  normen: readonly VergelijkingNorm[];
  waarden: readonly VergelijkingWaarde[];
}

function vergelijkTekst(a: string, b: string): number {
  return a.localeCompare(b, 'nl', { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Rows per indicator id, each list ordered by aanbieder name, then KPI code. */
export function vergelijkIndicatoren(invoer: VergelijkingInvoer): Map<string, VergelijkingRij[]> {
  const normenPerKpi = new Map<string, VergelijkingNorm[]>();
  for (const n of invoer.normen)
    normenPerKpi.set(n.kpiId, [...(normenPerKpi.get(n.kpiId) ?? []), n]);
  const waardenPer = new Map<string, VergelijkingWaarde[]>();
  for (const w of invoer.waarden) {
    const sleutel = `${w.kpiId}|${w.aanbiederId}`;
    waardenPer.set(sleutel, [...(waardenPer.get(sleutel) ?? []), w]);
  }

  const uitkomst = new Map<string, VergelijkingRij[]>();
  for (const kpi of invoer.kpis) {
    const norm = normVoorPeriode(normenPerKpi.get(kpi.kpiId) ?? [], invoer.periode);
    const waarden = waardenPer.get(`${kpi.kpiId}|${kpi.aanbiederId}`) ?? [];
    const perceelWaarden = kpi.perPerceel
      ? waarden
          .filter((w) => w.perceelId !== null)
          .sort((a, b) => vergelijkTekst(a.perceelNaam ?? '', b.perceelNaam ?? ''))
      : [];
    let waarde: string | null;
    let aggregatieMelding: string | null = null;
    if (kpi.perPerceel) {
      const totaal = aggregeer(
        kpi.aggregatie,
        perceelWaarden.map((w) => ({
          waarde: w.waarde,
          gewicht: w.gewicht,
          label: w.perceelNaam ?? undefined,
        })),
      );
      waarde = totaal.waarde;
      if (totaal.waarde === null && perceelWaarden.length) aggregatieMelding = totaal.melding;
    } else {
      waarde = waarden.find((w) => w.perceelId === null)?.waarde ?? null;
    }
    const status = berekenKpiStatus({
      waarde,
      norm,
      richting: kpi.richting,
      eenheid: kpi.eenheid,
    });
    const rij: VergelijkingRij = {
      aanbiederId: kpi.aanbiederId,
      aanbiederNaam: kpi.aanbiederNaam,
      kpiId: kpi.kpiId,
      kpiCode: kpi.code,
      kpiNaam: kpi.naam,
      kpiVersie: kpi.versie,
      opdrachtSoort: kpi.opdrachtSoort,
      opdrachtId: kpi.opdrachtId,
      opdrachtTitel: kpi.opdrachtTitel,
      waarde: waarde === null ? null : naarDecimaal(waarde),
      norm: norm
        ? {
            streefwaarde: naarDecimaal(norm.streefwaarde) ?? norm.streefwaarde,
            tolerantieLetOp: naarDecimaal(norm.tolerantieLetOp) ?? norm.tolerantieLetOp,
            tolerantieUitKoers: naarDecimaal(norm.tolerantieUitKoers) ?? norm.tolerantieUitKoers,
          }
        : null,
      status: status.status,
      statusToelichting: aggregatieMelding ?? status.toelichting,
      percelen: perceelWaarden.map((w) => {
        const s = berekenKpiStatus({
          waarde: w.waarde,
          norm,
          richting: kpi.richting,
          eenheid: kpi.eenheid,
        });
        return {
          perceelId: w.perceelId!,
          perceelNaam: w.perceelNaam ?? '',
          waarde: naarDecimaal(w.waarde) ?? w.waarde,
          status: s.status,
          statusToelichting: s.toelichting,
        };
      }),
    };
    uitkomst.set(kpi.indicatorId, [...(uitkomst.get(kpi.indicatorId) ?? []), rij]);
  }
  for (const rijen of uitkomst.values())
    rijen.sort(
      (a, b) =>
        vergelijkTekst(a.aanbiederNaam, b.aanbiederNaam) ||
        vergelijkTekst(a.kpiCode, b.kpiCode) ||
        vergelijkTekst(a.aanbiederId, b.aanbiederId),
    );
  return uitkomst;
}

/** The aanbieders (distinct) whose figure for the indicator is uit koers. */
export function aanbiedersUitKoers(rijen: readonly VergelijkingRij[]): string[] {
  return [...new Set(rijen.filter((r) => r.status === 'uit-koers').map((r) => r.aanbiederId))];
}

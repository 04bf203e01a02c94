/**
 * The picture of one KPI in one quarter: realisation per perceel and in total, the norm
 * that applies, the status, and the trend over the quarters before. Pure; the context
 * memoises it so the KPI table and the agenda share one computation.
 */
import {
  aggregeer,
  berekenKpiStatus,
  Datakwaliteit,
  Decimaal,
  deelDecimaal,
  KpiAggregatie,
  KpiStatus,
  naarDecimaal,
  normVoorPeriode,
  slechtsteDatakwaliteit,
} from '@wijkkompas/verantwoording';
import { DossierKpi, DossierKpiNorm, DossierKpiWaarde, DossierPerceel } from './snapshot';

const TOELICHTING_DECIMALEN = 2;

export type KpiStatusReden = 'geen-streefwaarde' | 'geen-waarde' | 'ongeldige-norm' | null;

export interface PerceelRealisatie {
  perceelId: string;
  perceelCode: string;
  perceelNaam: string;
  waarde: Decimaal | null;
  gewicht: Decimaal | null;
  datakwaliteit: Datakwaliteit | null;
  /**
   * Against the same norm as the total, except for a KPI that sums up: a perceel's part of
   * a sum has no target of its own, so its status is null.
   */
  status: KpiStatus | null;
}

export interface KpiToelichting {
  /** null: the toelichting on the figure for the whole aanbieder. */
  perceelCode: string | null;
  perceelNaam: string | null;
  tekst: string;
}

/**
 * 'gerapporteerd': the aanbieder reported one figure for all percelen (it wins when both
 * exist); 'berekend': aggregated from the perceel figures; 'ontbreekt': no figure.
 */
export type RealisatieBron = 'gerapporteerd' | 'berekend' | 'ontbreekt';

export interface KwartaalRealisatie {
  periode: string;
  realisatie: Decimaal | null;
  realisatieBron: RealisatieBron;
  /** Perceel figures of the quarter (empty when only a total was reported). */
  perPerceel: PerceelRealisatie[];
  /** Codes of the aanbieder's percelen without a figure, when the total is computed. */
  ontbrekendePercelen: string[];
  /** The least reliable quality flag among the figures used. */
  datakwaliteit: Datakwaliteit | null;
  /** Some figure was reported against another KPI version (definition changed). */
  andereVersie: boolean;
  norm: DossierKpiNorm | null;
  status: KpiStatus;
  statusReden: KpiStatusReden;
  /** Shortfall against the target in the KPI's unit; negative is better. */
  tekort: Decimaal | null;
  statusToelichting: string;
  toelichtingen: KpiToelichting[];
}

export interface TrendPunt {
  periode: string;
  waarde: Decimaal | null;
  streefwaarde: Decimaal | null;
  status: KpiStatus;
  /** Not every perceel reported (only known for the dossier's own quarter). */
  onvolledig: boolean;
  andereVersie: boolean;
}

export interface KpiBeeld {
  kpi: DossierKpi;
  huidig: KwartaalRealisatie;
  /** Oldest first, ending with the dossier's quarter. */
  trend: TrendPunt[];
}

export interface KpiBeeldInvoer {
  kpi: DossierKpi;
  periode: string;
  /** The trend window, oldest first, ending with `periode`. */
  trendKwartalen: readonly string[];
  /** Quarters shown at least, even without figures. */
  trendMinimum: number;
  percelen: readonly DossierPerceel[];
  /** The KPI's figures per quarter. */
  waardenPerKwartaal: ReadonlyMap<string, readonly DossierKpiWaarde[]>;
}

function statusVan(
  kpi: DossierKpi,
  waarde: Decimaal | null,
  norm: DossierKpiNorm | null,
): { status: KpiStatus; reden: KpiStatusReden; tekort: Decimaal | null; toelichting: string } {
  const uitkomst = berekenKpiStatus({ waarde, norm, richting: kpi.richting, eenheid: kpi.eenheid });
  if (uitkomst.status === 'geen-norm') {
    return {
      status: 'geen-norm',
      reden: uitkomst.reden,
      tekort: null,
      toelichting: uitkomst.toelichting,
    };
  }
  // The status is judged on the exact figure; the sentence shows it to two decimals (an
  // average of three percelen would otherwise read "83,333333%"), unless rounding would make
  // the sentence contradict the status.
  let toelichting = uitkomst.toelichting;
  const afgerond = waarde === null ? null : deelDecimaal(waarde, 1, TOELICHTING_DECIMALEN);
  if (afgerond !== null && afgerond !== waarde) {
    const leesbaar = berekenKpiStatus({
      waarde: afgerond,
      norm,
      richting: kpi.richting,
      eenheid: kpi.eenheid,
    });
    if (leesbaar.status === uitkomst.status) toelichting = leesbaar.toelichting;
  }
  return { status: uitkomst.status, reden: null, tekort: uitkomst.tekort, toelichting };
}

function heeftPerceelStatus(aggregatie: KpiAggregatie): boolean {
  return aggregatie !== 'som';
}

/**
 * The figures of one quarter. `verwachtePercelen` is the aanbieder's percelen when known (the
 * dossier's own quarter): a computed total then lists the ones that did not report.
 */
export function berekenKwartaal(
  kpi: DossierKpi,
  periode: string,
  waarden: readonly DossierKpiWaarde[],
  verwachtePercelen: readonly DossierPerceel[] | null,
): KwartaalRealisatie {
  const norm = normVoorPeriode(kpi.normen, periode);
  const totaalWaarde =
    kpi.perPerceel === true ? null : (waarden.find((w) => w.perceelId === null) ?? null);
  const perceelWaarden =
    kpi.perPerceel === false ? [] : waarden.filter((w) => w.perceelId !== null);
  const andereVersie = waarden.some(
    (w) => w.kpiVersie !== null && w.kpiVersie !== undefined && w.kpiVersie !== kpi.versie,
  );
  const toonPercelen =
    perceelWaarden.length > 0 || (kpi.perPerceel === true && (verwachtePercelen?.length ?? 0) > 0);

  const bekend = new Map((verwachtePercelen ?? []).map((p) => [p.id, p]));
  const perceelIds = [
    ...new Set([...bekend.keys(), ...perceelWaarden.map((w) => w.perceelId as string)]),
  ];
  const perPerceel: PerceelRealisatie[] = !toonPercelen
    ? []
    : perceelIds
        .map((perceelId) => {
          const perceel = bekend.get(perceelId);
          const w = perceelWaarden.find((x) => x.perceelId === perceelId) ?? null;
          const waarde = w ? naarDecimaal(w.waarde) : null;
          return {
            perceelId,
            perceelCode: perceel?.code ?? perceelId,
            perceelNaam: perceel?.naam ?? 'Onbekend perceel',
            waarde,
            gewicht: w?.gewicht ? naarDecimaal(w.gewicht) : null,
            datakwaliteit: w?.datakwaliteit ?? null,
            status:
              heeftPerceelStatus(kpi.aggregatie) && waarde !== null
                ? berekenKpiStatus({ waarde, norm, richting: kpi.richting, eenheid: kpi.eenheid })
                    .status
                : null,
          };
        })
        .sort((a, b) =>
          a.perceelCode < b.perceelCode ? -1 : a.perceelCode > b.perceelCode ? 1 : 0,
        );

  let realisatie: Decimaal | null = null;
  let realisatieBron: RealisatieBron = 'ontbreekt';
  let aggregatieMelding: string | null = null;
  let ontbrekendePercelen: string[] = [];
  let datakwaliteit: Datakwaliteit | null = null;
  if (totaalWaarde) {
    realisatie = naarDecimaal(totaalWaarde.waarde);
    realisatieBron = realisatie === null ? 'ontbreekt' : 'gerapporteerd';
    datakwaliteit = totaalWaarde.datakwaliteit;
  } else if (toonPercelen) {
    const gemeten = perPerceel.filter((p) => p.waarde !== null);
    ontbrekendePercelen = perPerceel.filter((p) => p.waarde === null).map((p) => p.perceelCode);
    if (gemeten.length > 0) {
      // The same rule, rounding and wording as the kwartaalverantwoording screen.
      const uitkomst = aggregeer(
        kpi.aggregatie,
        gemeten.map((p) => ({
          waarde: p.waarde as Decimaal,
          gewicht: p.gewicht,
          label: p.perceelNaam,
        })),
      );
      if (uitkomst.waarde !== null) {
        realisatie = uitkomst.waarde;
        realisatieBron = 'berekend';
      } else {
        aggregatieMelding = uitkomst.melding;
      }
      // A total is only as reliable as its parts, and incomplete when a perceel is missing.
      datakwaliteit = slechtsteDatakwaliteit([
        ...gemeten.map((p) => p.datakwaliteit as Datakwaliteit),
        ...(ontbrekendePercelen.length ? (['onvolledig'] as const) : []),
      ]);
    }
  }

  const status = statusVan(kpi, realisatie, norm);
  let statusToelichting = aggregatieMelding ?? status.toelichting;
  if (ontbrekendePercelen.length > 0 && realisatie !== null) {
    statusToelichting += ` Niet elk perceel heeft een waarde ingevuld (ontbreekt: ${ontbrekendePercelen.join(', ')}), dus het totaal is onvolledig.`;
  }

  const toelichtingen: KpiToelichting[] = [];
  if (totaalWaarde?.toelichting?.trim()) {
    toelichtingen.push({
      perceelCode: null,
      perceelNaam: null,
      tekst: totaalWaarde.toelichting.trim(),
    });
  }
  for (const p of perPerceel) {
    const tekst = perceelWaarden.find((w) => w.perceelId === p.perceelId)?.toelichting?.trim();
    if (tekst)
      toelichtingen.push({ perceelCode: p.perceelCode, perceelNaam: p.perceelNaam, tekst });
  }

  return {
    periode,
    realisatie,
    realisatieBron,
    perPerceel,
    ontbrekendePercelen,
    datakwaliteit,
    andereVersie,
    norm,
    status: status.status,
    statusReden: status.reden,
    tekort: status.tekort,
    statusToelichting,
    toelichtingen,
  };
}

/**
 * The KPI in the dossier's quarter plus its trend: the window's quarters from the first one
 * with a figure, but never fewer than `trendMinimum` (a new KPI still shows where figures
 * are missing).
 */
export function bouwKpiBeeld(invoer: KpiBeeldInvoer): KpiBeeld {
  const { kpi, periode, trendKwartalen, waardenPerKwartaal } = invoer;
  const huidig = berekenKwartaal(
    kpi,
    periode,
    waardenPerKwartaal.get(periode) ?? [],
    invoer.percelen,
  );
  const eersteMetWaarde = trendKwartalen.findIndex(
    (k) => (waardenPerKwartaal.get(k) ?? []).length > 0,
  );
  const start = Math.max(
    0,
    Math.min(
      eersteMetWaarde === -1 ? trendKwartalen.length : eersteMetWaarde,
      trendKwartalen.length - invoer.trendMinimum,
    ),
  );
  const trend = trendKwartalen.slice(start).map((kwartaal): TrendPunt => {
    const k =
      kwartaal === periode
        ? huidig
        : berekenKwartaal(kpi, kwartaal, waardenPerKwartaal.get(kwartaal) ?? [], null);
    return {
      periode: kwartaal,
      waarde: k.realisatie,
      streefwaarde: k.norm ? naarDecimaal(k.norm.streefwaarde) : null,
      status: k.status,
      onvolledig: k.ontbrekendePercelen.length > 0,
      andereVersie: k.andereVersie,
    };
  });
  return { kpi, huidig, trend };
}

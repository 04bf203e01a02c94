/**
 * What sections share: options and derived facts computed once per assembly (the KPI
 * pictures, the stories of the quarter). Sections read the snapshot and this context only,
 * never each other's output, so one can be added or removed without touching the rest.
 */
import { bouwKpiBeeld, KpiBeeld } from './kpi-beeld';
import { kwartalenTotEnMet } from './kalender';
import {
  DossierCasus,
  DossierKpi,
  DossierKpiWaarde,
  DossierPerceel,
  DossierSnapshot,
} from './snapshot';

export interface DossierOpties {
  /** The trend shows at least this many quarters (also when older figures are missing)… */
  trendMinimum: number;
  /** …and at most this many, ending with the dossier's quarter. */
  trendMaximum: number;
  /** "Loopt af": an aanvullende opdracht ending within this many days of the peildatum. */
  aflopendBinnenDagen: number;
}

export const STANDAARD_DOSSIER_OPTIES: Readonly<DossierOpties> = {
  trendMinimum: 4,
  trendMaximum: 8,
  aflopendBinnenDagen: 90,
};

export interface DossierContext {
  readonly opties: Readonly<DossierOpties>;
  /** The trend window: `trendMaximum` quarters, oldest first, ending with the dossier's quarter. */
  readonly trendKwartalen: readonly string[];
  /** The aanbieder's percelen, by code. */
  readonly percelen: readonly DossierPerceel[];
  /** The KPIs, by code. */
  readonly kpis: readonly DossierKpi[];
  kpiBeeld(kpiId: string): KpiBeeld | null;
  /** All KPI pictures, by code. */
  kpiBeelden(): readonly KpiBeeld[];
  /** The case stories of the dossier's quarter, by title. */
  casussenVanKwartaal(): readonly DossierCasus[];
}

export const NL_SORTERING = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

export function vergelijkTekst(a: string, b: string): number {
  return NL_SORTERING.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

export function maakDossierContext(
  snapshot: DossierSnapshot,
  opties: Partial<DossierOpties> = {},
): DossierContext {
  const volledig: DossierOpties = { ...STANDAARD_DOSSIER_OPTIES, ...opties };
  if (volledig.trendMinimum < 1 || volledig.trendMaximum < volledig.trendMinimum) {
    throw new RangeError('trendMinimum moet minstens 1 zijn en trendMaximum minstens trendMinimum');
  }
  const trendKwartalen = kwartalenTotEnMet(snapshot.periode, volledig.trendMaximum);
  const inVenster = new Set(trendKwartalen);
  const percelen = [...snapshot.percelen].sort(
    (a, b) => vergelijkTekst(a.code, b.code) || vergelijkTekst(a.id, b.id),
  );
  const kpis = [...snapshot.kpis].sort(
    (a, b) => vergelijkTekst(a.code, b.code) || vergelijkTekst(a.id, b.id),
  );

  const waardenPerKpi = new Map<string, Map<string, DossierKpiWaarde[]>>();
  for (const waarde of snapshot.waarden) {
    if (!inVenster.has(waarde.periode)) continue;
    let perKwartaal = waardenPerKpi.get(waarde.kpiId);
    if (!perKwartaal) waardenPerKpi.set(waarde.kpiId, (perKwartaal = new Map()));
    const lijst = perKwartaal.get(waarde.periode);
    if (lijst) lijst.push(waarde);
    else perKwartaal.set(waarde.periode, [waarde]);
  }

  const beelden = new Map<string, KpiBeeld>();
  const kpiBeeld = (kpiId: string): KpiBeeld | null => {
    const bekend = beelden.get(kpiId);
    if (bekend) return bekend;
    const kpi = kpis.find((k) => k.id === kpiId);
    if (!kpi) return null;
    const beeld = bouwKpiBeeld({
      kpi,
      periode: snapshot.periode,
      trendKwartalen,
      trendMinimum: volledig.trendMinimum,
      percelen,
      waardenPerKwartaal: waardenPerKpi.get(kpiId) ?? new Map(),
    });
    beelden.set(kpiId, beeld);
    return beeld;
  };

  let casussen: DossierCasus[] | null = null;
  return {
    opties: volledig,
    trendKwartalen,
    percelen,
    kpis,
    kpiBeeld,
    kpiBeelden: () => kpis.map((k) => kpiBeeld(k.id) as KpiBeeld),
    casussenVanKwartaal: () =>
      (casussen ??= snapshot.casussen
        .filter((c) => c.periode === snapshot.periode)
        .sort((a, b) => vergelijkTekst(a.titel, b.titel) || vergelijkTekst(a.id, b.id))),
  };
}

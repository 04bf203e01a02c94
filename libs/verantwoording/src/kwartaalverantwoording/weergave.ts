import { Decimaal, naarDecimaal } from '../decimaal';
import {
  berekenKpiStatus,
  KpiAggregatie,
  KpiEenheid,
  KpiFrequentie,
  KpiRichting,
  KpiStatus,
  KpiType,
  normVoorPeriode,
} from '../kpi-status';
import { aggregeer } from './aggregatie';
import { DATAKWALITEITEN, Datakwaliteit } from './kwartaalverantwoording.entity';

/**
 * The figures of a kwartaalverantwoording as people read them: per KPI the values per
 * perceel, the total over the percelen computed with the KPI's own aggregation, each with
 * its status against the norm of the period, and what is still missing. Pure: the service
 * loads the rows, this decides what they mean, and the frozen versions keep the result.
 */

export interface WeergaveNorm {
  periode: string;
  streefwaarde: string;
  tolerantieLetOp: string;
  tolerantieUitKoers: string;
}

export interface WeergaveKpi {
  id: string;
  code: string;
  ketenIds: readonly string[];
  normen: readonly WeergaveNorm[];
}

export interface WeergaveKpiVersie {
  id: string;
  kpiId: string;
  versie: number;
  naam: string;
  type: KpiType;
  eenheid: KpiEenheid;
  richting: KpiRichting;
  aggregatie: KpiAggregatie;
  frequentie: KpiFrequentie;
  perPerceel: boolean;
}

export interface WeergaveWaarde {
  id: string;
  kpiId: string;
  kpiVersieId: string;
  perceelId: string | null;
  waarde: string;
  gewicht: string | null;
  toelichting: string | null;
  bron: string | null;
  datakwaliteit: Datakwaliteit;
}

/** A KPI this account should report on, with the percelen it is expected for. */
export interface VerwachteKpi {
  kpiId: string;
  /** The version a new figure is reported against. */
  kpiVersieId: string;
  /** The percelen expected for a per-perceel KPI; ignored for a KPI reported once. */
  perceelIds: readonly string[];
  /**
   * Whether a figure is due this period: a yearly KPI is only due in the fourth quarter
   * (or a yearly period); it may still be reported earlier.
   */
  verplicht: boolean;
}

export interface WeergaveInvoer {
  periode: string;
  kpis: ReadonlyMap<string, WeergaveKpi>;
  versies: ReadonlyMap<string, WeergaveKpiVersie>;
  perceelNamen: ReadonlyMap<string, string>;
  waarden: readonly WeergaveWaarde[];
  verwacht: readonly VerwachteKpi[];
}

export interface StatusWeergave {
  status: KpiStatus;
  statusToelichting: string;
}

export interface PerceelWaardeWeergave extends StatusWeergave {
  id: string;
  perceelId: string;
  perceelNaam: string;
  waarde: Decimaal;
  gewicht: Decimaal | null;
  toelichting: string | null;
  bron: string | null;
  datakwaliteit: Datakwaliteit;
}

export interface TotaalWeergave extends StatusWeergave {
  /** The value's id when the KPI is reported once for the whole aanbieder. */
  id: string | null;
  waarde: Decimaal | null;
  toelichting: string | null;
  bron: string | null;
  datakwaliteit: Datakwaliteit | null;
  /** Every expected perceel (or the single figure) is there. */
  compleet: boolean;
}

export interface KpiWaardenWeergave {
  kpiId: string;
  kpiVersieId: string;
  code: string;
  naam: string;
  versie: number;
  type: KpiType;
  eenheid: KpiEenheid;
  richting: KpiRichting;
  aggregatie: KpiAggregatie;
  perPerceel: boolean;
  ketenIds: string[];
  norm: WeergaveNorm | null;
  percelen: PerceelWaardeWeergave[];
  totaal: TotaalWeergave;
}

export interface OntbrekendeWaarde {
  kpiId: string;
  code: string;
  naam: string;
  perceelId: string | null;
  perceelNaam: string | null;
  ketenIds: string[];
}

export interface WaardenWeergave {
  waarden: KpiWaardenWeergave[];
  ontbrekend: OntbrekendeWaarde[];
}

const AGGREGATIE_NAAM: Record<KpiAggregatie, string> = {
  som: 'Som',
  gemiddelde: 'Gemiddelde',
  'gewogen-gemiddelde': 'Gewogen gemiddelde',
};

/** The worst data quality among the figures: the total is only as reliable as its parts. */
export function slechtsteDatakwaliteit(kwaliteiten: readonly Datakwaliteit[]): Datakwaliteit {
  return kwaliteiten.reduce<Datakwaliteit>(
    (slechtste, k) =>
      DATAKWALITEITEN.indexOf(k) > DATAKWALITEITEN.indexOf(slechtste) ? k : slechtste,
    'betrouwbaar',
  );
}

function canoniek(waarde: string): Decimaal {
  return naarDecimaal(waarde) ?? waarde;
}

function status(
  waarde: Decimaal | null,
  norm: WeergaveNorm | null,
  versie: WeergaveKpiVersie,
): StatusWeergave {
  const uitkomst = berekenKpiStatus({
    waarde,
    norm,
    richting: versie.richting,
    eenheid: versie.eenheid,
  });
  return { status: uitkomst.status, statusToelichting: uitkomst.toelichting };
}

const SOM_PER_PERCEEL: StatusWeergave = {
  status: 'geen-norm',
  statusToelichting:
    'De streefwaarde van deze KPI geldt voor het totaal over de percelen (som); een perceel afzonderlijk wordt er niet aan getoetst.',
};

function naamLijst(namen: readonly string[]): string {
  return namen.length > 1
    ? `${namen.slice(0, -1).join(', ')} en ${namen[namen.length - 1]}`
    : namen[0];
}

function groep(
  invoer: WeergaveInvoer,
  versie: WeergaveKpiVersie,
  kpi: WeergaveKpi,
  waarden: readonly WeergaveWaarde[],
  verwacht: VerwachteKpi | undefined,
): KpiWaardenWeergave {
  const norm = normVoorPeriode(kpi.normen, invoer.periode);
  const naam = (perceelId: string) => invoer.perceelNamen.get(perceelId) ?? perceelId;
  const basis = {
    kpiId: kpi.id,
    kpiVersieId: versie.id,
    code: kpi.code,
    naam: versie.naam,
    versie: versie.versie,
    type: versie.type,
    eenheid: versie.eenheid,
    richting: versie.richting,
    aggregatie: versie.aggregatie,
    perPerceel: versie.perPerceel,
    ketenIds: [...kpi.ketenIds],
    norm: norm ? { ...norm } : null,
  };

  if (!versie.perPerceel) {
    const enkel = waarden.find((w) => w.perceelId === null) ?? waarden[0];
    const waarde = enkel ? canoniek(enkel.waarde) : null;
    return {
      ...basis,
      percelen: [],
      totaal: {
        id: enkel?.id ?? null,
        waarde,
        toelichting: enkel?.toelichting ?? null,
        bron: enkel?.bron ?? null,
        datakwaliteit: enkel?.datakwaliteit ?? null,
        compleet: Boolean(enkel),
        ...status(waarde, norm, versie),
      },
    };
  }

  const percelen: PerceelWaardeWeergave[] = waarden
    .filter((w): w is WeergaveWaarde & { perceelId: string } => w.perceelId !== null)
    .map((w) => {
      const waarde = canoniek(w.waarde);
      return {
        id: w.id,
        perceelId: w.perceelId,
        perceelNaam: naam(w.perceelId),
        waarde,
        gewicht: w.gewicht === null ? null : canoniek(w.gewicht),
        toelichting: w.toelichting,
        bron: w.bron,
        datakwaliteit: w.datakwaliteit,
        ...(versie.aggregatie === 'som' ? SOM_PER_PERCEEL : status(waarde, norm, versie)),
      };
    })
    .sort((a, b) => a.perceelNaam.localeCompare(b.perceelNaam, 'nl') || a.id.localeCompare(b.id));

  const aanwezig = new Set(percelen.map((p) => p.perceelId));
  const ontbrekend = (verwacht?.perceelIds ?? []).filter((id) => !aanwezig.has(id));
  const compleet = percelen.length > 0 && ontbrekend.length === 0;
  const uitkomst = aggregeer(
    versie.aggregatie,
    percelen.map((p) => ({ waarde: p.waarde, gewicht: p.gewicht, label: p.perceelNaam })),
  );
  const delen: string[] = [];
  if (uitkomst.waarde === null) delen.push(uitkomst.melding);
  else
    delen.push(
      `${AGGREGATIE_NAAM[versie.aggregatie]} over ${percelen.length} ${percelen.length === 1 ? 'perceel' : 'percelen'}.`,
    );
  if (percelen.length && ontbrekend.length)
    delen.push(
      `Nog niet ingevuld voor ${naamLijst(ontbrekend.map(naam))}: het totaal is onvolledig.`,
    );
  const bronnen = [...new Set(percelen.map((p) => p.bron).filter((b): b is string => Boolean(b)))];
  const datakwaliteit = percelen.length
    ? slechtsteDatakwaliteit([
        ...percelen.map((p) => p.datakwaliteit),
        ...(ontbrekend.length ? (['onvolledig'] as const) : []),
      ])
    : null;
  return {
    ...basis,
    percelen,
    totaal: {
      id: null,
      waarde: uitkomst.waarde,
      toelichting: delen.join(' '),
      bron: bronnen.length ? bronnen.join('; ') : null,
      datakwaliteit,
      compleet,
      ...status(uitkomst.waarde, norm, versie),
    },
  };
}

export function bouwWaardenWeergave(invoer: WeergaveInvoer): WaardenWeergave {
  const perVersie = new Map<string, WeergaveWaarde[]>();
  for (const w of invoer.waarden) {
    const lijst = perVersie.get(w.kpiVersieId);
    if (lijst) lijst.push(w);
    else perVersie.set(w.kpiVersieId, [w]);
  }
  const verwachtPerKpi = new Map(invoer.verwacht.map((v) => [v.kpiId, v]));
  const waarden: KpiWaardenWeergave[] = [];
  for (const [versieId, lijst] of perVersie) {
    const versie = invoer.versies.get(versieId);
    const kpi = versie && invoer.kpis.get(versie.kpiId);
    if (!versie || !kpi) continue;
    waarden.push(groep(invoer, versie, kpi, lijst, verwachtPerKpi.get(kpi.id)));
  }
  waarden.sort((a, b) => a.code.localeCompare(b.code, 'nl') || a.versie - b.versie);

  const ontbrekend: OntbrekendeWaarde[] = [];
  const metWaarde = new Set(invoer.waarden.map((w) => `${w.kpiId}|${w.perceelId ?? ''}`));
  for (const v of invoer.verwacht) {
    if (!v.verplicht) continue;
    const kpi = invoer.kpis.get(v.kpiId);
    const versie = invoer.versies.get(v.kpiVersieId);
    if (!kpi || !versie) continue;
    const item = (perceelId: string | null): OntbrekendeWaarde => ({
      kpiId: kpi.id,
      code: kpi.code,
      naam: versie.naam,
      perceelId,
      perceelNaam: perceelId ? (invoer.perceelNamen.get(perceelId) ?? perceelId) : null,
      ketenIds: [...kpi.ketenIds],
    });
    if (!versie.perPerceel) {
      if (!invoer.waarden.some((w) => w.kpiId === kpi.id)) ontbrekend.push(item(null));
      continue;
    }
    for (const perceelId of v.perceelIds)
      if (!metWaarde.has(`${kpi.id}|${perceelId}`)) ontbrekend.push(item(perceelId));
  }
  ontbrekend.sort(
    (a, b) =>
      a.code.localeCompare(b.code, 'nl') ||
      (a.perceelNaam ?? '').localeCompare(b.perceelNaam ?? '', 'nl'),
  );
  return { waarden, ontbrekend };
}

/**
 * Whether a KPI of this frequency is due in this period: a quarterly KPI every quarter, a
 * yearly KPI in the fourth quarter or in a yearly period.
 */
export function isVerplichtInPeriode(frequentie: KpiFrequentie, periode: string): boolean {
  if (frequentie === 'kwartaal') return true;
  return !/-Q[1-3]$/.test(periode);
}

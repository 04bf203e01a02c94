import type {
  Datakwaliteit,
  Decimaal,
  KpiAggregatie,
  KpiEenheid,
  KpiRichting,
  KpiStatus,
  KpiType,
} from '@wijkkompas/verantwoording';
import { DossierContext, vergelijkTekst } from '../context';
import type {
  KpiBeeld,
  KpiStatusReden,
  KpiToelichting,
  PerceelRealisatie,
  RealisatieBron,
  TrendPunt,
} from '../kpi-beeld';
import { kpiStatusLabel } from '../labels';
import type { DossierDoel, DossierSnapshot } from '../snapshot';
import type { DossierSectie } from './sectie';

export const NIET_GEKOPPELD_TITEL = 'Niet aan een doel gekoppeld';

export interface KpiRij {
  kpiId: string;
  code: string;
  naam: string;
  versie: number;
  type: KpiType;
  eenheid: KpiEenheid;
  richting: KpiRichting;
  aggregatie: KpiAggregatie;
  definitie: string | null;
  /** The norm of the dossier's quarter (a quarter norm, else the year norm). */
  normPeriode: string | null;
  streefwaarde: Decimaal | null;
  tolerantieLetOp: Decimaal | null;
  tolerantieUitKoers: Decimaal | null;
  realisatie: Decimaal | null;
  realisatieBron: RealisatieBron;
  perPerceel: PerceelRealisatie[];
  ontbrekendePercelen: string[];
  datakwaliteit: Datakwaliteit | null;
  andereVersie: boolean;
  status: KpiStatus;
  statusReden: KpiStatusReden;
  statusLabel: string;
  tekort: Decimaal | null;
  statusToelichting: string;
  toelichtingen: KpiToelichting[];
  trend: TrendPunt[];
  /** The quarter's case stories that illustrate this KPI. */
  verhalen: { id: string; titel: string }[];
}

export interface KpiGroep {
  /** null for the group of KPIs linked to no goal. */
  doelId: string | null;
  titel: string;
  niveau: DossierDoel['niveau'] | null;
  /** Titles of the goal's ancestors, top first ("ambitie › doel"). */
  pad: string[];
  kpis: KpiRij[];
}

export interface KpisInhoud {
  periode: string;
  percelen: { id: string; code: string; naam: string }[];
  /** Counts over distinct KPIs (a KPI under two goals counts once). */
  overzicht: { totaal: number; opKoers: number; letOp: number; uitKoers: number; geenNorm: number };
  groepen: KpiGroep[];
  /** Lowest-level goals without any KPI: the gap the KPI-set check also shows. */
  doelenZonderKpi: { doelId: string; titel: string; pad: string[] }[];
}

function rij(beeld: KpiBeeld, verhalen: { id: string; titel: string }[]): KpiRij {
  const { kpi, huidig } = beeld;
  return {
    kpiId: kpi.id,
    code: kpi.code,
    naam: kpi.naam,
    versie: kpi.versie,
    type: kpi.type,
    eenheid: kpi.eenheid,
    richting: kpi.richting,
    aggregatie: kpi.aggregatie,
    definitie: kpi.definitie,
    normPeriode: huidig.norm?.periode ?? null,
    streefwaarde: huidig.norm?.streefwaarde ?? null,
    tolerantieLetOp: huidig.norm?.tolerantieLetOp ?? null,
    tolerantieUitKoers: huidig.norm?.tolerantieUitKoers ?? null,
    realisatie: huidig.realisatie,
    realisatieBron: huidig.realisatieBron,
    perPerceel: huidig.perPerceel,
    ontbrekendePercelen: huidig.ontbrekendePercelen,
    datakwaliteit: huidig.datakwaliteit,
    andereVersie: huidig.andereVersie,
    status: huidig.status,
    statusReden: huidig.statusReden,
    statusLabel: kpiStatusLabel(huidig.status, huidig.statusReden),
    tekort: huidig.tekort,
    statusToelichting: huidig.statusToelichting,
    toelichtingen: huidig.toelichtingen,
    trend: beeld.trend,
    verhalen,
  };
}

/** Goals in tree order (ambitie, its doelen, their resultaten), siblings by title. */
function boomVolgorde(
  doelen: readonly DossierDoel[],
): { doel: DossierDoel; pad: string[]; heeftKinderen: boolean }[] {
  const ids = new Set(doelen.map((d) => d.id));
  const kinderen = new Map<string | null, DossierDoel[]>();
  for (const doel of doelen) {
    const ouder = doel.parentId !== null && ids.has(doel.parentId) ? doel.parentId : null;
    const lijst = kinderen.get(ouder) ?? [];
    lijst.push(doel);
    kinderen.set(ouder, lijst);
  }
  for (const lijst of kinderen.values()) {
    lijst.sort((a, b) => vergelijkTekst(a.titel, b.titel) || vergelijkTekst(a.id, b.id));
  }
  const uit: { doel: DossierDoel; pad: string[]; heeftKinderen: boolean }[] = [];
  const bezocht = new Set<string>();
  const loop = (ouder: string | null, pad: string[]) => {
    for (const doel of kinderen.get(ouder) ?? []) {
      if (bezocht.has(doel.id)) continue; // a cycle in bad data must not hang the assembly
      bezocht.add(doel.id);
      uit.push({ doel, pad, heeftKinderen: (kinderen.get(doel.id) ?? []).length > 0 });
      loop(doel.id, [...pad, doel.titel]);
    }
  };
  loop(null, []);
  return uit;
}

export const kpisSectie: DossierSectie<KpisInhoud> = {
  sleutel: 'kpis',
  titel: "KPI's per doel",
  volgorde: 30,
  bouw(snapshot: DossierSnapshot, context: DossierContext): KpisInhoud {
    const verhalenPerKpi = new Map<string, { id: string; titel: string }[]>();
    for (const casus of context.casussenVanKwartaal()) {
      for (const kpiId of new Set(casus.kpiIds)) {
        const lijst = verhalenPerKpi.get(kpiId) ?? [];
        lijst.push({ id: casus.id, titel: casus.titel });
        verhalenPerKpi.set(kpiId, lijst);
      }
    }
    const beelden = context.kpiBeelden();
    const rijen = new Map(
      beelden.map((b) => [b.kpi.id, rij(b, verhalenPerKpi.get(b.kpi.id) ?? [])]),
    );

    const doelIds = new Set(snapshot.doelen.map((d) => d.id));
    const groepen: KpiGroep[] = [];
    const doelenZonderKpi: KpisInhoud['doelenZonderKpi'] = [];
    for (const { doel, pad, heeftKinderen } of boomVolgorde(snapshot.doelen)) {
      const kpis = beelden
        .filter((b) => b.kpi.doelIds.includes(doel.id))
        .map((b) => rijen.get(b.kpi.id) as KpiRij);
      if (kpis.length > 0) {
        groepen.push({ doelId: doel.id, titel: doel.titel, niveau: doel.niveau, pad, kpis });
      } else if (!heeftKinderen) {
        doelenZonderKpi.push({ doelId: doel.id, titel: doel.titel, pad });
      }
    }
    const zonderDoel = beelden
      .filter((b) => !b.kpi.doelIds.some((id) => doelIds.has(id)))
      .map((b) => rijen.get(b.kpi.id) as KpiRij);
    if (zonderDoel.length > 0) {
      groepen.push({
        doelId: null,
        titel: NIET_GEKOPPELD_TITEL,
        niveau: null,
        pad: [],
        kpis: zonderDoel,
      });
    }

    const telling = (status: KpiStatus) => beelden.filter((b) => b.huidig.status === status).length;
    return {
      periode: snapshot.periode,
      percelen: context.percelen.map((p) => ({ id: p.id, code: p.code, naam: p.naam })),
      overzicht: {
        totaal: beelden.length,
        opKoers: telling('op-koers'),
        letOp: telling('let-op'),
        uitKoers: telling('uit-koers'),
        geenNorm: telling('geen-norm'),
      },
      groepen,
      doelenZonderKpi,
    };
  },
};

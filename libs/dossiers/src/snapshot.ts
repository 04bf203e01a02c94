/**
 * Everything a dossier is made of, loaded once and handed to the pure assembly. The loader
 * (database) fills it; nothing downstream reads the clock or the database, so the same
 * snapshot always yields the same dossier, byte for byte.
 *
 * Conventions: periods are calendar quarters '2026-Q3' (norms may also be a year '2026');
 * dates are ISO dates 'YYYY-MM-DD'; KPI figures are decimal strings in machine notation
 * ('86.75'), never floats; money is integer euro cents as a safe JS integer (as everywhere
 * in Wijkkompas: bigint in PostgreSQL, number in JS and JSON).
 */
import type { AanvullendeOpdrachtStatus } from '@wijkkompas/opdrachten';
import type {
  Datakwaliteit,
  KpiAggregatie,
  KpiEenheid,
  KpiRichting,
  KpiType,
  KwartaalverantwoordingStatus,
  SignaalSoort,
  SignaalStatus,
} from '@wijkkompas/verantwoording';

/** The values of AanvullendeOpdrachtStatus (libs/opdrachten) as a string union. */
export type DossierOpdrachtStatus = `${AanvullendeOpdrachtStatus}`;

export const ACTIE_STATUSSEN = ['open', 'gereed', 'vervallen'] as const;
export type ActieStatus = (typeof ACTIE_STATUSSEN)[number];

export interface DossierSnapshot {
  gemeente: { naam: string; cbsCode?: string | null };
  aanbieder: { id: string; naam: string };
  /** The quarter the dossier accounts for: '2026-Q3'. */
  periode: string;
  /**
   * The day the dossier is about ('YYYY-MM-DD'): "ending within 90 days", "term passed" and
   * "overdue" are measured from here. Typically the assembly day or the meeting day; the
   * loader decides, the assembly never reads the clock.
   */
  peildatum: string;
  /** The verantwoordingsgesprek the dossier is for, when one is planned. */
  overleg?: DossierOverleg | null;
  kpis: DossierKpi[];
  doelen: DossierDoel[];
  /** The aanbieder's percelen in the dossier's quarter. */
  percelen: DossierPerceel[];
  /** Realised figures of the dossier's quarter and the quarters before (for the trend). */
  waarden: DossierKpiWaarde[];
  /** The account of the dossier's quarter; null when none was submitted. */
  verantwoording: DossierVerantwoording | null;
  casussen: DossierCasus[];
  aanvullendeOpdrachten: DossierAanvullendeOpdracht[];
  signalen: DossierSignaal[];
  /** Open actions from earlier meetings owned by the aanbieder or agreed with it. */
  acties: DossierActie[];
  /**
   * Data of sections that later capabilities contribute (theories of change, ketenoverleg
   * decisions), by the contribution's key: plain JSON their own loader produced, read only by
   * their own section. Absent when nothing is contributed.
   */
  bijdragen?: Record<string, unknown>;
}

export interface DossierOverleg {
  /** ISO date or date-time with offset. */
  datum: string;
  deelnemers?: string[];
}

export interface DossierKpiNorm {
  /** A quarter ('2026-Q3') or a year ('2026'); a quarter norm wins over the year norm. */
  periode: string;
  streefwaarde: string;
  tolerantieLetOp: string;
  tolerantieUitKoers: string;
}

export interface DossierKpi {
  id: string;
  code: string;
  naam: string;
  /** The version in force in the dossier's quarter. */
  versie: number;
  type: KpiType;
  eenheid: KpiEenheid;
  richting: KpiRichting;
  aggregatie: KpiAggregatie;
  /**
   * true: figures per perceel, the total is aggregated (a row without perceel is ignored);
   * false: one figure for the whole aanbieder. Absent: a figure without perceel is the total
   * when present, otherwise the perceel figures are aggregated.
   */
  perPerceel?: boolean;
  definitie: string | null;
  doelIds: string[];
  normen: DossierKpiNorm[];
}

export interface DossierDoel {
  id: string;
  titel: string;
  niveau: 'ambitie' | 'doel' | 'resultaat';
  parentId: string | null;
}

export interface DossierPerceel {
  id: string;
  code: string;
  naam: string;
}

export interface DossierKpiWaarde {
  kpiId: string;
  periode: string;
  /** null: one figure for the whole aanbieder (a KPI not reported per perceel). */
  perceelId: string | null;
  /** Decimal string, e.g. '86.75'. */
  waarde: string;
  toelichting: string | null;
  datakwaliteit: Datakwaliteit;
  /** Weight for a gewogen-gemiddelde KPI (e.g. the denominator: number of requests). */
  gewicht?: string | null;
  /** The KPI version the figure was reported against; absent means the current one. */
  kpiVersie?: number | null;
}

export interface DossierVerantwoording {
  id: string;
  revisie: number;
  status: KwartaalverantwoordingStatus;
  hoogtepunten: string | null;
  knelpunten: string | null;
  vooruitblik: string | null;
  budget: {
    begrootCenten: number | null;
    gerealiseerdCenten: number | null;
    toelichting: string | null;
  };
  formatie: {
    /** Decimal strings. */
    formatieFte: string | null;
    vacaturesFte: string | null;
    verloopPercentage: string | null;
    toelichting?: string | null;
  };
}

export interface DossierCasus {
  id: string;
  titel: string;
  periode: string;
  kpiIds: string[];
  doelIds: string[];
  perceelId?: string | null;
  situatie: string | null;
  /** The question or dilemma. */
  vraag?: string | null;
  /** The values at stake. */
  waarden?: string | null;
  /** Who was involved (formal and informal partners). */
  betrokkenen?: string | null;
  /** What was done. */
  aanpak?: string | null;
  effect: string | null;
  les: string | null;
  /** What to raise with policy. */
  kwestie: string | null;
}

export interface DossierAanvullendeOpdracht {
  id: string;
  titel: string;
  status: DossierOpdrachtStatus;
  /** This aanbieder's share when known, otherwise the opdracht's budget. */
  budgetCenten: number;
  oormerk?: boolean;
  startdatum?: string | null;
  einddatum: string;
  thema?: string | null;
}

export interface DossierSignaal {
  id: string;
  titel: string;
  status: SignaalStatus;
  soort: SignaalSoort;
  /** ISO date the signal was raised. */
  ingebrachtOp: string;
  /** Last day of the agreed answer term (ISO date); null when none was agreed. */
  antwoordTermijn: string | null;
}

export interface DossierActie {
  id: string;
  omschrijving: string;
  eigenaar: string;
  /** ISO date; null when no deadline was set. */
  deadline: string | null;
  status: ActieStatus;
  /** The meeting that recorded the action. */
  overlegDatum?: string | null;
}

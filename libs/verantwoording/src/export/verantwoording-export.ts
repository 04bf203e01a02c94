import { datum, ExportCel, ExportTabel, getal } from '@wijkkompas/core';
import { KpiStatus } from '../kpi-status';
import { KpiWaardenWeergave } from '../kwartaalverantwoording/weergave';

/**
 * The tables of the verantwoording exports, pure: an account with all its figures, one KPI
 * over quarters and aanbieders, and the import template of an account. The services load,
 * these lay out, `@wijkkompas/core` writes CSV or XLSX.
 */

const STATUS_TEKST: Record<KpiStatus, string> = {
  'op-koers': 'op koers',
  'let-op': 'let op',
  'uit-koers': 'uit koers',
  'geen-norm': 'geen norm',
};

export const TOTAAL_LABEL = 'Totaal';

export interface AccountKop {
  periode: string;
  aanbiederNaam: string;
  status: string;
  revisie: number;
}

export const ACCOUNT_KOLOMMEN = [
  'Kwartaal',
  'Aanbieder',
  'KPI-code',
  'KPI',
  'Eenheid',
  'Aggregatie',
  'Perceel',
  'Waarde',
  'Gewicht',
  'Teller',
  'Noemer',
  'Streefwaarde',
  'Status',
  'Datakwaliteit',
  'Toelichting',
  'Bron',
] as const;

/**
 * Every figure of an account: per KPI a row per perceel and, for a KPI reported per perceel,
 * a row `Totaal` with the figure its aggregation rule gives. Teller and noemer are the KPI's
 * definition of the ratio where it has one (the account stores the resulting figure).
 */
export function accountTabel(
  kop: AccountKop,
  waarden: readonly KpiWaardenWeergave[],
  tellerNoemer: ReadonlyMap<string, { teller: string | null; noemer: string | null }>,
): ExportTabel {
  const rijen: ExportCel[][] = [];
  for (const k of waarden) {
    const tn = tellerNoemer.get(k.kpiVersieId) ?? { teller: null, noemer: null };
    const basis = (perceel: string | null): ExportCel[] => [
      kop.periode,
      kop.aanbiederNaam,
      k.code,
      k.naam,
      k.eenheid,
      k.aggregatie,
      perceel,
    ];
    const norm = getal(k.norm?.streefwaarde ?? null);
    for (const p of k.percelen)
      rijen.push([
        ...basis(p.perceelNaam),
        getal(p.waarde),
        getal(p.gewicht),
        tn.teller,
        tn.noemer,
        norm,
        STATUS_TEKST[p.status],
        p.datakwaliteit,
        p.toelichting,
        p.bron,
      ]);
    if (!k.perPerceel || k.percelen.length)
      rijen.push([
        ...basis(k.perPerceel ? TOTAAL_LABEL : null),
        getal(k.totaal.waarde),
        null,
        tn.teller,
        tn.noemer,
        norm,
        STATUS_TEKST[k.totaal.status],
        k.totaal.datakwaliteit,
        k.totaal.toelichting,
        k.totaal.bron,
      ]);
  }
  return { werkblad: `Cijfers ${kop.periode}`, kolommen: [...ACCOUNT_KOLOMMEN], rijen };
}

export interface SjabloonRegel {
  code: string;
  naam: string;
  eenheid: string;
  aggregatie: string;
  /** The perceel's name as the import reads it; null for a KPI reported once. */
  perceel: string | null;
  verplicht: boolean;
  gewogen: boolean;
}

/** The import's own column names first (it ignores the others), then guidance. */
export const SJABLOON_KOLOMMEN = [
  'kpi-code',
  'perceel',
  'waarde',
  'gewicht',
  'datakwaliteit',
  'toelichting',
  'bron',
  'kpi-naam',
  'eenheid',
  'aggregatie',
  'verplicht',
] as const;

export function sjabloonTabel(periode: string, regels: readonly SjabloonRegel[]): ExportTabel {
  return {
    werkblad: `Invullen ${periode}`,
    kolommen: [...SJABLOON_KOLOMMEN],
    rijen: regels.map((r) => [
      r.code,
      r.perceel,
      null,
      null,
      null,
      null,
      null,
      r.naam,
      r.eenheid,
      r.gewogen ? `${r.aggregatie} (vul gewicht in)` : r.aggregatie,
      r.verplicht ? 'ja' : 'nee',
    ]),
  };
}

export interface KpiReeksRij {
  periode: string;
  aanbiederNaam: string;
  perceelNaam: string | null;
  waarde: string;
  gewicht: string | null;
  datakwaliteit: string;
  status: string;
  vastgesteldOp: string | null;
}

export const KPI_REEKS_KOLOMMEN = [
  'Kwartaal',
  'Aanbieder',
  'Perceel',
  'Waarde',
  'Gewicht',
  'Datakwaliteit',
  'Status verantwoording',
  'Vastgesteld op',
] as const;

/** One KPI over quarters and aanbieders, per perceel: a row per figure. */
export function kpiReeksTabel(code: string, rijen: readonly KpiReeksRij[]): ExportTabel {
  return {
    werkblad: `KPI ${code}`,
    kolommen: [...KPI_REEKS_KOLOMMEN],
    rijen: rijen.map((r) => [
      r.periode,
      r.aanbiederNaam,
      r.perceelNaam,
      getal(r.waarde),
      getal(r.gewicht),
      r.datakwaliteit,
      r.status,
      datum(r.vastgesteldOp),
    ]),
  };
}

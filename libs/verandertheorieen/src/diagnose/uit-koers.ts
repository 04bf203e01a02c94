import {
  bouwWaardenWeergave,
  WeergaveKpi,
  WeergaveKpiVersie,
  WeergaveWaarde,
} from '@wijkkompas/verantwoording';

/**
 * Which KPIs were uit koers in the adopted quarterly accounts of a quarter (the trigger of the
 * assumption review). Pure: the loader reads the rows, this decides.
 *
 * - Adopted: per reporting period the newest revision with status vastgesteld. A correction in
 *   progress (a newer revision still concept or ingediend) does not replace what was adopted;
 *   an adopted correction does.
 * - The status is that of the account's figure for the KPI as the account shows it: the total
 *   over the percelen with the KPI's own aggregation (or the single figure of a KPI reported
 *   once), against the norm of the quarter (a quarter norm before the year norm), computed with
 *   berekenKpiStatus. A perceel off track while the total is not does not count.
 * - Per account: a KPI uit koers in any aanbieder's adopted account counts, and the review
 *   names each account where it was.
 */

export interface VerantwoordingRij {
  id: string;
  rapportageperiodeId: string;
  aanbiederId: string;
  revisie: number;
  status: string;
}

export function vastgesteldeRevisies<T extends VerantwoordingRij>(rijen: readonly T[]): T[] {
  const perPeriode = new Map<string, T>();
  for (const rij of rijen) {
    if (rij.status !== 'vastgesteld') continue;
    const eerder = perPeriode.get(rij.rapportageperiodeId);
    if (!eerder || rij.revisie > eerder.revisie) perPeriode.set(rij.rapportageperiodeId, rij);
  }
  return [...perPeriode.values()].sort(
    (a, b) => a.aanbiederId.localeCompare(b.aanbiederId) || a.id.localeCompare(b.id),
  );
}

export interface UitKoersInvoer {
  periode: string;
  kpis: ReadonlyMap<string, WeergaveKpi>;
  versies: ReadonlyMap<string, WeergaveKpiVersie>;
  verantwoordingen: readonly { rij: VerantwoordingRij; waarden: readonly WeergaveWaarde[] }[];
}

/** One KPI uit koers in one adopted account. */
export interface UitKoers {
  kpiId: string;
  code: string;
  naam: string;
  kwartaalverantwoordingId: string;
  aanbiederId: string;
  revisie: number;
  waarde: string | null;
  streefwaarde: string | null;
  toelichting: string;
}

/** Every (KPI, account) pair uit koers, ordered by KPI code, then account. */
export function kpisUitKoers(invoer: UitKoersInvoer): UitKoers[] {
  const uit: UitKoers[] = [];
  for (const { rij, waarden } of invoer.verantwoordingen) {
    const weergave = bouwWaardenWeergave({
      periode: invoer.periode,
      kpis: invoer.kpis,
      versies: invoer.versies,
      perceelNamen: new Map(),
      waarden,
      verwacht: [],
    });
    for (const kpi of weergave.waarden)
      if (kpi.totaal.status === 'uit-koers')
        uit.push({
          kpiId: kpi.kpiId,
          code: kpi.code,
          naam: kpi.naam,
          kwartaalverantwoordingId: rij.id,
          aanbiederId: rij.aanbiederId,
          revisie: rij.revisie,
          waarde: kpi.totaal.waarde,
          streefwaarde: kpi.norm?.streefwaarde ?? null,
          toelichting: kpi.totaal.statusToelichting,
        });
  }
  return uit.sort(
    (a, b) =>
      a.code.localeCompare(b.code, 'nl') ||
      a.aanbiederId.localeCompare(b.aanbiederId) ||
      a.kwartaalverantwoordingId.localeCompare(b.kwartaalverantwoordingId),
  );
}

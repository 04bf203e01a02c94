import { dagenPerJaar } from '../shared/datum';
import { indexeer, somCenten, verdeelNaarRato } from '../shared/geld';
import { versieOpPeildatum } from '../hoofdopdracht/peildatum';

export interface JaarbudgetInvoer {
  jaar: number;
  budgetCenten: number;
  indexatieBasispunten: number;
}

export interface HoofdopdrachtInvoer {
  aanbiederId: string;
  startdatum: string;
  einddatum: string;
  versies: { versie: number; ingangsdatum: string; jaarbudgetten: JaarbudgetInvoer[] }[];
}

export interface AanvullendInvoer {
  aanbiederId: string;
  startdatum: string;
  einddatum: string;
  budgetCenten: number;
}

export interface BudgetRegel {
  aanbiederId: string;
  jaar: number;
  structureelCenten: number;
  incidenteelCenten: number;
  totaalCenten: number;
}

/**
 * Structural budget of a hoofdopdracht for a year: the yearly budget, indexed with that
 * year's percentage, from the version in force at the end of that year (so an amendment
 * taking effect during the year sets that year's figure; one taking effect later never
 * rewrites it). Years outside the hoofdopdracht's term count nothing.
 */
export function structureelVoorJaar(hoofdopdracht: HoofdopdrachtInvoer, jaar: number): number {
  if (jaar < Number(hoofdopdracht.startdatum.slice(0, 4))) return 0;
  if (jaar > Number(hoofdopdracht.einddatum.slice(0, 4))) return 0;
  const versie = versieOpPeildatum(hoofdopdracht.versies, `${jaar}-12-31`);
  const regel = versie?.jaarbudgetten.find((b) => b.jaar === jaar);
  return regel ? indexeer(regel.budgetCenten, regel.indexatieBasispunten) : 0;
}

/**
 * An incidental budget spread over calendar years in proportion to the days of its term in
 * each year, in whole cents that add up exactly (largest remainder).
 */
export function incidenteelPerJaar(opdracht: AanvullendInvoer): Map<number, number> {
  const dagen = dagenPerJaar(opdracht.startdatum, opdracht.einddatum);
  const result = new Map<number, number>();
  if (dagen.length === 0) return result;
  const delen = verdeelNaarRato(
    opdracht.budgetCenten,
    dagen.map((d) => d.dagen),
  );
  dagen.forEach((d, i) => result.set(d.jaar, delen[i]));
  return result;
}

/** Budget totals per aanbieder per year in [vanJaar, totJaar], structural and incidental. */
export function budgetPerJaar(
  aanbiederIds: readonly string[],
  hoofdopdrachten: readonly HoofdopdrachtInvoer[],
  aanvullend: readonly AanvullendInvoer[],
  vanJaar: number,
  totJaar: number,
): BudgetRegel[] {
  const incidenteel = new Map<string, number[]>();
  for (const opdracht of aanvullend) {
    for (const [jaar, centen] of incidenteelPerJaar(opdracht)) {
      const key = `${opdracht.aanbiederId}|${jaar}`;
      incidenteel.set(key, [...(incidenteel.get(key) ?? []), centen]);
    }
  }
  const regels: BudgetRegel[] = [];
  for (const aanbiederId of aanbiederIds) {
    for (let jaar = vanJaar; jaar <= totJaar; jaar++) {
      const structureelCenten = somCenten(
        hoofdopdrachten
          .filter((h) => h.aanbiederId === aanbiederId)
          .map((h) => structureelVoorJaar(h, jaar)),
      );
      const incidenteelCenten = somCenten(incidenteel.get(`${aanbiederId}|${jaar}`) ?? []);
      regels.push({
        aanbiederId,
        jaar,
        structureelCenten,
        incidenteelCenten,
        totaalCenten: somCenten([structureelCenten, incidenteelCenten]),
      });
    }
  }
  return regels;
}

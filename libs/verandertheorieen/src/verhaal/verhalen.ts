import { KpiBewijs, TheorieElement } from '../model';
import { StrategieVerhaal } from '../strategie';

/**
 * Which elements of a theory a case story illustrates. A story counts for an element when it
 * is linked to it explicitly (the way to evidence an outcome no KPI measures, such as a
 * stronger sociale basis), or when it illustrates a KPI (Casus.kpiIds) that evidences the
 * element. The ambitie is never evidenced directly, and links to elements this version no
 * longer has are ignored. Stories that illustrate nothing in the theory are left out.
 */
export interface VerhaalCasus {
  id: string;
  kpiIds: readonly string[];
}

export interface VerhaalKoppeling {
  casusId: string;
  elementId: string;
}

export function verhalenBijTheorie(
  theorie: { elementen: readonly TheorieElement[]; kpiBewijzen: readonly KpiBewijs[] },
  casussen: readonly VerhaalCasus[],
  koppelingen: readonly VerhaalKoppeling[],
): StrategieVerhaal[] {
  const geldig = new Set(theorie.elementen.filter((e) => e.soort !== 'ambitie').map((e) => e.id));
  const volgorde = new Map(theorie.elementen.map((e, i) => [e.id, i]));
  const verhalen: StrategieVerhaal[] = [];
  for (const casus of casussen) {
    const ids = new Set<string>();
    for (const k of koppelingen)
      if (k.casusId === casus.id && geldig.has(k.elementId)) ids.add(k.elementId);
    for (const b of theorie.kpiBewijzen)
      if (casus.kpiIds.includes(b.kpiId) && geldig.has(b.elementId)) ids.add(b.elementId);
    if (ids.size)
      verhalen.push({
        id: casus.id,
        elementIds: [...ids].sort((a, b) => volgorde.get(a)! - volgorde.get(b)!),
      });
  }
  return verhalen;
}

import { kwartaal } from '../shared/datum';
import { somCenten } from '../shared/geld';

export interface ZijsturingInvoer {
  aanvragendeAfdeling: string;
  aangevraagdOp: string;
  binnengekomenVia: 'register' | 'buiten-register';
}

export interface ZijsturingRegel {
  aanvragendeAfdeling: string;
  kwartaal: string;
  buitenRegister: number;
  viaRegister: number;
  totaal: number;
}

/**
 * Requests per requesting department and quarter, with how many came in outside the
 * register (zijsturing). Only department/quarter pairs with at least one request appear;
 * sorted by quarter, then department.
 */
export function groepeerZijsturing(aanvragen: readonly ZijsturingInvoer[]): ZijsturingRegel[] {
  const regels = new Map<string, ZijsturingRegel>();
  for (const aanvraag of aanvragen) {
    const k = kwartaal(aanvraag.aangevraagdOp);
    const key = `${k}|${aanvraag.aanvragendeAfdeling}`;
    const regel = regels.get(key) ?? {
      aanvragendeAfdeling: aanvraag.aanvragendeAfdeling,
      kwartaal: k,
      buitenRegister: 0,
      viaRegister: 0,
      totaal: 0,
    };
    if (aanvraag.binnengekomenVia === 'buiten-register') regel.buitenRegister += 1;
    else regel.viaRegister += 1;
    regel.totaal += 1;
    regels.set(key, regel);
  }
  return [...regels.values()].sort((a, b) =>
    a.kwartaal === b.kwartaal
      ? a.aanvragendeAfdeling.localeCompare(b.aanvragendeAfdeling, 'nl')
      : a.kwartaal.localeCompare(b.kwartaal),
  );
}

export interface ThemaInvoer {
  id: string;
  titel: string;
  thema: string;
  budgetCenten: number;
  einddatum: string;
}

export interface ThemaBundel<T extends ThemaInvoer> {
  thema: string;
  aantal: number;
  budgetCenten: number;
  opdrachten: T[];
}

/** Opdrachten grouped by theme with their combined budget, largest combined budget first. */
export function bundelPerThema<T extends ThemaInvoer>(opdrachten: readonly T[]): ThemaBundel<T>[] {
  const bundels = new Map<string, T[]>();
  for (const opdracht of opdrachten)
    bundels.set(opdracht.thema, [...(bundels.get(opdracht.thema) ?? []), opdracht]);
  return [...bundels.entries()]
    .map(([thema, lijst]) => ({
      thema,
      aantal: lijst.length,
      budgetCenten: somCenten(lijst.map((o) => o.budgetCenten)),
      opdrachten: [...lijst].sort((a, b) => a.einddatum.localeCompare(b.einddatum)),
    }))
    .sort((a, b) => b.budgetCenten - a.budgetCenten || a.thema.localeCompare(b.thema, 'nl'));
}

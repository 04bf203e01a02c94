export enum AanvullendeOpdrachtStatus {
  Aangevraagd = 'aangevraagd',
  Getoetst = 'getoetst',
  Afgewezen = 'afgewezen',
  Actief = 'actief',
  Afgerond = 'afgerond',
  Beeindigd = 'beeindigd',
  OpgenomenInHoofdopdracht = 'opgenomen-in-hoofdopdracht',
}

const S = AanvullendeOpdrachtStatus;

/** The brief's lifecycle: aangevraagd → getoetst → actief → afgerond | beëindigd | opgenomen. */
export const OVERGANGEN: Readonly<
  Record<AanvullendeOpdrachtStatus, readonly AanvullendeOpdrachtStatus[]>
> = {
  [S.Aangevraagd]: [S.Getoetst],
  [S.Getoetst]: [S.Actief, S.Afgewezen],
  [S.Afgewezen]: [],
  [S.Actief]: [S.Afgerond, S.Beeindigd, S.OpgenomenInHoofdopdracht],
  [S.Afgerond]: [],
  [S.Beeindigd]: [],
  [S.OpgenomenInHoofdopdracht]: [],
};

export function toegestaneOvergangen(
  van: AanvullendeOpdrachtStatus,
): readonly AanvullendeOpdrachtStatus[] {
  return OVERGANGEN[van];
}

export function magOvergaan(
  van: AanvullendeOpdrachtStatus,
  naar: AanvullendeOpdrachtStatus,
): boolean {
  return OVERGANGEN[van].includes(naar);
}

export function isAfgesloten(status: AanvullendeOpdrachtStatus): boolean {
  return OVERGANGEN[status].length === 0;
}

/**
 * Statuses whose budget is agreed money: counted as incidental budget in the yearly totals.
 * Requests (aangevraagd/getoetst) are not agreed yet, afgewezen never was; beëindigd stopped
 * early and its realised spending comes with the accounts, and opgenomen-in-hoofdopdracht is
 * money that continues in the hoofdopdracht (by an amendment) — counting either would double
 * count or overstate.
 */
export const BUDGET_TELLENDE_STATUSSEN: readonly AanvullendeOpdrachtStatus[] = [
  S.Actief,
  S.Afgerond,
];

import { plusDagen, overlapt, Periode } from '../shared/datum';

export interface BestaandeToewijzing extends Periode {
  id: string;
  aanbiederId: string;
}

export type ToewijzingsPlan =
  { ok: true; sluit?: { id: string; tot: string } } | { ok: false; conflict: BestaandeToewijzing };

/**
 * Where a new assignment fits in a perceel's history. Periods of one perceel never overlap.
 * Reassignment on a date: the perceel's latest period, running on that date and started
 * before it, is closed the day before — but only when that loses nothing after the new period (an open-ended current
 * period, or one that ends no later than the new one). Anything else overlapping is a
 * conflict: history is corrected explicitly, never silently cut.
 */
export function planToewijzing(
  bestaande: readonly BestaandeToewijzing[],
  nieuw: Periode,
): ToewijzingsPlan {
  let sluit: { id: string; tot: string } | undefined;
  const laatste = bestaande.reduce<BestaandeToewijzing | undefined>(
    (l, p) => (!l || p.van > l.van ? p : l),
    undefined,
  );
  for (const periode of bestaande) {
    if (!overlapt(periode, nieuw)) continue;
    const loopt = periode.van < nieuw.van;
    const verliestNiets =
      periode.tot === null || (nieuw.tot === null ? true : nieuw.tot >= periode.tot);
    if (periode === laatste && loopt && verliestNiets) {
      sluit = { id: periode.id, tot: plusDagen(nieuw.van, -1) };
      continue;
    }
    return { ok: false, conflict: periode };
  }
  return { ok: true, sluit };
}

/** The assignment in force on a date, if any. */
export function toewijzingOp<T extends Periode>(
  toewijzingen: readonly T[],
  datum: string,
): T | undefined {
  return toewijzingen.find((t) => t.van <= datum && (t.tot === null || t.tot >= datum));
}

import { dagenInclusief, maandDrempel, plusDagen } from '@wijkkompas/opdrachten';
import { periodeDatums, verschuifKwartaal, kwartaalVan } from '@wijkkompas/verantwoording';

/**
 * The quarterly rhythm (brief §4) as a pure function: given a gemeente's settings, today's
 * date and the state of its periods, meetings, opdrachten and signals, which unit jobs must
 * run today. Every job has a deterministic id, so planning twice on one day (a retry, a
 * second worker, a restart) enqueues each job once; every job is idempotent on its own too
 * (notifications are deduplicated by key, periods open with ON CONFLICT DO NOTHING).
 *
 * Catching up is built in: a reminder or escalation that was due on a day the platform was
 * down is planned on the next day it runs, without sending the same reminder twice.
 */

export interface RitmeInstellingen {
  /** Days before the deadline on which directeuren are reminded, e.g. [10, 3]. */
  herinneringDagen: number[];
  /** Days before a verantwoordingsgesprek on which its dossier is assembled. */
  dossierDagenVoorGesprek: number;
  /** Days before its end date on which an aanvullende opdracht is signalled, e.g. [90, 30]. */
  opdrachtSignaleringDagen: number[];
  /** Days after the quarter's end that its account is due. */
  deadlineDagen: number;
}

export const STANDAARD_RITME: RitmeInstellingen = {
  herinneringDagen: [10, 3],
  dossierDagenVoorGesprek: 5,
  opdrachtSignaleringDagen: [90, 30],
  deadlineDagen: 30,
};

export interface RitmeToestand {
  gemeenteId: string;
  /** Reporting periods that are open, with whether the account was submitted. */
  periodes: {
    id: string;
    aanbiederId: string;
    periode: string;
    deadline: string;
    ingediend: boolean;
  }[];
  /** Planned verantwoordingsgesprekken with the date they take place (YYYY-MM-DD, local). */
  gesprekken: {
    id: string;
    aanbiederId: string;
    periode: string;
    datum: string;
    /** A dossier run for it is waiting, running or gereed (a mislukt one does not count). */
    dossierAangevraagd: boolean;
    /** Runs for it that ended mislukt: each one gives the next request a new job id. */
    dossiersMislukt: number;
  }[];
  /** Running aanvullende opdrachten with their end date. */
  opdrachten: { id: string; einddatum: string }[];
  /** Hoofdopdrachten with their latest agreed end date, ending within a year. */
  hoofdopdrachten: { id: string; einddatum: string }[];
  /** Signals not yet answered, with their agreed term. */
  signalen: { id: string; antwoordTermijn: string | null }[];
}

export type RitmeTaak =
  | {
      soort: 'periode-openen';
      jobId: string;
      gemeenteId: string;
      periode: string;
      deadline: string;
    }
  | { soort: 'herinnering'; jobId: string; gemeenteId: string; periodeId: string; dagen: number }
  | { soort: 'escalatie'; jobId: string; gemeenteId: string; periodeId: string }
  | { soort: 'dossier'; jobId: string; gemeenteId: string; overlegId: string }
  | {
      soort: 'opdracht-loopt-af';
      jobId: string;
      gemeenteId: string;
      opdrachtId: string;
      /** The end date the warning is about: an extended opdracht is warned about again. */
      einddatum: string;
      dagen: number;
    }
  | {
      soort: 'hoofdopdracht-loopt-af';
      jobId: string;
      gemeenteId: string;
      hoofdopdrachtId: string;
      /** The end date the warning is about: after a verlenging the new date is warned again. */
      einddatum: string;
      maanden: number;
    }
  | { soort: 'signaal-termijn'; jobId: string; gemeenteId: string; signaalId: string };

/** Monday to Friday; public holidays are not modelled (the rhythm may start a day early). */
function isWerkdag(datum: string): boolean {
  const dag = new Date(`${datum}T12:00:00Z`).getUTCDay();
  return dag !== 0 && dag !== 6;
}

/** The first working day of the quarter that contains `datum`. */
export function eersteWerkdagVanKwartaal(datum: string): string {
  let dag = periodeDatums(kwartaalVan(datum)).begindatum;
  while (!isWerkdag(dag)) dag = plusDagen(dag, 1);
  return dag;
}

/** Days from `van` to `tot`: 0 on the same day, negative when `tot` lies before `van`. */
export function dagenTot(van: string, tot: string): number {
  return dagenInclusief(van, tot) - 1;
}

/**
 * The threshold that applies today: the smallest one that `resterend` days have reached.
 * With [10, 3] and 7 days left that is 10 (sent once, even if day 10 itself was missed);
 * with 2 days left it is 3. Null before the first threshold or after the date.
 */
export function drempel(drempels: number[], resterend: number): number | null {
  if (resterend < 0) return null;
  const bereikt = drempels.filter((d) => resterend <= d);
  return bereikt.length ? Math.min(...bereikt) : null;
}

export function planDag(
  vandaag: string,
  instellingen: RitmeInstellingen,
  toestand: RitmeToestand,
): RitmeTaak[] {
  const g = toestand.gemeenteId;
  const taken: RitmeTaak[] = [];

  // 1. From the first working day of a quarter: open the previous quarter's periods.
  if (vandaag >= eersteWerkdagVanKwartaal(vandaag)) {
    const periode = verschuifKwartaal(kwartaalVan(vandaag), -1);
    const deadline = plusDagen(periodeDatums(periode).einddatum, instellingen.deadlineDagen);
    taken.push({
      soort: 'periode-openen',
      jobId: `periode-openen.${g}.${periode}`,
      gemeenteId: g,
      periode,
      deadline,
    });
  }

  // 2 and 3. Reminders before the deadline, escalation after it.
  for (const p of toestand.periodes) {
    if (p.ingediend) continue;
    const resterend = dagenTot(vandaag, p.deadline);
    if (resterend < 0) {
      taken.push({
        soort: 'escalatie',
        jobId: `escalatie.${p.id}`,
        gemeenteId: g,
        periodeId: p.id,
      });
      continue;
    }
    const dagen = drempel(instellingen.herinneringDagen, resterend);
    if (dagen !== null)
      taken.push({
        soort: 'herinnering',
        jobId: `herinnering.${p.id}.${dagen}`,
        gemeenteId: g,
        periodeId: p.id,
        dagen,
      });
  }

  // 4. N days before each verantwoordingsgesprek: the dossier. After a run that ended
  // mislukt it is asked for again, under a new job id (the earlier job completed: it did ask).
  for (const gesprek of toestand.gesprekken) {
    if (gesprek.dossierAangevraagd) continue;
    const resterend = dagenTot(vandaag, gesprek.datum);
    const mislukt = gesprek.dossiersMislukt;
    if (resterend >= 0 && resterend <= instellingen.dossierDagenVoorGesprek)
      taken.push({
        soort: 'dossier',
        jobId: mislukt > 0 ? `dossier.${gesprek.id}.${mislukt}` : `dossier.${gesprek.id}`,
        gemeenteId: g,
        overlegId: gesprek.id,
      });
  }

  // 5. Daily: opdrachten ending soon, signals past their term.
  for (const o of toestand.opdrachten) {
    const dagen = drempel(instellingen.opdrachtSignaleringDagen, dagenTot(vandaag, o.einddatum));
    if (dagen !== null)
      taken.push({
        soort: 'opdracht-loopt-af',
        jobId: `opdracht-loopt-af.${o.id}.${o.einddatum}.${dagen}`,
        gemeenteId: g,
        opdrachtId: o.id,
        einddatum: o.einddatum,
        dagen,
      });
  }
  // 6. Hoofdopdrachten ending within 12, 6 and 3 months: once per threshold per end date.
  for (const h of toestand.hoofdopdrachten) {
    const maanden = maandDrempel(vandaag, h.einddatum);
    if (maanden !== null)
      taken.push({
        soort: 'hoofdopdracht-loopt-af',
        jobId: `hoofdopdracht-loopt-af.${h.id}.${h.einddatum}.${maanden}`,
        gemeenteId: g,
        hoofdopdrachtId: h.id,
        einddatum: h.einddatum,
        maanden,
      });
  }
  for (const s of toestand.signalen) {
    if (s.antwoordTermijn && s.antwoordTermijn < vandaag)
      taken.push({
        soort: 'signaal-termijn',
        jobId: `signaal-termijn.${s.id}`,
        gemeenteId: g,
        signaalId: s.id,
      });
  }
  return taken;
}

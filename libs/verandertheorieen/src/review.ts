import {
  Pad,
  nummerVeronderstellingen,
  padenNaarAmbitie,
  veronderstellingenOpPaden,
} from './graaf';
import { KpiBewijs, Theorie, TheorieElement, Verband, Veronderstelling } from './model';

/**
 * The assumption review (brief §3): when a KPI linked to the theory is uit koers in an adopted
 * quarterly account, which assumptions were needed for that KPI's element to lead to the
 * ambitie? Each gets a diagnosis, after the research's four questions ("Ligt het aan de wijze
 * van uitvoering? Zijn er randvoorwaarden waar niet aan is voldaan? Is er een externe factor
 * die meespeelt? Of klopt de veronderstelling simpelweg niet?"), and a note, kept per quarter
 * by the service so the history of what was learned stays visible.
 */

export const DIAGNOSES = [
  'uitvoering',
  'randvoorwaarden',
  'externe-factor',
  'veronderstelling-klopt-niet',
  'nog-onbekend',
] as const;
export type Diagnose = (typeof DIAGNOSES)[number];

export const DIAGNOSE_LABELS: Readonly<Record<Diagnose, string>> = {
  uitvoering: 'uitvoering',
  randvoorwaarden: 'randvoorwaarden',
  'externe-factor': 'externe factor',
  'veronderstelling-klopt-niet': 'veronderstelling klopt niet',
  'nog-onbekend': 'nog onbekend',
};

/** The question behind each diagnosis, for the form in the verantwoordingsgesprek. */
export const DIAGNOSE_VRAGEN: Readonly<Record<Diagnose, string>> = {
  uitvoering: 'Ligt het aan de wijze van uitvoering?',
  randvoorwaarden: 'Is er niet voldaan aan een randvoorwaarde?',
  'externe-factor': 'Speelt er een externe factor mee?',
  'veronderstelling-klopt-niet': 'Klopt de veronderstelling zelf niet?',
  'nog-onbekend': 'Dat is nog niet uitgezocht.',
};

export function isDiagnose(waarde: unknown): waarde is Diagnose {
  return typeof waarde === 'string' && (DIAGNOSES as readonly string[]).includes(waarde);
}

/**
 * A diagnosis recorded for one quarter. Without kpiId it holds for the assumption under every
 * KPI of the review; with a kpiId only under that KPI, and it then wins over the general one.
 */
export interface VastgelegdeDiagnose {
  veronderstellingId: string;
  kpiId?: string | null;
  diagnose: Diagnose;
  notitie: string | null;
}

export interface ReviewInput {
  theorie: Theorie;
  kpiBewijzen: readonly KpiBewijs[];
  /** The KPIs uit koers in the adopted account of the quarter. */
  uitKoersKpiIds: readonly string[];
  /** What was already recorded for this quarter. */
  diagnoses?: readonly VastgelegdeDiagnose[];
}

export interface ReviewVeronderstelling {
  veronderstelling: Veronderstelling;
  /** Its number in the diagrams (nummerVeronderstellingen). */
  nummer: number;
  verband: Verband;
  van: TheorieElement;
  naar: TheorieElement;
  diagnose: Diagnose;
  notitie: string | null;
}

export interface ReviewKpi {
  kpiId: string;
  /** The elements of this theory the KPI evidences, in the theory's order. */
  elementIds: string[];
  /** All paths from those elements to the ambitie. */
  paden: Pad[];
  /** Exactly the assumptions on those paths, in path order. */
  veronderstellingen: ReviewVeronderstelling[];
}

/**
 * Per uit-koers KPI (in the order given, each once) that evidences an element of this theory:
 * the assumptions on the paths from its elements to the ambitie, with the diagnosis recorded so
 * far ('nog-onbekend' when none). KPIs that evidence nothing in this theory are left out: they
 * belong to another theory's review.
 */
export function stelReviewOp(input: ReviewInput): ReviewKpi[] {
  const { theorie } = input;
  const elementen = new Map(theorie.elementen.map((e) => [e.id, e]));
  const verbanden = new Map(theorie.verbanden.map((v) => [v.id, v]));
  const nummers = nummerVeronderstellingen(theorie);
  const volgorde = new Map(theorie.elementen.map((e, i) => [e.id, i]));
  const items: ReviewKpi[] = [];

  for (const kpiId of new Set(input.uitKoersKpiIds)) {
    const elementIds = [
      ...new Set(
        input.kpiBewijzen
          .filter((b) => b.kpiId === kpiId && elementen.has(b.elementId))
          .map((b) => b.elementId),
      ),
    ].sort((a, b) => (volgorde.get(a) ?? 0) - (volgorde.get(b) ?? 0));
    if (!elementIds.length) continue;

    const veronderstellingen = veronderstellingenOpPaden(theorie, elementIds).flatMap(
      (veronderstelling) => {
        const verband = verbanden.get(veronderstelling.verbandId);
        const van = verband && elementen.get(verband.vanId);
        const naar = verband && elementen.get(verband.naarId);
        if (!verband || !van || !naar) return [];
        const vastgelegd =
          input.diagnoses?.find(
            (d) => d.veronderstellingId === veronderstelling.id && d.kpiId === kpiId,
          ) ??
          input.diagnoses?.find(
            (d) => d.veronderstellingId === veronderstelling.id && (d.kpiId ?? null) === null,
          );
        return [
          {
            veronderstelling,
            nummer: nummers.get(veronderstelling.id) ?? 0,
            verband,
            van,
            naar,
            diagnose: vastgelegd?.diagnose ?? 'nog-onbekend',
            notitie: vastgelegd?.notitie ?? null,
          },
        ];
      },
    );

    items.push({
      kpiId,
      elementIds,
      paden: elementIds.flatMap((id) => padenNaarAmbitie(theorie, id)),
      veronderstellingen,
    });
  }
  return items;
}

/**
 * Whether a diagnosis for this assumption belongs in the review (under this KPI when given):
 * the service refuses to store a diagnosis for an assumption that is not on any path of a KPI
 * uit koers in that quarter.
 */
export function hoortBijReview(
  review: readonly ReviewKpi[],
  veronderstellingId: string,
  kpiId?: string | null,
): boolean {
  return review.some(
    (item) =>
      (kpiId == null || item.kpiId === kpiId) &&
      item.veronderstellingen.some((v) => v.veronderstelling.id === veronderstellingId),
  );
}

/** A diagnosis as stored, with its quarter (`2026-Q3`). */
export interface DiagnoseInKwartaal extends VastgelegdeDiagnose {
  kwartaal: string;
}

/**
 * What was learned about each assumption over time: its diagnoses per quarter, oldest first
 * (quarters written `YYYY-Qn` sort as text), in the order of first appearance of the assumption.
 */
export function geschiedenisPerVeronderstelling<T extends DiagnoseInKwartaal>(
  diagnoses: readonly T[],
): Map<string, T[]> {
  const geschiedenis = new Map<string, T[]>();
  for (const d of diagnoses)
    geschiedenis.set(d.veronderstellingId, [...(geschiedenis.get(d.veronderstellingId) ?? []), d]);
  for (const lijst of geschiedenis.values())
    lijst.sort((a, b) => (a.kwartaal < b.kwartaal ? -1 : a.kwartaal > b.kwartaal ? 1 : 0));
  return geschiedenis;
}

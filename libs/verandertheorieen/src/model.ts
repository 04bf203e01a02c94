/**
 * The theory of change (brief §3, Verandertheorie) as plain data: "als ik A doe, op deze
 * wijze, dan draagt dat bij aan ambitie B, want ...". Activities (A) lead through outcomes to
 * the ambitie (B); the links between them carry the assumptions ("want ..."). Values are what
 * the API and the database store (ASCII, kebab-case); the *_LABELS say them in Dutch.
 *
 * This file has no behaviour: the graph rules live in graaf.ts, the Ebrahim strategy in
 * strategie.ts, the assumption review in review.ts, the diagrams in export/.
 */

/** Ebrahim's contingency framework: which form of accountability fits the work. */
export const STRATEGIEEN = ['niche', 'geintegreerd', 'ontplooiend', 'ecosysteem'] as const;
export type Strategie = (typeof STRATEGIEEN)[number];

export const STRATEGIE_LABELS: Readonly<Record<Strategie, string>> = {
  niche: 'niche',
  geintegreerd: 'geïntegreerd',
  ontplooiend: 'ontplooiend',
  ecosysteem: 'ecosysteem',
};

/**
 * The nodes of the graph. An outcome is individual (what changes for a resident or household)
 * or societal (what changes in the wijk or the town); the ambitie is the one end point.
 */
export const ELEMENT_SOORTEN = [
  'activiteit',
  'outcome-individueel',
  'outcome-maatschappelijk',
  'ambitie',
] as const;
export type ElementSoort = (typeof ELEMENT_SOORTEN)[number];

export const ELEMENT_SOORT_LABELS: Readonly<Record<ElementSoort, string>> = {
  activiteit: 'activiteit',
  'outcome-individueel': 'individuele uitkomst',
  'outcome-maatschappelijk': 'maatschappelijke uitkomst',
  ambitie: 'ambitie',
};

export const OUTCOME_SOORTEN = ['outcome-individueel', 'outcome-maatschappelijk'] as const;
export type OutcomeSoort = (typeof OUTCOME_SOORTEN)[number];

export function isOutcomeSoort(soort: ElementSoort): soort is OutcomeSoort {
  return soort === 'outcome-individueel' || soort === 'outcome-maatschappelijk';
}

/** Where the knowledge behind an assumption comes from (the research's "mix van kennis"). */
export const KENNISBRONNEN = ['professioneel', 'wetenschappelijk', 'ervaringskennis'] as const;
export type Kennisbron = (typeof KENNISBRONNEN)[number];

export const KENNISBRON_LABELS: Readonly<Record<Kennisbron, string>> = {
  professioneel: 'professionele kennis',
  wetenschappelijk: 'wetenschappelijke kennis',
  ervaringskennis: 'ervaringskennis',
};

export const BEWIJSSTATUSSEN = ['onderbouwd', 'aannemelijk', 'onzeker', 'weerlegd'] as const;
export type Bewijsstatus = (typeof BEWIJSSTATUSSEN)[number];

export const BEWIJSSTATUS_LABELS: Readonly<Record<Bewijsstatus, string>> = {
  onderbouwd: 'onderbouwd',
  aannemelijk: 'aannemelijk',
  onzeker: 'onzeker',
  weerlegd: 'weerlegd',
};

/** The ambitie as a sentence, linked to the goals (doelen) of the opdracht it serves. */
export interface Ambitie {
  tekst: string;
  doelIds: readonly string[];
}

export interface TheorieElement {
  id: string;
  soort: ElementSoort;
  titel: string;
  omschrijving: string | null;
}

/** A directed link: the element `vanId` contributes to the element `naarId`. */
export interface Verband {
  id: string;
  vanId: string;
  naarId: string;
}

/** The "want ..." on a link, with what it depends on. */
export interface Veronderstelling {
  id: string;
  verbandId: string;
  tekst: string;
  kennisbron: Kennisbron;
  bewijsstatus: Bewijsstatus;
  randvoorwaarden: readonly string[];
  externeFactoren: readonly string[];
}

/**
 * One theory of change (one version of it: revisions are new versions, kept by the service).
 *
 * The ambitie appears twice on purpose: `ambitie` is the sentence and its goal links, the
 * element of soort 'ambitie' is the node the paths end in. Every theory has exactly one such
 * element (graaf.ts checks it). Array order is meaningful: it is the order of the diagrams, of
 * path search and of the assumption numbers, so the store should keep a stable order
 * (creation order).
 */
export interface Theorie {
  id: string;
  titel: string;
  ambitie: Ambitie;
  strategie: Strategie;
  elementen: readonly TheorieElement[];
  verbanden: readonly Verband[];
  veronderstellingen: readonly Veronderstelling[];
}

/** A KPI evidences an element (an outcome or an activity) of a theory. */
export interface KpiBewijs {
  kpiId: string;
  elementId: string;
}

function isWaarde<T extends string>(waarden: readonly T[]) {
  return (waarde: unknown): waarde is T =>
    typeof waarde === 'string' && (waarden as readonly string[]).includes(waarde);
}

export const isStrategie = isWaarde(STRATEGIEEN);
export const isElementSoort = isWaarde(ELEMENT_SOORTEN);
export const isKennisbron = isWaarde(KENNISBRONNEN);
export const isBewijsstatus = isWaarde(BEWIJSSTATUSSEN);

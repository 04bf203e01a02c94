/** What an agenda item points at (brief §3 Overleg; issue 15). */
export const AGENDA_BRONNEN = [
  'kpi',
  'indicator',
  'signaal',
  'aanvullende-opdracht',
  'hoofdopdracht',
  'casus',
  'actie',
  'veronderstelling',
  'vrij',
] as const;
export type AgendaBronSoort = (typeof AGENDA_BRONNEN)[number];

/** Why an item is on the agenda. */
export const AGENDA_DOELEN = ['informeren', 'bespreken', 'besluiten'] as const;
export type AgendaDoel = (typeof AGENDA_DOELEN)[number];

export const AGENDA_BRON_LABELS: Readonly<Record<AgendaBronSoort, string>> = {
  kpi: 'KPI',
  indicator: 'Indicator',
  signaal: 'Signaal',
  'aanvullende-opdracht': 'Aanvullende opdracht',
  hoofdopdracht: 'Hoofdopdracht',
  casus: 'Casusverhaal',
  actie: 'Open actie',
  veronderstelling: 'Veronderstelling uit de verandertheorie',
  vrij: 'Vrij onderwerp',
};

export const AGENDA_DOEL_LABELS: Readonly<Record<AgendaDoel, string>> = {
  informeren: 'Ter informatie',
  bespreken: 'Ter bespreking',
  besluiten: 'Ter besluitvorming',
};

/** One item as it is published: what a published agenda version stores, frozen. */
export interface GepubliceerdAgendapunt {
  nummer: number;
  bronSoort: AgendaBronSoort;
  bronId: string | null;
  onderwerp: string;
  toelichting: string | null;
  reden: string | null;
  doel: AgendaDoel;
  minuten: number | null;
}

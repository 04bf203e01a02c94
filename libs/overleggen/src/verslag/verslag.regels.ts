import { OverlegSoort } from '../overleg/overleg.regels';

export const ACTIE_STATUSSEN = ['open', 'gereed', 'vervallen'] as const;
export type ActieStatus = (typeof ACTIE_STATUSSEN)[number];

/** What a decision is about; budget and contract decisions belong to particular meetings. */
export const BESLUIT_ONDERWERPEN = ['inhoud', 'werkwijze', 'budget', 'contract'] as const;
export type BesluitOnderwerp = (typeof BESLUIT_ONDERWERPEN)[number];

export const BESLUIT_ONDERWERP_LABELS: Readonly<Record<BesluitOnderwerp, string>> = {
  inhoud: 'Inhoud',
  werkwijze: 'Werkwijze',
  budget: 'Budget',
  contract: 'Contract',
};

export const ACTIE_STATUS_LABELS: Readonly<Record<ActieStatus, string>> = {
  open: 'Open',
  gereed: 'Gereed',
  vervallen: 'Vervallen',
};

export const SOORT_LABELS: Readonly<Record<OverlegSoort, string>> = {
  [OverlegSoort.Verantwoordingsgesprek]: 'verantwoordingsgesprek',
  [OverlegSoort.Ketenoverleg]: 'ketenoverleg',
  [OverlegSoort.Ontwikkeloverleg]: 'ontwikkeloverleg',
  [OverlegSoort.Stuurgroep]: 'stuurgroep',
};

// Words that mark a decision about money or the contract when the recorder did not say so.
const BUDGET_WOORDEN =
  /\b(budget\w*|euro|€|geld|financi\w*|bekostig\w*|subsidie\w*|middelen|begroting\w*|kosten)\b|€\s?\d/i;
const CONTRACT_WOORDEN =
  /\b(contract\w*|opdracht\s+(verlengen|beëindigen|stopzetten|gunnen)|verleng\w*|beëindig\w*|gun\w*|aanbested\w*|hoofdopdracht\s+wijzig\w*|kpi-set\s+wijzig\w*)\b/i;

/** The subject of a decision: the one recorded, otherwise read from its words. */
export function besluitOnderwerp(
  tekst: string,
  opgegeven?: BesluitOnderwerp | null,
): BesluitOnderwerp {
  if (opgegeven) return opgegeven;
  if (BUDGET_WOORDEN.test(tekst)) return 'budget';
  if (CONTRACT_WOORDEN.test(tekst)) return 'contract';
  return 'inhoud';
}

export interface BesluitToets {
  /** The kind of meeting the decision belongs in; null when it fits where it was taken. */
  hoortBij: OverlegSoort | null;
  /** Why it was flagged, in Dutch; null when it fits. */
  signalering: string | null;
}

/**
 * Whether a decision belongs to the meeting it was recorded in. The research on Zaanstad
 * (source 004) found choices made in the ontwikkeloverleg although it is not a
 * decision-making body: budget and contract are decided with the aanbieder in the
 * verantwoordingsgesprek (its contract) or, across aanbieders, in the stuurgroep. A
 * ketenoverleg does not decide on money or contracts either. The flag does not refuse the
 * decision — the minutes record what happened — but makes it visible on the verslag.
 */
export function toetsBesluit(overleg: OverlegSoort, onderwerp: BesluitOnderwerp): BesluitToets {
  const geld = onderwerp === 'budget' || onderwerp === 'contract';
  if (!geld) return { hoortBij: null, signalering: null };
  const wat = onderwerp === 'budget' ? 'Een besluit over budget' : 'Een besluit over het contract';
  switch (overleg) {
    case OverlegSoort.Ontwikkeloverleg:
      return {
        hoortBij: OverlegSoort.Stuurgroep,
        signalering: `${wat} hoort niet in het ontwikkeloverleg: dat is geen besluitvormend overleg, het gaat formeel over thema’s buiten de hoofdopdracht. Leg het voor aan de stuurgroep (of, voor één aanbieder, aan het verantwoordingsgesprek) en neem het daar.`,
      };
    case OverlegSoort.Ketenoverleg:
      return {
        hoortBij: OverlegSoort.Stuurgroep,
        signalering: `${wat} hoort niet in het ketenoverleg: daar worden de keten en de samenwerking besproken, niet geld of contracten. Leg het voor aan de stuurgroep of, voor één aanbieder, aan het verantwoordingsgesprek.`,
      };
    default:
      return { hoortBij: null, signalering: null };
  }
}

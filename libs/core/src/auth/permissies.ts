import { Actor } from '../tenancy/actor';
import { OrganisatieSoort, Rol } from '../tenancy/rol';

/**
 * What an endpoint asks of the actor. Every endpoint that needs a login names one of these
 * (`@Vereist(...)`); which roles hold it is decided in one place, the role table below.
 * Whether the actor may see the particular row (own gemeente, own organisation, own keten)
 * is the service's scope, not a permission.
 */
export enum Permissie {
  /** Read what the service's scope shows (own gemeente; a provider: own organisation). */
  Lezen = 'lezen',
  /** Read what only the gemeente sees: overviews across aanbieders, rhythm settings. */
  GemeenteLezen = 'gemeente-lezen',
  /**
   * Read the whole gemeente's verantwoording; without it a ketenregisseur reads what is linked
   * to the ketens they direct ("reads everything in that chain").
   */
  GemeenteBreedLezen = 'gemeente-breed-lezen',
  /** One's own account: who am I, log out, own notifications and mail preferences. */
  EigenAccount = 'eigen-account',
  GebruikersBeheren = 'gebruikers-beheren',
  AuditLezen = 'audit-lezen',
  WachtrijBeheren = 'wachtrij-beheren',
  GemeenteInstellen = 'gemeente-instellen',
  /** Wijken, ketens, percelen and the aanbieders the gemeente works with. */
  ReferentiedataBeheren = 'referentiedata-beheren',
  RitmeInstellen = 'ritme-instellen',
  /** Hoofdopdrachten, their goals and amendments, and who holds which perceel. */
  HoofdopdrachtenBeheren = 'hoofdopdrachten-beheren',
  /** Register a request for an aanvullende opdracht (status aangevraagd). */
  AanvullendeOpdrachtAanvragen = 'aanvullende-opdracht-aanvragen',
  /** Change, test (toets) and move an aanvullende opdracht through its lifecycle. */
  AanvullendeOpdrachtenBeheren = 'aanvullende-opdrachten-beheren',
  /** Take part in the conversation about an aanvullende opdracht. */
  OpdrachtReageren = 'opdracht-reageren',
  KpiSetBeheren = 'kpi-set-beheren',
  RapportageperiodesOpenen = 'rapportageperiodes-openen',
  VerantwoordingOpstellen = 'verantwoording-opstellen',
  /** Submit the account of one's own organisation: the directeur (brief §2). */
  VerantwoordingIndienen = 'verantwoording-indienen',
  /** Move an account through its lifecycle; which step for which role is the lifecycle's. */
  VerantwoordingStatusWijzigen = 'verantwoording-status-wijzigen',
  VerantwoordingBeoordelen = 'verantwoording-beoordelen',
  CasussenSchrijven = 'casussen-schrijven',
  SignaalInbrengen = 'signaal-inbrengen',
  SignaalBehandelen = 'signaal-behandelen',
  /** Title, strategy, ambitie and KPI evidence of a theory of change: the gemeente's. */
  VerandertheorieOpstellen = 'verandertheorie-opstellen',
  /** Elements, links, assumptions, case-story links and diagnoses: co-authored. */
  VerandertheorieMeeschrijven = 'verandertheorie-meeschrijven',
  /** Plan meetings of some kind (the endpoint); the kind needs one of the two below. */
  OverleggenPlannen = 'overleggen-plannen',
  /** The verantwoordingsgesprek and the stuurgroep: the contract relationship. */
  ContractoverlegPlannen = 'contractoverleg-plannen',
  /** The keten- and ontwikkeloverleg. */
  KetenoverlegPlannen = 'ketenoverleg-plannen',
  DossiersSamenstellen = 'dossiers-samenstellen',
  /** Report an action from an overleg done (its owner) or move it (who prepares the overleg). */
  ActieAfronden = 'actie-afronden',
}

export interface RolBeschrijving {
  organisatie: OrganisatieSoort;
  /** The brief's words (§2). */
  doet: string;
  permissies: readonly Permissie[];
}

const IEDEREEN = [Permissie.Lezen, Permissie.EigenAccount] as const;
const GEMEENTE = [...IEDEREEN, Permissie.GemeenteLezen] as const;
const GEMEENTE_BREED = [...GEMEENTE, Permissie.GemeenteBreedLezen] as const;

/**
 * The brief's role table (§2) as data: the one source for the guards, the services' role
 * checks and the authorization-matrix test. A permission not listed for a role is refused
 * (403), so the bestuurder, read-only in the brief, holds reading permissions only.
 */
export const ROLTABEL: Readonly<Record<Rol, RolBeschrijving>> = {
  [Rol.Contractmanager]: {
    organisatie: OrganisatieSoort.Gemeente,
    doet: 'owns hoofdopdrachten, aanvullende opdrachten, KPI sets, budgets; reviews and adopts (vaststellen) quarterly accounts; runs the verantwoordingsgesprek',
    permissies: [
      Permissie.ActieAfronden,
      ...GEMEENTE_BREED,
      Permissie.ReferentiedataBeheren,
      Permissie.RitmeInstellen,
      Permissie.HoofdopdrachtenBeheren,
      Permissie.AanvullendeOpdrachtAanvragen,
      Permissie.AanvullendeOpdrachtenBeheren,
      Permissie.OpdrachtReageren,
      Permissie.KpiSetBeheren,
      Permissie.RapportageperiodesOpenen,
      Permissie.VerantwoordingStatusWijzigen,
      Permissie.VerantwoordingBeoordelen,
      Permissie.SignaalInbrengen,
      Permissie.SignaalBehandelen,
      Permissie.VerandertheorieOpstellen,
      Permissie.VerandertheorieMeeschrijven,
      Permissie.OverleggenPlannen,
      Permissie.ContractoverlegPlannen,
      Permissie.KetenoverlegPlannen,
      Permissie.DossiersSamenstellen,
    ],
  },
  [Rol.Ketenregisseur]: {
    organisatie: OrganisatieSoort.Gemeente,
    doet: 'responsible for one keten; reads everything in that chain; prepares ketenoverleg and ontwikkeloverleg agendas; answers signals',
    permissies: [
      Permissie.ActieAfronden,
      ...GEMEENTE,
      Permissie.AanvullendeOpdrachtAanvragen,
      Permissie.OpdrachtReageren,
      Permissie.SignaalInbrengen,
      Permissie.SignaalBehandelen,
      Permissie.VerandertheorieOpstellen,
      Permissie.VerandertheorieMeeschrijven,
      Permissie.OverleggenPlannen,
      Permissie.KetenoverlegPlannen,
    ],
  },
  [Rol.Beleidsadviseur]: {
    organisatie: OrganisatieSoort.Gemeente,
    doet: 'reads; raises and answers signals; proposes aanvullende opdrachten (never assigns them directly)',
    permissies: [
      Permissie.ActieAfronden,
      ...GEMEENTE_BREED,
      Permissie.AanvullendeOpdrachtAanvragen,
      Permissie.OpdrachtReageren,
      Permissie.SignaalInbrengen,
      Permissie.SignaalBehandelen,
      Permissie.VerandertheorieOpstellen,
      Permissie.VerandertheorieMeeschrijven,
    ],
  },
  [Rol.Bestuurder]: {
    organisatie: OrganisatieSoort.Gemeente,
    doet: 'read-only overview and yearly/quarterly summaries',
    permissies: [...GEMEENTE_BREED],
  },
  [Rol.Beheerder]: {
    organisatie: OrganisatieSoort.Gemeente,
    doet: 'users, roles, reference data',
    permissies: [
      ...GEMEENTE_BREED,
      Permissie.GebruikersBeheren,
      Permissie.AuditLezen,
      Permissie.WachtrijBeheren,
      Permissie.GemeenteInstellen,
      Permissie.ReferentiedataBeheren,
      Permissie.RitmeInstellen,
    ],
  },
  [Rol.Directeur]: {
    organisatie: OrganisatieSoort.Aanbieder,
    doet: 'submits the quarterly account (kwartaalverantwoording) of its own organisation',
    permissies: [
      Permissie.ActieAfronden,
      ...IEDEREEN,
      Permissie.OpdrachtReageren,
      Permissie.VerantwoordingOpstellen,
      Permissie.VerantwoordingIndienen,
      Permissie.VerantwoordingStatusWijzigen,
      Permissie.CasussenSchrijven,
      Permissie.SignaalInbrengen,
      Permissie.VerandertheorieMeeschrijven,
    ],
  },
  [Rol.Teamleider]: {
    organisatie: OrganisatieSoort.Aanbieder,
    doet: 'drafts accounts, case stories and signals for its own organisation',
    permissies: [
      Permissie.ActieAfronden,
      ...IEDEREEN,
      Permissie.OpdrachtReageren,
      Permissie.VerantwoordingOpstellen,
      Permissie.VerantwoordingStatusWijzigen,
      Permissie.CasussenSchrijven,
      Permissie.SignaalInbrengen,
      Permissie.VerandertheorieMeeschrijven,
    ],
  },
  [Rol.Kwaliteitsmedewerker]: {
    organisatie: OrganisatieSoort.Aanbieder,
    doet: 'drafts accounts, case stories and signals for its own organisation',
    permissies: [
      Permissie.ActieAfronden,
      ...IEDEREEN,
      Permissie.OpdrachtReageren,
      Permissie.VerantwoordingOpstellen,
      Permissie.VerantwoordingStatusWijzigen,
      Permissie.CasussenSchrijven,
      Permissie.SignaalInbrengen,
      Permissie.VerandertheorieMeeschrijven,
    ],
  },
};

/** The roles that hold a permission, in the order of the role table. */
export function rollenMet(permissie: Permissie): Rol[] {
  return (Object.keys(ROLTABEL) as Rol[]).filter((rol) =>
    ROLTABEL[rol].permissies.includes(permissie),
  );
}

export function rolHeeft(rollen: readonly Rol[], permissie: Permissie): boolean {
  return rollen.some((rol) => ROLTABEL[rol]?.permissies.includes(permissie));
}

export function heeftPermissie(actor: Pick<Actor, 'rollen'>, permissie: Permissie): boolean {
  return rolHeeft(actor.rollen, permissie);
}

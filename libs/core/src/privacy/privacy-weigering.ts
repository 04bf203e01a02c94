import { DomainError } from '../errors/domain-error';
import { PrivacyBevinding, PrivacySoort, scanPrivacy } from './privacy-scan';

/** One refused field: the field, the kind of identifier and a Dutch reason without the identifier. */
export interface PrivacyInvalidParam {
  name: string;
  code: PrivacySoort;
  reason: string;
}

export function privacyInvalidParams(
  bevindingen: readonly PrivacyBevinding[],
): PrivacyInvalidParam[] {
  return bevindingen.map((b) => ({ name: b.veld, code: b.soort, reason: b.melding }));
}

/** What holds the refused text; it names the 422 and says why identifiers do not belong there. */
export type PrivacyOnderwerp =
  | 'Verhaal'
  | 'Signaal'
  | 'Kwartaalverantwoording'
  | 'KPI-waarde'
  | 'Beoordelingsopmerking'
  | 'Verandertheorie'
  | 'Hoofdopdracht'
  | 'KPI'
  | 'Aanvullende opdracht'
  | 'Reactie'
  | 'Overleg';

const UITLEG: Readonly<Record<PrivacyOnderwerp, { waarom: string; detail: string }>> = {
  Verhaal: {
    waarom: 'Verhalen worden gepseudonimiseerd opgeslagen',
    detail: 'Casusverhalen worden gepseudonimiseerd vastgelegd.',
  },
  Signaal: {
    waarom: 'Verhalen worden gepseudonimiseerd opgeslagen',
    detail: 'Signalen worden gepseudonimiseerd vastgelegd.',
  },
  Kwartaalverantwoording: {
    waarom: 'De verantwoording komt in dossiers en bevat geen persoonsgegevens',
    detail:
      'Het verhaal, de toelichtingen en de cijfers van een kwartaalverantwoording komen in dossiers en worden zonder direct identificerende gegevens vastgelegd.',
  },
  'KPI-waarde': {
    waarom: 'De verantwoording komt in dossiers en bevat geen persoonsgegevens',
    detail:
      'Toelichtingen bij KPI-waarden komen in dossiers en worden zonder direct identificerende gegevens vastgelegd.',
  },
  Beoordelingsopmerking: {
    waarom: 'De beoordeling hoort bij de verantwoording en bevat geen persoonsgegevens',
    detail:
      'Beoordelingsopmerkingen en reacties horen bij de verantwoording en worden zonder direct identificerende gegevens vastgelegd.',
  },
  Verandertheorie: {
    waarom: 'Een verandertheorie komt in dossiers en diagrammen en bevat geen persoonsgegevens',
    detail:
      'De teksten van een verandertheorie (titel, ambitie, elementen, veronderstellingen, randvoorwaarden, externe factoren, toelichtingen) komen in dossiers en diagrammen en worden zonder direct identificerende gegevens vastgelegd.',
  },
  Hoofdopdracht: {
    waarom: 'Een hoofdopdracht en haar doelen komen in dossiers en bevatten geen persoonsgegevens',
    detail:
      'De teksten van een hoofdopdracht (titel, visie, missie, herijkingsmomenten, reden van een wijziging) en van haar doelen komen in dossiers en overzichten en worden zonder direct identificerende gegevens vastgelegd.',
  },
  KPI: {
    waarom: 'Een KPI komt in dossiers en bevat geen persoonsgegevens',
    detail:
      'De naam en de definitie van een KPI komen in dossiers en worden zonder direct identificerende gegevens vastgelegd.',
  },
  'Aanvullende opdracht': {
    waarom: 'Het register komt in dossiers en agenda’s en bevat geen persoonsgegevens',
    detail:
      'De teksten van een aanvullende opdracht (titel, doel, toets) komen in dossiers en agenda’s en worden zonder direct identificerende gegevens vastgelegd.',
  },
  Reactie: {
    waarom: 'Reacties worden gedeeld met gemeente en aanbieders en bevatten geen persoonsgegevens',
    detail:
      'Een reactie op een aanvullende opdracht wordt gedeeld met de gemeente en de deelnemende aanbieders en wordt zonder direct identificerende gegevens vastgelegd.',
  },
  Overleg: {
    waarom: 'Een overleg komt in agenda’s, uitnodigingen en e-mails en bevat geen persoonsgegevens',
    detail:
      'De titel, de locatie en de deelnemers van een overleg komen in agenda’s, uitnodigingen en e-mails en worden zonder direct identificerende gegevens vastgelegd; noem gasten bij naam en organisatie, zonder adres, telefoonnummer of e-mailadres.',
  },
};

/**
 * A list of texts as scannable fields named by their index ('randvoorwaarden.0', …), the way
 * the 422's invalidParams name them.
 */
export function lijstVelden(
  naam: string,
  lijst: readonly (string | null | undefined)[] | null | undefined,
): Record<string, string | null | undefined> {
  return Object.fromEntries((lijst ?? []).map((tekst, i) => [`${naam}.${i}`, tekst]));
}

/** Why a subject's text may not hold identifiers, as a finding's melding says it. */
export const privacyWaarom = (onderwerp: PrivacyOnderwerp): string => UITLEG[onderwerp].waarom;

/**
 * 422 for text holding direct identifiers. Field and kind are named, the identifier itself
 * never: the response ends up in logs, screenshots and support tickets.
 */
export class DirectIdentificerendeGegevensError extends DomainError {
  constructor(onderwerp: PrivacyOnderwerp, bevindingen: readonly PrivacyBevinding[]) {
    super(
      'unprocessable',
      'direct-identificerende-gegevens',
      `${onderwerp} bevat direct identificerende gegevens`,
      `${UITLEG[onderwerp].detail} Haal de gegevens weg uit de genoemde velden en probeer het opnieuw; er is niets opgeslagen.`,
      { invalidParams: privacyInvalidParams(bevindingen) },
    );
  }
}

/**
 * Scans the given text fields (absent ones are skipped) and refuses the whole write on any
 * finding. Runs before the transaction: refused text reaches neither the table nor the audit
 * trail. Keys are the field paths the 422 names ('knelpunten', 'budget.toelichting',
 * 'waarden.3.toelichting'); veldnamen how the reason names them, default the key.
 */
export function weigerIdentificatoren(
  onderwerp: PrivacyOnderwerp,
  velden: Readonly<Record<string, string | null | undefined>>,
  veldnamen: Readonly<Record<string, string>> = {},
): void {
  const bevindingen = scanPrivacy(velden, { veldnamen, waarom: UITLEG[onderwerp].waarom });
  if (bevindingen.length) throw new DirectIdentificerendeGegevensError(onderwerp, bevindingen);
}

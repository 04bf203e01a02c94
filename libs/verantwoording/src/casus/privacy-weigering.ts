import { DomainError } from '@wijkkompas/core';
import { PrivacyBevinding, PrivacySoort, scanPrivacy } from '../privacy/privacy-scan';

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
  'Verhaal' | 'Signaal' | 'Kwartaalverantwoording' | 'KPI-waarde' | 'Beoordelingsopmerking';

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
};

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

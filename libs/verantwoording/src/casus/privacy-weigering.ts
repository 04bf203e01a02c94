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

export type PrivacyOnderwerp = 'Verhaal' | 'Signaal';

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
      `${onderwerp === 'Verhaal' ? 'Casusverhalen' : 'Signalen'} worden gepseudonimiseerd vastgelegd. Haal de gegevens weg uit de genoemde velden en probeer het opnieuw; er is niets opgeslagen.`,
      { invalidParams: privacyInvalidParams(bevindingen) },
    );
  }
}

/**
 * Scans the given text fields (absent ones are skipped) and refuses the whole write on any
 * finding. Runs before the transaction: refused text reaches neither the table nor the audit
 * trail.
 */
export function weigerIdentificatoren(
  onderwerp: PrivacyOnderwerp,
  velden: Readonly<Record<string, string | null | undefined>>,
  veldnamen: Readonly<Record<string, string>>,
): void {
  const bevindingen = scanPrivacy(velden, { veldnamen });
  if (bevindingen.length) throw new DirectIdentificerendeGegevensError(onderwerp, bevindingen);
}

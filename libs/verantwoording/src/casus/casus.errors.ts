import { DomainError, InvalidParam } from '@wijkkompas/core';

/** A reference that does not exist in the gemeente or does not belong to the aanbieder: 422. */
export class OngeldigeVerwijzingError extends DomainError {
  constructor(invalidParams: InvalidParam[]) {
    super(
      'unprocessable',
      'ongeldige-verwijzing',
      'Ongeldige verwijzing',
      'Een of meer verwijzingen bestaan niet in uw gemeente of horen niet bij deze organisatie of dit kwartaal.',
      { invalidParams },
    );
  }
}

/**
 * The quarter's account is ingediend or vastgesteld: its case stories are part of the
 * submitted version and stay as they were.
 */
export class KwartaalIngediendError extends DomainError {
  constructor(periode: string, status: string) {
    super(
      'conflict',
      'verantwoording-ingediend',
      'Verantwoording al ingediend',
      `De verantwoording van dit kwartaal (${periode}) is al ingediend (status: ${status}). De casusverhalen horen bij de ingediende versie en veranderen niet meer. Vraag de contractmanager de verantwoording terug te zetten, of leg een correctie vast in een nieuwe revisie.`,
      { periode, verantwoordingStatus: status },
    );
  }
}

export class PeriodeInToekomstError extends DomainError {
  constructor(periode: string, huidig: string) {
    super(
      'unprocessable',
      'periode-in-toekomst',
      'Kwartaal ligt in de toekomst',
      `Kwartaal ${periode} is nog niet begonnen: verhalen en signalen horen bij een kwartaal tot en met het huidige.`,
      {
        invalidParams: [
          {
            name: 'periode',
            reason: `periode mag niet na het huidige kwartaal (${huidig}) liggen`,
          },
        ],
      },
    );
  }
}

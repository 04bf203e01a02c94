import { DomainError, InvalidParam } from '@wijkkompas/core';
import { KWARTAAL_PATROON, kwartaalLabel } from './overleg.regels';

/** The content breaks a rule of the kind of meeting, or names someone or something unknown. */
export class OngeldigOverlegError extends DomainError {
  constructor(invalidParams: InvalidParam[]) {
    super(
      'unprocessable',
      'ongeldig-overleg',
      'Overleg klopt niet',
      'Het overleg kan zo niet worden vastgelegd. Zie invalidParams voor wat er aan de hand is.',
      { invalidParams },
    );
  }
}

export class VerantwoordingsgesprekBestaatError extends DomainError {
  constructor(aanbiederNaam: string, periode: string, bestaandeId?: string) {
    super(
      'conflict',
      'verantwoordingsgesprek-bestaat',
      'Verantwoordingsgesprek bestaat al',
      `Er is al een verantwoordingsgesprek met ${aanbiederNaam} over ${KWARTAAL_PATROON.test(periode) ? `het ${kwartaalLabel(periode)}` : 'dit kwartaal'}. Verplaats dat gesprek, of annuleer het eerst als u een nieuw gesprek wilt plannen.`,
      bestaandeId ? { overlegId: bestaandeId } : {},
    );
  }
}

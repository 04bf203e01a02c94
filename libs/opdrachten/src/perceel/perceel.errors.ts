import { DomainError } from '@wijkkompas/core';
import { BestaandeToewijzing } from './toewijzing';

export class PerceelNaamInGebruikError extends DomainError {
  constructor() {
    super(
      'conflict',
      'perceelnaam-in-gebruik',
      'Perceelnaam al in gebruik',
      'Uw gemeente heeft al een perceel met deze naam.',
    );
  }
}

export class WijkAlInPerceelError extends DomainError {
  constructor(wijkId: string) {
    super(
      'bad-request',
      'validatiefout',
      'Ongeldige invoer',
      'Een wijk hoort bij hoogstens één perceel.',
      {
        invalidParams: [
          { name: 'wijkIds', reason: `wijk ${wijkId} hoort al bij een ander perceel` },
        ],
      },
    );
  }
}

export class ToewijzingOverlaptError extends DomainError {
  constructor(conflict: BestaandeToewijzing) {
    super(
      'conflict',
      'toewijzing-overlapt',
      'Toewijzing overlapt',
      `Deze periode overlapt de toewijzing van ${conflict.van} tot ${conflict.tot ?? 'open einde'}; een perceel heeft per dag één aanbieder.`,
      { conflictToewijzingId: conflict.id },
    );
  }
}

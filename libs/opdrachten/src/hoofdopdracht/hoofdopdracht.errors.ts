import { DomainError } from '@wijkkompas/core';

export class HoofdopdrachtOverlaptError extends DomainError {
  constructor(bestaandeId: string, van: string, tot: string) {
    super(
      'conflict',
      'hoofdopdracht-overlapt',
      'Hoofdopdracht overlapt',
      `Deze aanbieder heeft al een hoofdopdracht van ${van} tot ${tot}; per aanbieder geldt op elke dag één hoofdopdracht.`,
      { hoofdopdrachtId: bestaandeId },
    );
  }
}

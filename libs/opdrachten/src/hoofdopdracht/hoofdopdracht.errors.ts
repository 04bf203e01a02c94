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

/** The end date and budgets change only through a typed wijziging, so as-of reads stay true. */
export class AlleenViaWijzigingError extends DomainError {
  /** `wat` names the field for people, e.g. 'De einddatum'. */
  constructor(veld: string, wat: string, pad: string) {
    super(
      'bad-request',
      'alleen-via-wijziging',
      'Wijzigen via een wijziging',
      `${wat} verandert niet met PATCH maar met een wijziging (verlenging, beëindiging, budgetwijziging of indexering) met ingangsdatum en motivering: POST ${pad}. Zo blijft zichtbaar wat er vóór de ingangsdatum gold.`,
      { invalidParams: [{ name: veld, reason: `wijzig dit via POST ${pad}` }], wijzigingen: pad },
    );
  }
}

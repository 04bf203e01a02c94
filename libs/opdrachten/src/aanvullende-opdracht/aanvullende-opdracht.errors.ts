import { DomainError } from '@wijkkompas/core';

export class OpdrachtAfgeslotenError extends DomainError {
  constructor(status: string) {
    super(
      'conflict',
      'opdracht-afgesloten',
      'Opdracht afgesloten',
      `Een aanvullende opdracht met status '${status}' kan niet meer gewijzigd worden.`,
      { currentStatus: status },
    );
  }
}

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

export class OpdrachtNietActiefError extends DomainError {
  constructor(status: string) {
    super(
      'conflict',
      'opdracht-niet-actief',
      'Opdracht niet actief',
      `Een wijziging geldt voor een actieve opdracht; deze heeft status '${status}'. Een aanvraag past u aan met PATCH.`,
      { currentStatus: status },
    );
  }
}

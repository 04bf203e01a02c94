import { DomainError } from '@wijkkompas/core';

export class IndicatorCodeBestaatError extends DomainError {
  constructor(code: string, bestaandeId?: string) {
    super(
      'conflict',
      'indicator-code-bestaat',
      'Indicatorcode bestaat al',
      `Er is in deze gemeente al een indicator met code ${code}. Kies een andere code.`,
      bestaandeId ? { indicatorId: bestaandeId } : {},
    );
  }
}

/** A KPI may only adopt an indicator it measures in the same unit and direction. */
export class IndicatorPastNietError extends DomainError {
  constructor(reden: string) {
    super(
      'unprocessable',
      'indicator-past-niet',
      'Indicator past niet bij de KPI',
      `${reden} Cijfers zijn alleen naast elkaar te lezen als ze in dezelfde eenheid en richting gemeten worden.`,
      { invalidParams: [{ name: 'indicatorId', reason: reden }] },
    );
  }
}

/** The indicator is still adopted by KPIs: its unit or direction cannot change under them. */
export class IndicatorInGebruikError extends DomainError {
  constructor(aantal: number) {
    super(
      'conflict',
      'indicator-in-gebruik',
      'Indicator is in gebruik',
      `${aantal === 1 ? 'Eén KPI meet' : `${aantal} KPI’s meten`} deze indicator. Eenheid en richting veranderen kan pas als geen KPI hem meer overneemt.`,
    );
  }
}

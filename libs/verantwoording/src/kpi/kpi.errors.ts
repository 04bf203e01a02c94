import { DomainError, InvalidParam } from '@wijkkompas/core';

export class KpiCodeBestaatError extends DomainError {
  constructor(bestaandeId?: string) {
    super(
      'conflict',
      'kpi-code-bestaat',
      'KPI-code bestaat al',
      'Er is in deze gemeente al een KPI met deze code. Kies een andere code: een code is uniek binnen de gemeente, zodat geïmporteerde cijfers altijd bij de juiste KPI terechtkomen.',
      bestaandeId ? { kpiId: bestaandeId } : {},
    );
  }
}

export class OngeldigeNormError extends DomainError {
  constructor(invalidParams: InvalidParam[]) {
    super(
      'unprocessable',
      'ongeldige-norm',
      'Ongeldige norm',
      'De norm kan zo niet gebruikt worden om te bepalen of de KPI op koers is.',
      { invalidParams },
    );
  }
}

export class NormPeriodePastNietError extends DomainError {
  constructor(code: string, periode: string) {
    super(
      'unprocessable',
      'norm-periode-past-niet',
      'Norm past niet bij de frequentie',
      `KPI ${code} wordt per jaar gemeten; een norm voor kwartaal ${periode} wordt nooit gebruikt. Leg een jaarnorm vast (bijvoorbeeld ${periode.slice(0, 4)}).`,
      { invalidParams: [{ name: 'periode', reason: 'een jaar-KPI heeft alleen jaarnormen' }] },
    );
  }
}

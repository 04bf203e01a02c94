import { DomainError } from '@wijkkompas/core';

export class RapportageperiodeBestaatError extends DomainError {
  constructor(periode: string, bestaandeId?: string) {
    super(
      'conflict',
      'rapportageperiode-bestaat',
      'Rapportageperiode bestaat al',
      `De rapportageperiode ${periode} is voor deze aanbieder al geopend; per aanbieder is er één periode ${periode}. Gebruik de bestaande periode.`,
      bestaandeId ? { rapportageperiodeId: bestaandeId } : {},
    );
  }
}

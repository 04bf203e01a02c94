import { DomainError } from '@wijkkompas/core';
import { SignaalVeldFout } from '../signaal.lifecycle';
import { SignaalWijzigFout } from './signaal-regels';

/** The loop is not closed yet: answer, feedback or learning order missing for this status. */
export class SignaalOnvolledigError extends DomainError {
  constructor(velden: readonly SignaalVeldFout[], melding: string) {
    super('unprocessable', 'signaal-onvolledig', 'Signaal nog niet compleet', melding, {
      invalidParams: velden.map((v) => ({ name: v.veld, reason: v.melding })),
    });
  }
}

export class LeerordeAlleenBijSluitenError extends DomainError {
  constructor() {
    super(
      'unprocessable',
      'leerorde-alleen-bij-sluiten',
      'Leerorde hoort bij sluiten',
      'De leerorde wordt vastgelegd bij het sluiten van het signaal (status gesloten).',
      {
        invalidParams: [
          { name: 'leerorde', reason: 'geef leerorde alleen mee bij de overgang naar gesloten' },
        ],
      },
    );
  }
}

export class AntwoordTermijnVerstrekenError extends DomainError {
  constructor(vandaag: string) {
    super(
      'unprocessable',
      'antwoordtermijn-in-verleden',
      'Antwoordtermijn in het verleden',
      'Een antwoordtermijn is een afspraak voor de toekomst.',
      {
        invalidParams: [
          {
            name: 'antwoordTermijn',
            reason: `antwoordTermijn mag niet vóór vandaag (${vandaag}) liggen`,
          },
        ],
      },
    );
  }
}

/** The change touches fields that are fixed in this status: 409, naming each. */
export class SignaalVastError extends DomainError {
  constructor(status: string, fouten: readonly SignaalWijzigFout[]) {
    super(
      'conflict',
      'signaal-vast',
      'Signaal kan zo niet meer wijzigen',
      fouten.map((f) => f.melding).join(' '),
      {
        currentStatus: status,
        invalidParams: fouten.map((f) => ({ name: f.veld, reason: f.melding })),
      },
    );
  }
}

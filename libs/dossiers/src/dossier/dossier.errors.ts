import { DomainError } from '@wijkkompas/core';

/** Wijzigingen, HTML and PDF exist only for a version that is ready. */
export class DossierNietGereedError extends DomainError {
  constructor(status: string) {
    const uitleg: Record<string, string> = {
      wachtrij: 'Het dossier staat nog in de wachtrij.',
      bezig: 'Het dossier wordt nu samengesteld.',
      mislukt: 'Het samenstellen van dit dossier is mislukt; vraag een nieuw dossier aan.',
    };
    super(
      'conflict',
      'dossier-niet-gereed',
      'Dossier is niet gereed',
      `${uitleg[status] ?? 'Het dossier is niet gereed.'} Dit onderdeel is er pas als het dossier gereed is.`,
      { dossierStatus: status },
    );
  }
}

/** The job could not be queued: the request is kept as mislukt, nothing waits silently. */
export class DossierWachtrijError extends DomainError {
  constructor() {
    super(
      'unavailable',
      'dossier-wachtrij-onbereikbaar',
      'Wachtrij niet bereikbaar',
      'Het dossier kon niet in de wachtrij worden gezet. Probeer het over enkele minuten opnieuw.',
    );
  }
}

/**
 * What the loader cannot do without: a failure of the job with a reason a contractmanager
 * understands (the job ends `mislukt` with this text).
 */
export class DossierGegevensError extends DomainError {
  constructor(detail: string) {
    super(
      'unprocessable',
      'dossier-gegevens-ontbreken',
      'Gegevens voor het dossier ontbreken',
      detail,
    );
  }
}

import { DomainError, InvalidParam } from '@wijkkompas/core';
import {
  KwartaalverantwoordingStatus,
  OvergangUitkomst,
} from '../kwartaalverantwoording.lifecycle';

const WAAROM_NIET_BEWERKBAAR: Record<Exclude<KwartaalverantwoordingStatus, 'concept'>, string> = {
  ingediend:
    'Deze kwartaalverantwoording is ingediend en wacht op beoordeling door de gemeente; ze kan niet meer worden gewijzigd. Zet de contractmanager haar terug, dan kunt u haar weer bewerken.',
  vastgesteld:
    'Deze kwartaalverantwoording is vastgesteld en blijft zoals ze is. Maak een nieuwe revisie om iets te corrigeren.',
  teruggezet:
    'Deze kwartaalverantwoording is teruggezet door de gemeente. Neem haar eerst weer in bewerking (status concept) voordat u iets wijzigt.',
};

/** Only a concept is edited in place (409). */
export class NietBewerkbaarError extends DomainError {
  constructor(status: KwartaalverantwoordingStatus) {
    super(
      'conflict',
      'verantwoording-niet-bewerkbaar',
      'Kwartaalverantwoording niet bewerkbaar',
      status === 'concept' ? undefined : WAAROM_NIET_BEWERKBAAR[status],
      { currentStatus: status },
    );
  }
}

export class VerantwoordingBestaatAlError extends DomainError {
  constructor(bestaandeId: string, periode: string) {
    super(
      'conflict',
      'verantwoording-bestaat-al',
      'Kwartaalverantwoording bestaat al',
      `Voor deze rapportageperiode (${periode}) bestaat al een kwartaalverantwoording. Werk die bij, of maak na vaststelling een nieuwe revisie.`,
      { bestaandeId },
    );
  }
}

/** A lifecycle step refused by controleerOvergang: 409 for the state, 403 for the role. */
export class OvergangGeweigerdError extends DomainError {
  constructor(uitkomst: Exclude<OvergangUitkomst, { ok: true }>) {
    if (uitkomst.soort === 'geen-rol') {
      super('forbidden', 'geen-toegang', 'Geen toegang', uitkomst.melding, {
        vereisteRollen: uitkomst.vereisteRollen,
      });
    } else {
      super('conflict', 'ongeldige-statusovergang', 'Ongeldige statusovergang', uitkomst.melding, {
        currentStatus: uitkomst.van,
        allowedNextStates: uitkomst.toegestaan,
      });
    }
  }
}

/** What a step needs before it can be taken (422, naming each missing field). */
export class OvergangOnvolledigError extends DomainError {
  constructor(code: string, title: string, detail: string, invalidParams: InvalidParam[]) {
    super('unprocessable', code, title, detail, { invalidParams });
  }
}

export class BeoordelingNietMogelijkError extends DomainError {
  constructor(detail: string, status: KwartaalverantwoordingStatus) {
    super('conflict', 'beoordeling-niet-mogelijk', 'Niet mogelijk in deze status', detail, {
      currentStatus: status,
    });
  }
}

export class RevisieNietMogelijkError extends DomainError {
  constructor(detail: string, extra: Record<string, unknown> = {}) {
    super('conflict', 'revisie-niet-mogelijk', 'Revisie niet mogelijk', detail, extra);
  }
}

export interface ImportFout {
  rij: number;
  kolom: string | null;
  melding: string;
}

/** The import writes nothing when any row is wrong, and says which rows and why (422). */
export class ImportAfgekeurdError extends DomainError {
  constructor(fouten: ImportFout[], totaal: number, detail?: string) {
    super(
      'unprocessable',
      'import-afgekeurd',
      'Import afgekeurd',
      detail ??
        `Het bestand is niet ingelezen: ${totaal} ${totaal === 1 ? 'fout' : 'fouten'} gevonden. Er is niets opgeslagen; verbeter het bestand en probeer het opnieuw.`,
      { aantalFouten: totaal, fouten },
    );
  }
}

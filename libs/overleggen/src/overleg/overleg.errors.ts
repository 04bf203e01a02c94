import { DomainError, InvalidParam } from '@wijkkompas/core';
import { KWARTAAL_PATROON, kwartaalLabel } from './overleg.regels';

/** The content breaks a rule of the kind of meeting, or names someone or something unknown. */
export class OngeldigOverlegError extends DomainError {
  constructor(invalidParams: InvalidParam[]) {
    super(
      'unprocessable',
      'ongeldig-overleg',
      'Overleg klopt niet',
      'Het overleg kan zo niet worden vastgelegd. Zie invalidParams voor wat er aan de hand is.',
      { invalidParams },
    );
  }
}

export class VerantwoordingsgesprekBestaatError extends DomainError {
  constructor(aanbiederNaam: string, periode: string, bestaandeId?: string) {
    super(
      'conflict',
      'verantwoordingsgesprek-bestaat',
      'Verantwoordingsgesprek bestaat al',
      `Er is al een verantwoordingsgesprek met ${aanbiederNaam} over ${KWARTAAL_PATROON.test(periode) ? `het ${kwartaalLabel(periode)}` : 'dit kwartaal'}. Verplaats dat gesprek, of annuleer het eerst als u een nieuw gesprek wilt plannen.`,
      bestaandeId ? { overlegId: bestaandeId } : {},
    );
  }
}

/** 'agenda-gepubliceerd' is the result of publishing an agenda, not a status to set. */
export class AgendaNietGepubliceerdError extends DomainError {
  constructor() {
    super(
      'conflict',
      'agenda-niet-gepubliceerd',
      'Publiceer de agenda',
      'Een overleg krijgt de status agenda-gepubliceerd door een agendaversie te publiceren (POST /overleggen/{id}/agendaversies), niet door de status te zetten.',
    );
  }
}

/**
 * Refusals that depend on the meeting, not on the role alone (which kind, whose keten, whether
 * it is published, whose action): the role holds the endpoint's permission, this meeting's rule
 * says no. One code for them, `niet-voor-dit-overleg`, so clients and the authorization matrix
 * can tell them from a missing permission (`geen-toegang`).
 */
export const OVERLEG_REGEL_CODE = 'niet-voor-dit-overleg';

export class GeenAgendaBeheerError extends DomainError {
  constructor(wie: string) {
    super(
      'forbidden',
      OVERLEG_REGEL_CODE,
      'Geen toegang',
      `De agenda, besluiten en acties van dit overleg legt ${wie} vast.`,
    );
  }
}

/** Provider users read only what is published: the agenda versions and the adopted verslag. */
export class AlleenGepubliceerdError extends DomainError {
  constructor(wat: string) {
    super('forbidden', OVERLEG_REGEL_CODE, 'Geen toegang', wat);
  }
}

/** The owner of an action reports it gereed; everything else is for who prepares the meeting. */
export class GeenActieBeheerError extends DomainError {
  constructor(wat: string) {
    super('forbidden', OVERLEG_REGEL_CODE, 'Geen toegang', wat);
  }
}

export class LegeAgendaError extends DomainError {
  constructor() {
    super(
      'unprocessable',
      'lege-agenda',
      'De agenda is leeg',
      'Er staat nog niets op de agenda. Stel de agenda op (agenda-opstellingen) of voeg agendapunten toe, en publiceer dan.',
    );
  }
}

export class OverlegAfgeslotenError extends DomainError {
  constructor(status: string, wat: string) {
    super(
      'conflict',
      'overleg-afgesloten',
      'Overleg is afgesloten',
      `Het overleg heeft de status ${status}: ${wat} kan niet meer.`,
      { currentStatus: status },
    );
  }
}

export class OngeldigeBronError extends DomainError {
  constructor(veld: string, reden: string) {
    super('unprocessable', 'ongeldige-bron', 'Bron bestaat niet', reden, {
      invalidParams: [{ name: veld, reason: reden }],
    });
  }
}

export class VerslagViaStatuswijzigingError extends DomainError {
  constructor() {
    super(
      'conflict',
      'verslag-via-statuswijziging',
      'Stel het verslag vast als statuswijziging',
      'Het verslag stelt u vast met POST /overleggen/{id}/statuswijzigingen (status verslag-vastgesteld); dat mag wie het overleg voorbereidt.',
    );
  }
}

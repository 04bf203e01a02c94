import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AgendaVoorstel } from './agenda-opstelling';

/** The meeting a contribution drafts for. */
export interface AgendaLaadScope {
  gemeenteId: string;
  overlegId: string;
  aanbiederId: string | null;
  periode: string | null;
  /** YYYY-MM-DD in the gemeente's time zone. */
  dag: string;
  tijdzone: string;
}

/**
 * Suggestions another capability adds for the verantwoordingsgesprek: the dossier registers
 * its proposed agenda here, so overleggen does not import dossiers (which imports overleggen).
 * `laad` reads through the drafting's manager (same snapshot) and must not write.
 */
export interface VerantwoordingsgesprekAgendaBron {
  laad(manager: EntityManager, scope: AgendaLaadScope): Promise<AgendaVoorstel[]>;
}

@Injectable()
export class AgendaBronRegistry {
  private bron: VerantwoordingsgesprekAgendaBron | null = null;

  registreerVerantwoordingsgesprek(bron: VerantwoordingsgesprekAgendaBron): void {
    if (this.bron) throw new Error('De agenda van het verantwoordingsgesprek is al geregistreerd');
    this.bron = bron;
  }

  verantwoordingsgesprek(): VerantwoordingsgesprekAgendaBron | null {
    return this.bron;
  }
}

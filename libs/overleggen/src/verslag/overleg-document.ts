import { Injectable } from '@nestjs/common';
import type { AgendaDoel, GepubliceerdAgendapunt } from '../agenda/agenda.regels';

/**
 * A published agenda or a verslag as plain data, for the renderer. The HTML comes from the
 * dossier's rendering path (same stylesheet, escaping, Dutch formats; libs/dossiers registers
 * it here, since dossiers imports overleggen) and the PDF from the shared PdfService.
 */
export interface OverlegDocument {
  soort: 'agenda' | 'verslag';
  titel: string;
  gemeente: string;
  overleg: {
    soort: string;
    titel: string;
    tijdstip: string;
    locatie: string | null;
    keten: string | null;
    aanbieder: string | null;
    status: string;
    deelnemers: string[];
  };
  agenda: {
    versie: number;
    gepubliceerdOp: string;
    gepubliceerdDoor: string;
    punten: GepubliceerdAgendapunt[];
  } | null;
  besluiten: { tekst: string; onderwerp: string; signalering: string | null }[];
  acties: {
    omschrijving: string;
    eigenaar: string;
    deadline: string | null;
    status: string;
    toelichting: string | null;
  }[];
}

export type OverlegDocumentRenderer = (
  doc: OverlegDocument,
  labels: { doel: Record<AgendaDoel, string> },
) => string;

@Injectable()
export class OverlegDocumentRegistry {
  private renderer: OverlegDocumentRenderer | null = null;

  registreer(renderer: OverlegDocumentRenderer): void {
    if (this.renderer) throw new Error('De weergave van overlegdocumenten is al geregistreerd');
    this.renderer = renderer;
  }

  render(doc: OverlegDocument, labels: { doel: Record<AgendaDoel, string> }): string {
    if (!this.renderer) throw new Error('Geen weergave van overlegdocumenten geregistreerd');
    return this.renderer(doc, labels);
  }
}

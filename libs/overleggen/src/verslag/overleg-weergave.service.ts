import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, Gemeente, PdfService } from '@wijkkompas/core';
import { AgendaService } from '../agenda/agenda.service';
import { AGENDA_DOEL_LABELS } from '../agenda/agenda.regels';
import { AgendaVersie } from '../agenda/agenda.entity';
import { Overleg } from '../overleg/overleg.entity';
import { deelnemerLabel } from '../overleg/overleg.regels';
import { OverlegDocument, OverlegDocumentRegistry } from './overleg-document';
import { ACTIE_STATUS_LABELS, BESLUIT_ONDERWERP_LABELS, SOORT_LABELS } from './verslag.regels';
import { VerslagService } from './verslag.service';

/** 'Ontwikkeloverleg 20 oktober' → 'ontwikkeloverleg-20-oktober'. */
function bestandsdeel(tekst: string): string {
  return (
    tekst
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) || 'overleg'
  );
}

/** The published agenda and the verslag as HTML and PDF, in Dutch, for whoever may read them. */
@Injectable()
export class OverlegWeergaveService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agenda: AgendaService,
    private readonly verslag: VerslagService,
    private readonly registry: OverlegDocumentRegistry,
    private readonly pdf: PdfService,
  ) {}

  async agendaHtml(
    actor: Actor,
    id: string,
    nummer: number,
  ): Promise<{ html: string; titel: string }> {
    const { overleg, versie } = await this.agenda.versie(actor, id, nummer);
    const titel = `Agenda ${overleg.titel} (versie ${versie.versie})`;
    return { html: await this.render('agenda', titel, overleg, versie), titel };
  }

  async verslagHtml(actor: Actor, id: string): Promise<{ html: string; titel: string }> {
    const v = await this.verslag.verslag(actor, id);
    const titel = `Verslag ${v.overleg.titel}`;
    return { html: await this.render('verslag', titel, v.overleg, v.agenda, v), titel };
  }

  async agendaPdf(
    actor: Actor,
    id: string,
    nummer: number,
  ): Promise<{ pdf: Buffer; bestandsnaam: string }> {
    const { html, titel } = await this.agendaHtml(actor, id, nummer);
    return {
      pdf: await this.pdf.render(html, { voettekst: titel }),
      bestandsnaam: `agenda-${bestandsdeel(titel)}.pdf`,
    };
  }

  async verslagPdf(actor: Actor, id: string): Promise<{ pdf: Buffer; bestandsnaam: string }> {
    const { html, titel } = await this.verslagHtml(actor, id);
    return {
      pdf: await this.pdf.render(html, { voettekst: titel }),
      bestandsnaam: `${bestandsdeel(titel)}.pdf`,
    };
  }

  private async render(
    soort: OverlegDocument['soort'],
    titel: string,
    overleg: Overleg,
    agenda: AgendaVersie | null,
    verslag?: Awaited<ReturnType<VerslagService['verslag']>>,
  ): Promise<string> {
    const gemeente = await this.dataSource
      .getRepository(Gemeente)
      .findOneByOrFail({ id: overleg.gemeenteId });
    return this.registry.render(
      {
        soort,
        titel,
        gemeente: gemeente.naam,
        overleg: {
          soort: SOORT_LABELS[overleg.soort],
          titel: overleg.titel,
          tijdstip: overleg.datum.toISOString(),
          locatie: overleg.locatie,
          keten: overleg.keten?.naam ?? null,
          aanbieder: overleg.aanbieder?.naam ?? null,
          status: overleg.status,
          deelnemers: overleg.deelnemers.map(deelnemerLabel),
        },
        agenda: agenda
          ? {
              versie: agenda.versie,
              gepubliceerdOp: agenda.createdAt.toISOString(),
              gepubliceerdDoor: agenda.gepubliceerdDoorNaam,
              punten: agenda.punten,
            }
          : null,
        besluiten: (verslag?.besluiten ?? []).map((b) => ({
          tekst: b.tekst,
          onderwerp: BESLUIT_ONDERWERP_LABELS[b.onderwerp],
          signalering: b.signalering,
        })),
        acties: (verslag?.acties ?? []).map((a) => ({
          omschrijving: a.omschrijving,
          eigenaar: a.eigenaarNaam,
          deadline: a.deadline,
          status: ACTIE_STATUS_LABELS[a.status],
          toelichting: a.toelichting,
        })),
      },
      { doel: { ...AGENDA_DOEL_LABELS } },
    );
  }
}

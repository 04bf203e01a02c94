import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, PdfService } from '@wijkkompas/core';
import type { DossierDocument } from '../assembleer';
import { DossierVerschil, vergelijkDossiers } from '../diff';
import { DossierBijdrageRegistry } from '../loader/dossier-bijdragen';
import { Dossier } from '../persistence/dossier.entity';
import { renderDossierHtml } from '../render/html';
import { DossierNietGereedError } from './dossier.errors';
import { DossierService } from './dossier.service';

export interface GereedDossier {
  dossier: Dossier & { versie: number; document: DossierDocument; gereedOp: Date };
  vorige: (Dossier & { versie: number; document: DossierDocument }) | null;
  /** Against the previous version; null for the first version. */
  verschil: DossierVerschil | null;
}

/** "Wijkteams Noord-Oost" → "wijkteams-noord-oost": safe in a file name. */
export function bestandsnaamDeel(tekst: string): string {
  return (
    tekst
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'aanbieder'
  );
}

/** What a finished version shows: its changes, and the document as HTML and PDF. */
@Injectable()
export class DossierWeergaveService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dossiers: DossierService,
    private readonly bijdragen: DossierBijdrageRegistry,
    private readonly pdf: PdfService,
  ) {}

  async gereed(actor: Actor, id: string): Promise<GereedDossier> {
    const dossier = await this.dossiers.findOne(actor, id);
    if (dossier.status !== 'gereed' || !dossier.document || dossier.versie === null)
      throw new DossierNietGereedError(dossier.status);
    const vorige = dossier.vorigeVersieId
      ? await this.dataSource.getRepository(Dossier).findOneBy({ id: dossier.vorigeVersieId })
      : null;
    const klaar = dossier as GereedDossier['dossier'];
    const eerder = vorige?.document ? (vorige as GereedDossier['vorige']) : null;
    return {
      dossier: klaar,
      vorige: eerder,
      verschil: eerder ? vergelijkDossiers(eerder.document, klaar.document) : null,
    };
  }

  /**
   * The version's HTML: rendered at the first request and kept in the row (a version never
   * changes); later requests read it with one query. Filling the column is not a domain write:
   * it derives from what is already there, so no audit entry.
   */
  async html(actor: Actor, id: string): Promise<string> {
    const bewaard = await this.dossiers.bewaardeHtml(actor, id);
    if (bewaard) return bewaard;
    const { dossier, verschil } = await this.gereed(actor, id);
    const html = renderDossierHtml(dossier.document, {
      versie: dossier.versie,
      aangemaaktOp: dossier.gereedOp.toISOString(),
      wijzigingen: verschil?.samenvatting,
      renderers: this.bijdragen.renderers(),
    });
    await this.dataSource
      .getRepository(Dossier)
      .createQueryBuilder()
      .update()
      .set({ html })
      .where(`id = :id AND status = 'gereed' AND html IS NULL`, { id })
      .execute();
    return html;
  }

  async pdfBestand(actor: Actor, id: string): Promise<{ pdf: Buffer; bestandsnaam: string }> {
    const html = await this.html(actor, id);
    const { dossier } = await this.gereed(actor, id);
    const pdf = await this.pdf.render(html, {
      voettekst: `${dossier.document.titel} · versie ${dossier.versie}`,
    });
    return {
      pdf,
      bestandsnaam: `dossier-${bestandsnaamDeel(dossier.document.aanbieder.naam)}-${dossier.periode}-v${dossier.versie}.pdf`,
    };
  }
}

import { Controller, Get, Param, ParseIntPipe, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor, CurrentActor, Permissie, uuidParam, Vereist } from '@wijkkompas/core';
import { OverlegWeergaveService } from './overleg-weergave.service';

const HTML = 'text/html';
const PDF = 'application/pdf';
/** The printable HTML needs nothing from outside; the browser may load nothing else. */

const HtmlAntwoord = (wat: string) =>
  ApiOkResponse({
    description: `${wat} als HTML-document.`,
    content: { [HTML]: { schema: { type: 'string' } } },
  });
const PdfAntwoord = (wat: string) =>
  ApiOkResponse({
    description: `${wat} als PDF.`,
    headers: {
      'Content-Disposition': {
        description: 'attachment met de bestandsnaam.',
        schema: { type: 'string' },
      },
    },
    content: { [PDF]: { schema: { type: 'string', format: 'binary' } } },
  });
const GeenChromium = () =>
  ApiResponse({
    status: 503,
    description: 'PDF-weergave is hier niet beschikbaar (geen Chromium).',
  });

@ApiTags('Overleggen')
@ApiBearerAuth('bearer')
@Vereist(Permissie.Lezen)
@Controller('overleggen')
export class OverlegWeergaveController {
  constructor(private readonly weergave: OverlegWeergaveService) {}

  @Get(':id/agendaversies/:versie/html')
  @ApiOperation({
    summary: 'Gepubliceerde agenda als HTML',
    description: 'Zelfstandig, afdrukbaar, in het Nederlands.',
  })
  @ApiProduces(HTML)
  @HtmlAntwoord('De agenda')
  async agendaHtml(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('versie', ParseIntPipe) versie: number,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const { html } = await this.weergave.agendaHtml(actor, id, versie);
    res.type(`${HTML}; charset=utf-8`);
    return html;
  }

  @Get(':id/agendaversies/:versie/pdf')
  @ApiOperation({
    summary: 'Gepubliceerde agenda als PDF',
    description: 'De HTML-agenda als PDF (paginanummers), als bijlage.',
  })
  @ApiProduces(PDF)
  @PdfAntwoord('De agenda')
  @GeenChromium()
  async agendaPdf(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('versie', ParseIntPipe) versie: number,
  ): Promise<StreamableFile> {
    const { pdf, bestandsnaam } = await this.weergave.agendaPdf(actor, id, versie);
    return new StreamableFile(pdf, {
      type: PDF,
      disposition: `attachment; filename="${bestandsnaam}"`,
      length: pdf.length,
    });
  }

  @Get(':id/verslag/html')
  @ApiOperation({
    summary: 'Verslag als HTML',
    description: 'Agenda, besluiten (met signalering) en acties.',
  })
  @ApiProduces(HTML)
  @HtmlAntwoord('Het verslag')
  async verslagHtml(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const { html } = await this.weergave.verslagHtml(actor, id);
    res.type(`${HTML}; charset=utf-8`);
    return html;
  }

  @Get(':id/verslag/pdf')
  @ApiOperation({
    summary: 'Verslag als PDF',
    description: 'Het HTML-verslag als PDF (paginanummers), als bijlage.',
  })
  @ApiProduces(PDF)
  @PdfAntwoord('Het verslag')
  @GeenChromium()
  async verslagPdf(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<StreamableFile> {
    const { pdf, bestandsnaam } = await this.weergave.verslagPdf(actor, id);
    return new StreamableFile(pdf, {
      type: PDF,
      disposition: `attachment; filename="${bestandsnaam}"`,
      length: pdf.length,
    });
  }
}

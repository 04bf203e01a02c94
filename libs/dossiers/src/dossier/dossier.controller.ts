import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  Actor,
  API_PREFIX,
  ApiPageResponse,
  CurrentActor,
  Page,
  toPage,
  uuidParam,
  Permissie,
  Vereist,
} from '@wijkkompas/core';
import {
  CreateDossierRequest,
  DossierQuery,
  DossierResponse,
  DossierSamenvattingResponse,
  DossierWijzigingenResponse,
  toDossierResponse,
  toDossierSamenvattingResponse,
  toDossierWijzigingenResponse,
} from './dossier.dto';
import { DossierWeergaveService } from './dossier-weergave.service';
import { DossierService } from './dossier.service';

const HTML = 'text/html';
const PDF = 'application/pdf';

const NietGereed = () =>
  ApiConflictResponse({
    description: 'Het dossier is (nog) niet gereed: wachtrij, bezig of mislukt.',
  });

@ApiTags('Dossiers')
@ApiBearerAuth('bearer')
@Vereist(Permissie.Lezen)
@Controller('dossiers')
export class DossierController {
  constructor(
    private readonly dossiers: DossierService,
    private readonly weergave: DossierWeergaveService,
  ) {}

  @Post()
  @HttpCode(202)
  @Vereist(Permissie.DossiersSamenstellen)
  @ApiOperation({
    summary: 'Dossier aanvragen',
    description:
      'Stelt het dossier voor het verantwoordingsgesprek samen met een aanbieder over een kwartaal, op de achtergrond. Het antwoord is de aanvraag (status wachtrij); volg de voortgang op de Location. Loopt er voor deze aanbieder en dit kwartaal al een samenstelling, dan krijgt u die: gelijktijdige aanvragen leveren één nieuwe versie op.',
  })
  @ApiAcceptedResponse({
    type: DossierResponse,
    description: 'Aangevraagd; het dossier wordt samengesteld.',
    headers: {
      Location: {
        description: 'Waar de status van dit dossier te volgen is.',
        schema: {
          type: 'string',
          example: '/api/v1/dossiers/3f6c1a52-0d7e-4c1b-9a51-2b7a4c9e8d10',
        },
      },
    },
  })
  @ApiResponse({
    status: 503,
    description: 'De wachtrij is niet bereikbaar; de aanvraag is als mislukt vastgelegd.',
  })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateDossierRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DossierResponse> {
    const dossier = await this.dossiers.vraagAan(actor.gemeenteId, body.aanbiederId, body.periode, {
      overlegId: body.overlegId ?? null,
      door: actor,
      aanleiding: 'op-verzoek',
    });
    res.setHeader('Location', `/${API_PREFIX}/dossiers/${dossier.id}`);
    return toDossierResponse(dossier);
  }

  @Get()
  @ApiOperation({
    summary: 'Dossiers',
    description:
      'Nieuwste kwartaal eerst, per aanbieder de nieuwste aanvraag eerst. Gemeentemedewerkers zien alle dossiers van hun gemeente; medewerkers van een aanbieder alleen de gereed versies van hun eigen organisatie.',
  })
  @ApiPageResponse(DossierSamenvattingResponse)
  async findAll(
    @CurrentActor() actor: Actor,
    @Query() query: DossierQuery,
  ): Promise<Page<DossierSamenvattingResponse>> {
    const [rows, total] = await this.dossiers.findPage(actor, query);
    return toPage(rows, total, query, toDossierSamenvattingResponse);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Eén dossier',
    description:
      'De status (wachtrij; bezig met voortgang in procenten; gereed; mislukt met de reden) en, als het gereed is, het dossier zelf.',
  })
  @ApiOkResponse({ type: DossierResponse })
  async findOne(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<DossierResponse> {
    return toDossierResponse(await this.dossiers.findOne(actor, id));
  }

  @Get(':id/wijzigingen')
  @ApiOperation({
    summary: 'Wat er veranderde ten opzichte van de vorige versie',
    description:
      'Toegevoegde, vervallen en gewijzigde cijfers en verhalen, gewijzigde onderdelen, en één zin als samenvatting. Voor de eerste versie: eersteVersie is waar.',
  })
  @ApiOkResponse({ type: DossierWijzigingenResponse })
  @NietGereed()
  async wijzigingen(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<DossierWijzigingenResponse> {
    const { dossier, vorige, verschil } = await this.weergave.gereed(actor, id);
    return toDossierWijzigingenResponse(dossier, vorige, verschil);
  }

  @Get(':id/html')
  @ApiOperation({
    summary: 'Dossier als HTML',
    description:
      'Eén zelfstandig, afdrukbaar HTML-document in het Nederlands (stijl en grafieken inline, geen externe bronnen), met versie en de wijzigingen ten opzichte van de vorige versie.',
  })
  @ApiProduces(HTML)
  @ApiOkResponse({
    description: 'Het dossier als HTML-document.',
    content: { [HTML]: { schema: { type: 'string' } } },
  })
  @NietGereed()
  async html(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const html = await this.weergave.html(actor, id);
    res.type(`${HTML}; charset=utf-8`);
    // Its Content-Security-Policy (nothing from outside; framed only by the web app) is set
    // with the other security headers in libs/core/src/http/security-headers.ts.
    return html;
  }

  @Get(':id/pdf')
  @ApiOperation({
    summary: 'Dossier als PDF',
    description:
      'Het HTML-dossier als PDF (A4, paginanummers), als bijlage met een bestandsnaam als dossier-wijkteams-noord-2026-Q3-v2.pdf.',
  })
  @ApiProduces(PDF)
  @ApiOkResponse({
    description: 'Het dossier als PDF.',
    headers: {
      'Content-Disposition': {
        description: 'attachment met de bestandsnaam.',
        schema: {
          type: 'string',
          example: 'attachment; filename="dossier-wijkteams-noord-2026-Q3-v2.pdf"',
        },
      },
    },
    content: { [PDF]: { schema: { type: 'string', format: 'binary' } } },
  })
  @NietGereed()
  @ApiResponse({
    status: 503,
    description: 'PDF-weergave is hier niet beschikbaar (geen Chromium).',
  })
  async pdf(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<StreamableFile> {
    const { pdf, bestandsnaam } = await this.weergave.pdfBestand(actor, id);
    return new StreamableFile(pdf, {
      type: PDF,
      disposition: `attachment; filename="${bestandsnaam}"`,
      length: pdf.length,
    });
  }
}

import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Put,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiPreconditionFailedResponse,
  ApiResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  Actor,
  ApiPageResponse,
  CurrentActor,
  Page,
  PageQuery,
  toPage,
  uuidParam,
  ValidationError,
  Permissie,
  Vereist,
} from '@wijkkompas/core';
import { etag } from '../kpi/if-match';
import { BeoordelingService } from './beoordeling.service';
import { KpiWaardeService } from './kpi-waarde.service';
import {
  BeoordelingsopmerkingResponse,
  CreateBeoordelingsopmerkingRequest,
  CreateKwartaalverantwoordingRequest,
  CreateBeoordelingsreactieRequest,
  CreateVerantwoordingStatuswijzigingRequest,
  ImportResultaatResponse,
  KwartaalverantwoordingQuery,
  KwartaalverantwoordingResponse,
  KwartaalverantwoordingSamenvattingResponse,
  KwartaalverantwoordingVersieInhoudResponse,
  KwartaalverantwoordingVersieResponse,
  toVersieResponse,
  UpdateKwartaalverantwoordingRequest,
  ZetWaardenRequest,
} from './kwartaalverantwoording.dto';
import { KwartaalverantwoordingStatusService } from './kwartaalverantwoording-status.service';
import { KwartaalverantwoordingService } from './kwartaalverantwoording.service';
import { ImportBestand, WaardenImportService } from './waarden-import.service';

/** The largest import file accepted; 100 000 rows of CSV are about 6 MB, of XLSX about 3 MB. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const ETAG_HEADER = {
  ETag: {
    description:
      'De versie van de kwartaalverantwoording (W/"<version>"); stuur die bij een wijziging mee in If-Match.',
    schema: { type: 'string', example: 'W/"3"' },
  },
};

const IF_MATCH = {
  name: 'If-Match',
  required: true,
  description: 'De ETag uit de laatste GET, bijvoorbeeld W/"3".',
};

const ConceptConflict = () =>
  ApiConflictResponse({
    description:
      'De kwartaalverantwoording is geen concept meer (ingediend, teruggezet of vastgesteld).',
  });
const Verouderd = () =>
  ApiPreconditionFailedResponse({
    description: 'De kwartaalverantwoording is intussen gewijzigd (If-Match verouderd).',
  });
const ZonderIfMatch = () => ApiResponse({ status: 428, description: 'If-Match ontbreekt.' });

const volgnummerParam = new ParseIntPipe({
  exceptionFactory: () =>
    new ValidationError([{ name: 'volgnummer', reason: 'volgnummer moet een geheel getal zijn' }]),
});

@ApiTags('Kwartaalverantwoordingen')
@ApiBearerAuth('bearer')
@Vereist(Permissie.Lezen)
@Controller('kwartaalverantwoordingen')
export class KwartaalverantwoordingController {
  constructor(
    private readonly verantwoordingen: KwartaalverantwoordingService,
    private readonly waarden: KpiWaardeService,
    private readonly status: KwartaalverantwoordingStatusService,
    private readonly beoordeling: BeoordelingService,
    private readonly imports: WaardenImportService,
  ) {}

  @Post()
  @Vereist(Permissie.VerantwoordingOpstellen)
  @ApiOperation({
    summary: 'Kwartaalverantwoording beginnen',
    description:
      'Een concept (revisie 1) voor een rapportageperiode van uw eigen organisatie. Per periode is er één; een correctie na vaststelling is een revisie.',
  })
  @ApiCreatedResponse({ type: KwartaalverantwoordingResponse, headers: ETAG_HEADER })
  @ApiConflictResponse({ description: 'Voor deze periode bestaat al een kwartaalverantwoording.' })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateKwartaalverantwoordingRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<KwartaalverantwoordingResponse> {
    const response = await this.verantwoordingen.create(actor, body);
    res.setHeader('ETag', etag(response.version));
    return response;
  }

  @Get()
  @ApiOperation({
    summary: 'Kwartaalverantwoordingen',
    description:
      'Nieuwste periode eerst, per periode alle revisies. Een aanbieder ziet alleen de eigen verantwoordingen; gemeentemedewerkers die van hun gemeente.',
  })
  @ApiPageResponse(KwartaalverantwoordingSamenvattingResponse)
  async findAll(
    @CurrentActor() actor: Actor,
    @Query() query: KwartaalverantwoordingQuery,
  ): Promise<Page<KwartaalverantwoordingSamenvattingResponse>> {
    const [rows, total] = await this.verantwoordingen.findPage(actor, query);
    return toPage(rows, total, query, (row) => row);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Eén kwartaalverantwoording, volledig',
    description:
      'Verhaal, budget, formatie, per KPI de waarden per perceel en het totaal (volgens de aggregatie van de KPI) met status tegen de norm van de periode (kwartaalnorm vóór jaarnorm), de verwachte waarden die nog ontbreken, open beoordelingsopmerkingen, casussen en signalen van dit kwartaal. Een ketenregisseur ziet van de cijfers, casussen en signalen alleen wat bij zijn ketens hoort.',
  })
  @ApiOkResponse({ type: KwartaalverantwoordingResponse, headers: ETAG_HEADER })
  async findOne(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<KwartaalverantwoordingResponse> {
    const response = await this.verantwoordingen.findOne(actor, id);
    res.setHeader('ETag', etag(response.version));
    return response;
  }

  @Patch(':id')
  @Vereist(Permissie.VerantwoordingOpstellen)
  @ApiOperation({
    summary: 'Verhaal, budget en formatie bijwerken',
    description:
      'Alleen een concept. Een weggelaten veld blijft zoals het is, null maakt het leeg.',
  })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: KwartaalverantwoordingResponse, headers: ETAG_HEADER })
  @ConceptConflict()
  @Verouderd()
  @ZonderIfMatch()
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateKwartaalverantwoordingRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<KwartaalverantwoordingResponse> {
    const response = await this.verantwoordingen.update(actor, id, ifMatch, body);
    res.setHeader('ETag', etag(response.version));
    return response;
  }

  @Put(':id/waarden')
  @Vereist(Permissie.VerantwoordingOpstellen)
  @ApiOperation({
    summary: 'KPI-waarden invullen',
    description:
      'Voegt waarden toe of werkt ze bij per (KPI, perceel); andere waarden blijven staan. Een weggelaten veld houdt zijn waarde, null maakt het leeg. De KPI moet bij deze verantwoording horen; het perceel moet in de periode aan uw organisatie zijn toegewezen bij een KPI per perceel, en leeg zijn bij een KPI voor de hele aanbieder. Altijd tegen de versie van de KPI die in het kwartaal van de verantwoording geldt (de hoogste versie met geldigVanaf op of vóór dat kwartaal).',
  })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: KwartaalverantwoordingResponse, headers: ETAG_HEADER })
  @ConceptConflict()
  @Verouderd()
  @ZonderIfMatch()
  async zetWaarden(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: ZetWaardenRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<KwartaalverantwoordingResponse> {
    const response = await this.waarden.zetWaarden(actor, id, ifMatch, body);
    res.setHeader('ETag', etag(response.version));
    return response;
  }

  @Delete(':id/waarden/:waardeId')
  @Vereist(Permissie.VerantwoordingOpstellen)
  @HttpCode(204)
  @ApiOperation({ summary: 'KPI-waarde verwijderen', description: 'Alleen in een concept.' })
  @ApiHeader(IF_MATCH)
  @ApiNoContentResponse({
    description: 'Verwijderd; de ETag is de nieuwe versie.',
    headers: ETAG_HEADER,
  })
  @ConceptConflict()
  @Verouderd()
  @ZonderIfMatch()
  async verwijderWaarde(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('waardeId', uuidParam('waardeId')) waardeId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    res.setHeader('ETag', etag(await this.waarden.verwijderWaarde(actor, id, waardeId, ifMatch)));
  }

  @Post(':id/imports')
  @Vereist(Permissie.VerantwoordingOpstellen)
  @UseInterceptors(
    FileInterceptor('bestand', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 } }),
  )
  @ApiOperation({
    summary: 'KPI-waarden importeren (CSV of XLSX)',
    description:
      'Een export van het registratiesysteem: één rij per KPI-code, perceel (naam) en waarde, eventueel met toelichting, bron, gewicht (voor een gewogen gemiddelde over de percelen) en datakwaliteit (betrouwbaar, voorlopig, onvolledig, onzeker). Alles of niets: bij één fout wordt niets opgeslagen en geeft het antwoord (422) per rij en kolom wat er mis is. Bestaande waarden worden bijgewerkt; een toelichting, bron, gewicht of datakwaliteit blijft staan als het bestand die kolom niet heeft. Hoogstens 20 MB.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['bestand'],
      properties: {
        bestand: { type: 'string', format: 'binary', description: 'Een .csv- of .xlsx-bestand.' },
      },
    },
  })
  @ApiHeader(IF_MATCH)
  @ApiCreatedResponse({ type: ImportResultaatResponse, headers: ETAG_HEADER })
  @ApiUnprocessableEntityResponse({
    description:
      'Het bestand is afgekeurd; er is niets opgeslagen. fouten: [{rij, kolom, melding}] (rij 0: het bestand als geheel), aantalFouten: het totaal.',
  })
  @ApiPayloadTooLargeResponse({ description: 'Het bestand is groter dan 20 MB.' })
  @ConceptConflict()
  @Verouderd()
  @ZonderIfMatch()
  async importeer(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @UploadedFile() bestand: ImportBestand | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ImportResultaatResponse> {
    const resultaat = await this.imports.importeer(actor, id, ifMatch, bestand);
    res.setHeader('ETag', etag(resultaat.version));
    return resultaat;
  }

  @Post(':id/statuswijzigingen')
  @Vereist(Permissie.VerantwoordingStatusWijzigen)
  @ApiOperation({
    summary: 'Status wijzigen',
    description:
      'concept → ingediend (alleen de directeur; hoogtepunten, knelpunten en vooruitblik zijn verplicht, ontbrekende KPI-waarden niet), ingediend → vastgesteld of teruggezet (alleen de contractmanager; terugzetten met een open beoordelingsopmerking of een toelichting, die dan een opmerking wordt), teruggezet → concept (de aanbieder). Bij indienen en vaststellen wordt de hele verantwoording bevroren als nieuwe versie. If-Match is optioneel; meegestuurd moet hij actueel zijn.',
  })
  @ApiHeader({ ...IF_MATCH, required: false })
  @ApiCreatedResponse({ type: KwartaalverantwoordingResponse, headers: ETAG_HEADER })
  @ApiForbiddenResponse({ description: 'Uw rol mag deze stap niet zetten.' })
  @ApiConflictResponse({ description: 'Deze stap is vanuit de huidige status niet mogelijk.' })
  @ApiUnprocessableEntityResponse({
    description:
      'Er ontbreekt iets voor deze stap (het verhaal bij indienen, een vraag bij terugzetten).',
  })
  @Verouderd()
  async wijzigStatus(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: CreateVerantwoordingStatuswijzigingRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<KwartaalverantwoordingResponse> {
    const response = await this.status.wijzigStatus(actor, id, ifMatch, body);
    res.setHeader('ETag', etag(response.version));
    return response;
  }

  @Post(':id/revisies')
  @Vereist(Permissie.VerantwoordingOpstellen)
  @ApiOperation({
    summary: 'Nieuwe revisie na vaststelling',
    description:
      'Een correctie van een vastgestelde verantwoording: een nieuw concept (revisie + 1) met het verhaal, budget, formatie en de waarden van deze revisie. De vastgestelde revisie blijft ongewijzigd leesbaar.',
  })
  @ApiCreatedResponse({ type: KwartaalverantwoordingResponse, headers: ETAG_HEADER })
  @ApiConflictResponse({ description: 'Niet vastgesteld, of er is al een nieuwere revisie.' })
  async maakRevisie(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<KwartaalverantwoordingResponse> {
    const response = await this.status.maakRevisie(actor, id);
    res.setHeader('ETag', etag(response.version));
    return response;
  }

  @Get(':id/versies')
  @ApiOperation({
    summary: 'Bevroren versies',
    description: 'Elke indiening en vaststelling van deze revisie, oudste eerst.',
  })
  @ApiPageResponse(KwartaalverantwoordingVersieResponse)
  async versies(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: PageQuery,
  ): Promise<Page<KwartaalverantwoordingVersieResponse>> {
    const [rows, total] = await this.verantwoordingen.versies(actor, id, query);
    return toPage(rows, total, query, toVersieResponse);
  }

  @Get(':id/versies/:volgnummer')
  @ApiOperation({
    summary: 'Eén bevroren versie',
    description: 'De verantwoording precies zoals ze op dat moment was ingediend of vastgesteld.',
  })
  @ApiParam({ name: 'volgnummer', type: Number, example: 1 })
  @ApiOkResponse({ type: KwartaalverantwoordingVersieInhoudResponse })
  async versie(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('volgnummer', volgnummerParam) volgnummer: number,
  ): Promise<KwartaalverantwoordingVersieInhoudResponse> {
    const { versie, inhoud } = await this.verantwoordingen.versie(actor, id, volgnummer);
    return { ...toVersieResponse(versie), inhoud };
  }

  @Post(':id/beoordelingsopmerkingen')
  @Vereist(Permissie.VerantwoordingBeoordelen)
  @ApiOperation({
    summary: 'Beoordelingsopmerking plaatsen',
    description:
      'Een vraag of opmerking bij een ingediende verantwoording, over het geheel of één onderdeel (bij kpi-waarde: de KPI; bij casus of signaal: dat item).',
  })
  @ApiCreatedResponse({ type: BeoordelingsopmerkingResponse })
  @ApiConflictResponse({ description: 'De verantwoording is niet ingediend.' })
  async plaatsOpmerking(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: CreateBeoordelingsopmerkingRequest,
  ): Promise<BeoordelingsopmerkingResponse> {
    return this.beoordeling.plaats(actor, id, body);
  }

  @Get(':id/beoordelingsopmerkingen')
  @ApiOperation({
    summary: 'Beoordelingsopmerkingen',
    description: 'Alle vragen van de gemeente met de reacties van de aanbieder, oudste eerst.',
  })
  @ApiPageResponse(BeoordelingsopmerkingResponse)
  async opmerkingen(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: PageQuery,
  ): Promise<Page<BeoordelingsopmerkingResponse>> {
    const [rows, total] = await this.beoordeling.lijst(actor, id, query);
    return toPage(rows, total, query, (row) => row);
  }

  @Post(':id/beoordelingsopmerkingen/:opmerkingId/reactie')
  @Vereist(Permissie.VerantwoordingOpstellen)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reageren op een beoordelingsopmerking',
    description:
      'Het antwoord van de aanbieder, terwijl de verantwoording teruggezet of weer in concept is. Opnieuw reageren vervangt het antwoord.',
  })
  @ApiOkResponse({ type: BeoordelingsopmerkingResponse })
  @ApiConflictResponse({ description: 'De verantwoording is ingediend of vastgesteld.' })
  async reageer(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('opmerkingId', uuidParam('opmerkingId')) opmerkingId: string,
    @Body() body: CreateBeoordelingsreactieRequest,
  ): Promise<BeoordelingsopmerkingResponse> {
    return this.beoordeling.reageer(actor, id, opmerkingId, body);
  }
}

import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
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
  Permissie,
  Vereist,
} from '@wijkkompas/core';
import { etag } from './if-match';
import { KpiNormService } from './kpi-norm.service';
import {
  CreateKpiRequest,
  KpiQuery,
  KpiResponse,
  KpiVersieResponse,
  KpiNormLijstResponse,
  KpiNormRequest,
  KpiNormResponse,
  toKpiResponse,
  toKpiVersieResponse,
  toKpiNormResponse,
  UpdateKpiRequest,
} from './kpi.dto';
import { KpiService } from './kpi.service';

const ETAG_HEADER = {
  ETag: {
    description:
      'De versie van de KPI (W/"<version>"); stuur die bij een wijziging mee in If-Match.',
    schema: { type: 'string', example: 'W/"3"' },
  },
};

const NORM_ETAG_HEADER = {
  ETag: {
    description: 'De versie van de norm (W/"<version>").',
    schema: { type: 'string', example: 'W/"1"' },
  },
};

const PERIODE_PARAM = {
  name: 'periode',
  description: 'Een jaar (2026) of een kwartaal (2026-Q3).',
  example: '2026-Q3',
};

@ApiTags('KPI’s')
@ApiBearerAuth('bearer')
@Vereist(Permissie.Lezen)
@Controller('kpis')
export class KpiController {
  constructor(
    private readonly kpis: KpiService,
    private readonly normen: KpiNormService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'KPI’s',
    description:
      'Met de definitie die nu geldt. Een aanbieder ziet de KPI’s van de opdrachten die hij uitvoert, een ketenregisseur die van zijn ketens.',
  })
  @ApiPageResponse(KpiResponse)
  async findAll(
    @CurrentActor() actor: Actor,
    @Query() query: KpiQuery,
  ): Promise<Page<KpiResponse>> {
    const [rows, total] = await this.kpis.findPage(actor, query);
    return toPage(rows, total, query, toKpiResponse);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Eén KPI',
    description:
      'De huidige definitie met versienummer, doelen en ketens; de ETag hoort bij de KPI.',
  })
  @ApiOkResponse({ type: KpiResponse, headers: ETAG_HEADER })
  async findOne(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<KpiResponse> {
    const kpi = await this.kpis.findOne(actor, id);
    res.setHeader('ETag', etag(kpi.kpi.version));
    return toKpiResponse(kpi);
  }

  @Get(':id/versies')
  @ApiOperation({
    summary: 'Versies van de definitie',
    description:
      'Alle versies, oudste eerst. Cijfers blijven bij de versie waartegen ze gerapporteerd zijn.',
  })
  @ApiPageResponse(KpiVersieResponse)
  async versies(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: PageQuery,
  ): Promise<Page<KpiVersieResponse>> {
    const alle = await this.kpis.versies(actor, id);
    const start = (query.page - 1) * query.pageSize;
    return toPage(
      alle.slice(start, start + query.pageSize),
      alle.length,
      query,
      toKpiVersieResponse,
    );
  }

  @Post()
  @Vereist(Permissie.KpiSetBeheren)
  @ApiOperation({
    summary: 'KPI aanmaken',
    description:
      'Voor een hoofdopdracht of een aanvullende opdracht. Versie 1 geldt vanaf geldigVanaf (standaard het huidige kwartaal).',
  })
  @ApiCreatedResponse({ type: KpiResponse, headers: ETAG_HEADER })
  @ApiConflictResponse({ description: 'Er is in deze gemeente al een KPI met deze code.' })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateKpiRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<KpiResponse> {
    const kpi = await this.kpis.create(actor, body);
    res.setHeader('ETag', etag(kpi.kpi.version));
    return toKpiResponse(kpi);
  }

  @Patch(':id')
  @Vereist(Permissie.KpiSetBeheren)
  @ApiOperation({
    summary: 'KPI wijzigen',
    description:
      'Een wijziging van de definitie (naam, definitie, teller, noemer, type, eenheid, richting, bron, bronOmschrijving, frequentie, aggregatie, perPerceel) maakt een nieuwe versie vanaf geldigVanaf; eerdere cijfers blijven bij hun versie. Doelen, ketens en actief wijzigen zonder nieuwe versie.',
  })
  @ApiHeader({
    name: 'If-Match',
    required: true,
    description: 'De ETag uit de laatste GET, bijvoorbeeld W/"3".',
  })
  @ApiOkResponse({ type: KpiResponse, headers: ETAG_HEADER })
  @ApiPreconditionFailedResponse({
    description: 'De KPI is intussen gewijzigd (If-Match verouderd).',
  })
  @ApiResponse({ status: 428, description: 'If-Match ontbreekt.' })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateKpiRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<KpiResponse> {
    const kpi = await this.kpis.update(actor, id, ifMatch, body);
    res.setHeader('ETag', etag(kpi.kpi.version));
    return toKpiResponse(kpi);
  }

  @Get(':id/normen')
  @ApiOperation({
    summary: 'Normen',
    description: 'Streefwaarden met toleranties per jaar of kwartaal, oudste periode eerst.',
  })
  @ApiOkResponse({ type: KpiNormLijstResponse })
  async normenLijst(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<KpiNormLijstResponse> {
    return { items: (await this.normen.findAll(actor, id)).map(toKpiNormResponse) };
  }

  @Put(':id/normen/:periode')
  @Vereist(Permissie.KpiSetBeheren)
  @ApiOperation({
    summary: 'Norm vastleggen',
    description:
      'Legt de norm van een jaar of kwartaal vast of vervangt die. Een kwartaalnorm gaat in dat kwartaal voor de jaarnorm. Met If-Match (de ETag van de norm) wordt een intussen gewijzigde norm niet overschreven.',
  })
  @ApiParam(PERIODE_PARAM)
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'De ETag van de norm, bijvoorbeeld W/"1".',
  })
  @ApiOkResponse({
    type: KpiNormResponse,
    headers: NORM_ETAG_HEADER,
    description: 'Norm vervangen.',
  })
  @ApiCreatedResponse({
    type: KpiNormResponse,
    headers: NORM_ETAG_HEADER,
    description: 'Norm vastgelegd.',
  })
  @ApiPreconditionFailedResponse({ description: 'De norm is intussen gewijzigd.' })
  @ApiUnprocessableEntityResponse({
    description: 'De norm is onbruikbaar (geen getal, negatieve of omgekeerde toleranties).',
  })
  async zetNorm(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('periode') periode: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: KpiNormRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<KpiNormResponse> {
    const { norm, nieuw } = await this.normen.zetNorm(actor, id, periode, body, ifMatch);
    res.status(nieuw ? 201 : 200);
    res.setHeader('ETag', etag(norm.version));
    return toKpiNormResponse(norm);
  }

  @Delete(':id/normen/:periode')
  @Vereist(Permissie.KpiSetBeheren)
  @HttpCode(204)
  @ApiOperation({
    summary: 'Norm verwijderen',
    description:
      'Zonder norm voor een kwartaal geldt de jaarnorm; zonder jaarnorm is de status ‘geen norm’.',
  })
  @ApiParam(PERIODE_PARAM)
  @ApiNoContentResponse({ description: 'Verwijderd.' })
  async verwijderNorm(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('periode') periode: string,
  ): Promise<void> {
    await this.normen.verwijder(actor, id, periode);
  }
}

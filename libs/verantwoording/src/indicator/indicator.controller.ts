import { Body, Controller, Get, Headers, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPreconditionFailedResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  Actor,
  ApiPageResponse,
  CurrentActor,
  Page,
  Permissie,
  toPage,
  uuidParam,
  Vereist,
} from '@wijkkompas/core';
import { etag } from '../kpi/if-match';
import {
  CreateIndicatorRequest,
  IndicatorQuery,
  IndicatorResponse,
  IndicatorVergelijkingResponse,
  toIndicatorResponse,
  toVergelijkingRijResponse,
  UpdateIndicatorRequest,
} from './indicator.dto';
import { IndicatorService } from './indicator.service';

const ETAG_HEADER = {
  ETag: {
    description:
      'De versie van de indicator (W/"<version>"); stuur die bij een wijziging mee in If-Match.',
    schema: { type: 'string', example: 'W/"1"' },
  },
};

@ApiTags('Indicatoren')
@ApiBearerAuth('bearer')
@Vereist(Permissie.Lezen)
@Controller('indicatoren')
export class IndicatorController {
  constructor(private readonly indicatoren: IndicatorService) {}

  @Get()
  @ApiOperation({
    summary: 'Indicatoren',
    description:
      'De indicatoren van de gemeente: één maat voor alle aanbieders, die KPI’s van hoofd- en aanvullende opdrachten kunnen overnemen.',
  })
  @ApiPageResponse(IndicatorResponse)
  async findAll(
    @CurrentActor() actor: Actor,
    @Query() query: IndicatorQuery,
  ): Promise<Page<IndicatorResponse>> {
    const [rows, total] = await this.indicatoren.findPage(actor, query);
    return toPage(rows, total, query, toIndicatorResponse);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Eén indicator',
    description: 'Met code, eenheid, richting en ketens; de ETag hoort bij de indicator.',
  })
  @ApiOkResponse({ type: IndicatorResponse, headers: ETAG_HEADER })
  async findOne(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IndicatorResponse> {
    const indicator = await this.indicatoren.findOne(actor, id);
    res.setHeader('ETag', etag(indicator.version));
    return toIndicatorResponse(indicator);
  }

  @Post()
  @Vereist(Permissie.KpiSetBeheren)
  @ApiOperation({
    summary: 'Indicator aanmaken',
    description: 'Code (uniek in de gemeente), naam, eenheid, richting en ketens.',
  })
  @ApiCreatedResponse({ type: IndicatorResponse, headers: ETAG_HEADER })
  @ApiConflictResponse({ description: 'Er is in deze gemeente al een indicator met deze code.' })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateIndicatorRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IndicatorResponse> {
    const indicator = await this.indicatoren.create(actor, body);
    res.setHeader('ETag', etag(indicator.version));
    return toIndicatorResponse(indicator);
  }

  @Patch(':id')
  @Vereist(Permissie.KpiSetBeheren)
  @ApiOperation({
    summary: 'Indicator wijzigen',
    description:
      'Naam, omschrijving en ketens altijd; eenheid en richting alleen zolang geen KPI de indicator overneemt.',
  })
  @ApiHeader({
    name: 'If-Match',
    required: true,
    description: 'De ETag uit de laatste GET, bijvoorbeeld W/"1".',
  })
  @ApiOkResponse({ type: IndicatorResponse, headers: ETAG_HEADER })
  @ApiConflictResponse({
    description: 'Eenheid of richting wijzigt terwijl KPI’s de indicator overnemen.',
  })
  @ApiPreconditionFailedResponse({ description: 'De indicator is intussen gewijzigd.' })
  @ApiResponse({ status: 428, description: 'If-Match ontbreekt.' })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateIndicatorRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IndicatorResponse> {
    const indicator = await this.indicatoren.update(actor, id, ifMatch, body);
    res.setHeader('ETag', etag(indicator.version));
    return toIndicatorResponse(indicator);
  }

  @Get(':id/vergelijkingen/:periode')
  @ApiOperation({
    summary: 'Vergelijking per kwartaal',
    description:
      'Per aanbieder (en KPI die de indicator overneemt) het cijfer, de norm en de status in het kwartaal, uit de laatst ingediende of vastgestelde verantwoording, met de percelen waar per perceel gerapporteerd wordt. Een medewerker van een aanbieder ziet alleen de eigen rij.',
  })
  @ApiParam({ name: 'periode', description: 'Een kwartaal.', example: '2026-Q3' })
  @ApiOkResponse({ type: IndicatorVergelijkingResponse })
  async vergelijking(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('periode') periode: string,
  ): Promise<IndicatorVergelijkingResponse> {
    const v = await this.indicatoren.vergelijking(actor, id, periode);
    return {
      indicator: toIndicatorResponse(v.indicator),
      periode: v.periode,
      rijen: v.rijen.map(toVergelijkingRijResponse),
      aantalUitKoers: v.aantalUitKoers,
    };
  }
}

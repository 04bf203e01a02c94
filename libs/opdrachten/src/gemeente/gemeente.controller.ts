import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiTags,
} from '@nestjs/swagger';
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
import {
  CreateGemeenteRequest,
  GemeenteResponse,
  NieuweGemeenteResponse,
  toGemeenteResponse,
  toNieuweGemeenteResponse,
  UpdateGemeenteRequest,
} from './gemeente.dto';
import { GemeenteService } from './gemeente.service';

@ApiTags('Gemeenten')
@ApiBearerAuth('bearer')
@Vereist(Permissie.Lezen)
@Controller('gemeenten')
export class GemeenteController {
  constructor(private readonly gemeenten: GemeenteService) {}

  @Get()
  @ApiOperation({
    summary: 'Gemeenten',
    description: 'De gemeente waarin u bent aangemeld (een lijst van één).',
  })
  @ApiPageResponse(GemeenteResponse)
  async findAll(
    @CurrentActor() actor: Actor,
    @Query() query: PageQuery,
  ): Promise<Page<GemeenteResponse>> {
    const gemeente = await this.gemeenten.findOne(actor, actor.gemeenteId);
    const rows = query.page === 1 ? [gemeente] : [];
    return toPage(rows, 1, query, toGemeenteResponse);
  }

  @Post()
  @Vereist(Permissie.GemeenteInstellen)
  @ApiOperation({
    summary: 'Gemeente aanmaken',
    description:
      'Een nieuwe gemeente met haar eerste beheerder; alleen voor beheerders van het platform (PLATFORM_BEHEERDERS). Vastgelegd in de audittrail van de nieuwe gemeente en van uw eigen gemeente.',
  })
  @ApiCreatedResponse({ type: NieuweGemeenteResponse })
  @ApiForbiddenResponse({ description: 'U bent geen beheerder van het platform.' })
  @ApiConflictResponse({ description: 'De CBS-code of het e-mailadres is al in gebruik.' })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateGemeenteRequest,
  ): Promise<NieuweGemeenteResponse> {
    return toNieuweGemeenteResponse(await this.gemeenten.create(actor, body));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Eén gemeente', description: 'Alleen de eigen gemeente; anders 404.' })
  @ApiOkResponse({ type: GemeenteResponse })
  async findOne(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<GemeenteResponse> {
    return toGemeenteResponse(await this.gemeenten.findOne(actor, id));
  }

  @Patch(':id')
  @Vereist(Permissie.GemeenteInstellen)
  @ApiOperation({
    summary: 'Gemeente wijzigen',
    description: 'Naam of CBS-code; alleen de beheerder. Stuur de gelezen version mee.',
  })
  @ApiOkResponse({ type: GemeenteResponse })
  @ApiPreconditionFailedResponse({ description: 'De gemeente is intussen gewijzigd.' })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateGemeenteRequest,
  ): Promise<GemeenteResponse> {
    return toGemeenteResponse(await this.gemeenten.update(actor, id, body));
  }
}

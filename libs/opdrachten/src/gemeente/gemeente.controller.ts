import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
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
import { GemeenteResponse, toGemeenteResponse, UpdateGemeenteRequest } from './gemeente.dto';
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

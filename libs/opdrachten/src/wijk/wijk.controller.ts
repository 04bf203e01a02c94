import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
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
  toPage,
  uuidParam,
  Permissie,
  Vereist,
} from '@wijkkompas/core';
import {
  CreateWijkRequest,
  toWijkResponse,
  UpdateWijkRequest,
  WijkQuery,
  WijkResponse,
} from './wijk.dto';
import { WijkService } from './wijk.service';

@ApiTags('Wijken')
@ApiBearerAuth('bearer')
@Vereist(Permissie.Lezen)
@Controller('wijken')
export class WijkController {
  constructor(private readonly wijken: WijkService) {}

  @Get()
  @ApiOperation({ summary: 'Wijken', description: 'De wijken van uw gemeente, op CBS-code.' })
  @ApiPageResponse(WijkResponse)
  async findAll(
    @CurrentActor() actor: Actor,
    @Query() query: WijkQuery,
  ): Promise<Page<WijkResponse>> {
    const [rows, total] = await this.wijken.findPage(actor, query);
    return toPage(rows, total, query, toWijkResponse);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Eén wijk', description: 'Een wijk van uw gemeente; anders 404.' })
  @ApiOkResponse({ type: WijkResponse })
  async findOne(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<WijkResponse> {
    return toWijkResponse(await this.wijken.findOne(actor, id));
  }

  @Post()
  @Vereist(Permissie.ReferentiedataBeheren)
  @ApiOperation({
    summary: 'Wijk aanmaken',
    description: 'Referentiegegevens: contractmanager of beheerder.',
  })
  @ApiCreatedResponse({ type: WijkResponse })
  @ApiConflictResponse({ description: 'De CBS-code is al in gebruik in uw gemeente.' })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateWijkRequest,
  ): Promise<WijkResponse> {
    return toWijkResponse(await this.wijken.create(actor, body));
  }

  @Patch(':id')
  @Vereist(Permissie.ReferentiedataBeheren)
  @ApiOperation({ summary: 'Wijk wijzigen', description: 'Stuur de gelezen version mee.' })
  @ApiOkResponse({ type: WijkResponse })
  @ApiPreconditionFailedResponse({ description: 'De wijk is intussen gewijzigd.' })
  @ApiConflictResponse({ description: 'De CBS-code is al in gebruik in uw gemeente.' })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateWijkRequest,
  ): Promise<WijkResponse> {
    return toWijkResponse(await this.wijken.update(actor, id, body));
  }
}

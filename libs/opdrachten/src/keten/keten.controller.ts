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
  PageQuery,
  toPage,
  uuidParam,
  Permissie,
  Vereist,
} from '@wijkkompas/core';
import {
  CreateKetenRequest,
  KetenResponse,
  toKetenResponse,
  UpdateKetenRequest,
} from './keten.dto';
import { KetenService } from './keten.service';

@ApiTags('Ketens')
@ApiBearerAuth('bearer')
@Vereist(Permissie.Lezen)
@Controller('ketens')
export class KetenController {
  constructor(private readonly ketens: KetenService) {}

  @Get()
  @ApiOperation({
    summary: 'Ketens',
    description: 'De beleidsketens van uw gemeente met hun ketenregisseur.',
  })
  @ApiPageResponse(KetenResponse)
  async findAll(
    @CurrentActor() actor: Actor,
    @Query() query: PageQuery,
  ): Promise<Page<KetenResponse>> {
    const [rows, total] = await this.ketens.findPage(actor, query);
    return toPage(rows, total, query, toKetenResponse);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Eén keten', description: 'Een keten van uw gemeente; anders 404.' })
  @ApiOkResponse({ type: KetenResponse })
  async findOne(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<KetenResponse> {
    return toKetenResponse(await this.ketens.findOne(actor, id));
  }

  @Post()
  @Vereist(Permissie.ReferentiedataBeheren)
  @ApiOperation({
    summary: 'Keten aanmaken',
    description: 'Referentiegegevens: contractmanager of beheerder.',
  })
  @ApiCreatedResponse({ type: KetenResponse })
  @ApiConflictResponse({ description: 'Uw gemeente heeft al een keten met deze naam.' })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateKetenRequest,
  ): Promise<KetenResponse> {
    return toKetenResponse(await this.ketens.create(actor, body));
  }

  @Patch(':id')
  @Vereist(Permissie.ReferentiedataBeheren)
  @ApiOperation({ summary: 'Keten wijzigen', description: 'Stuur de gelezen version mee.' })
  @ApiOkResponse({ type: KetenResponse })
  @ApiPreconditionFailedResponse({ description: 'De keten is intussen gewijzigd.' })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateKetenRequest,
  ): Promise<KetenResponse> {
    return toKetenResponse(await this.ketens.update(actor, id, body));
  }
}

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
import { PeildatumQuery } from '../shared/dto';
import { vandaag } from '../shared/datum';
import {
  CreatePerceelRequest,
  CreateProgrammaRequest,
  CreateToewijzingRequest,
  PerceelQuery,
  PerceelResponse,
  toPerceelResponse,
  UpdatePerceelRequest,
} from './perceel.dto';
import { PerceelService } from './perceel.service';

@ApiTags('Percelen')
@ApiBearerAuth('bearer')
@Vereist(Permissie.Lezen)
@Controller('percelen')
export class PerceelController {
  constructor(private readonly percelen: PerceelService) {}

  @Get()
  @ApiOperation({
    summary: 'Percelen',
    description:
      'Percelen met hun wijken en de aanbieder op de peildatum. Een aanbieder ziet de percelen die hij uitvoert of uitvoerde.',
  })
  @ApiPageResponse(PerceelResponse)
  async findAll(
    @CurrentActor() actor: Actor,
    @Query() query: PerceelQuery,
  ): Promise<Page<PerceelResponse>> {
    const [rows, total] = await this.percelen.findPage(actor, query);
    const peildatum = query.peildatum ?? vandaag();
    return toPage(rows, total, query, (row) => toPerceelResponse(row, peildatum));
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Eén perceel',
    description:
      'Met de aanbieder op de peildatum (standaard vandaag) en de volledige toewijzingshistorie.',
  })
  @ApiOkResponse({ type: PerceelResponse })
  async findOne(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: PeildatumQuery,
  ): Promise<PerceelResponse> {
    return toPerceelResponse(await this.percelen.findOne(actor, id), query.peildatum ?? vandaag());
  }

  @Post()
  @Vereist(Permissie.ReferentiedataBeheren)
  @ApiOperation({
    summary: 'Perceel aanmaken',
    description: 'Een benoemde verzameling wijken. Wijs daarna een aanbieder toe.',
  })
  @ApiCreatedResponse({ type: PerceelResponse })
  @ApiConflictResponse({ description: 'Uw gemeente heeft al een perceel met deze naam.' })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreatePerceelRequest,
  ): Promise<PerceelResponse> {
    return toPerceelResponse(await this.percelen.create(actor, body), vandaag());
  }

  @Patch(':id')
  @Vereist(Permissie.ReferentiedataBeheren)
  @ApiOperation({
    summary: 'Perceel wijzigen',
    description: 'Naam, omschrijving of wijken; stuur de gelezen version mee.',
  })
  @ApiOkResponse({ type: PerceelResponse })
  @ApiPreconditionFailedResponse({ description: 'Het perceel is intussen gewijzigd.' })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdatePerceelRequest,
  ): Promise<PerceelResponse> {
    return toPerceelResponse(await this.percelen.update(actor, id, body), vandaag());
  }

  @Post(':id/toewijzingen')
  @Vereist(Permissie.HoofdopdrachtenBeheren)
  @ApiOperation({
    summary: 'Perceel toewijzen of herindelen',
    description:
      'Wijst het perceel vanaf een datum toe aan een aanbieder. Een lopende toewijzing eindigt de dag ervoor; andere overlap geeft 409. De historie blijft bewaard.',
  })
  @ApiCreatedResponse({ type: PerceelResponse })
  @ApiConflictResponse({ description: 'De periode overlapt een bestaande toewijzing.' })
  async wijsToe(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: CreateToewijzingRequest,
  ): Promise<PerceelResponse> {
    return toPerceelResponse(await this.percelen.wijsToe(actor, id, body), body.van);
  }

  @Post(':id/programmas')
  @Vereist(Permissie.HoofdopdrachtenBeheren)
  @ApiOperation({
    summary: 'Programma toevoegen',
    description: 'Een programma met een eigen opdrachtgever op dit perceel, zoals een PACT-wijk.',
  })
  @ApiCreatedResponse({ type: PerceelResponse })
  async voegProgrammaToe(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: CreateProgrammaRequest,
  ): Promise<PerceelResponse> {
    return toPerceelResponse(await this.percelen.voegProgrammaToe(actor, id, body), body.van);
  }
}

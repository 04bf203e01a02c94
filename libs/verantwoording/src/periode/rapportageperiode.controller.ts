import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
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
  CreateRapportageperiodeRequest,
  RapportageperiodeQuery,
  RapportageperiodeResponse,
  toRapportageperiodeResponse,
} from './rapportageperiode.dto';
import { RapportageperiodeService } from './rapportageperiode.service';

@ApiTags('Rapportageperiodes')
@ApiBearerAuth('bearer')
@Vereist(Permissie.Lezen)
@Controller('rapportageperiodes')
export class RapportageperiodeController {
  constructor(private readonly periodes: RapportageperiodeService) {}

  @Get()
  @ApiOperation({
    summary: 'Rapportageperiodes',
    description: 'Nieuwste periode eerst. Een aanbieder ziet alleen de eigen periodes.',
  })
  @ApiPageResponse(RapportageperiodeResponse)
  async findAll(
    @CurrentActor() actor: Actor,
    @Query() query: RapportageperiodeQuery,
  ): Promise<Page<RapportageperiodeResponse>> {
    const [rows, total] = await this.periodes.findPage(actor, query);
    return toPage(rows, total, query, toRapportageperiodeResponse);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Eén rapportageperiode',
    description: 'Met begin, einde en deadline. Een aanbieder ziet alleen de eigen periodes.',
  })
  @ApiOkResponse({ type: RapportageperiodeResponse })
  async findOne(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<RapportageperiodeResponse> {
    return toRapportageperiodeResponse(await this.periodes.findOne(actor, id));
  }

  @Post()
  @Vereist(Permissie.RapportageperiodesOpenen)
  @ApiOperation({
    summary: 'Rapportageperiode openen',
    description:
      'Voor de hoofdopdracht een kwartaal; voor een aanvullende opdracht met een eigen verantwoording een kwartaal of jaar binnen haar looptijd. De deadline is standaard 30 dagen na de laatste dag van de periode. Aan het begin van elk kwartaal opent de planner de periodes vanzelf.',
  })
  @ApiCreatedResponse({ type: RapportageperiodeResponse })
  @ApiConflictResponse({ description: 'Deze periode is voor deze aanbieder al geopend.' })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateRapportageperiodeRequest,
  ): Promise<RapportageperiodeResponse> {
    return toRapportageperiodeResponse(await this.periodes.create(actor, body));
  }
}

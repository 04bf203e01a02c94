import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
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
  CreateOverlegRequest,
  OverlegQuery,
  OverlegResponse,
  toOverlegResponse,
  UpdateOverlegRequest,
} from './overleg.dto';
import { OverlegService } from './overleg.service';

@ApiTags('Overleggen')
@ApiBearerAuth('bearer')
@Vereist(Permissie.Lezen)
@Controller('overleggen')
export class OverlegController {
  constructor(private readonly overleggen: OverlegService) {}

  @Get()
  @ApiOperation({
    summary: 'Overleggen',
    description:
      'De overleggen van uw gemeente, op tijdstip, vroegste eerst. Medewerkers van een aanbieder zien alleen de verantwoordingsgesprekken van hun eigen organisatie.',
  })
  @ApiPageResponse(OverlegResponse)
  async findAll(
    @CurrentActor() actor: Actor,
    @Query() query: OverlegQuery,
  ): Promise<Page<OverlegResponse>> {
    const [rows, total] = await this.overleggen.findPage(actor, query);
    return toPage(rows, total, query, toOverlegResponse);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Eén overleg',
    description: 'Een overleg dat u mag zien; anders 404.',
  })
  @ApiOkResponse({ type: OverlegResponse })
  async findOne(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<OverlegResponse> {
    return toOverlegResponse(await this.overleggen.findOne(actor, id));
  }

  @Post()
  @Vereist(Permissie.OverleggenPlannen)
  @ApiOperation({
    summary: 'Overleg plannen',
    description:
      'Een verantwoordingsgesprek of stuurgroep plant de contractmanager; een keten- of ontwikkeloverleg de ketenregisseur of de contractmanager.',
  })
  @ApiCreatedResponse({ type: OverlegResponse })
  @ApiConflictResponse({
    description: 'Er is al een verantwoordingsgesprek met deze aanbieder over dit kwartaal.',
  })
  @ApiUnprocessableEntityResponse({
    description:
      'Het overleg past niet bij zijn soort (aanbieder of kwartaal ontbreekt, keten ontbreekt) of noemt een onbekende aanbieder, keten of deelnemer.',
  })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateOverlegRequest,
  ): Promise<OverlegResponse> {
    return toOverlegResponse(await this.overleggen.create(actor, body));
  }

  @Patch(':id')
  @Vereist(Permissie.OverleggenPlannen)
  @ApiOperation({
    summary: 'Overleg wijzigen',
    description:
      'Datum, locatie, deelnemers, titel of status. Stuur de gelezen version mee; wie het overleg mag plannen, mag het wijzigen.',
  })
  @ApiOkResponse({ type: OverlegResponse })
  @ApiConflictResponse({
    description:
      'Deze statusovergang kan niet, of het weer plannen botst met een ander verantwoordingsgesprek.',
  })
  @ApiPreconditionFailedResponse({ description: 'Het overleg is intussen gewijzigd.' })
  @ApiUnprocessableEntityResponse({ description: 'Een deelnemer hoort niet bij dit overleg.' })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateOverlegRequest,
  ): Promise<OverlegResponse> {
    return toOverlegResponse(await this.overleggen.update(actor, id, body));
  }
}

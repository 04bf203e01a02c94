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
  AanbiederQuery,
  AanbiederResponse,
  CreateAanbiederRequest,
  UpdateAanbiederRequest,
} from './aanbieder.dto';
import { AanbiederService } from './aanbieder.service';

@ApiTags('Aanbieders')
@ApiBearerAuth('bearer')
@Vereist(Permissie.Lezen)
@Controller('aanbieders')
export class AanbiederController {
  constructor(private readonly aanbieders: AanbiederService) {}

  @Get()
  @ApiOperation({
    summary: 'Aanbieders',
    description: 'De aanbieders die voor uw gemeente werken; een aanbieder ziet alleen zichzelf.',
  })
  @ApiPageResponse(AanbiederResponse)
  async findAll(
    @CurrentActor() actor: Actor,
    @Query() query: AanbiederQuery,
  ): Promise<Page<AanbiederResponse>> {
    const [rows, total] = await this.aanbieders.findPage(actor, query);
    return toPage(rows, total, query, (row) => row);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Eén aanbieder',
    description: 'Een aanbieder die voor uw gemeente werkt; anders 404.',
  })
  @ApiOkResponse({ type: AanbiederResponse })
  findOne(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<AanbiederResponse> {
    return this.aanbieders.findOne(actor, id);
  }

  @Post()
  @Vereist(Permissie.ReferentiedataBeheren)
  @ApiOperation({
    summary: 'Aanbieder registreren',
    description:
      'Registreert een aanbieder voor uw gemeente onder de naam waaronder u haar contracteert. Het KvK-nummer is de identiteit van de organisatie: werkt zij ook voor een andere gemeente, dan blijft het één organisatie met een eigen relatie met uw gemeente. Het antwoord is in beide gevallen hetzelfde en toont niets van andere gemeenten.',
  })
  @ApiCreatedResponse({ type: AanbiederResponse })
  @ApiConflictResponse({ description: 'Deze aanbieder werkt al voor uw gemeente.' })
  create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateAanbiederRequest,
  ): Promise<AanbiederResponse> {
    return this.aanbieders.create(actor, body);
  }

  @Patch(':id')
  @Vereist(Permissie.ReferentiedataBeheren)
  @ApiOperation({
    summary: 'Aanbieder wijzigen',
    description:
      'De naam zoals uw gemeente de aanbieder contracteert (alleen uw gemeente ziet die), of het KvK-nummer — dat alleen zolang de aanbieder uitsluitend voor uw gemeente werkt. Stuur de gelezen version mee.',
  })
  @ApiOkResponse({ type: AanbiederResponse })
  @ApiConflictResponse({
    description:
      'Het KvK-nummer is al van een andere aanbieder, of de aanbieder werkt ook voor een andere gemeente en het nummer kan daarom niet door één gemeente worden gewijzigd.',
  })
  @ApiPreconditionFailedResponse({ description: 'De aanbieder is intussen gewijzigd.' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateAanbiederRequest,
  ): Promise<AanbiederResponse> {
    return this.aanbieders.update(actor, id, body);
  }
}

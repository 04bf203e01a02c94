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
      'Maakt de aanbieder aan, of koppelt een aanbieder met hetzelfde KvK-nummer die al voor een andere gemeente werkt.',
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
    description: 'Naam of KvK-nummer; stuur de gelezen version mee.',
  })
  @ApiOkResponse({ type: AanbiederResponse })
  @ApiPreconditionFailedResponse({ description: 'De aanbieder is intussen gewijzigd.' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateAanbiederRequest,
  ): Promise<AanbiederResponse> {
    return this.aanbieders.update(actor, id, body);
  }
}

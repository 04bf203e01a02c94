import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { uuidParam } from '../http/params';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ApiPageResponse, Page, toPage } from '../http/pagination';
import { Actor } from '../tenancy/actor';

import { CurrentActor, Vereist } from './auth.decorators';
import { Permissie } from './permissies';
import {
  CreateGebruikerRequest,
  GebruikerQuery,
  GebruikerResponse,
  UpdateGebruikerRequest,
  toGebruikerResponse,
} from './gebruiker.dto';
import { GebruikerService } from './gebruiker.service';

@ApiTags('Gebruikers')
@ApiBearerAuth('bearer')
@Controller('gebruikers')
@Vereist(Permissie.GebruikersBeheren)
export class GebruikerController {
  constructor(private readonly gebruikers: GebruikerService) {}

  @Get()
  @ApiOperation({
    summary: 'Gebruikers van de gemeente',
    description: 'Alle gebruikers met een rol in uw gemeente, gepagineerd.',
  })
  @ApiPageResponse(GebruikerResponse)
  async findAll(
    @CurrentActor() actor: Actor,
    @Query() query: GebruikerQuery,
  ): Promise<Page<GebruikerResponse>> {
    const [rows, total] = await this.gebruikers.findPage(actor, query);
    return toPage(rows, total, query, (row) => toGebruikerResponse(row, actor.gemeenteId));
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Eén gebruiker',
    description: 'Een gebruiker met een rol in uw gemeente; anders 404.',
  })
  @ApiOkResponse({ type: GebruikerResponse })
  async findOne(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<GebruikerResponse> {
    return toGebruikerResponse(await this.gebruikers.findOne(actor, id), actor.gemeenteId);
  }

  @Post()
  @ApiOperation({
    summary: 'Gebruiker aanmaken',
    description:
      'Met rollen in uw gemeente; gemeenterollen alleen voor de gemeente, aanbiedersrollen alleen voor aanbieders.',
  })
  @ApiCreatedResponse({ type: GebruikerResponse })
  @ApiConflictResponse({ description: 'E-mailadres al in gebruik.' })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateGebruikerRequest,
  ): Promise<GebruikerResponse> {
    return toGebruikerResponse(await this.gebruikers.create(actor, body), actor.gemeenteId);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Gebruiker wijzigen',
    description: 'Naam, actief of rollen; stuur de gelezen version mee.',
  })
  @ApiOkResponse({ type: GebruikerResponse })
  @ApiPreconditionFailedResponse({ description: 'De gebruiker is intussen gewijzigd.' })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateGebruikerRequest,
  ): Promise<GebruikerResponse> {
    return toGebruikerResponse(await this.gebruikers.update(actor, id, body), actor.gemeenteId);
  }
}

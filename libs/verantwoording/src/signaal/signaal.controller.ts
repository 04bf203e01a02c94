import { Body, Controller, Get, Headers, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
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
import { etag } from '../kpi/if-match';

import {
  CreateSignaalRequest,
  CreateSignaalStatuswijzigingRequest,
  SignaalQuery,
  SignaalResponse,
  UpdateSignaalRequest,
} from './signaal.dto';
import { SignaalService } from './signaal.service';

const ETAG_HEADER = {
  ETag: {
    description:
      'De versie van het signaal (W/"<version>"); stuur die bij een wijziging mee in If-Match.',
    schema: { type: 'string', example: 'W/"3"' },
  },
};

const PRIVACY =
  'Een tekstveld bevat direct identificerende gegevens (invalidParams noemt veld en soort, nooit het gegeven), of een verwijzing bestaat niet of hoort niet bij de inbrenger.';

@ApiTags('Signalen')
@ApiBearerAuth('bearer')
@Vereist(Permissie.Lezen)
@Controller('signalen')
export class SignaalController {
  constructor(private readonly signalen: SignaalService) {}

  @Get()
  @ApiOperation({
    summary: 'Signalen',
    description:
      'Een aanbieder ziet de signalen die zijn organisatie inbracht; een ketenregisseur die van zijn ketens en die hij zelf inbracht of behandelde; andere gemeenterollen alle signalen van de gemeente. Nieuwste eerst.',
  })
  @ApiPageResponse(SignaalResponse)
  async findAll(
    @CurrentActor() actor: Actor,
    @Query() query: SignaalQuery,
  ): Promise<Page<SignaalResponse>> {
    const [items, total] = await this.signalen.findPage(actor, query);
    return toPage(items, total, query, (signaal) => signaal);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Eén signaal',
    description:
      'Met antwoord, terugkoppeling en leerorde zodra die er zijn, de statussen waarnaar u het nu kunt brengen en of de antwoordtermijn verstreken is.',
  })
  @ApiOkResponse({ type: SignaalResponse, headers: ETAG_HEADER })
  async findOne(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SignaalResponse> {
    const signaal = await this.signalen.findOne(actor, id);
    res.setHeader('ETag', etag(signaal.version));
    return signaal;
  }

  @Post()
  @Vereist(Permissie.SignaalInbrengen)
  @ApiOperation({
    summary: 'Signaal inbrengen',
    description:
      'Door een aanbieder (directeur, teamleider, kwaliteitsmedewerker) of de gemeente (beleidsadviseur, ketenregisseur, contractmanager), namens de eigen organisatie. Standaard in het huidige kwartaal, met een antwoordtermijn van zes weken.',
  })
  @ApiCreatedResponse({ type: SignaalResponse, headers: ETAG_HEADER })
  @ApiUnprocessableEntityResponse({ description: PRIVACY })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateSignaalRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SignaalResponse> {
    const signaal = await this.signalen.create(actor, body);
    res.setHeader('ETag', etag(signaal.version));
    return signaal;
  }

  @Patch(':id')
  @Vereist(Permissie.SignaalInbrengen)
  @ApiOperation({
    summary: 'Signaal wijzigen',
    description:
      'De inbrenger past titel, waarneming, soort, plaats, kwartaal, ketens en termijn aan zolang het signaal nieuw is. Ketenregisseur, beleidsadviseur en contractmanager leggen ketens, antwoordtermijn, antwoord en terugkoppeling vast tot het signaal gesloten is.',
  })
  @ApiHeader({
    name: 'If-Match',
    required: true,
    description: 'De ETag uit de laatste GET, bijvoorbeeld W/"3".',
  })
  @ApiOkResponse({ type: SignaalResponse, headers: ETAG_HEADER })
  @ApiUnprocessableEntityResponse({ description: PRIVACY })
  @ApiConflictResponse({ description: 'Deze velden liggen in de huidige status vast.' })
  @ApiPreconditionFailedResponse({ description: 'Het signaal is intussen gewijzigd.' })
  @ApiResponse({ status: 428, description: 'If-Match ontbreekt.' })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateSignaalRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SignaalResponse> {
    const signaal = await this.signalen.update(actor, id, ifMatch, body);
    res.setHeader('ETag', etag(signaal.version));
    return signaal;
  }

  @Post(':id/statuswijzigingen')
  @Vereist(Permissie.SignaalBehandelen)
  @ApiOperation({
    summary: 'Status wijzigen',
    description:
      'Eén stap verder: nieuw → in-analyse → geagendeerd → beantwoord → gesloten. Beantwoord vraagt een antwoord én de terugkoppeling aan de professionals (mee te sturen of al vastgelegd); gesloten vraagt de leerorde (1, 2 of 3). Alleen ketenregisseur, beleidsadviseur en contractmanager.',
  })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'De ETag uit de laatste GET; een verouderde geeft 412.',
  })
  @ApiCreatedResponse({ type: SignaalResponse, headers: ETAG_HEADER })
  @ApiConflictResponse({
    description: 'Ongeldige statusovergang; allowedNextStates noemt de toegestane.',
  })
  @ApiUnprocessableEntityResponse({
    description:
      'Antwoord, terugkoppeling of leerorde ontbreekt voor deze status (invalidParams noemt ze), of de tekst bevat direct identificerende gegevens.',
  })
  @ApiPreconditionFailedResponse({ description: 'Het signaal is intussen gewijzigd.' })
  async wijzigStatus(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: CreateSignaalStatuswijzigingRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SignaalResponse> {
    const signaal = await this.signalen.wijzigStatus(actor, id, ifMatch, body);
    res.setHeader('ETag', etag(signaal.version));
    return signaal;
  }
}

import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
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
import { CasusQuery, CasusResponse, CreateCasusRequest, UpdateCasusRequest } from './casus.dto';
import { CasusService } from './casus.service';

const ETAG_HEADER = {
  ETag: {
    description:
      'De versie van het verhaal (W/"<version>"); stuur die bij een wijziging mee in If-Match.',
    schema: { type: 'string', example: 'W/"2"' },
  },
};

const PRIVACY_422 =
  'Een tekstveld bevat direct identificerende gegevens (BSN, e-mailadres, telefoonnummer, IBAN of postcode met huisnummer): invalidParams noemt per veld de soort (code), nooit het gegeven zelf. Of een verwijzing (perceel, wijk, KPI, doel, keten) bestaat niet of hoort niet bij uw organisatie.';

@ApiTags('Casusverhalen')
@ApiBearerAuth('bearer')
@Vereist(Permissie.Lezen)
@Controller('casussen')
export class CasusController {
  constructor(private readonly casussen: CasusService) {}

  @Get()
  @ApiOperation({
    summary: 'Casusverhalen',
    description:
      'Een aanbieder ziet zijn eigen verhalen, een ketenregisseur die in zijn ketens, andere gemeenterollen alle verhalen van de gemeente. Nieuwste kwartaal eerst.',
  })
  @ApiPageResponse(CasusResponse)
  async findAll(
    @CurrentActor() actor: Actor,
    @Query() query: CasusQuery,
  ): Promise<Page<CasusResponse>> {
    const [items, total] = await this.casussen.findPage(actor, query);
    return toPage(items, total, query, (casus) => casus);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Eén casusverhaal',
    description:
      'Met de namen van perceel, wijk, KPI’s, doelen en ketens; de ETag hoort bij het verhaal. bevroren zegt of de verantwoording van het kwartaal al is ingediend.',
  })
  @ApiOkResponse({ type: CasusResponse, headers: ETAG_HEADER })
  async findOne(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CasusResponse> {
    const casus = await this.casussen.findOne(actor, id);
    res.setHeader('ETag', etag(casus.version));
    return casus;
  }

  @Post()
  @Vereist(Permissie.CasussenSchrijven)
  @ApiOperation({
    summary: 'Casusverhaal schrijven',
    description:
      'Voor de eigen organisatie, over een kwartaal tot en met het huidige. Het verhaal wordt gepseudonimiseerd vastgelegd: tekst met een BSN (elfproef), e-mailadres, telefoonnummer, IBAN of postcode met huisnummer wordt geweigerd en niet opgeslagen.',
  })
  @ApiCreatedResponse({ type: CasusResponse, headers: ETAG_HEADER })
  @ApiUnprocessableEntityResponse({ description: PRIVACY_422 })
  @ApiConflictResponse({
    description: 'De verantwoording van dit kwartaal is al ingediend of vastgesteld.',
  })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateCasusRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CasusResponse> {
    const casus = await this.casussen.create(actor, body);
    res.setHeader('ETag', etag(casus.version));
    return casus;
  }

  @Patch(':id')
  @Vereist(Permissie.CasussenSchrijven)
  @ApiOperation({
    summary: 'Casusverhaal wijzigen',
    description:
      'Alleen verhalen van de eigen organisatie, zolang de verantwoording van het kwartaal niet is ingediend of vastgesteld. Dezelfde privacycontrole als bij schrijven.',
  })
  @ApiHeader({
    name: 'If-Match',
    required: true,
    description: 'De ETag uit de laatste GET, bijvoorbeeld W/"2".',
  })
  @ApiOkResponse({ type: CasusResponse, headers: ETAG_HEADER })
  @ApiUnprocessableEntityResponse({ description: PRIVACY_422 })
  @ApiConflictResponse({
    description: 'De verantwoording van dit kwartaal is al ingediend of vastgesteld.',
  })
  @ApiPreconditionFailedResponse({ description: 'Het verhaal is intussen gewijzigd.' })
  @ApiResponse({ status: 428, description: 'If-Match ontbreekt.' })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateCasusRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CasusResponse> {
    const casus = await this.casussen.update(actor, id, ifMatch, body);
    res.setHeader('ETag', etag(casus.version));
    return casus;
  }

  @Delete(':id')
  @Vereist(Permissie.CasussenSchrijven)
  @HttpCode(204)
  @ApiOperation({
    summary: 'Casusverhaal verwijderen',
    description:
      'Alleen verhalen van de eigen organisatie, zolang de verantwoording van het kwartaal niet is ingediend of vastgesteld. Met If-Match wordt een intussen gewijzigd verhaal niet verwijderd.',
  })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'De ETag uit de laatste GET, bijvoorbeeld W/"2".',
  })
  @ApiNoContentResponse({ description: 'Verwijderd.' })
  @ApiConflictResponse({
    description: 'De verantwoording van dit kwartaal is al ingediend of vastgesteld.',
  })
  @ApiPreconditionFailedResponse({ description: 'Het verhaal is intussen gewijzigd.' })
  async remove(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    await this.casussen.remove(actor, id, ifMatch);
  }
}

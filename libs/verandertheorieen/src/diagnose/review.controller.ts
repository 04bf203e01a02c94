import { Body, Controller, Get, Headers, Param, Put, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor, CurrentActor, uuidParam, Permissie, Vereist } from '@wijkkompas/core';
import { etag } from '@wijkkompas/verantwoording';
import { kwartaalParam } from '../verandertheorie/params';

import {
  DiagnoseRequest,
  DiagnoseResponse,
  GeschiedenisResponse,
  ReviewResponse,
} from './review.dto';
import { ReviewService } from './review.service';

const PERIODE_PARAM = { name: 'periode', example: '2026-Q2', description: 'Een kwartaal.' };

@ApiTags('Verandertheorieën')
@ApiBearerAuth('bearer')
@Vereist(Permissie.Lezen)
@Controller('verandertheorieen')
export class ReviewController {
  constructor(private readonly reviews: ReviewService) {}

  @Get(':id/reviews/:periode')
  @ApiOperation({
    summary: 'Review van de veronderstellingen in een kwartaal',
    description:
      'Per KPI van de verandertheorie die uit koers was in een vastgestelde kwartaalverantwoording van dat kwartaal (het totaal over de percelen volgens de aggregatie van de KPI, tegen de norm van het kwartaal): precies de veronderstellingen op de paden van de elementen die de KPI zichtbaar maakt naar de ambitie, met de diagnose van dat kwartaal (standaard nog onbekend). Gebruikt de versie van de verandertheorie die toen gold. Een aanbieder ziet de review over de eigen verantwoordingen.',
  })
  @ApiParam(PERIODE_PARAM)
  @ApiOkResponse({ type: ReviewResponse })
  review(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('periode', kwartaalParam()) periode: string,
  ): Promise<ReviewResponse> {
    return this.reviews.review(actor, id, periode);
  }

  @Put(':id/reviews/:periode/diagnoses/:veronderstellingId')
  @Vereist(Permissie.VerandertheorieMeeschrijven)
  @ApiOperation({
    summary: 'Diagnose van een veronderstelling vastleggen',
    description:
      'Waar het aan lag (uitvoering, randvoorwaarden, externe factor, veronderstelling klopt niet, nog onbekend) met een notitie, voor dit kwartaal. Zonder kpiId geldt de diagnose onder elke KPI van de review, met kpiId alleen onder die KPI. Alleen voor een veronderstelling op het pad van een KPI die dat kwartaal uit koers was (anders 422). Opnieuw vastleggen herziet de diagnose van dit kwartaal; eerdere kwartalen blijven staan.',
  })
  @ApiParam(PERIODE_PARAM)
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description:
      'Optioneel: de ETag van de diagnose (W/"<version>"). Meegestuurd moet hij actueel zijn, anders 412.',
  })
  @ApiOkResponse({
    type: DiagnoseResponse,
    headers: { ETag: { description: 'De versie van de diagnose.', schema: { type: 'string' } } },
  })
  @ApiResponse({ status: 412, description: 'De diagnose is intussen gewijzigd (If-Match).' })
  @ApiUnprocessableEntityResponse({
    description: 'De veronderstelling ligt niet op het pad van een KPI die uit koers was.',
  })
  async zetDiagnose(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('periode', kwartaalParam()) periode: string,
    @Param('veronderstellingId', uuidParam('veronderstellingId')) veronderstellingId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: DiagnoseRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DiagnoseResponse> {
    const response = await this.reviews.zetDiagnose(
      actor,
      id,
      periode,
      veronderstellingId,
      ifMatch,
      body,
    );
    res.setHeader('ETag', etag(response.version));
    return response;
  }

  @Get(':id/veronderstellingen/:veronderstellingId/geschiedenis')
  @ApiOperation({
    summary: 'Wat er over een veronderstelling geleerd is',
    description:
      'De diagnoses per kwartaal en de versies waarin tekst of bewijsstatus veranderde, oudste eerst.',
  })
  @ApiOkResponse({ type: GeschiedenisResponse })
  geschiedenis(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('veronderstellingId', uuidParam('veronderstellingId')) veronderstellingId: string,
  ): Promise<GeschiedenisResponse> {
    return this.reviews.geschiedenis(actor, id, veronderstellingId);
  }
}

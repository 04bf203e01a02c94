import { Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor, CurrentActor, Permissie, Public, uuidParam, Vereist } from '@wijkkompas/core';
import { Kalenderfeed } from './kalenderfeed.entity';
import { KalenderService } from './kalender.service';

export class KalenderfeedResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  aangemaaktOp: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  ingetrokkenOp: string | null;
}

export class NieuweKalenderfeedResponse extends KalenderfeedResponse {
  @ApiProperty({
    example: '/api/v1/kalenders/3q2-…',
    description:
      'Het geheime adres van de kalender; alleen nu te zien. Wie het adres heeft, ziet uw overleggen: trek het in als het uitlekt.',
  })
  pad: string;
}

export class KalenderfeedsResponse {
  @ApiProperty({ type: () => KalenderfeedResponse, isArray: true })
  items: KalenderfeedResponse[];
}

function toResponse(feed: Kalenderfeed): KalenderfeedResponse {
  return {
    id: feed.id,
    aangemaaktOp: feed.createdAt.toISOString(),
    ingetrokkenOp: feed.ingetrokkenOp?.toISOString() ?? null,
  };
}

@ApiTags('Overleggen')
@Vereist(Permissie.EigenAccount)
@Controller()
export class KalenderController {
  constructor(private readonly kalender: KalenderService) {}

  @Post('kalenderfeeds')
  @ApiBearerAuth('bearer')
  @ApiOperation({
    summary: 'Kalenderadres maken',
    description:
      'Een geheim adres voor uw agenda-app met de overleggen waaraan u (of uw organisatie) deelneemt. Een nieuw adres trekt het vorige in.',
  })
  @ApiCreatedResponse({ type: NieuweKalenderfeedResponse })
  async maak(@CurrentActor() actor: Actor): Promise<NieuweKalenderfeedResponse> {
    const { feed, pad } = await this.kalender.maak(actor);
    return { ...toResponse(feed), pad };
  }

  @Get('kalenderfeeds')
  @ApiBearerAuth('bearer')
  @ApiOperation({
    summary: 'Uw kalenderadressen',
    description: 'Zonder het geheim; nieuwste eerst.',
  })
  @ApiOkResponse({ type: KalenderfeedsResponse })
  async lijst(@CurrentActor() actor: Actor): Promise<KalenderfeedsResponse> {
    return { items: (await this.kalender.lijst(actor)).map(toResponse) };
  }

  @Delete('kalenderfeeds/:id')
  @ApiBearerAuth('bearer')
  @HttpCode(204)
  @ApiOperation({ summary: 'Kalenderadres intrekken', description: 'Het adres geeft daarna 404.' })
  @ApiNoContentResponse({ description: 'Ingetrokken.' })
  async trekIn(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<void> {
    await this.kalender.trekIn(actor, id);
  }

  @Get('kalenders/:geheim')
  @Public()
  @ApiOperation({
    summary: 'Kalender (iCalendar)',
    description:
      'Voor agenda-apps, die geen token kunnen meesturen: het geheime adres is de sleutel. Ingetrokken of onbekend: 404.',
  })
  @ApiProduces('text/calendar')
  @ApiOkResponse({
    description: 'De overleggen als iCalendar.',
    content: { 'text/calendar': { schema: { type: 'string' } } },
  })
  @ApiNotFoundResponse({ description: 'Onbekend of ingetrokken adres.' })
  async ics(
    @Param('geheim') geheim: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const tekst = await this.kalender.ics(geheim);
    res.type('text/calendar; charset=utf-8');
    res.setHeader('Cache-Control', 'private, no-store');
    return tekst;
  }
}

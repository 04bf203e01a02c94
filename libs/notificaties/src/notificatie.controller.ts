import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, toPage, uuidParam, Permissie, Vereist } from '@wijkkompas/core';
import {
  AllesGelezenRequest,
  AllesGelezenResponse,
  NotificatiePageResponse,
  NotificatieQuery,
  NotificatieResponse,
  toNotificatieResponse,
  UpdateNotificatieRequest,
} from './notificatie.dto';
import { NotificatieService } from './notificatie.service';

/** Everyone's own notifications, whatever their role; nobody sees anyone else's. */
@ApiTags('Notificaties')
@ApiBearerAuth('bearer')
@Vereist(Permissie.EigenAccount)
@Controller('notificaties')
export class NotificatieController {
  constructor(private readonly notificaties: NotificatieService) {}

  @Get()
  @ApiOperation({
    summary: 'Mijn meldingen',
    description:
      'Uw eigen meldingen in de gemeente waarin u bent aangemeld, nieuwste eerst, gepagineerd, met het aantal ongelezen meldingen.',
  })
  @ApiOkResponse({ type: NotificatiePageResponse })
  async findAll(
    @CurrentActor() actor: Actor,
    @Query() query: NotificatieQuery,
  ): Promise<NotificatiePageResponse> {
    const { rows, total, ongelezen } = await this.notificaties.findPage(actor, query);
    return { ...toPage(rows, total, query, toNotificatieResponse), ongelezen };
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Melding gelezen of ongelezen',
    description:
      'Markeert een eigen melding als gelezen of weer als ongelezen. Alleen de ontvanger kan dit; een melding van iemand anders geeft 404.',
  })
  @ApiOkResponse({ type: NotificatieResponse })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateNotificatieRequest,
  ): Promise<NotificatieResponse> {
    return toNotificatieResponse(await this.notificaties.zetGelezen(actor, id, body.gelezen));
  }

  @Post('alles-gelezen')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Alle meldingen gelezen',
    description:
      'Markeert al uw ongelezen meldingen in deze gemeente als gelezen, of alleen die tot en met totEnMet.',
  })
  @ApiOkResponse({ type: AllesGelezenResponse })
  allesGelezen(
    @CurrentActor() actor: Actor,
    @Body() body: AllesGelezenRequest,
  ): Promise<AllesGelezenResponse> {
    return this.notificaties.allesGelezen(
      actor,
      body.totEnMet ? new Date(body.totEnMet) : undefined,
    );
  }
}

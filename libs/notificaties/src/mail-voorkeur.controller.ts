import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Permissie, Vereist } from '@wijkkompas/core';
import {
  MailVoorkeurRequest,
  NotificatieInstellingenResponse,
  toInstellingenResponse,
} from './notificatie.dto';
import { MailVoorkeurService } from './mail-voorkeur.service';

/** The signed-in user's own notification settings (one resource per user). */
@ApiTags('Notificaties')
@ApiBearerAuth('bearer')
@Vereist(Permissie.EigenAccount)
@Controller('notificatie-instellingen')
export class MailVoorkeurController {
  constructor(private readonly voorkeur: MailVoorkeurService) {}

  @Get()
  @ApiOperation({
    summary: 'Mijn meldingsvoorkeur',
    description:
      'Hoe meldingen u per e-mail bereiken: direct, één overzicht per dag, of niet; en of deze omgeving e-mail verstuurt.',
  })
  @ApiOkResponse({ type: NotificatieInstellingenResponse })
  async lees(@CurrentActor() actor: Actor): Promise<NotificatieInstellingenResponse> {
    return toInstellingenResponse(await this.voorkeur.lees(actor));
  }

  @Put()
  @ApiOperation({
    summary: 'Meldingsvoorkeur wijzigen',
    description:
      "Geldt meteen, ook voor e-mails die nog wachten: bij 'geen' gaan ze niet meer, bij 'dagelijks' komen ze in het volgende overzicht, bij 'direct' gaan ze binnen een minuut.",
  })
  @ApiOkResponse({ type: NotificatieInstellingenResponse })
  async zet(
    @CurrentActor() actor: Actor,
    @Body() body: MailVoorkeurRequest,
  ): Promise<NotificatieInstellingenResponse> {
    return toInstellingenResponse(await this.voorkeur.zet(actor, body.mailVoorkeur));
  }
}

import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor, CurrentActor, isAanbieder, Permissie, uuidParam, Vereist } from '@wijkkompas/core';
import { etag } from '@wijkkompas/verantwoording';
import {
  AgendapuntenResponse,
  AgendapuntResponse,
  AgendaVersieResponse,
  AgendaVersiesResponse,
  AgendaVoorstellenResponse,
  CreateAgendapuntRequest,
  toAgendapuntResponse,
  toAgendaVersieResponse,
  toAgendaVoorstelResponse,
  UpdateAgendapuntRequest,
} from './agenda.dto';
import { AgendaService } from './agenda.service';

const IF_MATCH = {
  name: 'If-Match',
  required: true,
  description: 'De ETag van het agendapunt, bijvoorbeeld W/"1".',
};

@ApiTags('Overleggen')
@ApiBearerAuth('bearer')
@Vereist(Permissie.Lezen)
@Controller('overleggen')
export class AgendaController {
  constructor(private readonly agenda: AgendaService) {}

  @Get(':id/agendapunten')
  @Vereist(Permissie.GemeenteLezen)
  @ApiOperation({
    summary: 'Agenda in voorbereiding',
    description:
      'De agendapunten op volgorde, met waarom de opstelling ze voorstelde. Alleen voor de gemeente.',
  })
  @ApiOkResponse({ type: AgendapuntenResponse })
  @ApiForbiddenResponse({
    description: 'Medewerkers van een aanbieder lezen de gepubliceerde agenda.',
  })
  async punten(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<AgendapuntenResponse> {
    return { items: (await this.agenda.punten(actor, id)).map(toAgendapuntResponse) };
  }

  @Post(':id/agendapunten')
  @Vereist(Permissie.OverleggenPlannen)
  @ApiOperation({
    summary: 'Agendapunt toevoegen',
    description:
      'Een punt over een bron (KPI, indicator, signaal, aanvullende opdracht, hoofdopdracht, casusverhaal, open actie, veronderstelling) of een vrij onderwerp, met doel, tijd en plaats. Ketenoverleg: de ketenregisseur van de keten; ontwikkeloverleg: een ketenregisseur; verantwoordingsgesprek en stuurgroep: de contractmanager.',
  })
  @ApiCreatedResponse({ type: AgendapuntResponse })
  @ApiForbiddenResponse({ description: 'U bereidt dit overleg niet voor.' })
  @ApiConflictResponse({ description: 'Het overleg is gehouden of geannuleerd.' })
  @ApiUnprocessableEntityResponse({ description: 'De bron bestaat niet in deze gemeente.' })
  async voegToe(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: CreateAgendapuntRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AgendapuntResponse> {
    const punt = await this.agenda.voegToe(actor, id, body);
    res.setHeader('ETag', etag(punt.version));
    return toAgendapuntResponse(punt);
  }

  @Patch(':id/agendapunten/:puntId')
  @Vereist(Permissie.OverleggenPlannen)
  @ApiOperation({
    summary: 'Agendapunt wijzigen',
    description: 'Onderwerp, toelichting, doel, tijd of plaats.',
  })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: AgendapuntResponse })
  @ApiPreconditionFailedResponse({ description: 'Het agendapunt is intussen gewijzigd.' })
  async wijzig(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('puntId', uuidParam('puntId')) puntId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateAgendapuntRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AgendapuntResponse> {
    const punt = await this.agenda.wijzig(actor, id, puntId, ifMatch, body);
    res.setHeader('ETag', etag(punt.version));
    return toAgendapuntResponse(punt);
  }

  @Delete(':id/agendapunten/:puntId')
  @Vereist(Permissie.OverleggenPlannen)
  @HttpCode(204)
  @ApiOperation({
    summary: 'Agendapunt schrappen',
    description: 'De andere punten schuiven op. Een gepubliceerde versie blijft zoals hij was.',
  })
  @ApiHeader(IF_MATCH)
  @ApiNoContentResponse({ description: 'Geschrapt.' })
  async verwijder(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('puntId', uuidParam('puntId')) puntId: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    await this.agenda.verwijder(actor, id, puntId, ifMatch);
  }

  @Get(':id/agendavoorstellen')
  @ApiOperation({
    summary: 'Voorstellen voor de agenda',
    description:
      'Wat de gegevens voor deze agenda voorstellen, elk met de reden. Er wordt niets opgeslagen; agenda-opstellingen zet ze op de agenda.',
  })
  @ApiOkResponse({ type: AgendaVoorstellenResponse })
  async voorstellen(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<AgendaVoorstellenResponse> {
    const lijst = await this.agenda.voorstellen(actor, id);
    return { items: lijst.map((v) => toAgendaVoorstelResponse(v.voorstel, v.alOpAgenda)) };
  }

  @Post(':id/agenda-opstellingen')
  @Vereist(Permissie.OverleggenPlannen)
  @ApiOperation({
    summary: 'Agenda opstellen',
    description:
      'Zet elk voorstel dat nog niet op de agenda staat achteraan op de agenda, met de reden. Geeft de hele agenda in voorbereiding terug.',
  })
  @ApiCreatedResponse({ type: AgendapuntenResponse })
  @ApiConflictResponse({ description: 'Het overleg is gehouden of geannuleerd.' })
  async stelOp(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<AgendapuntenResponse> {
    return { items: (await this.agenda.stelOp(actor, id)).map(toAgendapuntResponse) };
  }

  @Post(':id/agendaversies')
  @Vereist(Permissie.OverleggenPlannen)
  @ApiOperation({
    summary: 'Agenda publiceren',
    description:
      'Legt de agenda vast als nieuwe, onveranderlijke versie en zet het overleg op agenda-gepubliceerd. Later wijzigen en opnieuw publiceren geeft de volgende versie.',
  })
  @ApiCreatedResponse({ type: AgendaVersieResponse })
  @ApiUnprocessableEntityResponse({ description: 'De agenda is leeg.' })
  @ApiConflictResponse({ description: 'Het overleg is gehouden of geannuleerd.' })
  async publiceer(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<AgendaVersieResponse> {
    return toAgendaVersieResponse(await this.agenda.publiceer(actor, id));
  }

  @Get(':id/agendaversies')
  @ApiOperation({ summary: 'Gepubliceerde agenda’s', description: 'Alle versies, oudste eerst.' })
  @ApiOkResponse({ type: AgendaVersiesResponse })
  async versies(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<AgendaVersiesResponse> {
    return {
      items: (await this.agenda.versies(actor, id)).map((v) =>
        toAgendaVersieResponse(v, isAanbieder(actor)),
      ),
    };
  }

  @Get(':id/agendaversies/:versie')
  @ApiOperation({
    summary: 'Eén gepubliceerde agenda',
    description: 'Onveranderlijk; ook voor medewerkers van een aanbieder die deelneemt.',
  })
  @ApiOkResponse({ type: AgendaVersieResponse })
  async versie(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('versie', ParseIntPipe) versie: number,
  ): Promise<AgendaVersieResponse> {
    return toAgendaVersieResponse(
      (await this.agenda.versie(actor, id, versie)).versie,
      isAanbieder(actor),
    );
  }
}

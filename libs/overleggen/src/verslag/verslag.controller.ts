import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  Actor,
  ApiPageResponse,
  CurrentActor,
  isAanbieder,
  Page,
  Permissie,
  toPage,
  uuidParam,
  Vereist,
} from '@wijkkompas/core';
import { etag } from '@wijkkompas/verantwoording';
import { AgendaVersieResponse, toAgendaVersieResponse } from '../agenda/agenda.dto';
import { OverlegResponse, toOverlegResponse } from '../overleg/overleg.dto';
import {
  ActieQuery,
  ActieResponse,
  BesluitenResponse,
  BesluitResponse,
  CreateActieRequest,
  CreateActieStatuswijzigingRequest,
  CreateBesluitRequest,
  CreateOverlegStatuswijzigingRequest,
  toActieResponse,
  toBesluitResponse,
} from './verslag.dto';
import { VerslagService } from './verslag.service';

export class VerslagResponse {
  @ApiProperty({ type: () => OverlegResponse })
  overleg: OverlegResponse;

  @ApiPropertyOptional({
    type: () => AgendaVersieResponse,
    nullable: true,
    description: 'De laatst gepubliceerde agenda.',
  })
  agenda: AgendaVersieResponse | null;

  @ApiProperty({ type: () => BesluitResponse, isArray: true })
  besluiten: BesluitResponse[];

  @ApiProperty({ type: () => ActieResponse, isArray: true })
  acties: ActieResponse[];
}

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'Optioneel; meegestuurd moet hij actueel zijn.',
};

@ApiTags('Overleggen')
@ApiBearerAuth('bearer')
@Vereist(Permissie.Lezen)
@Controller('overleggen')
export class VerslagController {
  constructor(private readonly verslag: VerslagService) {}

  @Post(':id/statuswijzigingen')
  @Vereist(Permissie.OverleggenPlannen)
  @ApiOperation({
    summary: 'Status van het overleg wijzigen',
    description:
      'gepland of agenda-gepubliceerd → gehouden of geannuleerd; gehouden → verslag-vastgesteld (daarna liggen besluiten en acties vast); geannuleerd → gepland. Agenda-gepubliceerd volgt uit het publiceren van de agenda.',
  })
  @ApiHeader(IF_MATCH)
  @ApiCreatedResponse({ type: OverlegResponse })
  @ApiConflictResponse({ description: 'Deze stap kan vanuit de huidige status niet.' })
  async status(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: CreateOverlegStatuswijzigingRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OverlegResponse> {
    const overleg = await this.verslag.wijzigOverlegStatus(actor, id, ifMatch, body.status);
    res.setHeader('ETag', etag(overleg.version));
    return toOverlegResponse(overleg);
  }

  @Get(':id/besluiten')
  @ApiOperation({
    summary: 'Besluiten',
    description: 'Met de signalering als een besluit in een ander overleg hoort.',
  })
  @ApiOkResponse({ type: BesluitenResponse })
  async besluiten(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<BesluitenResponse> {
    return {
      items: (await this.verslag.besluiten(actor, id)).map((b) =>
        toBesluitResponse(b, isAanbieder(actor)),
      ),
    };
  }

  @Post(':id/besluiten')
  @Vereist(Permissie.OverleggenPlannen)
  @ApiOperation({
    summary: 'Besluit vastleggen',
    description:
      'Een besluit over budget of contract in een ontwikkel- of ketenoverleg wordt vastgelegd én gesignaleerd: het hoort in de stuurgroep of het verantwoordingsgesprek.',
  })
  @ApiCreatedResponse({ type: BesluitResponse })
  @ApiForbiddenResponse({ description: 'U bereidt dit overleg niet voor.' })
  @ApiConflictResponse({ description: 'Het verslag is vastgesteld of het overleg geannuleerd.' })
  async neemBesluit(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: CreateBesluitRequest,
  ): Promise<BesluitResponse> {
    return toBesluitResponse(await this.verslag.neemBesluit(actor, id, body));
  }

  @Post(':id/acties')
  @Vereist(Permissie.OverleggenPlannen)
  @ApiOperation({
    summary: 'Actie vastleggen',
    description:
      'Met een eigenaar (persoon of organisatie) en deadline. Open acties komen vanzelf op de agenda van het volgende overleg van dezelfde soort en keten, en in het volgende dossier van de aanbieder die eigenaar is.',
  })
  @ApiCreatedResponse({ type: ActieResponse })
  async maakActie(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: CreateActieRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ActieResponse> {
    const actie = await this.verslag.maakActie(actor, id, body);
    res.setHeader('ETag', etag(actie.version));
    return toActieResponse(actie);
  }

  @Get(':id/verslag')
  @ApiOperation({
    summary: 'Verslag',
    description:
      'Het overleg, de laatst gepubliceerde agenda, de besluiten (met signalering) en de acties. Medewerkers van een aanbieder lezen het als het is vastgesteld.',
  })
  @ApiOkResponse({ type: VerslagResponse })
  async lees(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<VerslagResponse> {
    const v = await this.verslag.verslag(actor, id);
    return {
      overleg: toOverlegResponse(v.overleg),
      agenda: v.agenda ? toAgendaVersieResponse(v.agenda, isAanbieder(actor)) : null,
      besluiten: v.besluiten.map((b) => toBesluitResponse(b, isAanbieder(actor))),
      acties: v.acties.map(toActieResponse),
    };
  }
}

@ApiTags('Overleggen')
@ApiBearerAuth('bearer')
@Vereist(Permissie.Lezen)
@Controller('acties')
export class ActieController {
  constructor(private readonly verslag: VerslagService) {}

  @Get()
  @ApiOperation({
    summary: 'Acties uit overleggen',
    description:
      'Op deadline. Een medewerker van een aanbieder ziet de acties van zichzelf en van zijn organisatie.',
  })
  @ApiPageResponse(ActieResponse)
  async findAll(
    @CurrentActor() actor: Actor,
    @Query() query: ActieQuery,
  ): Promise<Page<ActieResponse>> {
    const [rows, total] = await this.verslag.acties(actor, query);
    return toPage(rows, total, query, toActieResponse);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Eén actie',
    description:
      'Een medewerker van een aanbieder ziet alleen de acties van zichzelf en van zijn organisatie.',
  })
  @ApiOkResponse({ type: ActieResponse })
  async findOne(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ActieResponse> {
    const actie = await this.verslag.actie(actor, id);
    res.setHeader('ETag', etag(actie.version));
    return toActieResponse(actie);
  }

  @Post(':id/statuswijzigingen')
  @Vereist(Permissie.ActieAfronden)
  @ApiOperation({
    summary: 'Status van een actie wijzigen',
    description:
      'open → gereed of vervallen, en terug naar open. De eigenaar meldt de actie gereed met een toelichting; wie het overleg voorbereidt mag elke stap.',
  })
  @ApiHeader(IF_MATCH)
  @ApiCreatedResponse({ type: ActieResponse })
  @ApiForbiddenResponse({
    description: 'U bent geen eigenaar, of deze stap is niet aan de eigenaar.',
  })
  @ApiConflictResponse({ description: 'Deze stap kan vanuit de huidige status niet.' })
  async status(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: CreateActieStatuswijzigingRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ActieResponse> {
    const actie = await this.verslag.wijzigActieStatus(actor, id, ifMatch, body);
    res.setHeader('ETag', etag(actie.version));
    return toActieResponse(actie);
  }
}

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
  PageQuery,
  toPage,
  uuidParam,
  Permissie,
  Vereist,
} from '@wijkkompas/core';
import {
  AanvullendeOpdrachtQuery,
  AanvullendeOpdrachtResponse,
  CreateAanvullendeOpdrachtRequest,
  CreateOpdrachtWijzigingRequest,
  CreateReactieRequest,
  OpdrachtVersieResponse,
  CreateStatuswijzigingRequest,
  ReactieResponse,
  StatuswijzigingResponse,
  toAanvullendeOpdrachtResponse,
  toOpdrachtVersieResponse,
  toReactieResponse,
  toStatuswijzigingResponse,
  UpdateAanvullendeOpdrachtRequest,
} from './aanvullende-opdracht.dto';
import { AanvullendeOpdrachtStatusService } from './aanvullende-opdracht-status.service';
import { AanvullendeOpdrachtService } from './aanvullende-opdracht.service';
import { AanvullendeOpdrachtWijzigingService } from './aanvullende-opdracht-wijziging.service';
import { vandaag } from '../shared/datum';
import { PeildatumQuery } from '../shared/dto';

@ApiTags('Aanvullende opdrachten')
@ApiBearerAuth('bearer')
@Vereist(Permissie.Lezen)
@Controller('aanvullende-opdrachten')
export class AanvullendeOpdrachtController {
  constructor(
    private readonly opdrachten: AanvullendeOpdrachtService,
    private readonly status: AanvullendeOpdrachtStatusService,
    private readonly wijzigingen: AanvullendeOpdrachtWijzigingService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Aanvullende opdrachten',
    description:
      'Het register, op einddatum. Een aanbieder ziet alleen opdrachten waarin hij deelneemt.',
  })
  @ApiPageResponse(AanvullendeOpdrachtResponse)
  async findAll(
    @CurrentActor() actor: Actor,
    @Query() query: AanvullendeOpdrachtQuery,
  ): Promise<Page<AanvullendeOpdrachtResponse>> {
    const [rows, total] = await this.opdrachten.findPage(actor, query);
    return toPage(rows, total, query, toAanvullendeOpdrachtResponse);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Eén aanvullende opdracht',
    description:
      'Met toets, aanbieders en hun budgetdeel; anders 404. Einddatum en budget zoals ze op de peildatum golden (standaard vandaag): een wijziging telt vanaf haar ingangsdatum.',
  })
  @ApiOkResponse({ type: AanvullendeOpdrachtResponse })
  async findOne(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: PeildatumQuery,
  ): Promise<AanvullendeOpdrachtResponse> {
    return toAanvullendeOpdrachtResponse(
      await this.wijzigingen.opPeildatum(actor, id, query.peildatum ?? vandaag()),
    );
  }

  @Post(':id/wijzigingen')
  @Vereist(Permissie.AanvullendeOpdrachtenBeheren)
  @ApiOperation({
    summary: 'Wijziging van een actieve opdracht vastleggen',
    description:
      'Verlenging, beëindiging, budgetwijziging, indexering of scopewijziging, met ingangsdatum en motivering; een nieuwe versie. Einddatum en budget van een actieve opdracht veranderen alleen zo.',
  })
  @ApiCreatedResponse({ type: AanvullendeOpdrachtResponse })
  @ApiPreconditionFailedResponse({ description: 'De opdracht is intussen gewijzigd.' })
  @ApiConflictResponse({ description: 'De opdracht is niet actief.' })
  async wijzig(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: CreateOpdrachtWijzigingRequest,
  ): Promise<AanvullendeOpdrachtResponse> {
    return toAanvullendeOpdrachtResponse(await this.wijzigingen.wijzig(actor, id, body));
  }

  @Get(':id/versies')
  @ApiOperation({
    summary: 'Versies (wijzigingen)',
    description:
      'De oorspronkelijke afspraak en elke wijziging met soort, ingangsdatum, einddatum, budget en motivering; oudste eerst. Leeg zolang er niets gewijzigd is.',
  })
  @ApiPageResponse(OpdrachtVersieResponse)
  async versies(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: PageQuery,
  ): Promise<Page<OpdrachtVersieResponse>> {
    const opdracht = await this.opdrachten.findOne(actor, id);
    const namen = new Map(
      (opdracht.aanbieders ?? []).map((a) => [a.aanbiederId, a.aanbieder?.naam ?? '']),
    );
    const alle = await this.wijzigingen.versies(actor, id);
    const start = (query.page - 1) * query.pageSize;
    return toPage(alle.slice(start, start + query.pageSize), alle.length, query, (v) =>
      toOpdrachtVersieResponse(v, namen),
    );
  }

  @Post()
  @Vereist(Permissie.AanvullendeOpdrachtAanvragen)
  @ApiOperation({
    summary: 'Verzoek registreren',
    description:
      'De contractmanager, een ketenregisseur of een beleidsadviseur registreert een verzoek (status aangevraagd); de bestuurder leest alleen. Markeer een verzoek dat een team buiten het register om bereikte als binnengekomenVia=buiten-register.',
  })
  @ApiCreatedResponse({ type: AanvullendeOpdrachtResponse })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateAanvullendeOpdrachtRequest,
  ): Promise<AanvullendeOpdrachtResponse> {
    return toAanvullendeOpdrachtResponse(await this.opdrachten.create(actor, body));
  }

  @Patch(':id')
  @Vereist(Permissie.AanvullendeOpdrachtenBeheren)
  @ApiOperation({
    summary: 'Aanvullende opdracht wijzigen',
    description:
      'Zolang de opdracht niet is afgesloten; stuur de gelezen version mee. Van een actieve opdracht veranderen einddatum en budget alleen via POST /aanvullende-opdrachten/{id}/wijzigingen (anders 400, code alleen-via-wijziging).',
  })
  @ApiOkResponse({ type: AanvullendeOpdrachtResponse })
  @ApiPreconditionFailedResponse({ description: 'De opdracht is intussen gewijzigd.' })
  @ApiConflictResponse({ description: 'De opdracht is afgesloten.' })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateAanvullendeOpdrachtRequest,
  ): Promise<AanvullendeOpdrachtResponse> {
    return toAanvullendeOpdrachtResponse(await this.opdrachten.update(actor, id, body));
  }

  @Post(':id/statuswijzigingen')
  @Vereist(Permissie.AanvullendeOpdrachtenBeheren)
  @ApiOperation({
    summary: 'Status wijzigen (toetsen, activeren, afronden …)',
    description:
      'aangevraagd → getoetst (met toets: oordeel en motivering) → actief | afgewezen; actief → afgerond | beeindigd | opgenomen-in-hoofdopdracht. Alleen de contractmanager. Een ongeldige stap geeft 409 met allowedNextStates.',
  })
  @ApiCreatedResponse({ type: AanvullendeOpdrachtResponse })
  @ApiConflictResponse({
    description: 'Ongeldige statusovergang; allowedNextStates noemt de toegestane.',
  })
  async wijzigStatus(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: CreateStatuswijzigingRequest,
  ): Promise<AanvullendeOpdrachtResponse> {
    return toAanvullendeOpdrachtResponse(await this.status.wijzigStatus(actor, id, body));
  }

  @Get(':id/statuswijzigingen')
  @ApiOperation({
    summary: 'Statushistorie',
    description: 'Elke statuswijziging met wie, wanneer en waarom; oudste eerst.',
  })
  @ApiPageResponse(StatuswijzigingResponse)
  async statuswijzigingen(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: PageQuery,
  ): Promise<Page<StatuswijzigingResponse>> {
    const [rows, total] = await this.status.statuswijzigingen(actor, id, query);
    return toPage(rows, total, query, toStatuswijzigingResponse);
  }

  @Get(':id/reacties')
  @ApiOperation({
    summary: 'Reacties',
    description: 'Het gesprek over deze opdracht; oudste eerst.',
  })
  @ApiPageResponse(ReactieResponse)
  async reacties(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: PageQuery,
  ): Promise<Page<ReactieResponse>> {
    const [rows, total] = await this.status.reacties(actor, id, query);
    return toPage(rows, total, query, toReactieResponse);
  }

  @Post(':id/reacties')
  @Vereist(Permissie.OpdrachtReageren)
  @ApiOperation({
    summary: 'Reageren',
    description:
      'De contractmanager, ketenregisseurs, beleidsadviseurs en de deelnemende aanbieder(s) reageren; de bestuurder leest alleen.',
  })
  @ApiCreatedResponse({ type: ReactieResponse })
  async reageer(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: CreateReactieRequest,
  ): Promise<ReactieResponse> {
    return toReactieResponse(await this.status.reageer(actor, id, body));
  }
}

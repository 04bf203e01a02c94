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
  CreateDoelRequest,
  DoelResponse,
  toDoelResponse,
  UpdateDoelRequest,
} from '../doel/doel.dto';
import { DoelService } from '../doel/doel.service';
import { vandaag } from '../shared/datum';
import { PeildatumQuery } from '../shared/dto';
import {
  CreateHoofdopdrachtRequest,
  CreateWijzigingRequest,
  HoofdopdrachtQuery,
  HoofdopdrachtResponse,
  HoofdopdrachtVersieResponse,
  toHoofdopdrachtResponse,
  toHoofdopdrachtVersieResponse,
  UpdateHoofdopdrachtRequest,
} from './hoofdopdracht.dto';
import { Hoofdopdracht } from './hoofdopdracht.entity';
import { HoofdopdrachtService } from './hoofdopdracht.service';
import { versieOpPeildatum } from './peildatum';

function opPeildatum(h: Hoofdopdracht, peildatum: string): HoofdopdrachtResponse {
  return toHoofdopdrachtResponse(
    h,
    peildatum,
    versieOpPeildatum(h.versies ?? [], peildatum),
    h.versies?.length ?? 0,
  );
}

@ApiTags('Hoofdopdrachten')
@ApiBearerAuth('bearer')
@Vereist(Permissie.Lezen)
@Controller('hoofdopdrachten')
export class HoofdopdrachtController {
  constructor(
    private readonly hoofdopdrachten: HoofdopdrachtService,
    private readonly doelService: DoelService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Hoofdopdrachten',
    description:
      'Met de versie die op de peildatum geldt. Een aanbieder ziet alleen de eigen hoofdopdracht.',
  })
  @ApiPageResponse(HoofdopdrachtResponse)
  async findAll(
    @CurrentActor() actor: Actor,
    @Query() query: HoofdopdrachtQuery,
  ): Promise<Page<HoofdopdrachtResponse>> {
    const [rows, total] = await this.hoofdopdrachten.findPage(actor, query);
    const peildatum = query.peildatum ?? vandaag();
    return toPage(rows, total, query, (row) => opPeildatum(row, peildatum));
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Eén hoofdopdracht op een peildatum',
    description:
      'De voorwaarden (budget, visie, percelen …) zoals ze golden op de peildatum; standaard vandaag.',
  })
  @ApiOkResponse({ type: HoofdopdrachtResponse })
  async findOne(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: PeildatumQuery,
  ): Promise<HoofdopdrachtResponse> {
    return opPeildatum(await this.hoofdopdrachten.findOne(actor, id), query.peildatum ?? vandaag());
  }

  @Get(':id/versies')
  @ApiOperation({
    summary: 'Versiehistorie',
    description: 'Alle versies (oorspronkelijk en wijzigingen), oudste eerst.',
  })
  @ApiPageResponse(HoofdopdrachtVersieResponse)
  async versies(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: PageQuery,
  ): Promise<Page<HoofdopdrachtVersieResponse>> {
    const h = await this.hoofdopdrachten.findOne(actor, id);
    const alle = [...(h.versies ?? [])].sort((a, b) => a.versie - b.versie);
    const start = (query.page - 1) * query.pageSize;
    return toPage(
      alle.slice(start, start + query.pageSize),
      alle.length,
      query,
      toHoofdopdrachtVersieResponse,
    );
  }

  @Post()
  @Vereist(Permissie.HoofdopdrachtenBeheren)
  @ApiOperation({
    summary: 'Hoofdopdracht aanmaken',
    description:
      'Versie 1 gaat in op de startdatum. Per aanbieder geldt op elke dag één hoofdopdracht.',
  })
  @ApiCreatedResponse({ type: HoofdopdrachtResponse })
  @ApiConflictResponse({ description: 'De aanbieder heeft al een hoofdopdracht in deze periode.' })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateHoofdopdrachtRequest,
  ): Promise<HoofdopdrachtResponse> {
    return opPeildatum(await this.hoofdopdrachten.create(actor, body), body.startdatum);
  }

  @Patch(':id')
  @Vereist(Permissie.HoofdopdrachtenBeheren)
  @ApiOperation({
    summary: 'Hoofdopdracht wijzigen',
    description:
      'Alleen de titel. Einddatum, budgetten en voorwaarden veranderen via POST /hoofdopdrachten/{id}/wijzigingen (een einddatum hier geeft 400, code alleen-via-wijziging).',
  })
  @ApiOkResponse({ type: HoofdopdrachtResponse })
  @ApiPreconditionFailedResponse({ description: 'De hoofdopdracht is intussen gewijzigd.' })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateHoofdopdrachtRequest,
  ): Promise<HoofdopdrachtResponse> {
    return opPeildatum(await this.hoofdopdrachten.update(actor, id, body), vandaag());
  }

  @Post(':id/wijzigingen')
  @Vereist(Permissie.HoofdopdrachtenBeheren)
  @ApiOperation({
    summary: 'Wijziging (amendement) vastleggen',
    description:
      'Een nieuwe versie van een soort (verlenging, budgetwijziging, indexering, scopewijziging, beeindiging) met ingangsdatum en motivering. Eerdere versies blijven ongewijzigd; lezen op een eerdere peildatum geeft de oude voorwaarden, ook de oude einddatum.',
  })
  @ApiCreatedResponse({ type: HoofdopdrachtResponse })
  @ApiPreconditionFailedResponse({ description: 'De hoofdopdracht is intussen gewijzigd.' })
  async wijzig(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: CreateWijzigingRequest,
  ): Promise<HoofdopdrachtResponse> {
    return opPeildatum(await this.hoofdopdrachten.wijzig(actor, id, body), body.ingangsdatum);
  }

  @Get(':id/doelen')
  @ApiOperation({
    summary: 'Doelen',
    description: 'De doelenboom: ambities, doelen, resultaten (ouders vóór kinderen).',
  })
  @ApiPageResponse(DoelResponse)
  async doelen(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: PageQuery,
  ): Promise<Page<DoelResponse>> {
    const [rows, total] = await this.doelService.findPage(actor, id, query);
    return toPage(rows, total, query, toDoelResponse);
  }

  @Post(':id/doelen')
  @Vereist(Permissie.HoofdopdrachtenBeheren)
  @ApiOperation({
    summary: 'Doel toevoegen',
    description: 'Een doel hoort onder een ambitie, een resultaat onder een doel.',
  })
  @ApiCreatedResponse({ type: DoelResponse })
  async createDoel(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: CreateDoelRequest,
  ): Promise<DoelResponse> {
    return toDoelResponse(await this.doelService.create(actor, id, body));
  }

  @Patch(':id/doelen/:doelId')
  @Vereist(Permissie.HoofdopdrachtenBeheren)
  @ApiOperation({
    summary: 'Doel wijzigen',
    description: 'Titel, omschrijving of thema’s; het id blijft gelijk.',
  })
  @ApiOkResponse({ type: DoelResponse })
  @ApiPreconditionFailedResponse({ description: 'Het doel is intussen gewijzigd.' })
  async updateDoel(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('doelId', uuidParam('doelId')) doelId: string,
    @Body() body: UpdateDoelRequest,
  ): Promise<DoelResponse> {
    return toDoelResponse(await this.doelService.update(actor, id, doelId, body));
  }
}

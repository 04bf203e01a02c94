import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, uuidParam, Permissie, Vereist } from '@wijkkompas/core';
import { AanvullendeOpdrachtStatus } from '../aanvullende-opdracht/levenscyclus';
import { PeildatumQuery } from '../shared/dto';
import {
  AanbiederOverzichtResponse,
  AflopendOverzichtResponse,
  AflopendQuery,
  BudgetOverzichtResponse,
  BudgetQuery,
  PerceelOverzichtResponse,
  ThemaOverzichtResponse,
  ThemaQuery,
  ZijsturingOverzichtResponse,
  ZijsturingQuery,
} from './overzicht.dto';
import { OverzichtService } from './overzicht.service';

@ApiTags('Overzichten')
@ApiBearerAuth('bearer')
@Vereist(Permissie.Lezen)
@Controller('overzichten')
export class OverzichtController {
  constructor(private readonly overzichten: OverzichtService) {}

  @Get('aanbieders/:id')
  @ApiOperation({
    summary: 'Overzicht per aanbieder',
    description:
      'De geldende hoofdopdracht, de percelen en alle actieve aanvullende opdrachten met einddatum en budget. Een aanbieder ziet alleen zijn eigen overzicht.',
  })
  @ApiOkResponse({ type: AanbiederOverzichtResponse })
  aanbieder(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: PeildatumQuery,
  ): Promise<AanbiederOverzichtResponse> {
    return this.overzichten.aanbieder(actor, id, query.peildatum);
  }

  @Get('percelen/:id')
  @ApiOperation({
    summary: 'Overzicht per perceel',
    description:
      'De aanbieder en zijn geldende hoofdopdracht op de peildatum, en de actieve aanvullende opdrachten op dit perceel.',
  })
  @ApiOkResponse({ type: PerceelOverzichtResponse })
  perceel(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: PeildatumQuery,
  ): Promise<PerceelOverzichtResponse> {
    return this.overzichten.perceel(actor, id, query.peildatum);
  }

  @Get('budgetten')
  @Vereist(Permissie.GemeenteLezen)
  @ApiOperation({
    summary: 'Budget per jaar per aanbieder',
    description:
      'Structureel (hoofdopdracht, geïndexeerd) en incidenteel (aanvullende opdrachten actief of afgerond, naar rato van dagen per jaar, exact in centen).',
  })
  @ApiOkResponse({ type: BudgetOverzichtResponse })
  budgetten(
    @CurrentActor() actor: Actor,
    @Query() query: BudgetQuery,
  ): Promise<BudgetOverzichtResponse> {
    return this.overzichten.budgetten(actor, query.vanJaar, query.totJaar, query.aanbiederId);
  }

  @Get('themas')
  @Vereist(Permissie.GemeenteLezen)
  @ApiOperation({
    summary: 'Aanvullende opdrachten per thema',
    description:
      'Met het gezamenlijke budget, om kleine budgetten op hetzelfde thema te zien en te bundelen.',
  })
  @ApiOkResponse({ type: ThemaOverzichtResponse })
  themas(
    @CurrentActor() actor: Actor,
    @Query() query: ThemaQuery,
  ): Promise<ThemaOverzichtResponse> {
    const status =
      query.status === undefined
        ? undefined
        : ([] as AanvullendeOpdrachtStatus[]).concat(query.status);
    return this.overzichten.themas(actor, status);
  }

  @Get('aflopende-opdrachten')
  @Vereist(Permissie.GemeenteLezen)
  @ApiOperation({
    summary: 'Aflopende opdrachten en achterstallige aanvragen',
    description:
      'Actieve aanvullende opdrachten die binnen binnenDagen (bijvoorbeeld 30 of 90) na de peildatum eindigen, hoofdopdrachten die binnen 12 maanden eindigen (met de drempel 12, 6 of 3 maanden) en aanvragen die na hun beoogde startdatum nog aangevraagd zijn.',
  })
  @ApiOkResponse({ type: AflopendOverzichtResponse })
  aflopend(
    @CurrentActor() actor: Actor,
    @Query() query: AflopendQuery,
  ): Promise<AflopendOverzichtResponse> {
    return this.overzichten.aflopend(actor, query.binnenDagen, query.peildatum);
  }

  @Get('zijsturing')
  @Vereist(Permissie.GemeenteLezen)
  @ApiOperation({
    summary: 'Zijsturing per afdeling en kwartaal',
    description:
      'Verzoeken per aanvragende afdeling en kwartaal, met het aantal dat buiten het register om binnenkwam.',
  })
  @ApiOkResponse({ type: ZijsturingOverzichtResponse })
  zijsturing(
    @CurrentActor() actor: Actor,
    @Query() query: ZijsturingQuery,
  ): Promise<ZijsturingOverzichtResponse> {
    return this.overzichten.zijsturing(actor, query.vanDatum, query.totDatum);
  }
}

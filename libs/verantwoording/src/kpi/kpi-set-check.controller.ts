import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { Actor, CurrentActor, uuidParam, Permissie, Vereist } from '@wijkkompas/core';
import { KpiSetCheckResponse } from './kpi.dto';
import { KpiSetCheckService } from './kpi-set-check.service';

export class KpiCheckQuery {
  @ApiPropertyOptional({
    format: 'date',
    example: '2026-08-15',
    description:
      'De datum waarop gekeken wordt: een KPI heeft een norm als die er is voor het kwartaal van deze datum, het volgende kwartaal of hun jaar. Standaard vandaag.',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'peildatum moet een datum zijn (JJJJ-MM-DD)' })
  @IsISO8601(
    { strict: true, strictSeparator: true },
    { message: 'peildatum moet een bestaande datum zijn (JJJJ-MM-DD)' },
  )
  peildatum?: string;
}

const BESCHRIJVING =
  'Het aantal KPI’s (per type), KPI’s die niet meetbaar zijn (geen definitie, bron of norm), doelen zonder KPI, KPI’s zonder doel en sturing op alleen output, elk met een uitleg waar de contractmanager mee aan de slag kan. Leesbaar voor de gemeente en de aanbieder van de opdracht.';

@ApiTags('KPI’s')
@ApiBearerAuth('bearer')
@Vereist(Permissie.Lezen)
@Controller()
export class KpiSetCheckController {
  constructor(private readonly check: KpiSetCheckService) {}

  @Get('hoofdopdrachten/:id/kpi-check')
  @ApiOperation({ summary: 'KPI-set-check van een hoofdopdracht', description: BESCHRIJVING })
  @ApiOkResponse({ type: KpiSetCheckResponse })
  async hoofdopdracht(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: KpiCheckQuery,
  ): Promise<KpiSetCheckResponse> {
    return this.check.voorHoofdopdracht(actor, id, query.peildatum);
  }

  @Get('aanvullende-opdrachten/:id/kpi-check')
  @ApiOperation({
    summary: 'KPI-set-check van een aanvullende opdracht',
    description: `${BESCHRIJVING} Een aanvullende opdracht heeft geen eigen doelenboom: gekeken wordt naar de doelen van de gemeente waaraan haar KPI’s gekoppeld zijn.`,
  })
  @ApiOkResponse({ type: KpiSetCheckResponse })
  async aanvullendeOpdracht(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: KpiCheckQuery,
  ): Promise<KpiSetCheckResponse> {
    return this.check.voorAanvullendeOpdracht(actor, id, query.peildatum);
  }
}

import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, uuidParam, Permissie, Vereist } from '@wijkkompas/core';
import { KpiTheorieElementenResponse } from './verandertheorie.dto';
import { VerandertheorieService } from './verandertheorie.service';

/** The other direction of the KPI evidence: what a KPI is meant to show. */
@ApiTags('Verandertheorieën')
@ApiBearerAuth('bearer')
@Vereist(Permissie.Lezen)
@Controller('kpis')
export class KpiTheorieController {
  constructor(private readonly theorieen: VerandertheorieService) {}

  @Get(':id/theorie-elementen')
  @ApiOperation({
    summary: 'Wat een KPI moet laten zien',
    description:
      'De activiteiten en uitkomsten van verandertheorieën (nieuwste versie) waarvan deze KPI laat zien of ze dichterbij komen.',
  })
  @ApiOkResponse({ type: KpiTheorieElementenResponse })
  async theorieElementen(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<KpiTheorieElementenResponse> {
    return this.theorieen.kpiTheorieElementen(actor, id);
  }
}

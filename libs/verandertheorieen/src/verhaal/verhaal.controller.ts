import { Body, Controller, Get, Headers, Param, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  Actor,
  ApiPageResponse,
  CurrentActor,
  Page,
  toPage,
  uuidParam,
  Permissie,
  Vereist,
} from '@wijkkompas/core';
import { IF_MATCH_OPTIONEEL } from '../verandertheorie/params';

import { VerhaalQuery, VerhaalResponse, ZetVerhaalElementenRequest } from './verhaal.dto';
import { VerhaalService } from './verhaal.service';

@ApiTags('Verandertheorieën')
@ApiBearerAuth('bearer')
@Vereist(Permissie.Lezen)
@Controller('verandertheorieen')
export class VerhaalController {
  constructor(private readonly verhalen: VerhaalService) {}

  @Get(':id/verhalen')
  @ApiOperation({
    summary: 'Casusverhalen bij de verandertheorie',
    description:
      'De casusverhalen die een activiteit of uitkomst laten zien: uitdrukkelijk gekoppeld, of via een KPI die het verhaal illustreert en die een element zichtbaar maakt. Nieuwste kwartaal eerst. Een aanbieder ziet alleen de eigen verhalen.',
  })
  @ApiPageResponse(VerhaalResponse)
  async findAll(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: VerhaalQuery,
  ): Promise<Page<VerhaalResponse>> {
    const [rows, total] = await this.verhalen.findPage(actor, id, query);
    return toPage(rows, total, query, (row) => row);
  }

  @Put(':id/verhalen/:casusId')
  @Vereist(Permissie.VerandertheorieMeeschrijven)
  @ApiOperation({
    summary: 'Casusverhaal koppelen aan uitkomsten',
    description:
      'Legt vast welke activiteiten en uitkomsten dit casusverhaal laat zien: zo telt een verhaal als bewijs voor een uitkomst die geen KPI meet (KPI-set-check en dossier). Vervangt de eerdere koppelingen van dit verhaal; leeg ontkoppelt. Het verhaal moet van een aanbieder zijn die aan de verandertheorie meeschrijft.',
  })
  @ApiHeader(IF_MATCH_OPTIONEEL)
  @ApiOkResponse({ type: VerhaalResponse })
  @ApiResponse({ status: 412, description: 'De verandertheorie is intussen gewijzigd (If-Match).' })
  koppel(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('casusId', uuidParam('casusId')) casusId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: ZetVerhaalElementenRequest,
  ): Promise<VerhaalResponse> {
    return this.verhalen.koppel(actor, id, casusId, ifMatch, body);
  }
}

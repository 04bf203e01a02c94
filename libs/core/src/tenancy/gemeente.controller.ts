import { Body, Controller, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Actor } from './actor';
import { CreateGemeenteRequest, GemeenteResponse, toGemeenteResponse } from './gemeente.dto';
import { GemeenteService } from './gemeente.service';
import { Rol } from './rol';

@ApiTags('Gemeenten')
@ApiBearerAuth('bearer')
@Controller('gemeenten')
@Roles(Rol.Beheerder)
export class GemeenteController {
  constructor(private readonly gemeenten: GemeenteService) {}

  @Post()
  @ApiOperation({
    summary: 'Gemeente aanmaken',
    description:
      'Een nieuwe gemeente met haar eerste beheerder; alleen voor beheerders van het platform (PLATFORM_BEHEERDERS). Vastgelegd in de audittrail van de nieuwe gemeente en van uw eigen gemeente.',
  })
  @ApiCreatedResponse({ type: GemeenteResponse })
  @ApiForbiddenResponse({ description: 'U bent geen beheerder van het platform.' })
  @ApiConflictResponse({ description: 'De CBS-code of het e-mailadres is al in gebruik.' })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateGemeenteRequest,
  ): Promise<GemeenteResponse> {
    return toGemeenteResponse(await this.gemeenten.create(actor, body));
  }
}

import { Body, Controller, Get, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, CurrentActor, Permissie, Vereist } from '@wijkkompas/core';
import { RitmeInstellingenDto } from './ritme.dto';
import { RitmeService } from './ritme.service';

@ApiTags('Kwartaalritme')
@ApiBearerAuth('bearer')
@Vereist(Permissie.Lezen)
@Controller('ritme-instellingen')
export class RitmeController {
  constructor(private readonly ritme: RitmeService) {}

  @Get()
  @Vereist(Permissie.GemeenteLezen)
  @ApiOperation({
    summary: 'Instellingen van het kwartaalritme',
    description:
      'Herinneringen, deadline, dossier vóór het gesprek en signalering van aflopende opdrachten.',
  })
  @ApiOkResponse({ type: RitmeInstellingenDto })
  instellingen(@CurrentActor() actor: Actor): Promise<RitmeInstellingenDto> {
    return this.ritme.instellingen(actor.gemeenteId);
  }

  @Put()
  @Vereist(Permissie.RitmeInstellen)
  @ApiOperation({
    summary: 'Kwartaalritme instellen',
    description: 'Contractmanager of beheerder.',
  })
  @ApiOkResponse({ type: RitmeInstellingenDto })
  @ApiPreconditionFailedResponse({ description: 'De instellingen zijn intussen gewijzigd.' })
  zet(
    @CurrentActor() actor: Actor,
    @Body() body: RitmeInstellingenDto,
  ): Promise<RitmeInstellingenDto> {
    return this.ritme.zetInstellingen(actor, body);
  }
}

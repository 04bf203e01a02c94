import { Controller, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Vereist } from '../auth/auth.decorators';
import { Permissie } from '../auth/permissies';
import { Actor } from '../tenancy/actor';

import { WachtrijDashboardService } from './wachtrij-dashboard';

export class WachtrijDashboardToegangResponse {
  @ApiProperty({
    description: 'Open deze link binnen een minuut in de browser; daarna 30 minuten toegang.',
    example: 'http://localhost:3000/beheer/wachtrijen?toegang=eyJ…',
  })
  url: string;

  @ApiProperty({ format: 'date-time' })
  verlooptOp: string;
}

@ApiTags('Beheer')
@ApiBearerAuth('bearer')
@Vereist(Permissie.WachtrijBeheren)
@Controller('wachtrij-dashboard-toegangen')
export class WachtrijDashboardController {
  constructor(private readonly dashboard: WachtrijDashboardService) {}

  @Post()
  @ApiOperation({
    summary: 'Toegang tot het wachtrijdashboard',
    description:
      'Geeft een link van één minuut naar het wachtrijdashboard (taken, voortgang, mislukte taken). Alleen voor beheerders; taken opnieuw starten, opruimen of pauzeren kunnen alleen de platformbeheerders (PLATFORM_BEHEERDERS), andere beheerders zien het dashboard alleen-lezen.',
  })
  @ApiCreatedResponse({ type: WachtrijDashboardToegangResponse })
  create(@CurrentActor() actor: Actor): WachtrijDashboardToegangResponse {
    const toegang = this.dashboard.maakToegang(actor);
    return { url: toegang.url, verlooptOp: toegang.verlooptOp.toISOString() };
  }
}

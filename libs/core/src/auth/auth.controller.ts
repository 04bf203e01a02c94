import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { Actor } from '../tenancy/actor';
import { CurrentActor, Public, Vereist } from './auth.decorators';
import { Permissie } from './permissies';
import {
  ActorResponse,
  LoginRequest,
  RefreshRequest,
  TokenResponse,
  toActorResponse,
  toTokenResponse,
} from './auth.dto';
import { LocalAuthGuard } from './auth.guards';
import { AuthService } from './auth.service';
import { Gebruiker } from './gebruiker.entity';

@ApiTags('Aanmelden')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(LocalAuthGuard)
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Aanmelden',
    description:
      'Geeft een kortlevend toegangstoken en een verversingstoken. Vijf mislukte pogingen per minuut per account of adres geven 429.',
  })
  @ApiBody({ type: LoginRequest })
  @ApiOkResponse({ type: TokenResponse, description: 'Aangemeld.' })
  @ApiTooManyRequestsResponse({
    description: 'Te veel mislukte pogingen; zie Retry-After.',
    headers: {
      'Retry-After': {
        description: 'Seconden tot een nieuwe poging mag.',
        schema: { type: 'integer' },
      },
    },
  })
  async login(
    @Req() request: Request & { user: Gebruiker; id?: unknown },
    @Body() body: LoginRequest,
  ): Promise<TokenResponse> {
    const pair = await this.auth.openSession(request.user, {
      gemeenteId: body.gemeenteId,
      requestId: String(request.id ?? '') || undefined,
    });
    return toTokenResponse(pair);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Toegangstoken verversen',
    description:
      'Gebruikt het verversingstoken op en geeft een nieuw paar. Een al gebruikt token beëindigt de sessie.',
  })
  @ApiOkResponse({ type: TokenResponse })
  async refresh(@Body() body: RefreshRequest): Promise<TokenResponse> {
    return toTokenResponse(await this.auth.refresh(body.refreshToken));
  }

  @ApiBearerAuth('bearer')
  @Post('logout')
  @Vereist(Permissie.EigenAccount)
  @HttpCode(204)
  @ApiOperation({
    summary: 'Afmelden',
    description: 'Beëindigt de sessie: toegangs- en verversingstoken werken daarna niet meer.',
  })
  @ApiNoContentResponse({ description: 'Afgemeld.' })
  async logout(@CurrentActor() actor: Actor): Promise<void> {
    await this.auth.logout(actor);
  }

  @ApiBearerAuth('bearer')
  @Get('me')
  @Vereist(Permissie.EigenAccount)
  @ApiOperation({
    summary: 'Wie ben ik',
    description: 'De aangemelde gebruiker, de gemeente en de rollen daar.',
  })
  @ApiOkResponse({ type: ActorResponse })
  me(@CurrentActor() actor: Actor): ActorResponse {
    return toActorResponse(actor);
  }
}

import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { API_PREFIX } from '../http/api-version';
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
import { AuthService, TokenPair } from './auth.service';
import { Gebruiker } from './gebruiker.entity';
import { InvalidRefreshTokenError } from './auth.errors';

/** The web app's refresh token: HttpOnly, SameSite=Strict, only sent to the refresh and logout paths. */
export const REFRESH_COOKIE = 'wk_verversing';
const REFRESH_COOKIE_PATH = `/${API_PREFIX}/auth`;

function refreshCookieFrom(request: Request): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === REFRESH_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

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
    @Res({ passthrough: true }) response: Response,
    @Body() body: LoginRequest,
  ): Promise<TokenResponse> {
    const pair = await this.auth.openSession(request.user, {
      gemeenteId: body.gemeenteId,
      requestId: String(request.id ?? '') || undefined,
    });
    return this.answer(request, response, pair, body.refreshTokenInCookie === true);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Toegangstoken verversen',
    description:
      'Gebruikt het verversingstoken op en geeft een nieuw paar. Een al gebruikt token beëindigt de sessie. ' +
      'Zonder refreshToken in de body wordt het token uit het cookie van de webapp gebruikt, en komt het nieuwe daar ook weer in.',
  })
  @ApiOkResponse({ type: TokenResponse })
  async refresh(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Body() body: RefreshRequest,
  ): Promise<TokenResponse> {
    const fromCookie = !body.refreshToken;
    const token = body.refreshToken ?? refreshCookieFrom(request);
    if (!token) throw new InvalidRefreshTokenError();
    try {
      return this.answer(request, response, await this.auth.refresh(token), fromCookie);
    } catch (error) {
      if (fromCookie) response.clearCookie(REFRESH_COOKIE, { path: REFRESH_COOKIE_PATH });
      throw error;
    }
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
  async logout(
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.auth.logout(actor);
    response.clearCookie(REFRESH_COOKIE, { path: REFRESH_COOKIE_PATH });
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

  /** The body flow for API clients; for the web app the refresh token goes in the cookie only. */
  private answer(
    request: Request,
    response: Response,
    pair: TokenPair,
    inCookie: boolean,
  ): TokenResponse {
    const body = toTokenResponse(pair);
    if (!inCookie) return body;
    response.cookie(REFRESH_COOKIE, pair.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: request.secure,
      path: REFRESH_COOKIE_PATH,
      expires: pair.refreshExpiresAt,
    });
    const { refreshToken: _inCookie, ...zonder } = body;
    return zonder;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Actor } from '../tenancy/actor';
import { UnauthenticatedError } from './auth.errors';
import { AccessTokenPayload, AuthService } from './auth.service';

/** Who signs our access tokens (`iss`); the JwtModule signs and checks with the same. */
export const TOKEN_ISSUER = 'wijkkompas';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly auth: AuthService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret,
      algorithms: ['HS256'],
      issuer: TOKEN_ISSUER,
      ignoreExpiration: false,
    });
  }

  validate(payload: AccessTokenPayload & { exp?: unknown; doel?: unknown }): Promise<Actor> {
    // The library checks `exp` only when present: a token without it would never expire.
    // A queue dashboard token (`doel`) is signed with the same key but is no access token.
    if (typeof payload.exp !== 'number' || payload.doel !== undefined)
      throw new UnauthenticatedError();
    return this.auth.resolveActor(payload);
  }
}

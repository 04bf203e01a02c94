import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Request } from 'express';
import { Actor } from '../tenancy/actor';
import { Permissie } from './permissies';

export const IS_PUBLIC = 'wijkkompas:public';
export const PERMISSIE = 'wijkkompas:permissie';
/** The OpenAPI extension naming an operation's permission (read by the authorization-matrix test). */
export const PERMISSIE_EXTENSIE = 'x-permissie';

/** Opts an endpoint out of the global authentication guard. Everything else needs a token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * The permission an endpoint needs, held by the roles the role table (ROLTABEL) gives it, in
 * the actor's current gemeente. On a controller it holds for every handler that does not name
 * its own. An authenticated endpoint without one is refused: writes are never open by default.
 */
export const Vereist = (permissie: Permissie) =>
  applyDecorators(SetMetadata(PERMISSIE, permissie), ApiExtension(PERMISSIE_EXTENSIE, permissie));

export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Actor => {
    const request = context.switchToHttp().getRequest<Request & { user?: Actor; id?: string }>();
    if (!request.user) throw new Error('CurrentActor gebruikt op een publiek endpoint');
    return {
      ...request.user,
      requestId: request.id === undefined ? undefined : String(request.id),
    };
  },
);

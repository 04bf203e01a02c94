import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import { Actor } from '../tenancy/actor';
import { Rol } from '../tenancy/rol';

export const IS_PUBLIC = 'wijkkompas:public';
export const ROLES = 'wijkkompas:roles';

/** Opts an endpoint out of the global authentication guard. Everything else needs a token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Limits an endpoint to these roles (in the actor's current gemeente). */
export const Roles = (...rollen: Rol[]) => SetMetadata(ROLES, rollen);

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

import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { ForbiddenError } from '../errors/domain-error';
import { InvoerValidationPipe } from '../http/validation.pipe';
import { Actor } from '../tenancy/actor';
import { Rol } from '../tenancy/rol';
import { IS_PUBLIC, ROLES } from './auth.decorators';
import { UnauthenticatedError } from './auth.errors';
import { LoginRequest } from './auth.dto';

/** Global: every endpoint needs a valid access token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    return super.canActivate(context);
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error) throw error;
    if (!user) throw new UnauthenticatedError();
    return user;
  }
}

/** Global: enforces @Roles(...) against the actor's roles in its current gemeente. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const required = this.reflector.getAllAndOverride<Rol[] | undefined>(ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!required?.length) return true;
    const actor = context.switchToHttp().getRequest<Request & { user?: Actor }>().user;
    if (!actor || !actor.rollen.some((rol) => required.includes(rol))) {
      throw new ForbiddenError(`Hiervoor is een van deze rollen nodig: ${required.join(', ')}.`);
    }
    return true;
  }
}

/**
 * Passport's local strategy, after the body has been validated like any other input: a
 * malformed login gets a 400 with the fields, not a bare 401.
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    // Passport reads the body before the global pipe runs: validate it the same way first.
    const request = context.switchToHttp().getRequest<Request>();
    await new InvoerValidationPipe().transform(request.body ?? {}, {
      type: 'body',
      metatype: LoginRequest,
    });
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error) throw error;
    if (!user) throw new UnauthenticatedError();
    return user;
  }
}

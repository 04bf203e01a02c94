import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { ForbiddenError } from '../errors/domain-error';
import { InvoerValidationPipe } from '../http/validation.pipe';
import { Actor } from '../tenancy/actor';
import { IS_PUBLIC, PERMISSIE } from './auth.decorators';
import { heeftPermissie, Permissie, rollenMet } from './permissies';
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

/**
 * Global: enforces @Vereist(permissie) against the role table for the actor's roles in its
 * current gemeente. An authenticated endpoint that names no permission is refused.
 */
@Injectable()
export class PermissieGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const permissie = this.reflector.getAllAndOverride<Permissie | undefined>(PERMISSIE, targets);
    const actor = context.switchToHttp().getRequest<Request & { user?: Actor }>().user;
    if (!permissie) throw new ForbiddenError('Voor deze handeling is geen toegang vastgelegd.');
    if (!actor || !heeftPermissie(actor, permissie)) {
      throw new ForbiddenError(
        `Hiervoor is een van deze rollen nodig: ${rollenMet(permissie).join(', ')}.`,
      );
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

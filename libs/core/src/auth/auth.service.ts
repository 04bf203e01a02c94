import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager, IsNull, LessThan } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DomainError } from '../errors/domain-error';
import { Actor } from '../tenancy/actor';
import { Gemeente } from '../tenancy/gemeente.entity';
import { OrganisatieSoort, Rol } from '../tenancy/rol';
import {
  InvalidCredentialsError,
  InvalidRefreshTokenError,
  UnauthenticatedError,
} from './auth.errors';
import { Gebruiker } from './gebruiker.entity';
import { relatieIn } from './gebruiker-gemeente.entity';
import { GebruikerRol } from './gebruiker-rol.entity';
import { LoginThrottleService } from './login-throttle.service';
import { timingDummyHash, verifyPassword } from './password';
import { RefreshToken } from './refresh-token.entity';
import { Sessie } from './sessie.entity';

export interface AccessTokenPayload {
  sub: string;
  sid: string;
  gid: string;
}

export interface TokenPair {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: Date;
  actor: Actor;
}

export interface LoginInput {
  email: string;
  password: string;
  gemeenteId?: string;
  ip: string;
  requestId?: string;
}

/**
 * How long a resolved session stays valid in this process without asking PostgreSQL again.
 * Logout, a reused refresh token and a change to a user (blocked, other roles) made through
 * this process take effect at once; the same change made through another instance of the API
 * reaches this one within this many milliseconds.
 */
export const SESSIE_CACHE_MS = 5_000;
const SESSIE_CACHE_MAX = 10_000;

function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class AuthService {
  /** Session id → the actor it resolved to, and until when that answer may be reused. */
  private readonly sessies = new Map<string, { actor: Actor; tot: number }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Called by the local strategy: throttle, then verify; every failure counts. */
  async verifyCredentials(email: string, password: string, ip: string): Promise<Gebruiker> {
    const normalized = email.trim().toLowerCase();
    await this.throttle.assertAllowed(normalized, ip);
    const gebruiker = await this.dataSource.getRepository(Gebruiker).findOne({
      where: { email: normalized },
      relations: { rollen: true, relaties: true },
    });
    const valid = await verifyPassword(
      gebruiker?.passwordHash ?? (await timingDummyHash()),
      password,
    );
    if (!gebruiker || !valid || !toegangTot(gebruiker).length) {
      await this.throttle.recordFailure(normalized, ip);
      throw new InvalidCredentialsError();
    }
    await this.throttle.clearAccount(normalized);
    return gebruiker;
  }

  /** Opens a session in one gemeente: the only one, or the one asked for. */
  async openSession(
    gebruiker: Gebruiker,
    input: Pick<LoginInput, 'gemeenteId' | 'requestId'>,
  ): Promise<TokenPair> {
    const gemeenteIds = toegangTot(gebruiker);
    let gemeenteId = input.gemeenteId;
    if (!gemeenteId) {
      if (gemeenteIds.length > 1) {
        const gemeenten = await this.dataSource
          .getRepository(Gemeente)
          .findBy(gemeenteIds.map((id) => ({ id })));
        // invalidParams for API clients; gemeenten for the login page's choice.
        throw new DomainError(
          'bad-request',
          'validatiefout',
          'Ongeldige invoer',
          'U werkt voor meerdere gemeenten; geef aan in welke u zich aanmeldt.',
          {
            invalidParams: [
              {
                name: 'gemeenteId',
                reason: `kies een gemeente: ${gemeenten.map((g) => `${g.naam} (${g.id})`).join(', ')}`,
              },
            ],
            gemeenten: gemeenten
              .map((g) => ({ id: g.id, naam: g.naam }))
              .sort((a, b) => a.naam.localeCompare(b.naam, 'nl')),
          },
        );
      }
      gemeenteId = gemeenteIds[0];
    } else if (!gemeenteIds.includes(gemeenteId)) {
      throw new InvalidCredentialsError();
    }
    return this.dataSource.transaction(async (manager) => {
      const sessie = await manager.getRepository(Sessie).save({
        gebruikerId: gebruiker.id,
        gemeenteId,
        expiresAt: new Date(Date.now() + this.config.refreshTokenTtlSeconds * 1000),
        revokedAt: null,
        revokedReason: null,
      });
      const pair = await this.issue(manager, sessie);
      await this.audit.record(
        manager,
        { ...pair.actor, requestId: input.requestId },
        {
          action: 'aangemeld',
          entityType: 'sessie',
          entityId: sessie.id,
          after: { gebruikerId: gebruiker.id, gemeenteId },
        },
      );
      return pair;
    });
  }

  /** Rotates: the presented token is used up; a used token presented again revokes the session. */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const token = await manager
        .getRepository(RefreshToken)
        .createQueryBuilder('token')
        .setLock('pessimistic_write')
        .where('token.tokenHash = :hash', { hash: sha256(refreshToken) })
        .getOne();
      if (!token) return undefined;
      const sessie = await manager.getRepository(Sessie).findOneBy({ id: token.sessieId });
      if (
        !sessie ||
        sessie.revokedAt ||
        sessie.expiresAt < new Date() ||
        token.expiresAt < new Date()
      )
        return undefined;
      if (token.usedAt) {
        await manager
          .getRepository(Sessie)
          .update(sessie.id, { revokedAt: new Date(), revokedReason: 'hergebruik-token' });
        this.sessies.delete(sessie.id);
        return 'reuse' as const;
      }
      await manager.getRepository(RefreshToken).update(token.id, { usedAt: new Date() });
      return this.issue(manager, sessie);
    });
    if (!outcome || outcome === 'reuse') throw new InvalidRefreshTokenError();
    return outcome;
  }

  async logout(actor: Actor): Promise<void> {
    this.sessies.delete(actor.sessieId);
    await this.dataSource.transaction(async (manager) => {
      await manager
        .getRepository(Sessie)
        .update(
          { id: actor.sessieId, revokedAt: IsNull() },
          { revokedAt: new Date(), revokedReason: 'afgemeld' },
        );
      await this.audit.record(manager, actor, {
        action: 'afgemeld',
        entityType: 'sessie',
        entityId: actor.sessieId,
      });
    });
  }

  /** Forget what this process knows of a user's sessions: after blocking or a change of roles. */
  vergeetGebruiker(gebruikerId: string): void {
    for (const [sid, { actor }] of this.sessies)
      if (actor.gebruikerId === gebruikerId) this.sessies.delete(sid);
  }

  /**
   * Every authenticated request: the session must be live and the user active, with the roles
   * of now — read from PostgreSQL at most once per SESSIE_CACHE_MS per session.
   */
  async resolveActor(payload: AccessTokenPayload): Promise<Actor> {
    const nu = Date.now();
    const bekend = this.sessies.get(payload.sid);
    if (
      bekend &&
      bekend.tot > nu &&
      bekend.actor.gebruikerId === payload.sub &&
      bekend.actor.gemeenteId === payload.gid
    )
      return bekend.actor;
    const rows: {
      naam: string;
      organisatie_id: string;
      soort: OrganisatieSoort;
      rollen: Rol[] | null;
      expires_at: Date;
    }[] = await this.dataSource.query(
      `SELECT gg.naam, gg.organisatie_id, o.soort, s.expires_at,
              array(SELECT r.rol FROM gebruiker_rollen r
                     WHERE r.gebruiker_id = g.id AND r.gemeente_id = s.gemeente_id ORDER BY r.rol) AS rollen
         FROM sessies s
         JOIN gebruikers g ON g.id = s.gebruiker_id
         JOIN gebruiker_gemeenten gg ON gg.gebruiker_id = g.id AND gg.gemeente_id = s.gemeente_id
         JOIN organisaties o ON o.id = gg.organisatie_id
        WHERE s.id = $1 AND s.gebruiker_id = $2 AND s.gemeente_id = $3
          AND s.revoked_at IS NULL AND s.expires_at > now() AND gg.actief`,
      [payload.sid, payload.sub, payload.gid],
    );
    const row = rows[0];
    if (!row || !row.rollen?.length) {
      this.sessies.delete(payload.sid);
      throw new UnauthenticatedError('Uw sessie is beëindigd. Meld u opnieuw aan.');
    }
    const actor: Actor = {
      gebruikerId: payload.sub,
      naam: row.naam,
      gemeenteId: payload.gid,
      organisatieId: row.organisatie_id,
      organisatieSoort: row.soort,
      rollen: row.rollen,
      sessieId: payload.sid,
    };
    if (this.sessies.size >= SESSIE_CACHE_MAX) this.sessies.clear();
    this.sessies.set(payload.sid, {
      actor,
      tot: Math.min(nu + SESSIE_CACHE_MS, new Date(row.expires_at).getTime()),
    });
    return actor;
  }

  /** Housekeeping: sessions and tokens that can no longer be used. */
  async purgeExpired(now = new Date()): Promise<{ tokens: number; sessies: number }> {
    const tokens = await this.dataSource
      .getRepository(RefreshToken)
      .delete({ expiresAt: LessThan(now) });
    const sessies = await this.dataSource
      .getRepository(Sessie)
      .createQueryBuilder()
      .delete()
      .where('expires_at < :now', { now })
      .orWhere('revoked_at < :cutoff', { cutoff: new Date(now.getTime() - 86400_000) })
      .execute();
    return { tokens: tokens.affected ?? 0, sessies: sessies.affected ?? 0 };
  }

  private async issue(manager: EntityManager, sessie: Sessie): Promise<TokenPair> {
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(
      Math.min(sessie.expiresAt.getTime(), Date.now() + this.config.refreshTokenTtlSeconds * 1000),
    );
    await manager.getRepository(RefreshToken).insert({
      sessieId: sessie.id,
      tokenHash: sha256(refreshToken),
      expiresAt: refreshExpiresAt,
      usedAt: null,
    });
    const payload: AccessTokenPayload = {
      sub: sessie.gebruikerId,
      sid: sessie.id,
      gid: sessie.gemeenteId,
    };
    const accessToken = await this.jwt.signAsync(payload, {
      expiresIn: this.config.accessTokenTtlSeconds,
    });
    const actor = await this.actorWithin(manager, payload);
    return {
      accessToken,
      expiresIn: this.config.accessTokenTtlSeconds,
      refreshToken,
      refreshExpiresAt,
      actor,
    };
  }

  private async actorWithin(manager: EntityManager, payload: AccessTokenPayload): Promise<Actor> {
    const gebruiker = await manager.getRepository(Gebruiker).findOneOrFail({
      where: { id: payload.sub },
      relations: { relaties: { organisatie: true } },
    });
    const relatie = relatieIn(gebruiker, payload.gid);
    const rollen = await manager
      .getRepository(GebruikerRol)
      .findBy({ gebruikerId: payload.sub, gemeenteId: payload.gid });
    return {
      gebruikerId: gebruiker.id,
      naam: relatie.naam,
      gemeenteId: payload.gid,
      organisatieId: relatie.organisatieId,
      organisatieSoort: relatie.organisatie!.soort,
      rollen: rollen.map((rol) => rol.rol).sort(),
      sessieId: payload.sid,
    };
  }
}

/** The gemeenten a user may log in to: a relation there that is not blocked, with a role. */
function toegangTot(gebruiker: Gebruiker): string[] {
  const metRol = new Set((gebruiker.rollen ?? []).map((rol) => rol.gemeenteId));
  return (gebruiker.relaties ?? [])
    .filter((r) => r.actief && metRol.has(r.gemeenteId))
    .map((r) => r.gemeenteId)
    .sort();
}

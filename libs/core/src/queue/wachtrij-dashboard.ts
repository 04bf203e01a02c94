import { randomUUID } from 'node:crypto';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NextFunction, Request, Response, Router } from 'express';
import { DataSource } from 'typeorm';
import { AccessTokenPayload, AuthService } from '../auth/auth.service';
import { isPlatformBeheerder } from '../auth/platform-beheerder';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { heeftPermissie, Permissie } from '../auth/permissies';
import { Actor } from '../tenancy/actor';
import { QueueName } from './queue.constants';
import { QueueService } from './queue.service';

/** Where the dashboard lives: outside /api/v1, it is a page for people, not an API. */
export const WACHTRIJ_DASHBOARD_PAD = '/beheer/wachtrijen';
const COOKIE = 'wk_wachtrijen';
const TOEGANG_SECONDEN = 60;
const SESSIE_SECONDEN = 30 * 60;

/** Operators may act on jobs; a gemeente's beheerder only looks. */
type Bevoegdheid = 'beheren' | 'alleen-lezen';

interface DashboardToken extends AccessTokenPayload {
  doel: 'wachtrij-dashboard-toegang' | 'wachtrij-dashboard';
}

export interface DashboardToegang {
  url: string;
  verlooptOp: Date;
}

/**
 * The queue dashboard (Bull Board) for beheerders. A browser does not send the API's bearer
 * token, so access goes in two steps: a beheerder asks the API for a one-minute link
 * (`POST /api/v1/beheer/wachtrij-dashboard-toegang`), opening it exchanges the link for an
 * HttpOnly, SameSite=Strict cookie valid for 30 minutes on this path only. Every request
 * checks the cookie, that the login session is still live and that the user is still a
 * beheerder; logging out therefore closes the dashboard too.
 *
 * The queues are shared by every gemeente of a deployment (their jobs carry only ids), so
 * retrying, cleaning or pausing is for the platform's own operators (PLATFORM_BEHEERDERS);
 * a gemeente's beheerder gets the same board read-only.
 */
@Injectable()
export class WachtrijDashboardService {
  constructor(
    private readonly queues: QueueService,
    private readonly jwt: JwtService,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  maakToegang(actor: Actor): DashboardToegang {
    const payload: DashboardToken = {
      sub: actor.gebruikerId,
      sid: actor.sessieId,
      gid: actor.gemeenteId,
      doel: 'wachtrij-dashboard-toegang',
    };
    const token = this.jwt.sign(payload, { expiresIn: TOEGANG_SECONDEN, jwtid: randomUUID() });
    return {
      url: `${this.config.publicUrl}${WACHTRIJ_DASHBOARD_PAD}?toegang=${encodeURIComponent(token)}`,
      verlooptOp: new Date(Date.now() + TOEGANG_SECONDEN * 1000),
    };
  }

  /**
   * Express middleware to mount at WACHTRIJ_DASHBOARD_PAD: the access check, then Bull Board.
   * The board (and its queue connections) is built on the first admitted request, after the
   * queue backend has migrated, so starting the API never races the backend's migration.
   */
  router(): (req: Request, res: Response, next: NextFunction) => void {
    const boards: Partial<Record<Bevoegdheid, Promise<Router>>> = {};
    return (req, res, next) => {
      void this.toegestaan(req, res)
        .then(async (bevoegdheid) => {
          if (!bevoegdheid) return;
          boards[bevoegdheid] ??= this.bouwBoard(bevoegdheid === 'alleen-lezen');
          (await boards[bevoegdheid])(req, res, next);
        })
        .catch((error: unknown) => next(error));
    };
  }

  private async bouwBoard(alleenLezen: boolean): Promise<Router> {
    await this.queues.whenReady();
    // One queue at a time: each checks the backend's schema on first use, and on the embedded
    // database those checks must not run side by side.
    for (const naam of Object.values(QueueName)) await this.queues.readyQueue(naam);
    const serverAdapter = new ExpressAdapter();
    serverAdapter.setBasePath(WACHTRIJ_DASHBOARD_PAD);
    createBullBoard({
      queues: Object.values(QueueName).map(
        (naam) =>
          new BullMQAdapter(this.queues.queue(naam), {
            readOnlyMode: alleenLezen,
            allowRetries: !alleenLezen,
          }),
      ),
      serverAdapter,
      options: {
        uiConfig: {
          boardTitle: alleenLezen
            ? 'Wijkkompas wachtrijen (alleen lezen)'
            : 'Wijkkompas wachtrijen',
          locale: { lng: 'nl-NL' },
        },
      },
    });
    return serverAdapter.getRouter() as Router;
  }

  private async toegestaan(req: Request, res: Response): Promise<Bevoegdheid | false> {
    const toegang = typeof req.query.toegang === 'string' ? req.query.toegang : undefined;
    if (toegang) {
      const payload = await this.controleer(toegang, 'wachtrij-dashboard-toegang');
      if (!payload || !(await this.gebruikLink(payload)))
        return this.weiger(
          res,
          'De link is verlopen of ongeldig, of al gebruikt. Vraag een nieuwe aan.',
        );
      const sessie: DashboardToken = {
        sub: payload.sub,
        sid: payload.sid,
        gid: payload.gid,
        doel: 'wachtrij-dashboard',
      };
      res.cookie(COOKIE, this.jwt.sign(sessie, { expiresIn: SESSIE_SECONDEN }), {
        httpOnly: true,
        sameSite: 'strict',
        // Behind https (directly, or a proxy's X-Forwarded-Proto with TRUST_PROXY) or when
        // the product's public address is https.
        secure: req.secure || this.config.publicUrl.startsWith('https:'),
        path: WACHTRIJ_DASHBOARD_PAD,
        maxAge: SESSIE_SECONDEN * 1000,
      });
      res.redirect(303, WACHTRIJ_DASHBOARD_PAD);
      return false;
    }
    const cookie = leesCookie(req.headers.cookie, COOKIE);
    const sessie = cookie ? await this.controleer(cookie, 'wachtrij-dashboard') : undefined;
    if (!sessie)
      return this.weiger(
        res,
        'Meld u aan in Wijkkompas en open het dashboard via een nieuwe link (alleen voor beheerders).',
      );
    return (await isPlatformBeheerder(this.dataSource, this.config, sessie.sub))
      ? 'beheren'
      : 'alleen-lezen';
  }

  /**
   * Marks the link as used; false when it was used before (by this or another instance).
   * Links that would have expired anyway are removed on the way.
   */
  private async gebruikLink(payload: DashboardToken & { jti?: string; exp?: number }) {
    if (!payload.jti || !payload.exp) return false;
    await this.dataSource.query('DELETE FROM gebruikte_links WHERE verloopt_op < now()');
    const rijen: unknown[] = await this.dataSource.query(
      `INSERT INTO gebruikte_links (id, verloopt_op) VALUES ($1, to_timestamp($2))
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [payload.jti, payload.exp],
    );
    return rijen.length === 1;
  }

  private async controleer(
    token: string,
    doel: DashboardToken['doel'],
  ): Promise<DashboardToken | undefined> {
    let payload: DashboardToken;
    try {
      payload = this.jwt.verify<DashboardToken>(token);
    } catch {
      return undefined;
    }
    if (payload.doel !== doel) return undefined;
    try {
      const actor = await this.auth.resolveActor(payload);
      return heeftPermissie(actor, Permissie.WachtrijBeheren) ? payload : undefined;
    } catch {
      return undefined;
    }
  }

  private weiger(res: Response, melding: string): false {
    res
      .status(401)
      .type('html')
      .send(
        `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Geen toegang</title></head>` +
          `<body><h1>Geen toegang tot het wachtrijdashboard</h1><p>${melding}</p></body></html>`,
      );
    return false;
  }
}

function leesCookie(header: string | undefined, naam: string): string | undefined {
  for (const deel of (header ?? '').split(';')) {
    const [sleutel, ...waarde] = deel.trim().split('=');
    if (sleutel === naam) return decodeURIComponent(waarde.join('='));
  }
  return undefined;
}

import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_PREFIX } from './api-version';

/**
 * Every security header of the product, in one place (README, "Security headers").
 *
 * - helmet's fixed headers on every response: `X-Content-Type-Options: nosniff`, a
 *   `Referrer-Policy` of no-referrer, same-origin resource and opener policies, and the rest
 *   of helmet's defaults.
 * - HSTS only when the request came over https (directly, or behind a proxy that says so in
 *   `X-Forwarded-Proto` with TRUST_PROXY), since a browser ignores it over http anyway and a
 *   local http start must not pin localhost to https.
 * - A Content-Security-Policy per kind of page, each with `frame-ancestors 'none'` and
 *   `X-Frame-Options: DENY`, except the printable HTML documents (dossier, agenda, verslag),
 *   which the web app frames, and the web app's own pages: `frame-ancestors 'self'`,
 *   `SAMEORIGIN`. No controller or middleware sets a policy of its own.
 * - `Cache-Control: no-store` on everything under the API (tokens, and every response that
 *   needs a login) and on the queue dashboard; only the public API documentation may be kept.
 */
type Soort = 'api' | 'dossier-html' | 'swagger' | 'dashboard' | 'webapp';

const GEEN = ["'none'"];
const ZELF = ["'self'"];

/** Directives per kind; `frame-ancestors` always set, `default-src` as tight as the page allows. */
const CSP: Record<Soort, Record<string, string[]>> = {
  // JSON, problem+json, PDF, SVG, CSV: nothing to load, nothing to run.
  api: {
    'default-src': GEEN,
    'frame-ancestors': GEEN,
    'base-uri': GEEN,
    'form-action': GEEN,
  },
  // The printable documents (dossier, agenda, verslag): inline styles and data: images only.
  'dossier-html': {
    'default-src': GEEN,
    'style-src': ["'unsafe-inline'"],
    'img-src': ['data:'],
    'frame-ancestors': ZELF,
    'base-uri': GEEN,
    'form-action': GEEN,
  },
  // Swagger UI: its own scripts and stylesheet from this server, an inline <style>, data: icons,
  // and the OpenAPI document fetched from this server ("Try it out" calls the API here too).
  swagger: {
    'default-src': GEEN,
    'script-src': ZELF,
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ZELF,
    'frame-ancestors': GEEN,
    'base-uri': GEEN,
    'form-action': GEEN,
  },
  // Bull Board: a React app from its own static files, with inline styles and a <base href>.
  // Its Google Fonts link stays blocked: no request of a beheerder goes to a third party.
  dashboard: {
    'default-src': GEEN,
    'script-src': ZELF,
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ZELF,
    'frame-ancestors': GEEN,
    'base-uri': ZELF,
    'form-action': ZELF,
  },
  // The web app (everything outside the API): its own scripts (never inline), styles (inline
  // for the charts), images (blob: for a downloaded PDF) and API calls; it frames the printable
  // documents from this origin.
  webapp: {
    'default-src': ZELF,
    'script-src': ZELF,
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ZELF,
    'connect-src': ZELF,
    'frame-src': ZELF,
    'frame-ancestors': ZELF,
    'object-src': GEEN,
    'base-uri': ZELF,
    'form-action': ZELF,
  },
};

const DOCUMENT_HTML = new RegExp(
  `^/${API_PREFIX}/(dossiers/[^/]+|overleggen/[^/]+/(agendaversies/[^/]+|verslag))/html/?$`,
);

export function soortVanPad(pad: string, dashboardPad: string): Soort {
  if (pad.startsWith(`/${API_PREFIX}/docs`)) return 'swagger';
  if (DOCUMENT_HTML.test(pad)) return 'dossier-html';
  if (pad.startsWith(`/${API_PREFIX}/`) || pad === `/${API_PREFIX}` || pad.startsWith('/health'))
    return 'api';
  if (pad.startsWith(dashboardPad)) return 'dashboard';
  return 'webapp';
}

function magBewaren(pad: string): boolean {
  return (
    pad.startsWith(`/${API_PREFIX}/docs`) ||
    pad.startsWith(`/${API_PREFIX}/openapi.`) ||
    !(pad.startsWith(`/${API_PREFIX}`) || pad.startsWith('/beheer/'))
  );
}

/** The middleware, to mount before everything else (app.factory.ts). */
export function securityHeaders(dashboardPad: string): RequestHandler[] {
  const vast = helmet({
    contentSecurityPolicy: false,
    xFrameOptions: false,
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  const hsts = helmet.strictTransportSecurity({ maxAge: 365 * 86400, includeSubDomains: true });
  const perSoort = Object.fromEntries(
    (Object.keys(CSP) as Soort[]).map((soort) => [
      soort,
      [
        helmet.contentSecurityPolicy({ useDefaults: false, directives: CSP[soort] }),
        helmet.xFrameOptions({
          action: CSP[soort]['frame-ancestors'][0] === "'self'" ? 'sameorigin' : 'deny',
        }),
      ],
    ]),
  ) as Record<Soort, ((req: IncomingMessage, res: ServerResponse, next: () => void) => void)[]>;
  const perPad: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
    const [csp, frames] = perSoort[soortVanPad(req.path, dashboardPad)];
    csp(req, res, () => frames(req, res, () => undefined));
    if (!magBewaren(req.path)) res.setHeader('Cache-Control', 'no-store');
    if (req.secure) hsts(req, res, next);
    else next();
  };
  return [vast as RequestHandler, perPad];
}

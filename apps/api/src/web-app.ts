import { API_PREFIX, WACHTRIJ_DASHBOARD_PAD } from '@wijkkompas/core';
import type { NextFunction, Request, Response } from 'express';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';

/** The folder `npm run build:web` writes to: dist/web at the repository root. */
export function webAppDir(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dist', 'web');
}

const NOT_THE_APP = [`/${API_PREFIX}`, '/health', WACHTRIJ_DASHBOARD_PAD];

/**
 * Serves the built web app at `/`: its files (hashed assets cached for a year), and
 * index.html for every other GET that is not the API, health or the queue dashboard, so the
 * app's own routes survive a reload. Without a build, `/` says how to make one.
 */
export function webAppMiddleware(dir = webAppDir()) {
  const indexFile = join(dir, 'index.html');
  return (request: Request, response: Response, next: NextFunction): void => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    let path: string;
    try {
      path = decodeURIComponent(request.path);
    } catch {
      return next(); // a malformed address: the API's own 404
    }
    if (NOT_THE_APP.some((prefix) => path === prefix || path.startsWith(`${prefix}/`)))
      return next();
    const file = normalize(join(dir, path));
    if (file.startsWith(dir + sep) && existsSync(file) && statSync(file).isFile()) {
      response.setHeader(
        'Cache-Control',
        path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
      response.sendFile(file);
      return;
    }
    // A missing asset is a 404, not the app; a page of the app is index.html.
    if (/\.[a-z0-9]+$/i.test(path)) return next();
    // Its Content-Security-Policy and other security headers come from securityHeaders (core).
    response.setHeader('Cache-Control', 'no-cache');
    if (!existsSync(indexFile)) {
      response
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('De webapp is nog niet gebouwd. Voer `npm run build:web` uit en start opnieuw.\n');
      return;
    }
    response.type('text/html; charset=utf-8').send(readFileSync(indexFile));
  };
}

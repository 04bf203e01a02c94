import type { NextFunction, Request, Response } from 'express';
/**
 * The version of the API contract (semver), sent on every response (ADR: API-Version header).
 * Bump the minor for additions, the major (and the /v path segment) for breaking changes.
 */
export const API_VERSION = '1.0.0';
export const API_MAJOR = `v${API_VERSION.split('.')[0]}`;
export const API_PREFIX = `api/${API_MAJOR}`;

export function apiVersionMiddleware(
  _request: Request,
  response: Response,
  next: NextFunction,
): void {
  response.setHeader('API-Version', API_VERSION);
  next();
}

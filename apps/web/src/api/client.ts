import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type Actor = Schemas['ActorResponse'];

/** An answer of the API that is not a success: its problem+json, in Dutch. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly code: string | undefined,
    readonly invalidParams: { name: string; reason: string }[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
    this.name = 'ProblemError';
  }

  /** The reason for one field, for the message at that field. */
  voorVeld(naam: string): string | undefined {
    return this.invalidParams.find((p) => p.name === naam || p.name.endsWith(`.${naam}`))?.reason;
  }
}

export async function naarProblem(response: Response): Promise<ProblemError> {
  let body: Record<string, unknown> = {};
  try {
    body = (await response.clone().json()) as Record<string, unknown>;
  } catch {
    // not JSON: keep the status
  }
  return alsProblem(response.status, body);
}

function alsProblem(status: number, body: Record<string, unknown>): ProblemError {
  const { title, detail, code, invalidParams, ...extra } = body as {
    title?: string;
    detail?: string;
    code?: string;
    invalidParams?: { name: string; reason: string }[];
  };
  return new ProblemError(
    status,
    title ?? `Fout ${status}`,
    detail,
    code,
    invalidParams ?? [],
    extra,
  );
}

/**
 * The session of this tab. The access token lives only in this module's memory; the
 * refresh token is an HttpOnly cookie the browser sends to /api/v1/auth only.
 */
let accessToken: string | null = null;
let verversing: Promise<TokenAntwoord | null> | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
const luisteraars = new Set<(actor: Actor | null) => void>();

type TokenAntwoord = Schemas['TokenResponse'];

export function opSessie(luisteraar: (actor: Actor | null) => void): () => void {
  luisteraars.add(luisteraar);
  return () => luisteraars.delete(luisteraar);
}

function zetSessie(antwoord: TokenAntwoord | null): void {
  accessToken = antwoord?.accessToken ?? null;
  clearTimeout(timer);
  if (antwoord) {
    // Refresh a minute before the access token ends (at least after ten seconds).
    const over = Math.max(10, antwoord.expiresIn - 60) * 1000;
    timer = setTimeout(() => void ververs(), over);
  }
  for (const luisteraar of luisteraars) luisteraar(antwoord?.gebruiker ?? null);
}

/** Silent refresh with the cookie; one at a time. Null when there is no session (any more). */
export function ververs(): Promise<TokenAntwoord | null> {
  verversing ??= fetch('/api/v1/auth/refresh', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
    credentials: 'same-origin',
  })
    .then(async (response) => {
      const antwoord = response.ok ? ((await response.json()) as TokenAntwoord) : null;
      zetSessie(antwoord);
      return antwoord;
    })
    .catch(() => null)
    .finally(() => {
      verversing = null;
    });
  return verversing;
}

export async function meldAan(invoer: {
  email: string;
  password: string;
  gemeenteId?: string;
}): Promise<Actor> {
  const response = await fetch('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...invoer, refreshTokenInCookie: true }),
    credentials: 'same-origin',
  });
  if (!response.ok) throw await naarProblem(response);
  const antwoord = (await response.json()) as TokenAntwoord;
  zetSessie(antwoord);
  return antwoord.gebruiker;
}

export async function meldAf(): Promise<void> {
  try {
    if (accessToken)
      await fetch('/api/v1/auth/logout', {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}` },
        credentials: 'same-origin',
      });
  } finally {
    zetSessie(null);
  }
}

const kopieen = new WeakMap<Request, Request>();

const bearer: Middleware = {
  onRequest({ request }) {
    if (accessToken) request.headers.set('authorization', `Bearer ${accessToken}`);
    kopieen.set(request, request.clone());
    return request;
  },
  async onResponse({ request, response }) {
    if (response.status !== 401) return response;
    // The access token ran out (or the tab slept): refresh once and try again.
    const kopie = kopieen.get(request);
    const antwoord = await ververs();
    if (!antwoord || !kopie) return response;
    kopie.headers.set('authorization', `Bearer ${antwoord.accessToken}`);
    return fetch(kopie);
  },
};

export const api = createClient<paths>({ baseUrl: '/api/v1' });
api.use(bearer);

/** A raw call with the session (for files: PDF, HTML, uploads). */
export async function haal(pad: string, init: RequestInit = {}): Promise<Response> {
  const doe = () =>
    fetch(`/api/v1${pad}`, {
      ...init,
      headers: {
        ...(init.headers as Record<string, string>),
        ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
      },
    });
  let response = await doe();
  if (response.status === 401 && (await ververs())) response = await doe();
  if (!response.ok) throw await naarProblem(response);
  return response;
}

/** Unwraps an openapi-fetch result: the data, or a ProblemError. */
export async function ok<T>(
  resultaat: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await resultaat;
  if (!response.ok)
    throw error && typeof error === 'object'
      ? alsProblem(response.status, error as Record<string, unknown>)
      : await naarProblem(response);
  return data as T;
}

export function etag(version: number): string {
  return `W/"${version}"`;
}

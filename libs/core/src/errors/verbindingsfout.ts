/**
 * Whether an error means a backend (PostgreSQL, Redis) is out of reach rather than that the
 * request was wrong: the connection was refused, reset or timed out, or the server says it is
 * shutting down or not accepting connections. The problem filter answers those with 503 and
 * Retry-After instead of 500, so clients know to try again and monitoring sees an outage,
 * not a bug.
 */
const NETWERKCODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** SQLSTATE: class 08 (connection exception), shutdown, cannot connect now, too many connections. */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

const BERICHTEN = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /Connection is closed/i,
  /Stream isn't writeable/i,
  /Reached the max retries per request limit/i,
];

export function isVerbindingsfout(error: unknown, diepte = 0): boolean {
  if (typeof error !== 'object' || error === null || diepte > 4) return false;
  const e = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof e.code === 'string') {
    if (NETWERKCODES.has(e.code) || SQLSTATES.has(e.code) || /^08/.test(e.code)) return true;
  }
  if (typeof e.message === 'string' && BERICHTEN.some((b) => b.test(e.message as string)))
    return true;
  if (Array.isArray(e.errors) && e.errors.some((sub) => isVerbindingsfout(sub, diepte + 1)))
    return true;
  return isVerbindingsfout(e.driverError, diepte + 1) || isVerbindingsfout(e.cause, diepte + 1);
}

/** Seconds a client should wait before trying again while a backend is out of reach. */
export const RETRY_AFTER_SECONDEN = 5;

/**
 * When a failed e-mail is tried again, as pure functions of the attempts made so far. The
 * outbox runs every minute; waiting longer after each failure lets a mail server that is
 * down for an hour recover before a mail is given up.
 */

/** After this many failed attempts a mail is given up ('mislukt', with the last error). */
export const MAX_MAILPOGINGEN = 5;

/** A claim older than this belongs to a sender that crashed; the mail is released again. */
export const VERLATEN_CLAIM_MINUTEN = 30;

/** Minutes to wait after the n-th failed attempt: 5, 10, 20, 40, then at most an hour. */
export function wachttijdMinuten(pogingen: number): number {
  if (!Number.isInteger(pogingen) || pogingen < 1)
    throw new Error(`pogingen moet een geheel getal van minstens 1 zijn, niet ${pogingen}`);
  return Math.min(60, 5 * 2 ** (pogingen - 1));
}

export type NaMislukking<T extends 'wachtrij' | 'digest'> =
  { status: 'mislukt'; volgendePogingOp: null } | { status: T; volgendePogingOp: Date };

/**
 * The state after the `pogingen`-th attempt failed: back to where it came from (the outbox or
 * the digest) after a wait, or given up once MAX_MAILPOGINGEN attempts failed.
 */
export function naMislukking<T extends 'wachtrij' | 'digest'>(
  pogingen: number,
  terug: T,
  nu: Date,
): NaMislukking<T> {
  if (pogingen >= MAX_MAILPOGINGEN) return { status: 'mislukt', volgendePogingOp: null };
  return {
    status: terug,
    volgendePogingOp: new Date(nu.getTime() + wachttijdMinuten(pogingen) * 60_000),
  };
}

/** An SMTP error as one line for the database and the logs, without the message body. */
export function foutmelding(error: unknown): string {
  const fout = error as { message?: unknown; responseCode?: unknown; code?: unknown };
  const tekst = typeof fout?.message === 'string' ? fout.message : String(error);
  const code =
    typeof fout?.responseCode === 'number'
      ? ` (SMTP ${fout.responseCode})`
      : typeof fout?.code === 'string'
        ? ` (${fout.code})`
        : '';
  return `${tekst.replace(/\s+/g, ' ').trim()}${code}`.slice(0, 1000);
}

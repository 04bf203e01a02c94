import { DomainError, ValidationError, VersionConflictError } from '@wijkkompas/core';

/**
 * Optimistic concurrency over HTTP: a GET sends the row version as a weak ETag, an update
 * sends it back in If-Match. A missing If-Match is a 428 (the client must read before it
 * writes), a stale one a 412: nobody silently overwrites someone else's change.
 */

export function etag(version: number): string {
  return `W/"${version}"`;
}

export class IfMatchVereistError extends DomainError {
  constructor(entiteit: string) {
    super(
      'precondition-required',
      'if-match-vereist',
      'If-Match vereist',
      `Stuur de ETag die u bij het ophalen van ${entiteit} kreeg mee in de header If-Match, zodat een wijziging van een ander niet ongemerkt wordt overschreven.`,
    );
  }
}

const ETAG = /^(?:W\/)?"(\d{1,9})"$/;

/** The versions named in an If-Match header; undefined when there is none. */
export function leesIfMatch(header: string | undefined): number[] | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const versies: number[] = [];
  for (const deel of header.split(',').map((d) => d.trim())) {
    const match = ETAG.exec(deel);
    if (!match)
      throw new ValidationError(
        [
          {
            name: 'If-Match',
            reason: `If-Match moet de ETag bevatten die u bij het ophalen kreeg, bijvoorbeeld W/"3"`,
          },
        ],
        'De header If-Match is ongeldig.',
      );
    versies.push(Number(match[1]));
  }
  return versies;
}

/** Throws 428 without If-Match and 412 when it does not name the current version. */
export function vereisIfMatch(header: string | undefined, huidig: number, entiteit: string): void {
  const versies = leesIfMatch(header);
  if (!versies) throw new IfMatchVereistError(entiteit);
  if (!versies.includes(huidig))
    throw new VersionConflictError(entiteit, versies.map(etag).join(', '), etag(huidig));
}

/** As vereisIfMatch, but an absent header is allowed (for creating-or-replacing with PUT). */
export function controleerOptioneleIfMatch(
  header: string | undefined,
  huidig: number | undefined,
  entiteit: string,
): void {
  const versies = leesIfMatch(header);
  if (!versies) return;
  if (huidig === undefined || !versies.includes(huidig))
    throw new VersionConflictError(
      entiteit,
      versies.map(etag).join(', '),
      huidig === undefined ? 'geen (bestaat nog niet)' : etag(huidig),
    );
}

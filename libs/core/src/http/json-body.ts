import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_INVOER_DIEPTE } from '../errors/validation';

/** The body-parser error type the problem filter turns into its Dutch detail. */
export const JSON_TE_DIEP = 'entity.too.deep';

/**
 * Refuses a JSON body that nests deeper than any request of ours (400), before it is parsed:
 * one pass over the bytes counting brackets outside strings. Used as body-parser's `verify`
 * step; the size limit is body-parser's own `limit`. The validation pipe checks the parsed
 * value again, for bodies this byte count cannot see into (another charset).
 */
export function controleerJsonDiepte(
  _request: IncomingMessage,
  _response: ServerResponse,
  body: Buffer,
): void {
  let diepte = 0;
  let inTekst = false;
  let escape = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inTekst) {
      if (escape) escape = false;
      else if (byte === 0x5c) escape = true;
      else if (byte === 0x22) inTekst = false;
    } else if (byte === 0x22) {
      inTekst = true;
    } else if (byte === 0x5b || byte === 0x7b) {
      if (++diepte > MAX_INVOER_DIEPTE)
        throw Object.assign(new Error('JSON te diep genest'), {
          status: 400,
          type: JSON_TE_DIEP,
          expose: true,
        });
    } else if (byte === 0x5d || byte === 0x7d) {
      diepte--;
    }
  }
}

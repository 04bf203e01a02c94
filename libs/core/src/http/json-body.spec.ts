import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_INVOER_DIEPTE } from '../errors/validation';
import { controleerJsonDiepte, JSON_TE_DIEP } from './json-body';

const controleer = (json: string) =>
  controleerJsonDiepte({} as IncomingMessage, {} as ServerResponse, Buffer.from(json));

describe('controleerJsonDiepte', () => {
  it('lets a body up to the limit through', () => {
    const n = MAX_INVOER_DIEPTE;
    expect(() => controleer('['.repeat(n) + ']'.repeat(n))).not.toThrow();
    expect(() => controleer('{"a":{"b":[1,{"c":"[[[[{{{{"}]}}')).not.toThrow();
  });

  it('refuses a body one level deeper with a 400 of its own type', () => {
    const n = MAX_INVOER_DIEPTE + 1;
    expect(() => controleer('['.repeat(n) + ']'.repeat(n))).toThrow(
      expect.objectContaining({ status: 400, type: JSON_TE_DIEP }),
    );
    expect(() => controleer(`{"a":${'['.repeat(4000)}`)).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });

  it('does not count brackets inside strings, also after an escaped quote', () => {
    const tekst = JSON.stringify({ a: `\\"${'['.repeat(1000)}` });
    expect(() => controleer(tekst)).not.toThrow();
  });
});

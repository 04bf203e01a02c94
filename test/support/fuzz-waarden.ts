import fc from 'fast-check';
import { oplossen, OpenApiDocument, Schema } from './openapi-operaties';

/**
 * Values for the fuzz: valid-ish ones generated from a request's OpenAPI schema (its
 * examples, enums, formats, patterns and bounds) and hostile ones (deep nesting, control
 * characters, lone surrogates, huge numbers and strings, wrong types, odd Unicode, planted
 * personal data).
 */

/** A fragment of JSON text put into a body as is: nesting no JSON.stringify would survive. */
export class Rauw {
  constructor(readonly json: string) {}
  toString(): string {
    return this.json.length > 80
      ? `${this.json.slice(0, 40)}…(${this.json.length} tekens)`
      : this.json;
  }
}

/** JSON text of a value that may hold `Rauw` fragments. */
export function naarJson(waarde: unknown): string {
  if (waarde instanceof Rauw) return waarde.json;
  if (Array.isArray(waarde)) return `[${waarde.map(naarJson).join(',')}]`;
  if (waarde !== null && typeof waarde === 'object')
    return `{${Object.entries(waarde)
      .map(([k, v]) => `${JSON.stringify(k)}:${naarJson(v)}`)
      .join(',')}}`;
  return JSON.stringify(waarde) ?? 'null';
}

/**
 * Personal data planted in requests; none may come back in an error. The BSN passes the
 * eleven-test; 111222333 does too and is also sent as a version number.
 */
export const GEPLANT = [
  '123456782',
  '111222333',
  'NL91ABNA0417164300',
  'jan.jansen@voorbeeld.nl',
  '0612345678',
] as const;

const geplant = fc.constantFrom<unknown>(
  ...GEPLANT,
  `Mevrouw met BSN ${GEPLANT[0]} belde`,
  `Rekening ${GEPLANT[2]}, mail ${GEPLANT[3]}`,
  `Bel ${GEPLANT[4]}`,
  111222333,
  123456782,
);

const lang = (n: number, teken = 'x') => teken.repeat(n);
const genest = (n: number) => new Rauw('['.repeat(n) + ']'.repeat(n));

export const vijandig: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      genest(33),
      genest(1500),
      genest(4000),
      genest(100_000),
      new Rauw('{"a":'.repeat(3000) + '1' + '}'.repeat(3000)),
      new Rauw('[{"a":['.repeat(40) + ']}]'.repeat(40)),
    ),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom<unknown>(
      'a\u0000b',
      '\u0000',
      'x\u001b[31my',
      '\u007f',
      '\u0085volgende regel',
      '\b',
      'tab\tregel\nterug\r',
      '\udfff\ud800@x.nl',
      'x\ud800',
      '\udc00',
      'a@b.nl\ud83d',
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      1e20,
      -1e20,
      2 ** 53 + 1,
      2147483648,
      -2147483649,
      1e308,
      -1e308,
      Number.MIN_VALUE,
      -1,
      0.5,
      new Rauw('99999999999999999999'),
      new Rauw('1e400'),
      new Rauw('-1e400'),
      new Rauw('-0'),
      '99999999999999999999',
      '1e400',
      'NaN',
      'Infinity',
      '0x10',
      ' 1 ',
      '١٢٣',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      lang(10_001),
      lang(200_000),
      lang(300_000, 'é'),
      lang(1_100_000),
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      true,
      false,
      null,
      [],
      {},
      0,
      '',
      [1, 2],
      { a: 1 },
      [null],
      [{}],
      ' ',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.constantFrom(
        '👩‍👩‍👧',
        '\u202Eevil',
        'e\u0301',
        '１２３４５６７８２',
        '1234\u200B56782',
        'ẞ',
        '𝕏',
        '\uFEFFbom',
        '\uFFFE\uFFFF',
        'مرحبا',
        '中文',
      ),
    ),
  },
  { weight: 2, arbitrary: geplant },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      '0000-01-01',
      '0000-Q1',
      '0000',
      '9999-Q4',
      '10000-Q1',
      '2026-Q0',
      '2026-Q5',
      '2026-02-30',
      '-001-01-01',
      '+275760-09-13',
      '0001-01-01',
      '9999-12-31',
      '2026-13-01',
      '0000-01-01T00:00:00Z',
      '2026-12-31T25:00:00Z',
      '9999-12-31T23:59:59+14:00',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      "'; DROP TABLE wijk; --",
      '<script>alert(1)</script>',
      '../../etc/passwd',
      '${7*7}',
      '{{7*7}}',
      '%00',
      '\\',
      '"',
      new Rauw('{"__proto__":{"isAdmin":true}}'),
      new Rauw('{"constructor":{"prototype":{"x":1}}}'),
    ),
  },
);

export interface IdBron {
  /** A uuid for a field (by its name: `aanbiederId`, `kpiIds`) or a path parameter. */
  id(veld: string): fc.Arbitrary<string>;
}

const datum = fc
  .date({ min: new Date('2019-01-01'), max: new Date('2031-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

function tekst(document: OpenApiDocument, s: Schema, ids: IdBron, veld: string) {
  const voorbeeld = typeof s.example === 'string' ? [s.example] : [];
  if (s.format === 'uuid') return ids.id(veld);
  if (s.format === 'date')
    return fc.oneof(fc.constantFrom(...voorbeeld, '2026-07-01', '2026-01-01'), datum);
  if (s.format === 'date-time')
    return fc.oneof(
      fc.constantFrom(...voorbeeld, '2026-10-12T10:00:00+02:00'),
      datum.map((d) => `${d}T09:30:00Z`),
    );
  if (s.format === 'email' || /e-?mail/i.test(veld))
    return fc.constantFrom(...voorbeeld, 'nieuw@test.example', GEPLANT[3]);
  const vrij = fc.string({
    minLength: s.minLength ?? 1,
    maxLength: Math.min(s.maxLength ?? 40, 40),
  });
  const patroon = (() => {
    if (!s.pattern) return undefined;
    try {
      return fc.stringMatching(new RegExp(s.pattern));
    } catch {
      return undefined;
    }
  })();
  return fc.oneof(
    { weight: 4, arbitrary: voorbeeld.length ? fc.constantFrom(...voorbeeld) : vrij },
    { weight: 3, arbitrary: patroon ?? vrij },
    { weight: 1, arbitrary: geplant.map(String) },
    { weight: 1, arbitrary: vrij },
  );
}

/** A value that fits the schema, or nearly: the fuzz wants to get past validation too. */
export function geldig(
  document: OpenApiDocument,
  schema: Schema,
  ids: IdBron,
  veld = '',
  diepte = 0,
): fc.Arbitrary<unknown> {
  const s = oplossen(document, schema);
  const basis = ((): fc.Arbitrary<unknown> => {
    const keuzes = s.oneOf ?? s.anyOf;
    if (keuzes?.length)
      return fc.oneof(...keuzes.map((k) => geldig(document, k, ids, veld, diepte)));
    if (s.enum?.length) return fc.constantFrom(...s.enum);
    const type = s.type ?? (s.properties ? 'object' : undefined);
    const getal = (integer: boolean) => {
      const min = s.minimum ?? 0;
      const max = s.maximum ?? Math.max(min + 1000, 1000);
      const vast = [s.example, s.default, min, 111222333].filter((x) => typeof x === 'number');
      const bereik = integer
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
        : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
      return fc.oneof(
        { weight: 3, arbitrary: bereik },
        { weight: 1, arbitrary: fc.constantFrom(...vast) },
      );
    };
    switch (type) {
      case 'object': {
        if (!s.properties || diepte > 5) return fc.constant({});
        const velden: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [naam, sub] of Object.entries(s.properties))
          velden[naam] = geldig(document, sub, ids, naam, diepte + 1);
        return fc.record(velden, { requiredKeys: (s.required ?? []).filter((k) => k in velden) });
      }
      case 'array':
        return fc.array(geldig(document, s.items ?? {}, ids, veld, diepte + 1), {
          minLength: Math.min(s.minItems ?? 0, 3),
          maxLength: Math.max(Math.min(s.maxItems ?? 3, 3), Math.min(s.minItems ?? 0, 3)),
        });
      case 'integer':
        return getal(true);
      case 'number':
        return fc.oneof(getal(true), getal(false));
      case 'boolean':
        return fc.boolean();
      case 'string':
        return tekst(document, s, ids, veld);
      default:
        // Untyped (decimal as number or string): both.
        return fc.oneof(
          fc.constantFrom(...[s.example ?? '12.5', '3', 7]),
          fc.integer({ min: 0, max: 1000 }),
        );
    }
  })();
  return s.nullable
    ? fc.oneof({ weight: 9, arbitrary: basis }, { weight: 1, arbitrary: fc.constant(null) })
    : basis;
}

/** Every place in a value where another value can go: object keys and array positions. */
function plekken(waarde: unknown, pad: (string | number)[] = [], uit: (string | number)[][] = []) {
  if (waarde instanceof Rauw || waarde === null || typeof waarde !== 'object') return uit;
  const entries: [string | number, unknown][] = Array.isArray(waarde)
    ? waarde.map((v, i) => [i, v])
    : Object.entries(waarde);
  for (const [k, v] of entries) {
    uit.push([...pad, k]);
    plekken(v, [...pad, k], uit);
  }
  return uit;
}

function kopie(waarde: unknown): unknown {
  if (waarde instanceof Rauw || waarde === null || typeof waarde !== 'object') return waarde;
  if (Array.isArray(waarde)) return waarde.map(kopie);
  return Object.fromEntries(Object.entries(waarde).map(([k, v]) => [k, kopie(v)]));
}

/**
 * The valid-ish value with one hostile value in it: in place of a field or element, or as a
 * field of its own (a known one it did not have, or an unknown one).
 */
export function muteer(
  waarde: unknown,
  keuze: number,
  vijand: unknown,
  bekendeVelden: string[],
): unknown {
  const uit = kopie(waarde);
  const alle = plekken(uit);
  if (uit === null || typeof uit !== 'object' || uit instanceof Rauw) return vijand;
  if (alle.length === 0 || keuze % 4 === 0) {
    if (Array.isArray(uit)) uit.push(vijand);
    else {
      const naam = bekendeVelden[keuze % (bekendeVelden.length + 1)] ?? 'onbekend';
      (uit as Record<string, unknown>)[naam] = vijand;
    }
    return uit;
  }
  const pad = alle[keuze % alle.length];
  let ouder = uit as Record<string | number, unknown>;
  for (const stap of pad.slice(0, -1)) ouder = ouder[stap] as Record<string | number, unknown>;
  ouder[pad[pad.length - 1]] = vijand;
  return uit;
}

/** A query-string value as text: valid-ish values as they are written, percent-encoded. */
export function querywaarde(waarde: unknown): string {
  if (waarde instanceof Rauw) return codeer(waarde.json.slice(0, 20_000));
  if (typeof waarde === 'string') return codeer(waarde);
  if (waarde !== null && typeof waarde === 'object') return codeer(JSON.stringify(waarde));
  return codeer(String(waarde));
}

/** encodeURIComponent, but a lone surrogate becomes the bytes a careless client would send. */
export function codeer(tekst: string): string {
  try {
    return encodeURIComponent(tekst);
  } catch {
    return tekst
      .split('')
      .map((c) => {
        const code = c.charCodeAt(0);
        if (code >= 0xd800 && code <= 0xdfff) return '%ED%A0%80';
        try {
          return encodeURIComponent(c);
        } catch {
          return '%ED%A0%80';
        }
      })
      .join('');
  }
}

/** Query-string fragments no encoder would write. */
export const rauweQuery = fc.constantFrom(
  '%00',
  '%ED%A0%80',
  '%FF%FE',
  '%',
  '%zz',
  '99999999999999999999',
  '1e400',
  '-99999999999999999999',
  '0000-Q1',
  '0000-01-01',
  '%E2%80%AE',
  encodeURIComponent('x'.repeat(20_000)),
);

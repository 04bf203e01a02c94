import { ValidationError } from 'class-validator';
import { controleerInvoer, MAX_INVOER_DIEPTE, toInvalidParams } from './validation';

function error(
  property: string,
  constraints: Record<string, string>,
  children: ValidationError[] = [],
): ValidationError {
  return Object.assign(new ValidationError(), { property, constraints, children });
}

describe('toInvalidParams', () => {
  it('gives one entry per failed constraint, nested fields by dotted path', () => {
    const params = toInvalidParams([
      error('email', { isEmail: 'email moet een e-mailadres zijn' }),
      error('adres', {}, [error('postcode', { matches: 'postcode moet 1234 AB zijn' })]),
    ]);
    expect(params).toEqual([
      { name: 'email', reason: 'email moet een e-mailadres zijn' },
      { name: 'adres.postcode', reason: 'postcode moet 1234 AB zijn' },
    ]);
  });

  it("puts class-validator's English defaults into Dutch", () => {
    expect(
      toInvalidParams([error('foo', { whitelistValidation: 'property foo should not exist' })]),
    ).toEqual([{ name: 'foo', reason: 'foo is een onbekend veld' }]);
    expect(
      toInvalidParams([
        error('naam', { maxLength: 'naam must be shorter than or equal to 200 characters' }),
      ]),
    ).toEqual([{ name: 'naam', reason: 'naam is te lang' }]);
    expect(toInvalidParams([error('x', { somethingNew: 'x must be special' })])).toEqual([
      { name: 'x', reason: 'x is ongeldig' },
    ]);
  });
});

describe('controleerInvoer', () => {
  it('accepts ordinary text, tabs and line breaks, and whole surrogate pairs', () => {
    expect(
      controleerInvoer(
        { naam: 'Wijkteam Noord 👩‍👩‍👧', toelichting: 'regel 1\r\n\tregel 2', n: 3, x: null },
        '',
      ),
    ).toEqual([]);
  });

  it('refuses NUL and other control characters, naming the field by its dotted path', () => {
    expect(
      controleerInvoer({ naam: 'a\u0000b', waarden: [{ toelichting: 'x\u001by' }] }, ''),
    ).toEqual([
      { name: 'naam', reason: expect.stringContaining('naam bevat een teken dat niet') },
      { name: 'waarden.0.toelichting', reason: expect.stringContaining('niet is toegestaan') },
    ]);
    expect(controleerInvoer('\u007f', 'zoek')).toEqual([
      { name: 'zoek', reason: expect.any(String) },
    ]);
    expect(controleerInvoer('\u0085', 'zoek')).toHaveLength(1);
  });

  it('refuses a lone surrogate, either half, and never echoes the value', () => {
    const params = controleerInvoer({ email: '\udfff\ud800@x.nl' }, '');
    expect(params).toEqual([{ name: 'email', reason: expect.any(String) }]);
    expect(JSON.stringify(params)).not.toContain('@x.nl');
    expect(controleerInvoer({ a: 'x\ud800' }, '')).toHaveLength(1);
    expect(controleerInvoer({ a: '\udc00x' }, '')).toHaveLength(1);
  });

  it('refuses a forbidden character in a key without naming the key', () => {
    expect(controleerInvoer({ 'a\u0000': 1 }, '')).toEqual([
      { name: 'body', reason: expect.stringContaining('veldnaam') },
    ]);
  });

  it('refuses nesting deeper than the limit without walking it', () => {
    let diep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) diep = [diep];
    expect(controleerInvoer({ lijst: diep }, '')).toEqual([
      { name: expect.stringMatching(/^lijst(\.0)+$/), reason: expect.stringContaining('te diep') },
    ]);
    let net: unknown = 'x';
    for (let i = 0; i < MAX_INVOER_DIEPTE - 1; i++) net = [net];
    expect(controleerInvoer({ lijst: net }, '')).toEqual([]);
  });

  it('stops after twenty findings', () => {
    expect(
      controleerInvoer(
        Array.from({ length: 1000 }, () => '\u0000'),
        '',
      ),
    ).toHaveLength(20);
  });
});

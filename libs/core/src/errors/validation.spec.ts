import { ValidationError } from 'class-validator';
import { toInvalidParams } from './validation';

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

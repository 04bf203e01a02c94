import { ValidationError as ClassValidatorError } from 'class-validator';
import { InvalidParam, ValidationError } from './domain-error';

/** Dutch wording for class-validator's English default messages, by constraint. */
const DUTCH: Record<string, string> = {
  whitelistValidation: 'is een onbekend veld',
  isString: 'moet tekst zijn',
  isNotEmpty: 'is verplicht',
  isDefined: 'is verplicht',
  isInt: 'moet een geheel getal zijn',
  isNumber: 'moet een getal zijn',
  isBoolean: 'moet true of false zijn',
  isUuid: 'moet een uuid zijn',
  isEmail: 'moet een e-mailadres zijn',
  isEnum: 'heeft een niet-toegestane waarde',
  isIn: 'heeft een niet-toegestane waarde',
  isDate: 'moet een datum zijn',
  isDateString: 'moet een datum zijn (JJJJ-MM-DD)',
  isIso8601: 'moet een datum zijn (JJJJ-MM-DD)',
  isArray: 'moet een lijst zijn',
  isObject: 'moet een object zijn',
  maxLength: 'is te lang',
  minLength: 'is te kort',
  length: 'heeft een ongeldige lengte',
  min: 'is te klein',
  max: 'is te groot',
  arrayMinSize: 'bevat te weinig elementen',
  arrayMaxSize: 'bevat te veel elementen',
  arrayUnique: 'bevat dubbele elementen',
  matches: 'heeft een ongeldig formaat',
  nestedValidation: 'moet een geldig object zijn',
};

function dutch(name: string, key: string, message: string): string {
  // Our own messages are Dutch already; class-validator's defaults say "must" or "should".
  if (!/\b(must|should)\b/.test(message)) return message;
  return `${name} ${DUTCH[key] ?? 'is ongeldig'}`;
}

/** Flattens class-validator's tree into one entry per field, named by its dotted path. */
export function toInvalidParams(errors: ClassValidatorError[], prefix = ''): InvalidParam[] {
  const result: InvalidParam[] = [];
  for (const error of errors) {
    const name = prefix ? `${prefix}.${error.property}` : error.property;
    for (const [key, message] of Object.entries(error.constraints ?? {}))
      result.push({ name, reason: dutch(name, key, message) });
    if (error.children?.length) result.push(...toInvalidParams(error.children, name));
  }
  return result;
}

export function validationExceptionFactory(errors: ClassValidatorError[]): ValidationError {
  return new ValidationError(toInvalidParams(errors));
}

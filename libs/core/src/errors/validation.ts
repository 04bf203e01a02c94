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

/**
 * How deep a request value may nest (objects and lists inside each other). Our requests nest
 * three or four levels; deeper input is refused before anything walks it recursively
 * (class-transformer overflows its stack at a few thousand levels).
 */
export const MAX_INVOER_DIEPTE = 32;

/**
 * Characters no text may contain: the C0 control characters except tab, line feed and
 * carriage return, DEL and the C1 controls, and halves of a UTF-16 surrogate pair without
 * their other half. PostgreSQL refuses NUL in text, a lone surrogate cannot be stored as
 * UTF-8 (and makes the e-mail validator throw), and none of them is typed by a person.
 */
const ONGELDIG_TEKEN =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Enough to point at the problem; a body full of NULs does not get a 1 MB answer. */
const MAX_MELDINGEN = 20;

export function bevatOngeldigTeken(tekst: string): boolean {
  return ONGELDIG_TEKEN.test(tekst);
}

/**
 * Checks every text in a request value (body, query or path parameter) before it is
 * transformed or validated: one entry per field with a forbidden character, named by its
 * dotted path as class-validator names fields, and one for a value nested too deep. Object
 * keys are checked too (an unknown key is named in the 400 that follows). Never echoes the
 * value itself.
 */
export function controleerInvoer(
  waarde: unknown,
  naam: string,
  maxDiepte = MAX_INVOER_DIEPTE,
): InvalidParam[] {
  const result: InvalidParam[] = [];
  const bezoek = (value: unknown, name: string, diepte: number): void => {
    if (result.length >= MAX_MELDINGEN) return;
    if (typeof value === 'string') {
      if (bevatOngeldigTeken(value))
        result.push({
          name: name || 'body',
          reason: `${name || 'body'} bevat een teken dat niet is toegestaan (een stuurteken of ongeldige Unicode)`,
        });
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (diepte >= maxDiepte) {
      result.push({ name: name || 'body', reason: `${name || 'body'} is te diep genest` });
      return;
    }
    const entries: [string, unknown][] = Array.isArray(value)
      ? value.map((item, index) => [String(index), item])
      : Object.entries(value);
    for (const [key, item] of entries) {
      const pad = name ? `${name}.${key}` : key;
      if (bevatOngeldigTeken(key))
        result.push({
          name: name || 'body',
          reason: `${name || 'body'} bevat een veldnaam met een teken dat niet is toegestaan`,
        });
      else bezoek(item, pad, diepte + 1);
    }
  };
  bezoek(waarde, naam, 0);
  return result;
}

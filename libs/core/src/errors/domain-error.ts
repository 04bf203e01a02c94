/**
 * Services throw DomainErrors, never HttpExceptions; the problem filter maps the kind to an
 * HTTP status in one place. `title` is Dutch because people read it in the product.
 */
export type DomainErrorKind =
  | 'bad-request'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'precondition-failed'
  | 'precondition-required'
  | 'payload-too-large'
  | 'unprocessable'
  | 'too-many-requests'
  | 'unavailable';

export interface InvalidParam {
  name: string;
  reason: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, id?: string) {
    super(
      'not-found',
      'niet-gevonden',
      'Niet gevonden',
      id
        ? `${entity} ${id} bestaat niet of is niet zichtbaar voor u.`
        : `${entity} bestaat niet of is niet zichtbaar voor u.`,
    );
  }
}

export class ForbiddenError extends DomainError {
  constructor(detail = 'U heeft niet de rol die hiervoor nodig is.') {
    super('forbidden', 'geen-toegang', 'Geen toegang', detail);
  }
}

export class ValidationError extends DomainError {
  constructor(invalidParams: InvalidParam[], detail = 'Een of meer velden zijn ongeldig.') {
    super('bad-request', 'validatiefout', 'Ongeldige invoer', detail, { invalidParams });
  }
}

/**
 * A stale version: 412 with the current version. The version the client sent stays on the
 * error object and is never put in the answer (error answers echo no sent values).
 */
export class VersionConflictError extends DomainError {
  constructor(
    entity: string,
    readonly sent: number | string,
    actual: number | string,
  ) {
    super(
      'precondition-failed',
      'versieconflict',
      'Versieconflict',
      `${entity} is intussen gewijzigd; de huidige versie is ${actual}. Haal de nieuwste versie op en probeer het opnieuw.`,
      { currentVersion: actual },
    );
  }
}

/** An illegal lifecycle step: 409, naming the states that are allowed from here. */
export class TransitionError extends DomainError {
  constructor(entity: string, from: string, to: string, allowed: readonly string[]) {
    super(
      'conflict',
      'ongeldige-statusovergang',
      'Ongeldige statusovergang',
      `${entity} kan niet van '${from}' naar '${to}'. ${allowed.length ? `Toegestaan vanuit '${from}': ${allowed.join(', ')}.` : `Vanuit '${from}' is geen overgang meer mogelijk.`}`,
      { currentStatus: from, allowedNextStates: allowed },
    );
  }
}

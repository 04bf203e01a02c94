import { DomainError } from '../errors/domain-error';

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super(
      'unauthorized',
      'onjuiste-inloggegevens',
      'Aanmelden mislukt',
      'Het e-mailadres of het wachtwoord klopt niet.',
    );
  }
}

export class TooManyLoginAttemptsError extends DomainError {
  constructor(retryAfterSeconds: number) {
    super(
      'too-many-requests',
      'te-veel-inlogpogingen',
      'Te veel inlogpogingen',
      `Te veel mislukte inlogpogingen. Probeer het over ${retryAfterSeconds} seconden opnieuw.`,
      { retryAfter: retryAfterSeconds },
      { 'Retry-After': String(retryAfterSeconds) },
    );
  }
}

export class InvalidRefreshTokenError extends DomainError {
  constructor() {
    super(
      'unauthorized',
      'ongeldig-verversingstoken',
      'Sessie verlopen',
      'Het verversingstoken is ongeldig, verlopen of al gebruikt. Meld u opnieuw aan.',
    );
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(detail = 'Meld u aan; het toegangstoken ontbreekt, is ongeldig of verlopen.') {
    super('unauthorized', 'niet-aangemeld', 'Niet aangemeld', detail);
  }
}

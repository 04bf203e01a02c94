import { BadRequestException, NotFoundException } from '@nestjs/common';
import {
  NotFoundError,
  TransitionError,
  ValidationError,
  VersionConflictError,
} from './domain-error';
import { problemInstance, toProblem } from './problem.filter';
import { TooManyLoginAttemptsError } from '../auth/auth.errors';

describe('toProblem', () => {
  it('maps a domain error to its status, stable code and Dutch title', () => {
    expect(toProblem(new NotFoundError('Gebruiker', 'abc'), '/x').problem).toEqual({
      type: 'https://wijkkompas.nl/problemen/niet-gevonden',
      title: 'Niet gevonden',
      status: 404,
      detail: 'Gebruiker abc bestaat niet of is niet zichtbaar voor u.',
      instance: '/x',
      code: 'niet-gevonden',
    });
  });

  it('lists invalid fields on a validation error', () => {
    const { problem } = toProblem(
      new ValidationError([{ name: 'email', reason: 'email moet een e-mailadres zijn' }]),
      '/y',
    );
    expect(problem).toMatchObject({
      status: 400,
      code: 'validatiefout',
      invalidParams: [{ name: 'email', reason: 'email moet een e-mailadres zijn' }],
    });
  });

  it('names the allowed next states on an illegal transition (409) and the current version on a conflict (412)', () => {
    expect(
      toProblem(
        new TransitionError('Aanvullende opdracht', 'aangevraagd', 'actief', ['getoetst']),
        '/z',
      ).problem,
    ).toMatchObject({
      status: 409,
      code: 'ongeldige-statusovergang',
      allowedNextStates: ['getoetst'],
      currentStatus: 'aangevraagd',
    });
    expect(toProblem(new VersionConflictError('Gebruiker', 1, 2), '/z').problem).toMatchObject({
      status: 412,
      currentVersion: 2,
    });
  });

  it('never echoes the version the client sent in a 412', () => {
    const { problem } = toProblem(new VersionConflictError('Wijk', 111222333, 4), '/z');
    expect(JSON.stringify(problem)).not.toContain('111222333');
    expect(problem.detail).toContain('de huidige versie is 4');
  });

  it('maps a body nested too deep to a 400 that says so', () => {
    expect(toProblem({ status: 400, type: 'entity.too.deep' }, '/a').problem).toMatchObject({
      status: 400,
      detail: expect.stringContaining('te diep genest'),
    });
  });

  it('carries Retry-After on a 429', () => {
    const { problem, headers } = toProblem(new TooManyLoginAttemptsError(42), '/login');
    expect(problem.status).toBe(429);
    expect(headers).toEqual({ 'Retry-After': '42' });
  });

  it('maps body-parser errors: too large and malformed JSON', () => {
    expect(toProblem({ status: 413, type: 'entity.too.large' }, '/a').problem).toMatchObject({
      status: 413,
      code: 'verzoek-te-groot',
    });
    expect(
      toProblem(new BadRequestException('Unexpected end of JSON input'), '/a').problem,
    ).toMatchObject({ status: 400, detail: 'De body is geen geldige JSON.' });
    expect(toProblem(new NotFoundException(), '/a').problem).toMatchObject({
      status: 404,
      code: 'niet-gevonden',
    });
  });

  it('hides the details of an unexpected error behind a generic 500', () => {
    const { problem } = toProblem(new Error('connection refused at 10.0.0.5:5432'), '/b');
    expect(problem).toMatchObject({ status: 500, code: 'interne-fout', title: 'Er ging iets mis' });
    expect(JSON.stringify(problem)).not.toContain('10.0.0.5');
  });

  it('does not take a 5xx status from a foreign error object', () => {
    expect(toProblem({ status: 502 }, '/c').problem.status).toBe(500);
  });

  it('answers a lost database or queue with 503 and Retry-After, never 500, and names no address', () => {
    const geweigerd = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), {
      code: 'ECONNREFUSED',
    });
    const typeorm = Object.assign(new Error('Query failed'), { driverError: geweigerd });
    const beide = new AggregateError([geweigerd, geweigerd], '');
    const afgebroken = new Error('Connection terminated unexpectedly');
    const afsluiten = Object.assign(new Error('terminating connection'), { code: '57P01' });
    const redis = new Error("Stream isn't writeable and enableOfflineQueue options is false");
    for (const fout of [geweigerd, typeorm, beide, afgebroken, afsluiten, redis]) {
      const { problem, headers } = toProblem(fout, '/d');
      expect(problem).toMatchObject({ status: 503, code: 'niet-beschikbaar' });
      expect(headers['Retry-After']).toMatch(/^\d+$/);
      expect(JSON.stringify(problem)).not.toContain('10.0.0.5');
    }
    // A constraint violation is the request's fault, not an outage.
    expect(toProblem(Object.assign(new Error('dup'), { code: '23505' }), '/e').problem.status).toBe(
      500,
    );
  });
});

describe('problemInstance', () => {
  it('names the operation by its documented path, not by the ids or query sent', () => {
    expect(
      problemInstance({
        originalUrl: '/api/v1/kpis/4b3c/normen/2026-Q3?x=123456782',
        url: '',
        route: { path: '/api/v1/kpis/:id/normen/:periode' },
      }),
    ).toBe('/api/v1/kpis/{id}/normen/{periode}');
  });

  it('replaces every segment that is not a plain word before routing', () => {
    expect(
      problemInstance({
        originalUrl: '/api/v1/wijken/123456782/bestaat-niet?page=1',
        url: '',
        route: undefined,
      }),
    ).toBe('/api/v1/wijken/{…}/bestaat-niet');
    expect(problemInstance({ originalUrl: '/api/v1/jan%40x.nl', url: '', route: undefined })).toBe(
      '/api/v1/{…}',
    );
  });
});

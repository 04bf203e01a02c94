import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { JSON_TE_DIEP } from '../http/json-body';
import { DomainError } from './domain-error';
import { MAX_INVOER_DIEPTE } from './validation';
import { PROBLEM_CONTENT_TYPE, Problem, STATUS_BY_KIND, problemType } from './problem';
import { isVerbindingsfout, RETRY_AFTER_SECONDEN } from './verbindingsfout';

const TITLE_BY_STATUS: Record<number, [string, string]> = {
  400: ['ongeldig-verzoek', 'Ongeldig verzoek'],
  401: ['niet-aangemeld', 'Niet aangemeld'],
  403: ['geen-toegang', 'Geen toegang'],
  404: ['niet-gevonden', 'Niet gevonden'],
  405: ['methode-niet-toegestaan', 'Methode niet toegestaan'],
  406: ['niet-aanvaardbaar', 'Formaat niet beschikbaar'],
  408: ['verzoek-te-traag', 'Verzoek duurde te lang'],
  409: ['conflict', 'Conflict'],
  412: ['versieconflict', 'Versieconflict'],
  413: ['verzoek-te-groot', 'Verzoek te groot'],
  415: ['mediatype-niet-ondersteund', 'Mediatype niet ondersteund'],
  422: ['onverwerkbaar', 'Niet verwerkbaar'],
  429: ['te-veel-verzoeken', 'Te veel verzoeken'],
  431: ['kopregels-te-groot', 'Adres of kopregels te lang'],
  503: ['niet-beschikbaar', 'Tijdelijk niet beschikbaar'],
};

/** Body-parser and other Express errors carry a status and a type but are no HttpException. */
interface ExpressHttpError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

export function toProblem(
  error: unknown,
  instance: string,
): { problem: Problem; headers: Record<string, string> } {
  if (error instanceof DomainError) {
    const status = STATUS_BY_KIND[error.kind];
    return {
      problem: {
        type: problemType(error.code),
        title: error.title,
        status,
        detail: error.detail,
        instance,
        code: error.code,
        ...error.extra,
      },
      headers: error.headers,
    };
  }
  if (isVerbindingsfout(error)) {
    return {
      problem: {
        type: problemType('niet-beschikbaar'),
        title: 'Tijdelijk niet beschikbaar',
        status: 503,
        detail: `Wijkkompas kan de database of de wachtrij even niet bereiken. Probeer het over ${RETRY_AFTER_SECONDEN} seconden opnieuw.`,
        instance,
        code: 'niet-beschikbaar',
      },
      headers: { 'Retry-After': String(RETRY_AFTER_SECONDEN) },
    };
  }
  let status = 500;
  let detail: string | undefined;
  if (error instanceof HttpException) {
    status = error.getStatus();
    if (status === 404) detail = 'Deze bron of dit pad bestaat niet.';
    // Nest maps body-parser's SyntaxError and Express's URIError to a bare 400.
    if (status === 400) {
      detail = /JSON|Unexpected|Expected|position/i.test(error.message)
        ? 'De body is geen geldige JSON.'
        : 'Het verzoek kon niet worden gelezen (bijvoorbeeld een ongeldige codering in het pad).';
    }
  } else if (typeof error === 'object' && error !== null) {
    const httpError = error as ExpressHttpError;
    const candidate = httpError.status ?? httpError.statusCode;
    if (typeof candidate === 'number' && candidate >= 400 && candidate < 500) status = candidate;
    if (httpError.type === 'entity.parse.failed') detail = 'De body is geen geldige JSON.';
    if (httpError.type === 'entity.too.large') detail = 'De body is groter dan toegestaan (1 MB).';
    if (httpError.type === 'client.431')
      detail = 'Het adres (URL) of de kopregels van het verzoek zijn te lang (hoogstens 16 kB).';
    if (httpError.type === JSON_TE_DIEP)
      detail = `De body is te diep genest: lijsten en objecten gaan hoogstens ${MAX_INVOER_DIEPTE} niveaus in elkaar.`;
    if (httpError.type === 'encoding.unsupported' || httpError.type === 'charset.unsupported') {
      detail = 'De tekencodering van de body wordt niet ondersteund.';
    }
  }
  const [code, title] = TITLE_BY_STATUS[status] ?? ['interne-fout', 'Er ging iets mis'];
  if (status === 500)
    detail =
      'Er ging aan onze kant iets mis. Probeer het later opnieuw; blijft het misgaan, meld dan het request-id.';
  return {
    problem: { type: problemType(code), title, status, detail, instance, code },
    headers: {},
  };
}

/** A path segment that names a resource or an action, never a value sent by the client. */
const VAST_SEGMENT = /^(?:[a-z]+(?:-[a-z]+)*|v\d+)$/;

/**
 * The `instance` of a problem: the operation's path as the API documents it
 * (`/api/v1/wijken/{id}`), never the ids, periods or query the client sent — error answers
 * echo no sent values. Before routing (a body that is no JSON) there is no route yet; then
 * every segment that is not a plain word is replaced.
 */
export function problemInstance(request: Pick<Request, 'originalUrl' | 'url' | 'route'>): string {
  const route = (request.route as { path?: unknown } | undefined)?.path;
  if (typeof route === 'string') return route.replace(/:(\w+)/g, '{$1}');
  const pad = (request.originalUrl ?? request.url ?? '/').split('?')[0];
  return pad
    .split('/')
    .map((segment) => (segment === '' || VAST_SEGMENT.test(segment) ? segment : '{…}'))
    .join('/');
}

/** Every error leaves the API as RFC 9457 problem+json, never a stack trace. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request>();
    const response = context.getResponse<Response>();
    const { problem, headers } = toProblem(error, problemInstance(request));
    if (problem.status === 503) {
      this.logger.warn({ err: error, requestId: request.id }, 'Backend niet bereikbaar');
    } else if (problem.status >= 500) {
      this.logger.error({ err: error, requestId: request.id }, 'Onverwachte fout');
    }
    if (response.headersSent) return;
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }
}

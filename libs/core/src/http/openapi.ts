import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, Problem } from '../errors/problem';
import { API_PREFIX, API_VERSION } from './api-version';

type Operation = {
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, ResponseObject>;
  security?: unknown[];
};
type ResponseObject = {
  description: string;
  headers?: Record<string, unknown>;
  content?: Record<string, unknown>;
};

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

const PROBLEM_DESCRIPTIONS: Record<string, string> = {
  '400': 'Ongeldige invoer (problem+json met invalidParams).',
  '401': 'Niet aangemeld of token verlopen.',
  '403': 'Geen toegang met deze rol.',
  '404': 'Niet gevonden of niet zichtbaar voor u.',
  '429': 'Te veel verzoeken; zie Retry-After.',
  '500': 'Onverwachte fout.',
};

const API_VERSION_HEADER = { $ref: '#/components/headers/API-Version' };

/**
 * Adds what holds for every operation, so controllers need not repeat it: the API-Version
 * header on each response, problem+json error responses (400 wherever there is input, 401
 * and 403 where authentication is needed, 404 where there is a path parameter), and 500.
 */
export function completeDocument(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  document.components.headers = {
    ...(document.components.headers ?? {}),
    'API-Version': {
      description: 'De volledige versie (semver) van de API die antwoordde.',
      schema: { type: 'string', example: API_VERSION },
    },
  };
  const tags = new Set<string>();
  for (const pathItem of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = (pathItem as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      for (const tag of (operation as { tags?: string[] }).tags ?? []) tags.add(tag);
      // ADR: every POST, PUT and PATCH documents a 400, and so does anything with parameters.
      const hasInput =
        method === 'post' ||
        method === 'put' ||
        method === 'patch' ||
        Boolean(operation.requestBody) ||
        (operation.parameters?.length ?? 0) > 0;
      const hasPathParam = (operation.parameters ?? []).some(
        (p) => (p as { in?: string }).in === 'path',
      );
      const secured = (operation.security?.length ?? 0) > 0;
      const wanted = ['500'];
      if (hasInput) wanted.push('400');
      if (secured) wanted.push('401', '403');
      if (hasPathParam) wanted.push('404');
      for (const status of wanted) {
        operation.responses[status] ??= { description: PROBLEM_DESCRIPTIONS[status] };
      }
      for (const [status, response] of Object.entries(operation.responses)) {
        response.headers = { 'API-Version': API_VERSION_HEADER, ...(response.headers ?? {}) };
        if (Number(status) >= 400) {
          response.content = {
            [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } },
          };
        }
      }
    }
  }
  const described = new Map((document.tags ?? []).map((tag) => [tag.name, tag]));
  document.tags = [...tags].sort().map((name) => described.get(name) ?? { name });
  return document;
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Wijkkompas API')
    .setDescription(
      'Opdrachten, verantwoording en dossiers tussen een gemeente en de aanbieders van haar sociale wijkteams. ' +
        'Volgt de NL GOV API Design Rules: fouten als application/problem+json, API-Version-header op elk antwoord.',
    )
    .setVersion(API_VERSION)
    .setContact('Wijkkompas', 'https://wijkkompas.nl', 'api@wijkkompas.nl')
    .setLicense('EUPL-1.2', 'https://eupl.eu/1.2/nl/')
    .addServer(`/${API_PREFIX}`, 'Deze omgeving')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    ignoreGlobalPrefix: true,
    extraModels: [Problem],
    operationIdFactory: (controllerKey, methodKey) =>
      `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  return completeDocument(document);
}

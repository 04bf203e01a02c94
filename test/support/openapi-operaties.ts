import type { OpenAPIObject } from '@nestjs/swagger';

/**
 * Every operation of the OpenAPI document as plain data, for the tests generated from it (the
 * authorization matrix, the fuzz): a new endpoint is in the list without anyone writing a test
 * for it.
 */

export const HTTP_METHODES = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type HttpMethode = (typeof HTTP_METHODES)[number];

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Schema = Record<string, any>;

export interface Operatie {
  method: HttpMethode;
  /** As the document writes it, without the server's /api/v1: '/kpis/{id}/normen/{periode}'. */
  path: string;
  operationId: string;
  parameters: Parameter[];
  /** The request body's schema with its top-level $ref resolved, if the operation has a body. */
  requestSchema?: Schema;
  /** The content type of the request body (application/json, multipart/form-data). */
  requestContentType?: string;
  /** The security requirements; empty for a public operation. */
  security: Record<string, string[]>[];
  /** The operation object itself, for extensions such as x-permissie. */
  raw: Schema;
}

/** Resolves a local `#/components/...` reference; anything else is returned as it is. */
export function resolve(document: OpenAPIObject, schema: Schema | undefined): Schema | undefined {
  let current = schema;
  for (let i = 0; current && typeof current.$ref === 'string' && i < 20; i++) {
    const pad = (current.$ref as string).replace(/^#\//, '').split('/');
    current = pad.reduce<Schema | undefined>(
      (node, key) => (node ? (node[key] as Schema | undefined) : undefined),
      document as unknown as Schema,
    );
  }
  return current;
}

export function operaties(document: OpenAPIObject): Operatie[] {
  const lijst: Operatie[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    const pathItem = item as Schema;
    const gedeeld = (pathItem.parameters ?? []) as Parameter[];
    for (const method of HTTP_METHODES) {
      const operation = pathItem[method] as Schema | undefined;
      if (!operation) continue;
      const content = (resolve(document, operation.requestBody)?.content ?? {}) as Record<
        string,
        { schema?: Schema }
      >;
      const [requestContentType] = Object.keys(content);
      lijst.push({
        method,
        path,
        operationId: operation.operationId as string,
        parameters: [...gedeeld, ...((operation.parameters ?? []) as Parameter[])].map(
          (p) => resolve(document, p as Schema) as Parameter,
        ),
        requestSchema: requestContentType
          ? resolve(document, content[requestContentType].schema)
          : undefined,
        requestContentType,
        security: (operation.security ?? document.security ?? []) as Record<string, string[]>[],
        raw: operation,
      });
    }
  }
  return lijst;
}

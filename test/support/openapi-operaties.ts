/**
 * Every operation of an OpenAPI document in one flat shape, for the tests that are generated
 * from the document (the fuzz, the authorization matrix), so a new endpoint is covered
 * without writing a test for it. The document is the one the app serves
 * (`GET /api/v1/openapi.json`, built by `buildOpenApiDocument`).
 */

export type HttpMethode = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A JSON schema as the document writes it: `$ref`s are left in; see `oplossen`. */
export type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  example?: unknown;
  default?: unknown;
  [key: string]: unknown;
};

export interface OperatieParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: Schema;
}

export interface Operatie {
  method: HttpMethode;
  /** As documented, relative to the server URL: `/wijken/{id}`. */
  path: string;
  operationId: string;
  parameters: OperatieParameter[];
  /** The request body; JSON when the operation takes it, else its first media type. */
  requestBody?: { contentType: string; required: boolean; schema: Schema };
  /** The security schemes that may authorize it (`['bearer']`); empty when it is public. */
  security: string[];
  /** The operation object itself, for extensions such as `x-permissie`. */
  raw: Record<string, unknown>;
}

export interface OpenApiDocument {
  servers?: { url: string }[];
  security?: Record<string, unknown>[];
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, Schema>; parameters?: Record<string, unknown> };
}

const METHODEN: HttpMethode[] = ['get', 'post', 'put', 'patch', 'delete'];

type RawOperation = {
  operationId?: string;
  parameters?: (OperatieParameter & { $ref?: string })[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
  security?: Record<string, unknown>[];
};

function volg<T>(document: OpenApiDocument, value: T & { $ref?: string }): T {
  let current: unknown = value;
  for (let hops = 0; (current as { $ref?: string })?.$ref && hops < 20; hops++) {
    const pad = (current as { $ref: string }).$ref.replace(/^#\//, '').split('/');
    current = pad.reduce<unknown>(
      (node, key) => (node as Record<string, unknown> | undefined)?.[key],
      document,
    );
  }
  return current as T;
}

/** The schema a `$ref` (or an `allOf` of one) points at, with the field's own keys kept. */
export function oplossen(document: OpenApiDocument, schema: Schema): Schema {
  let current = volg(document, schema);
  if (current.allOf?.length === 1) {
    const { allOf, ...rest } = current;
    current = { ...oplossen(document, allOf[0]), ...rest };
  }
  return current;
}

export function operaties(document: OpenApiDocument): Operatie[] {
  const result: Operatie[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    const gedeeld = ((item.parameters as RawOperation['parameters']) ?? []).map((p) =>
      volg(document, p),
    );
    for (const method of METHODEN) {
      const raw = item[method] as RawOperation | undefined;
      if (!raw) continue;
      const parameters = [...gedeeld, ...(raw.parameters ?? []).map((p) => volg(document, p))].map(
        (p) => ({
          name: p.name,
          in: p.in,
          required: Boolean(p.required) || p.in === 'path',
          schema: p.schema ?? { type: 'string' },
        }),
      );
      const content = raw.requestBody?.content ?? {};
      const contentType =
        'application/json' in content ? 'application/json' : Object.keys(content)[0];
      result.push({
        method,
        path,
        operationId: raw.operationId ?? `${method} ${path}`,
        parameters,
        requestBody: contentType
          ? {
              contentType,
              required: Boolean(raw.requestBody?.required),
              schema: content[contentType].schema ?? {},
            }
          : undefined,
        security: (raw.security ?? document.security ?? []).flatMap((s) => Object.keys(s)),
        raw: raw as Record<string, unknown>,
      });
    }
  }
  return result;
}

/**
 * The URL of an operation with its path parameters filled in (values are percent-encoded
 * unless `rauw`), under the document's server URL (`/api/v1`).
 */
export function vulPad(
  document: OpenApiDocument,
  operatie: Operatie,
  waarden: Record<string, string>,
  rauw = false,
): string {
  const basis = document.servers?.[0]?.url ?? '';
  return (
    basis +
    operatie.path.replace(/\{(\w+)\}/g, (_, naam: string) => {
      const waarde = waarden[naam];
      if (waarde === undefined) throw new Error(`Geen waarde voor {${naam}} in ${operatie.path}`);
      return rauw ? waarde : encodeURIComponent(waarde);
    })
  );
}

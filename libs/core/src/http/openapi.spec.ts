import { OpenAPIObject } from '@nestjs/swagger';
import { completeDocument } from './openapi';

function doc(paths: OpenAPIObject['paths']): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1.0.0' },
    paths,
    components: {},
    tags: [{ name: 'B', description: 'Bee' }],
  };
}

describe('completeDocument', () => {
  const result = completeDocument(
    doc({
      '/dingen': {
        get: { tags: ['A'], responses: { '200': { description: 'ok' } } },
        post: {
          tags: ['B'],
          security: [{ bearer: [] }],
          responses: { '201': { description: 'ok' } },
        },
      },
      '/dingen/{id}': {
        get: {
          tags: ['A'],
          parameters: [{ name: 'id', in: 'path', required: true }],
          responses: { '200': { description: 'ok' } },
        },
      },
    }),
  );
  const responses = (path: string, method: 'get' | 'post') =>
    (
      result.paths[path] as Record<
        string,
        { responses: Record<string, { headers?: object; content?: object }> }
      >
    )[method].responses;

  it('adds API-Version to every response', () => {
    for (const [path, method] of [
      ['/dingen', 'get'],
      ['/dingen', 'post'],
      ['/dingen/{id}', 'get'],
    ] as const) {
      for (const response of Object.values(responses(path, method)))
        expect(response.headers).toHaveProperty('API-Version');
    }
  });

  it('documents 400 for every POST and for input, 401/403 when secured, 404 with a path parameter, problem+json for errors', () => {
    expect(Object.keys(responses('/dingen', 'get')).sort()).toEqual(['200', '500']);
    expect(Object.keys(responses('/dingen', 'post')).sort()).toEqual([
      '201',
      '400',
      '401',
      '403',
      '500',
    ]);
    expect(Object.keys(responses('/dingen/{id}', 'get')).sort()).toEqual([
      '200',
      '400',
      '404',
      '500',
    ]);
    expect(responses('/dingen/{id}', 'get')['404'].content).toEqual({
      'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
    });
    expect(responses('/dingen', 'get')['200'].content).toBeUndefined();
  });

  it('lists every tag used, keeping descriptions', () => {
    expect(result.tags).toEqual([{ name: 'A' }, { name: 'B', description: 'Bee' }]);
  });
});

import { DynamicModule, Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Structured JSON logs (pino), one request id per request: taken from X-Request-Id or made. */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: (request: IncomingMessage, response: ServerResponse) => {
              const header = request.headers['x-request-id'];
              const id =
                typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
              response.setHeader('X-Request-Id', id);
              return id;
            },
            // One short line per request: method, path, status, time and id. The default
            // serializers copy every request and response header into each line (and need
            // redaction for the token); that was a measurable share of a cheap read.
            serializers: {
              req: (request: { id: unknown; method: string; url: string }) => ({
                id: request.id,
                method: request.method,
                url: request.url,
              }),
              res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
            },
            customLogLevel: (_request, response, error) =>
              error || response.statusCode >= 500
                ? 'error'
                : response.statusCode >= 400
                  ? 'warn'
                  : 'info',
            autoLogging: { ignore: (request) => request.url?.startsWith('/health') ?? false },
            base: { service: 'wijkkompas' },
          },
        }),
      ],
    };
  }
}

import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { API_PREFIX, API_VERSION } from '../http/api-version';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { toProblem } from './problem.filter';

/** Node's parser error codes for what it refuses before Express sees a request. */
const STATUS_BY_CODE: Record<string, number> = {
  HPE_HEADER_OVERFLOW: 431,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

/**
 * A request Node's HTTP parser refuses (a URL or headers over 16 KB, a malformed request
 * line) never reaches Express, and Node answers it with an empty body. This answers those as
 * problem+json too, so every error of the API has the same shape.
 */
export function clientFoutenAlsProblem(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = STATUS_BY_CODE[error.code ?? ''] ?? 400;
    const { problem } = toProblem({ status, type: `client.${status}` }, `/${API_PREFIX}`);
    const body = JSON.stringify(problem);
    socket.end(
      [
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
        `Content-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8`,
        `Content-Length: ${Buffer.byteLength(body)}`,
        `API-Version: ${API_VERSION}`,
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  });
}

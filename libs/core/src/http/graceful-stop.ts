import type { Server, ServerResponse } from 'node:http';

/**
 * Graceful stop of the HTTP server, installed when it starts listening. On stop: no new
 * connections; idle keep-alive connections close at once; requests already running finish,
 * and their answer (and any request still arriving on a kept-alive connection) carries
 * `Connection: close`, so clients do not reuse a connection to a process that is going away.
 * After the grace period the remaining connections are cut. Without this, a client that keeps
 * its connection busy (a load balancer, a benchmark) held the old process up until it was
 * killed, and its running requests were reset.
 */
export function stopGracefully(server: Server): (graceMs: number) => Promise<void> {
  let stopping = false;
  const running = new Set<ServerResponse>();
  // Before Express: the header has to be there before any handler answers.
  server.prependListener('request', (_req, res: ServerResponse) => {
    if (stopping) res.setHeader('Connection', 'close');
    running.add(res);
    res.once('close', () => running.delete(res));
  });
  return async (graceMs) => {
    if (stopping) return;
    stopping = true;
    for (const res of running) if (!res.headersSent) res.setHeader('Connection', 'close');
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    // A connection that finished its last request between two checks becomes idle: close it.
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    try {
      await closed;
    } finally {
      clearInterval(idle);
      clearTimeout(cut);
    }
  };
}

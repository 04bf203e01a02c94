import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, Socket } from 'node:net';

/** How long a kept-alive connection must have been quiet before a stopping server closes it. */
const STIL_MS = 250;

interface Verbinding {
  lopend: number;
  stilSinds: number;
}

/**
 * Graceful stop of the HTTP server, installed when it starts listening. On stop: no new
 * connections; requests already running finish, and their answer (and any request still
 * arriving on a kept-alive connection) carries `Connection: close`, after which Node closes
 * that connection; a connection that stays quiet (no request running for STIL_MS) is closed
 * by us. A busy client therefore always gets an answer to what it sent and then finds the
 * port closed, instead of a reset: closing "idle" connections at once would also cut a request
 * that is already on its way. After the grace period the remaining connections are cut.
 */
export function stopGracefully(server: Server): (graceMs: number) => Promise<void> {
  let stopping = false;
  const verbindingen = new Map<Socket, Verbinding>();
  const lopend = new Set<ServerResponse>();
  server.on('connection', (socket: Socket) => {
    verbindingen.set(socket, { lopend: 0, stilSinds: Date.now() });
    socket.once('close', () => verbindingen.delete(socket));
  });
  // Before Express: the header has to be there before any handler answers.
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    if (stopping) res.setHeader('Connection', 'close');
    const verbinding = verbindingen.get(req.socket);
    if (verbinding) verbinding.lopend++;
    lopend.add(res);
    res.once('close', () => {
      lopend.delete(res);
      if (verbinding) {
        verbinding.lopend--;
        verbinding.stilSinds = Date.now();
      }
    });
  });
  return async (graceMs) => {
    if (stopping) return;
    stopping = true;
    for (const res of lopend) if (!res.headersSent) res.setHeader('Connection', 'close');
    // net's close, not http's: since Node 19 http's close also closes every idle connection
    // at once, cutting a request that a client has just sent on it.
    const closed = new Promise<void>((resolve) =>
      NetServer.prototype.close.call(server, () => resolve()),
    );
    const sluitStille = () => {
      const grens = Date.now() - STIL_MS;
      for (const [socket, v] of verbindingen)
        if (v.lopend === 0 && v.stilSinds <= grens) socket.destroy();
    };
    const stil = setInterval(sluitStille, 50);
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    try {
      await closed;
    } finally {
      clearInterval(stil);
      clearTimeout(cut);
    }
  };
}

import { AddressInfo, createConnection, createServer, Server, Socket } from 'node:net';

/**
 * A TCP proxy in the test process, in front of the machine's PostgreSQL or Redis, so a test
 * can take the service "away" and bring it back without touching the shared service itself.
 * `neer()` behaves like a stopped server: every open connection is cut and new ones are
 * refused (the port no longer listens); `op()` listens on the same port again.
 */
export class TcpProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private poort = 0;

  constructor(
    private readonly doelHost: string,
    private readonly doelPoort: number,
  ) {}

  /** A proxy for the host and port of a URL (postgres://, redis://). */
  static voor(url: string): TcpProxy {
    const parsed = new URL(url);
    const standaard = parsed.protocol.startsWith('redis') ? 6379 : 5432;
    return new TcpProxy(parsed.hostname, parsed.port ? Number(parsed.port) : standaard);
  }

  get port(): number {
    return this.poort;
  }

  /** `url` with its host and port replaced by this proxy's. */
  via(url: string): string {
    const parsed = new URL(url);
    parsed.hostname = '127.0.0.1';
    parsed.port = String(this.poort);
    return parsed.toString();
  }

  async op(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => {
      const doel = createConnection({ host: this.doelHost, port: this.doelPoort });
      for (const socket of [client, doel]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(doel).pipe(client);
      client.on('close', () => doel.destroy());
      doel.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.poort, '127.0.0.1', () => resolve());
    });
    this.poort = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async neer(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    const gesloten = server
      ? new Promise<void>((resolve) => server.close(() => resolve()))
      : Promise.resolve();
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await gesloten;
  }
}

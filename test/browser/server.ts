import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request as a server saw it. */
export interface SeenRequest {
  method: string;
  url: string;
  host: string;
  origin?: string;
}

function seen(request: IncomingMessage): SeenRequest {
  return { method: request.method ?? '', url: request.url ?? '', host: request.headers.host ?? '', origin: request.headers.origin };
}

/** Serves the fixture pages on 127.0.0.1 (and, for the same port, localhost) and logs every request. */
export class FixtureServer {
  readonly requests: SeenRequest[] = [];
  private server: Server | null = null;
  port = 0;

  constructor(private readonly files: Record<string, { type: string; body: string }>) {}

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      this.requests.push(seen(request));
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      const file = this.files[path];
      if (!file) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      response.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  url(path: string, host = '127.0.0.1'): string {
    return `http://${host}:${this.port}${path}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/**
 * The browser's proxy for everything that is not loopback. Nothing should ever reach it:
 * it records what does (plain requests and CONNECT tunnels) and refuses it, so any request
 * by the extension, from any of its contexts (service worker, offscreen document, worker),
 * shows up here.
 */
export class RecordingProxy {
  readonly requests: SeenRequest[] = [];
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      this.requests.push(seen(request));
      response.writeHead(403).end();
    });
    this.server.on('connect', (request: IncomingMessage, socket: Socket) => {
      this.requests.push(seen(request));
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    });
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

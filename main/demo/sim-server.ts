import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A small HTTP server for the platform simulators, with faults that can be
 * switched on and off while the engine runs. Platform-specific behaviour (auth,
 * paging, error bodies) lives in each simulator's handler; faults that every
 * server can suffer (refused connections, hangs, HTML 502s) live here.
 */

export interface SimRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string;
}

export interface SimResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Objects are sent as JSON; strings as they are. */
  readonly body: unknown;
}

export type SimHandler = (request: SimRequest) => SimResponse;

/** A handler that may answer later (the Zoom simulator verifies JWTs with jose, whose checks are async). */
export type AsyncSimHandler = (request: SimRequest) => SimResponse | Promise<SimResponse>;

export type Fault =
  | { readonly type: 'refuse' }
  | { readonly type: 'hang' }
  | { readonly type: 'slow'; readonly delayMs: number }
  | { readonly type: 'html-error'; readonly status: 500 | 502 | 503 }
  | { readonly type: 'not-json' }
  | { readonly type: 'truncated' }
  | { readonly type: 'status'; readonly status: number; readonly headers?: Record<string, string>; readonly body: unknown };

export interface SimServer {
  readonly url: string;
  /** Requests answered or refused-by-fault since start, by path. */
  readonly counts: ReadonlyMap<string, number>;
  totalRequests(): number;
  setFault(fault: Fault | null): Promise<void>;
  close(): Promise<void>;
}

export async function startSimServer(handler: SimHandler | AsyncSimHandler, port = 0): Promise<SimServer> {
  let fault: Fault | null = null;
  const counts = new Map<string, number>();
  const sockets = new Set<Socket>();
  const hung = new Set<ServerResponse>();
  let server = makeServer();
  let boundPort = await listen(server, port);

  function makeServer(): Server {
    const created = createServer((req, res) => void serve(req, res));
    created.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    return created;
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://sim');
    counts.set(url.pathname, (counts.get(url.pathname) ?? 0) + 1);
    const active = fault;
    if (active?.type === 'hang') {
      hung.add(res);
      res.on('close', () => hung.delete(res));
      return;
    }
    if (active?.type === 'slow') await new Promise((resolve) => setTimeout(resolve, active.delayMs));
    if (active?.type === 'html-error') {
      return send(res, { status: active.status, headers: { 'content-type': 'text/html' }, body: htmlError(active.status) });
    }
    if (active?.type === 'status') return send(res, active);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
    let answer: SimResponse;
    try {
      answer = await handler({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers, body });
    } catch (cause) {
      answer = { status: 500, body: { message: `simulator error: ${String(cause)}` } };
    }
    if (active?.type === 'not-json') return send(res, { status: 200, headers: { 'content-type': 'text/plain' }, body: 'upstream maintenance' });
    if (active?.type === 'truncated') {
      const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      return send(res, { ...answer, body: text.slice(0, Math.max(1, Math.floor(text.length / 2))) });
    }
    send(res, answer);
  }

  return {
    get url() {
      return `http://127.0.0.1:${boundPort}`;
    },
    counts,
    totalRequests: () => [...counts.values()].reduce((sum, n) => sum + n, 0),
    async setFault(next) {
      const wasRefusing = fault?.type === 'refuse';
      fault = next;
      if (next?.type !== 'hang') for (const res of hung) res.destroy();
      if (next?.type === 'refuse' && !wasRefusing) {
        // Stop listening, so connections are truly refused (ECONNREFUSED), not reset.
        await closeServer(server, sockets);
      } else if (wasRefusing && next?.type !== 'refuse') {
        server = makeServer();
        boundPort = await listen(server, boundPort);
      }
    },
    async close() {
      for (const res of hung) res.destroy();
      if (fault?.type !== 'refuse') await closeServer(server, sockets);
    },
  };
}

function send(res: ServerResponse, answer: SimResponse): void {
  if (res.destroyed) return;
  const isText = typeof answer.body === 'string';
  const text = isText ? (answer.body as string) : JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json',
    ...answer.headers,
  });
  res.end(text);
}

function htmlError(status: number): string {
  const title = status === 502 ? '502 Bad Gateway' : status === 503 ? '503 Service Unavailable' : '500 Internal Server Error';
  return `<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { answerUnderFault, bodyText, type Fault } from './sim-faults';

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

export type { Fault } from './sim-faults';

export interface SimServer {
  readonly url: string;
  /** Requests answered or refused-by-fault since start, by path. */
  readonly counts: ReadonlyMap<string, number>;
  totalRequests(): number;
  /**
   * Requests read and held back by a fault (hung, or waiting out a slow
   * delay). A test on a fake clock compares this with its requests in flight
   * to know that only fake time can move things on.
   */
  parked(): number;
  setFault(fault: Fault | null): Promise<void>;
  close(): Promise<void>;
}

export async function startSimServer(handler: SimHandler | AsyncSimHandler, port = 0): Promise<SimServer> {
  let fault: Fault | null = null;
  const counts = new Map<string, number>();
  const sockets = new Set<Socket>();
  const hung = new Set<ServerResponse>();
  let waiting = 0;
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
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]),
    );
    const request = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers, body };
    const outcome = await answerUnderFault(fault, request, handler, { wait: (ms) => parkFor(ms) });
    if (outcome.kind === 'hang') {
      hung.add(res);
      res.on('close', () => hung.delete(res));
      return;
    }
    send(res, outcome.response);
  }

  async function parkFor(ms: number): Promise<void> {
    waiting += 1;
    try {
      await new Promise((resolve) => setTimeout(resolve, ms));
    } finally {
      waiting -= 1;
    }
  }

  return {
    get url() {
      return `http://127.0.0.1:${boundPort}`;
    },
    counts,
    totalRequests: () => [...counts.values()].reduce((sum, n) => sum + n, 0),
    parked: () => hung.size + waiting,
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
  const text = bodyText(answer);
  res.writeHead(answer.status, {
    'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json',
    ...answer.headers,
  });
  res.end(text);
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

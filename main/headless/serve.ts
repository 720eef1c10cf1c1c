import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { isIP, type AddressInfo, type Socket } from 'node:net';
import { err, ok, type Result } from '@shared/result';
import type { Handlers } from '../api/dispatch';
import type { StateHub } from '../engine/types';
import { handleMetrics, type MetricsRoute } from '../metrics/metrics-route';
import { bearerToken, type AccessGate } from './access-gate';
import { log } from './log';
import { openSite, securityHeaders, serveStatic } from './static-files';
import { attachBridge, type BridgeOptions } from './ws-bridge';

/** The default address: loopback, reachable from this machine only. */
export const LOOPBACK = '127.0.0.1';

/** Where a team collector listens (see args.ts for the rules on when tokens and TLS are needed). */
export interface ListenOptions {
  readonly host: string;
  readonly tls?: { readonly cert: Buffer; readonly key: Buffer };
  /** The name people type to reach the collector (behind DNS or a proxy), accepted as Host and Origin. */
  readonly publicUrl?: URL;
}

export interface ServeOptions {
  readonly port: number;
  /** The built renderer, normally out/renderer. */
  readonly rendererRoot: string;
  readonly handlers: Handlers;
  readonly hub: StateHub;
  readonly alerts?: BridgeOptions['alerts'];
  readonly collector?: BridgeOptions['collector'];
  /** GET /metrics for Prometheus, behind the token hook. */
  readonly metrics?: MetricsRoute;
  /** Absent: loopback on 127.0.0.1, plain HTTP. */
  readonly listen?: ListenOptions;
  /** Present: every data request (WebSocket, /metrics) needs a token. */
  readonly gate?: AccessGate;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function startServer(options: ServeOptions): Promise<Result<RunningServer, string>> {
  const site = await openSite(options.rendererRoot);
  if (!site.ok) return site;

  let port = options.port;
  const host = options.listen?.host ?? LOOPBACK;
  const scheme = options.listen?.tls ? 'https' : 'http';
  // Both names of loopback, the address we listen on and the public name reach us; anything else in Host
  // is DNS rebinding or a stray proxy, and is refused. A wildcard address has no name of its own.
  const ownHosts = () => {
    const names = [`${LOOPBACK}:${port}`, `localhost:${port}`];
    if (!isWildcard(host)) names.push(`${isIP(host) === 6 ? `[${host}]` : host}:${port}`);
    return names;
  };
  const publicUrl = options.listen?.publicUrl;
  const isOwnHost = (value: string | undefined) =>
    value !== undefined && (ownHosts().includes(value) || (publicUrl !== undefined && value === publicUrl.host));
  const isOwnOrigin = (origin: string | undefined) =>
    origin !== undefined &&
    (ownHosts().some((name) => origin === `${scheme}://${name}`) ||
      (publicUrl !== undefined && origin === publicUrl.origin));

  const sockets = new Set<Socket>();
  const onRequest: Parameters<typeof createServer>[1] = (req, res) => {
    if (!isOwnHost(req.headers.host)) {
      res.writeHead(421, { ...securityHeaders(site.value.csp), 'content-type': 'text/plain; charset=utf-8' });
      res.end(`This server answers only to ${ownHosts().join(', ')}${publicUrl ? ` and ${publicUrl.host}` : ''}.`);
      return;
    }
    const path = (req.url ?? '').split('?')[0];
    // The page and its scripts are the public app with no data in them (a browser cannot attach a header
    // to a page load anyway); everything that carries data shows a token.
    if (options.gate && path === '/metrics') {
      const decision = options.gate.check(
        req.socket.remoteAddress ?? 'unknown',
        bearerToken(req.headers.authorization),
      );
      if (!decision.ok) {
        res.writeHead(decision.status, {
          'content-type': 'text/plain; charset=utf-8',
          'www-authenticate': 'Bearer',
          ...(decision.retryAfterMs ? { 'retry-after': String(Math.ceil(decision.retryAfterMs / 1000)) } : {}),
        });
        res.end(decision.message);
        return;
      }
    }
    if (options.metrics && handleMetrics(options.metrics, req, res)) return;
    serveStatic(site.value, req, res).catch((cause: unknown) => {
      log(`could not serve ${req.url ?? ''}: ${cause instanceof Error ? cause.message : String(cause)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal error');
    });
  };
  const tls = options.listen?.tls;
  const server: Server = tls ? createTlsServer({ cert: tls.cert, key: tls.key }, onRequest) : createServer(onRequest);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const bridge = attachBridge(server, {
    handlers: options.handlers,
    hub: options.hub,
    alerts: options.alerts,
    ...(options.collector ? { collector: options.collector } : {}),
    gate: options.gate,
    isOwnHost,
    isOwnOrigin,
  });

  const listening = await new Promise<Result<number, string>>((resolve) => {
    server.once('error', (cause: NodeJS.ErrnoException) => {
      const why =
        cause.code === 'EADDRINUSE'
          ? 'is already in use'
          : cause.code === 'EACCES'
            ? 'needs privileges'
            : `failed (${cause.code ?? cause.message})`;
      resolve(err(`Port ${options.port} on ${host} ${why}; choose another with --serve <port> (0 picks a free one).`));
    });
    server.listen(options.port, host, () => resolve(ok((server.address() as AddressInfo).port)));
  });
  if (!listening.ok) {
    await bridge.close();
    return listening;
  }
  port = listening.value;

  return ok({
    url: `${scheme}://${isWildcard(host) ? LOOPBACK : isIP(host) === 6 ? `[${host}]` : host}:${port}/`,
    port,
    async close() {
      await bridge.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections would hold close() open; the page reconnects to a new server anyway.
        for (const socket of sockets) socket.destroy();
      });
    },
  });
}

function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::';
}

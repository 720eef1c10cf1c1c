import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { err, ok, type Result } from '@shared/result';
import type { Handlers } from '../api/dispatch';
import type { StateHub } from '../engine/types';
import { log } from './log';
import { openSite, securityHeaders, serveStatic } from './static-files';
import { attachBridge, type BridgeOptions } from './ws-bridge';

/** Loopback only, by design: there is no option to listen elsewhere (see args.ts). */
export const LOOPBACK = '127.0.0.1';

export interface ServeOptions {
  readonly port: number;
  /** The built renderer, normally out/renderer. */
  readonly rendererRoot: string;
  readonly handlers: Handlers;
  readonly hub: StateHub;
  readonly alerts?: BridgeOptions['alerts'];
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
  // Both names of loopback reach us; anything else in Host is DNS rebinding or a proxy, and is refused.
  const isOwnHost = (host: string | undefined) => host === `${LOOPBACK}:${port}` || host === `localhost:${port}`;
  const isOwnOrigin = (origin: string | undefined) =>
    origin === `http://${LOOPBACK}:${port}` || origin === `http://localhost:${port}`;

  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    if (!isOwnHost(req.headers.host)) {
      res.writeHead(421, { ...securityHeaders(site.value.csp), 'content-type': 'text/plain; charset=utf-8' });
      res.end('This server answers only to 127.0.0.1 and localhost.');
      return;
    }
    serveStatic(site.value, req, res).catch((cause: unknown) => {
      log(`could not serve ${req.url ?? ''}: ${cause instanceof Error ? cause.message : String(cause)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal error');
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const bridge = attachBridge(server, {
    handlers: options.handlers,
    hub: options.hub,
    alerts: options.alerts,
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
      resolve(
        err(`Port ${options.port} on ${LOOPBACK} ${why}; choose another with --serve <port> (0 picks a free one).`),
      );
    });
    server.listen(options.port, LOOPBACK, () => resolve(ok((server.address() as AddressInfo).port)));
  });
  if (!listening.ok) {
    await bridge.close();
    return listening;
  }
  port = listening.value;

  return ok({
    url: `http://${LOOPBACK}:${port}/`,
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

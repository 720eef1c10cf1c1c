import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { WS_PATH, WsClientMessageSchema, type WsServerMessage } from '@shared/ipc/ws-protocol';
import { dispatch, type Handlers } from '../api/dispatch';
import type { StateHub } from '../engine/types';
import type { AlertsView } from '@shared/model/alerts';
import { formatPath } from '../providers/http';
import { log } from './log';

/**
 * The WebSocket side of headless --serve: the same request channels and
 * pushes as Electron IPC, so the unchanged renderer runs in a browser. The
 * Origin check is the sender check of this transport: any web page the
 * user opens could try ws://127.0.0.1:<port>, and only our own page may talk.
 */

/** Requests are small (the largest is sources:save with a few secrets). */
export const MAX_MESSAGE_BYTES = 64 * 1024;
/** A client that stops reading gets disconnected rather than growing our memory; it resyncs on reconnect. */
export const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
const MAX_IN_FLIGHT = 32;

export interface BridgeOptions {
  readonly handlers: Handlers;
  readonly hub: StateHub;
  /** Incident changes, pushed as `alerts:changed`. */
  readonly alerts?: { onChange(listener: (view: AlertsView) => void): () => void };
  /** The origins (and Host values) this server answers to, known once it listens. */
  readonly isOwnOrigin: (origin: string | undefined) => boolean;
  readonly isOwnHost: (host: string | undefined) => boolean;
}

export interface Bridge {
  close(): Promise<void>;
}

export function attachBridge(server: Server, options: BridgeOptions): Bridge {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== WS_PATH) return refuse(socket, 404, 'Not Found');
    if (!options.isOwnHost(req.headers.host) || !options.isOwnOrigin(req.headers.origin)) {
      log(`refused a WebSocket from origin ${JSON.stringify(req.headers.origin ?? '(none)')}`);
      return refuse(socket, 403, 'Forbidden');
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
    let inFlight = 0;
    const send = (message: WsServerMessage) => {
      if (ws.readyState !== ws.OPEN) return;
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
        ws.close(1013, 'client too slow');
        return;
      }
      ws.send(JSON.stringify(message));
    };
    const unsubscribePatches = options.hub.subscribe((patch) =>
      send({ type: 'push', channel: 'state:patch', payload: patch }),
    );
    const unsubscribeAlerts = options.alerts?.onChange((view) =>
      send({ type: 'push', channel: 'alerts:changed', payload: view }),
    );
    ws.on('close', () => {
      unsubscribePatches();
      unsubscribeAlerts?.();
    });
    ws.on('error', (cause) => log(`WebSocket error: ${cause.message}`));
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) return ws.close(1003, 'text messages only');
      const request = parseRequest(data.toString());
      if (request.kind === 'unreadable') return ws.close(1007, request.reason);
      if (request.kind === 'invalid') {
        return send({
          type: 'response',
          id: request.id,
          result: { ok: false, error: { code: 'bad-message', message: request.reason } },
        });
      }
      if (inFlight >= MAX_IN_FLIGHT) {
        const message = 'Too many requests at once; wait for answers before sending more.';
        return send({ type: 'response', id: request.id, result: { ok: false, error: { code: 'busy', message } } });
      }
      inFlight++;
      void dispatch(options.handlers, request.channel, request.args).then((result) => {
        inFlight--;
        send({ type: 'response', id: request.id, result });
      });
    });
  });

  return {
    close: () =>
      new Promise((resolve) => {
        for (const client of wss.clients) client.close(1001, 'server shutting down');
        wss.close(() => resolve());
      }),
  };
}

type Parsed =
  | { kind: 'request'; id: number; channel: string; args: unknown }
  | { kind: 'invalid'; id: number; reason: string }
  | { kind: 'unreadable'; reason: string };

/** A message we cannot answer (no JSON, no id) closes the socket; one with an id gets an error answer. */
function parseRequest(text: string): Parsed {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { kind: 'unreadable', reason: 'message is not JSON' };
  }
  const parsed = WsClientMessageSchema.safeParse(raw);
  if (parsed.success)
    return { kind: 'request', id: parsed.data.id, channel: parsed.data.channel, args: parsed.data.args };
  const id = (raw as { id?: unknown } | null)?.id;
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 0)
    return { kind: 'unreadable', reason: 'message has no request id' };
  const issue = parsed.error.issues[0];
  return {
    kind: 'invalid',
    id,
    reason: `Malformed request: field ${issue ? formatPath(issue.path) : '(message)'} — ${issue?.message ?? 'invalid'}.`,
  };
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import {
  AUTH_CLOSE_CODE,
  WS_PATH,
  WsAuthMessageSchema,
  WsClientMessageSchema,
  type WsServerMessage,
} from '@shared/ipc/ws-protocol';
import { dispatch, type Handlers } from '../api/dispatch';
import type { StateHub } from '../engine/types';
import type { Patch } from '@shared/model/state';
import type { AlertsView } from '@shared/model/alerts';
import type { CollectorStatus } from '@shared/model/collector-status';
import { firstIssue } from '@shared/zod-issue';
import type { AccessGate } from './access-gate';
import { FORBIDDEN_MESSAGE, mayCall } from './channel-access';
import { log } from './log';
import type { Role } from './tokens-file';

/**
 * The WebSocket side of headless --serve: the same request channels and
 * pushes as Electron IPC, so the unchanged renderer runs in a browser. The
 * Origin check is the sender check of this transport: any web page the
 * user opens could try to connect, and only our own page may talk. On a team
 * collector (a gate is given) the first message must also show a token, and
 * its role decides which channels answer (see channel-access.ts).
 */

/** Requests are small (the largest is sources:save with a few secrets). */
export const MAX_MESSAGE_BYTES = 64 * 1024;
/** A client that stops reading gets disconnected rather than growing our memory; it resyncs on reconnect. */
export const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
const MAX_IN_FLIGHT = 32;
/** Patches kept for clients that reconnect and resume (a few minutes of a busy collector). */
export const PATCH_LOG_SIZE = 500;
/** A socket that has not shown its token by then is closed, so idle unauthenticated sockets cannot pile up. */
export const AUTH_TIMEOUT_MS = 10_000;

export interface BridgeOptions {
  readonly handlers: Handlers;
  readonly hub: StateHub;
  /** Incident changes, pushed as `alerts:changed`. */
  readonly alerts?: { onChange(listener: (view: AlertsView) => void): () => void };
  /** A shell that can follow a team collector: its link, pushed as `collector:status` (now and on change). */
  readonly collector?: {
    status(): CollectorStatus | null;
    onStatus(listener: (status: CollectorStatus | null) => void): () => void;
  };
  /** The origins (and Host values) this server answers to, known once it listens. */
  readonly isOwnOrigin: (origin: string | undefined) => boolean;
  readonly isOwnHost: (host: string | undefined) => boolean;
  /** Present on a team collector: the first message must be `{type:"auth", token}`. */
  readonly gate?: AccessGate;
}

export interface Bridge {
  close(): Promise<void>;
}

export function attachBridge(server: Server, options: BridgeOptions): Bridge {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  // Pushes are serialised once, here, and the same text goes to every client: a collector with
  // fifty desks does one JSON.stringify per patch, not fifty.
  const pushTo = new Set<(text: string) => void>();
  const recent = patchLog(options.hub, (text) => {
    for (const push of pushTo) push(text);
  });
  const stopAlerts = options.alerts?.onChange((view) => {
    const text = pushText('alerts:changed', view);
    for (const push of pushTo) push(text);
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== WS_PATH) return refuse(socket, 404, 'Not Found');
    if (options.gate && /[?&](token|access_token)=/i.test(req.url ?? '')) {
      // Refused outright, so a client that puts the token where proxies log it learns at once.
      log(
        `refused a WebSocket from ${req.socket.remoteAddress ?? 'unknown'}: token in the URL (send it in the first message)`,
      );
      return refuse(socket, 400, 'Bad Request');
    }
    if (!options.isOwnHost(req.headers.host) || !options.isOwnOrigin(req.headers.origin)) {
      log(`refused a WebSocket from origin ${JSON.stringify(req.headers.origin ?? '(none)')}`);
      return refuse(socket, 403, 'Forbidden');
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
    let inFlight = 0;
    const sendText = (text: string) => {
      if (ws.readyState !== ws.OPEN) return;
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
        ws.close(1013, 'client too slow');
        return;
      }
      ws.send(text);
    };
    const send = (message: WsServerMessage) => sendText(JSON.stringify(message));
    const unsubscribers: (() => void)[] = [];
    /** Pushes start only once the caller is known: before that, a socket sees nothing. */
    const subscribe = (since?: number) => {
      // Replay and subscribe in one tick: no patch can fall between them.
      const replay = since === undefined ? null : recent.after(since);
      if (since !== undefined) send({ type: 'auth', role: role!, resumed: replay !== null });
      for (const text of replay ?? []) sendText(text);
      pushTo.add(sendText);
      if (options.collector) {
        send({ type: 'push', channel: 'collector:status', payload: options.collector.status() });
        unsubscribers.push(
          options.collector.onStatus((status) => send({ type: 'push', channel: 'collector:status', payload: status })),
        );
      }
    };
    // Loopback without a gate: the person at this machine, as before.
    let role: Role | null = options.gate ? null : 'admin';
    const authTimer = options.gate
      ? setTimeout(() => role === null && ws.close(AUTH_CLOSE_CODE, 'no token shown'), AUTH_TIMEOUT_MS)
      : undefined;
    if (role !== null) subscribe();
    ws.on('close', () => {
      clearTimeout(authTimer);
      pushTo.delete(sendText);
      for (const unsubscribe of unsubscribers) unsubscribe();
    });
    ws.on('error', (cause) => log(`WebSocket error: ${cause.message}`));
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) return ws.close(1003, 'text messages only');
      if (role === null) {
        const shown = parseAuth(data.toString());
        const decision = options.gate!.check(req.socket.remoteAddress ?? 'unknown', shown?.token);
        if (!decision.ok)
          return ws.close(AUTH_CLOSE_CODE, decision.status === 429 ? 'too many failures' : 'token refused');
        clearTimeout(authTimer);
        role = decision.role;
        if (shown?.since === undefined) send({ type: 'auth', role });
        subscribe(shown?.since);
        return;
      }
      // A page that holds a token sends it even to a server that asks none (loopback): acknowledge it.
      // (Its patches already flow, so a resume is not offered here: the client fetches a snapshot.)
      const shown = parseAuth(data.toString());
      if (shown !== undefined)
        return send({ type: 'auth', role, ...(shown.since !== undefined ? { resumed: false } : {}) });
      const request = parseRequest(data.toString());
      if (request.kind === 'unreadable') return ws.close(1007, request.reason);
      if (request.kind === 'invalid') {
        return send({
          type: 'response',
          id: request.id,
          result: { ok: false, error: { code: 'bad-message', message: request.reason } },
        });
      }
      if (!mayCall(role, request.channel)) {
        return send({
          type: 'response',
          id: request.id,
          result: { ok: false, error: { code: 'forbidden', message: FORBIDDEN_MESSAGE } },
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
        recent.stop();
        stopAlerts?.();
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
  const issue = firstIssue(parsed.error, '(message)');
  return { kind: 'invalid', id, reason: `Malformed request: field ${issue.path} — ${issue.message}.` };
}

/** An auth message; anything else shows no token. */
function parseAuth(text: string): { token: string; since?: number } | undefined {
  try {
    const parsed = WsAuthMessageSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** A push as the text every client receives. */
function pushText(channel: 'state:patch' | 'alerts:changed', payload: Patch | AlertsView): string {
  return JSON.stringify({ type: 'push', channel, payload } satisfies WsServerMessage);
}

/**
 * Serialises each patch of the hub once and hands the text on; keeps the last
 * PATCH_LOG_SIZE of them, so a client that held seq n gets n+1… instead of a
 * full snapshot.
 */
function patchLog(
  hub: StateHub,
  onPatch: (text: string) => void,
): { after(seq: number): string[] | null; stop(): void } {
  const patches: { seq: number; text: string }[] = [];
  const stop = hub.subscribe((patch) => {
    const text = pushText('state:patch', patch);
    patches.push({ seq: patch.seq, text });
    if (patches.length > PATCH_LOG_SIZE) patches.shift();
    onPatch(text);
  });
  return {
    after(seq) {
      const latest = patches.at(-1)?.seq ?? hub.snapshot().seq;
      if (seq === latest) return [];
      const first = patches[0];
      if (!first || seq < first.seq - 1 || seq > latest) return null;
      return patches.filter((patch) => patch.seq > seq).map((patch) => patch.text);
    },
    stop,
  };
}

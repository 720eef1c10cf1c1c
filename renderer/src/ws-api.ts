import type { StreamwatchApi } from '@shared/ipc/api';
import type { RequestChannel } from '@shared/ipc/contract';
import type { WsClientMessage, WsServerMessage } from '@shared/ipc/ws-protocol';
import type { AppError, Result } from '@shared/result';
import { TOKEN_REFUSED_CODE, type TokenSource } from './collector-token';
import type { Connection, ConnectionState } from './connection';

/**
 * `window.api` over the headless bridge (`--serve`), so the real renderer runs
 * in a plain browser. Same contract as the Electron preload: one method per
 * request channel, one `on…` per push channel, errors as values.
 *
 * The socket is the server that served this very page (loopback, or a team
 * collector): its messages are trusted like IPC from main, only checked for
 * shape. On a collector the first message shows the token; a token never goes
 * in the URL.
 */
const REQUEST_TIMEOUT_MS = 30_000;
const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 10_000;

interface Pending {
  resolve(result: Result<unknown, AppError>): void;
  timer: ReturnType<typeof setTimeout>;
}

export function createWsApi(url: string, tokens?: TokenSource): { api: StreamwatchApi; connection: Connection } {
  let socket: WebSocket | null = null;
  let state: ConnectionState = 'connecting';
  let attempts = 0;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  /** Requests made while the socket is down are sent once it is up again. */
  const outbox: WsClientMessage[] = [];
  const pushListeners = new Map<string, Set<(payload: never) => void>>();
  const stateListeners = new Set<() => void>();

  function setState(next: ConnectionState): void {
    if (next === state) return;
    state = next;
    for (const listener of stateListeners) listener();
  }

  function connect(): void {
    setState('connecting');
    const ws = new WebSocket(url);
    socket = ws;
    ws.addEventListener('open', () => {
      attempts = 0;
      const token = tokens?.current();
      // Sent before any request: the server reads the first message as the token.
      if (token) ws.send(JSON.stringify({ type: 'auth', token }));
      setState('open');
      for (const message of outbox.splice(0)) ws.send(JSON.stringify(message));
    });
    ws.addEventListener('message', (event) => onMessage(event.data));
    ws.addEventListener('close', (event) => {
      if (socket !== ws) return;
      socket = null;
      // Answers to requests sent on this socket will never come.
      for (const id of [...pending.keys()]) {
        if (outbox.some((m) => m.id === id)) continue;
        settle(id, { ok: false, error: { code: 'disconnected', message: 'The connection to Streamwatch was lost.' } });
      }
      setState('closed');
      // A refused token is not a network blip: ask for another, and stop if the person declines.
      if (event.code === TOKEN_REFUSED_CODE && tokens && tokens.refused() === null) return;
      const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * 2 ** attempts++) * (0.75 + Math.random() * 0.5);
      setTimeout(connect, delay);
    });
  }

  function onMessage(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: WsServerMessage;
    try {
      message = JSON.parse(data) as WsServerMessage;
    } catch {
      return;
    }
    if (message?.type === 'response' && typeof message.id === 'number') {
      settle(message.id, message.result);
    } else if (message?.type === 'push' && typeof message.channel === 'string') {
      for (const listener of pushListeners.get(message.channel) ?? []) listener(message.payload as never);
    }
  }

  function settle(id: number, result: Result<unknown, AppError>): void {
    const entry = pending.get(id);
    if (!entry) return;
    pending.delete(id);
    clearTimeout(entry.timer);
    entry.resolve(result);
  }

  function send(channel: RequestChannel, args: unknown): Promise<Result<unknown, AppError>> {
    const id = nextId++;
    const message: WsClientMessage = { type: 'request', id, channel, args };
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const queued = outbox.findIndex((m) => m.id === id);
        if (queued >= 0) outbox.splice(queued, 1);
        settle(id, {
          ok: false,
          error: { code: 'timeout', message: `Streamwatch did not answer ${channel} in time.` },
        });
      }, REQUEST_TIMEOUT_MS);
      pending.set(id, { resolve, timer });
      if (socket && state === 'open') socket.send(JSON.stringify(message));
      else outbox.push(message);
    });
  }

  // Proxies rather than a list of channels: importing the contract's values would pull zod into the
  // page, and zod probes `new Function` at start-up, which the CSP (rightly) reports. Main rejects
  // any channel it does not know, so nothing is lost by not listing them here.
  const request = new Proxy({} as StreamwatchApi['request'], {
    get: (_target, channel) => (args: unknown) => send(String(channel) as RequestChannel, args),
  });

  const on = new Proxy({} as StreamwatchApi['on'], {
    get: (_target, channel) => (listener: (payload: never) => void) => {
      const name = String(channel);
      const set = pushListeners.get(name) ?? new Set();
      pushListeners.set(name, set);
      set.add(listener);
      return () => void set.delete(listener);
    },
  });

  connect();
  return {
    api: { request, on },
    connection: {
      get: () => state,
      subscribe(listener) {
        stateListeners.add(listener);
        return () => void stateListeners.delete(listener);
      },
    },
  };
}

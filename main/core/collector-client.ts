import WebSocket from 'ws';
import { requests, type RequestChannel } from '@shared/ipc/contract';
import { requestChannels } from '@shared/ipc/channels';
import { WS_PATH, WsServerMessageSchema } from '@shared/ipc/ws-protocol';
import type { CollectorStatus } from '@shared/model/collector-status';
import { AlertsViewSchema, type AlertsView } from '@shared/model/alerts';
import { applyPatches } from '@shared/model/apply-patch';
import { PatchSchema, type Patch, type Snapshot } from '@shared/model/state';
import { err, ok, type AppError, type Result } from '@shared/result';
import type { Handlers } from '../api/dispatch';
import type { Clock, StateHub, TimerHandle } from '../engine/types';

/**
 * Headless client mode (`--collector <url> --token-file <file>`): this
 * process polls nothing. It holds a mirror of the collector's state, kept
 * current by its patches, and answers every request channel by asking the
 * collector, so the page it serves shows the collector's data through the
 * same contract. After a drop it reconnects with backoff and asks the
 * collector to resume after the last patch it holds; only when the
 * collector can no longer replay does it fetch a full snapshot.
 */
export const RECONNECT_MIN_MS = 500;
export const RECONNECT_MAX_MS = 30_000;
const REQUEST_TIMEOUT_MS = 30_000;

export type LinkState = 'connecting' | 'open' | 'closed';

/** What a banner or the tray says about the link: since when it is down, and when the next try is. */
export type LinkStatus = CollectorStatus;

export interface CollectorLink {
  readonly hub: StateHub;
  readonly handlers: Handlers;
  readonly alerts: {
    /** The collector's incidents as last sent; null until the link has opened once. */
    view(): AlertsView | null;
    onChange(listener: (view: AlertsView) => void): () => void;
  };
  state(): LinkState;
  status(): LinkStatus;
  /** Called on every change of status (open, dropped, retry scheduled). */
  onStatus(listener: (status: LinkStatus) => void): () => void;
  /** How the last connection started: resumed after our seq, or from a fresh snapshot. */
  lastSync(): 'resumed' | 'snapshot' | null;
  close(): Promise<void>;
}

export interface LinkDeps {
  readonly url: URL;
  readonly token: string;
  readonly clock: Clock;
  readonly log: (message: string) => void;
  /** For a collector with a certificate of its own CA. */
  readonly ca?: Buffer;
}

export function connectCollector(deps: LinkDeps): CollectorLink {
  const wsUrl = new URL(WS_PATH, deps.url);
  wsUrl.protocol = deps.url.protocol === 'https:' ? 'wss:' : 'ws:';
  const unreachable: AppError = {
    code: 'unavailable',
    message: `The collector at ${deps.url.origin} is unreachable; reconnecting.`,
  };

  let snapshot: Snapshot | null = null;
  let awaitingSnapshot = true;
  let buffered: Patch[] = [];
  let socket: WebSocket | null = null;
  let state: LinkState = 'connecting';
  let sync: 'resumed' | 'snapshot' | null = null;
  let attempts = 0;
  let closed = false;
  let retryTimer: TimerHandle | null = null;
  let unreachableSince: number | null = null;
  let nextRetryAt: number | null = null;
  const statusListeners = new Set<(status: LinkStatus) => void>();
  const status = (): LinkStatus => ({ state, unreachableSince, nextRetryAt });
  const announce = () => {
    const now = status();
    for (const listener of statusListeners) listener(now);
  };
  let nextId = 1;
  const pending = new Map<
    number,
    { channel: RequestChannel; resolve(r: Result<unknown, AppError>): void; timer: TimerHandle }
  >();
  const patchListeners = new Set<(patch: Patch) => void>();
  const alertListeners = new Set<(view: AlertsView) => void>();
  let alertsView: AlertsView | null = null;
  const showAlerts = (view: AlertsView) => {
    alertsView = view;
    for (const listener of alertListeners) listener(view);
  };

  function settle(id: number, result: Result<unknown, AppError>): void {
    const entry = pending.get(id);
    if (!entry) return;
    pending.delete(id);
    deps.clock.clearTimeout(entry.timer);
    entry.resolve(result);
  }

  function call(channel: RequestChannel, args: unknown): Promise<Result<unknown, AppError>> {
    const ws = socket;
    if (!ws || state !== 'open') return Promise.resolve(err(unreachable));
    const id = nextId++;
    return new Promise((resolve) => {
      const timer = deps.clock.setTimeout(
        () => settle(id, err({ code: 'timeout', message: `The collector did not answer ${channel} in time.` })),
        REQUEST_TIMEOUT_MS,
      );
      pending.set(id, { channel, resolve, timer });
      ws.send(JSON.stringify({ type: 'request', id, channel, args }));
    });
  }

  /** Applies patches in seq order; a gap means one was lost, so the mirror is rebuilt from a snapshot. */
  function receive(patch: Patch): void {
    if (awaitingSnapshot || !snapshot) {
      buffered.push(patch);
      return;
    }
    if (patch.seq <= snapshot.seq) return;
    if (patch.seq !== snapshot.seq + 1) {
      deps.log(`collector patch ${patch.seq} came after ${snapshot.seq}: fetching a fresh snapshot`);
      void fetchSnapshot();
      buffered.push(patch);
      return;
    }
    snapshot = applyPatches(snapshot, [patch]);
    for (const listener of patchListeners) listener(patch);
  }

  async function fetchSnapshot(): Promise<void> {
    awaitingSnapshot = true;
    const answer = await call('state:snapshot', {});
    if (!answer.ok) return; // the socket dropped; the next connection tries again
    const parsed = requests['state:snapshot'].result.safeParse(answer.value);
    if (!parsed.success) {
      deps.log('the collector sent a snapshot this version cannot read; is it a different Streamwatch version?');
      return;
    }
    snapshot = parsed.data;
    awaitingSnapshot = false;
    const later = buffered.filter((patch) => patch.seq > parsed.data.seq).sort((a, b) => a.seq - b.seq);
    buffered = [];
    sync = 'snapshot';
    // An empty patch at the new seq: whoever mirrors this link sees the jump and reads the new snapshot.
    for (const listener of patchListeners) listener({ seq: snapshot.seq, at: deps.clock.now(), ops: [] });
    for (const patch of later) receive(patch);
  }

  function onMessage(text: string): void {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return;
    }
    const parsed = WsServerMessageSchema.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'auth') {
      attempts = 0;
      state = 'open';
      unreachableSince = null;
      nextRetryAt = null;
      announce();
      deps.log(`connected to the collector at ${deps.url.origin} as ${message.role}`);
      if (message.resumed === true && snapshot) {
        sync = 'resumed';
        awaitingSnapshot = false;
      } else void fetchSnapshot();
      // Incidents are pushed only when they change: ask for the current ones.
      void call('alerts:view', {}).then((answer) => {
        if (answer.ok) showAlerts(answer.value as AlertsView);
      });
    } else if (message.type === 'response') {
      const entry = pending.get(message.id);
      if (!entry) return;
      if (!message.result.ok) return settle(message.id, message.result);
      // Answers are checked like any platform's: the collector may run another version.
      const value = requests[entry.channel].result.safeParse(message.result.value);
      settle(
        message.id,
        value.success
          ? ok(value.data)
          : err({
              code: 'bad-answer',
              message: `The collector's answer to ${entry.channel} is not in the expected shape.`,
            }),
      );
    } else if (message.channel === 'state:patch') {
      const patch = PatchSchema.safeParse(message.payload);
      if (patch.success) receive(patch.data);
    } else if (message.channel === 'alerts:changed') {
      const view = AlertsViewSchema.safeParse(message.payload);
      if (view.success) showAlerts(view.data);
    }
  }

  function connect(): void {
    retryTimer = null;
    nextRetryAt = null;
    state = 'connecting';
    const ws = new WebSocket(wsUrl, { origin: deps.url.origin, ...(deps.ca ? { ca: deps.ca } : {}) });
    socket = ws;
    ws.on('open', () => {
      // The token goes in the first message, never the URL; `since` asks to resume after what we hold.
      const since = snapshot && !awaitingSnapshot ? snapshot.seq : undefined;
      ws.send(JSON.stringify({ type: 'auth', token: deps.token, ...(since !== undefined ? { since } : {}) }));
    });
    ws.on('message', (data) => onMessage(data.toString()));
    ws.on('error', (cause) => deps.log(`collector connection: ${cause.message}`));
    ws.on('close', (code) => {
      if (socket !== ws) return;
      socket = null;
      state = 'closed';
      for (const id of [...pending.keys()]) settle(id, err(unreachable));
      if (closed) return;
      if (code === 4401) deps.log(`the collector at ${deps.url.origin} refused the token; check --token-file`);
      const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * 2 ** attempts++);
      deps.log(`collector unreachable; reconnecting in ${delay} ms`);
      unreachableSince ??= deps.clock.now();
      nextRetryAt = deps.clock.now() + delay;
      retryTimer = deps.clock.setTimeout(connect, delay);
      announce();
    });
  }

  const forward = Object.fromEntries(
    requestChannels.map((channel) => [channel, (args: unknown) => call(channel, args)]),
  ) as unknown as Handlers;
  const handlers: Handlers = {
    ...forward,
    // Served from the mirror, so its seq matches the patches this process pushes to its own pages.
    'state:snapshot': async () => (snapshot && !awaitingSnapshot ? ok(snapshot) : err(unreachable)),
  };

  connect();
  return {
    hub: {
      snapshot: () => snapshot ?? emptySnapshot(),
      subscribe(listener) {
        patchListeners.add(listener);
        return () => void patchListeners.delete(listener);
      },
      session: () => undefined,
    },
    handlers,
    alerts: {
      view: () => alertsView,
      onChange(listener) {
        alertListeners.add(listener);
        return () => void alertListeners.delete(listener);
      },
    },
    state: () => state,
    status,
    onStatus(listener) {
      statusListeners.add(listener);
      return () => void statusListeners.delete(listener);
    },
    lastSync: () => sync,
    async close() {
      closed = true;
      if (retryTimer !== null) deps.clock.clearTimeout(retryTimer);
      const ws = socket;
      if (!ws) return;
      await new Promise<void>((resolve) => {
        ws.once('close', () => resolve());
        ws.close(1000, 'client stopping');
      });
    },
  };
}

/** Before the first snapshot arrives: nothing held, seq 0. */
function emptySnapshot(): Snapshot {
  return {
    seq: 0,
    generatedAt: 0,
    demo: false,
    historyProblem: null,
    offline: false,
    paused: false,
    sources: [],
    series: [],
    sessions: [],
    breakdowns: [],
  };
}

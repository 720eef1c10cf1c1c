import { sourceError, type SourceError } from '@shared/model/errors';
import type { Session } from '@shared/model/samples';
import type { ProviderKind } from '@shared/model/source';
import { err, ok, type Result } from '@shared/result';
import { createHttp, type FetchLike } from '../providers/http';
import type { Provider } from '../providers/provider';
import { providerFor } from '../providers/registry';
import { createBudgets, type BudgetStats } from './budget';
import { healthOf } from './health';
import { isOffline, OFFLINE_PROBE_MS, reachOf } from './offline';
import type { BackoffPolicy } from './scheduler/backoff';
import type { PollAnswer } from './scheduler/poll-chain';
import { createScheduler, DEFAULT_POLL_TIMEOUT_MS, type PauseReason } from './scheduler/scheduler';
import { resolveSource, type SourceDeps } from './sources';
import { createSourceTable } from './source-table';
import { createStateHub, type WritableStateHub } from './state-hub';
import { timeboxed } from './timebox';
import type { Clock, CredentialResolver, Engine, SystemEvent, SystemEvents } from './types';

export interface EngineDeps {
  readonly fetch: FetchLike;
  readonly clock: Clock;
  /** Jitter source; injected so tests can pin it. */
  readonly random?: () => number;
  readonly resolveCredentials: CredentialResolver;
  /** Suspend, resume, lock and unlock (Electron's powerMonitor in the app). */
  readonly systemEvents?: SystemEvents;
  readonly providers?: (kind: ProviderKind) => Provider | undefined;
  /** Longest a whole poll (every page of it) may take before it is abandoned. */
  readonly pollTimeoutMs?: number;
  /** Longest one HTTP request may take (http.ts default when omitted). */
  readonly requestTimeoutMs?: number;
  readonly seriesCapacity?: number;
  readonly sessionCapacity?: number;
  readonly offlineProbeMs?: number;
  /**
   * The system's own word on whether the network is down (Electron's net.isOnline,
   * the machine's network interfaces in headless). "Offline" is claimed only when
   * every source is unreachable and this says so; otherwise each source names its
   * own trouble. Absent: never claimed.
   */
  readonly isNetworkDown?: () => boolean;
  readonly backoff?: BackoffPolicy;
  /** Wraps each provider's requests, e.g. to count and time them for /metrics. */
  readonly meter?: SourceDeps['meter'];
}

/** The Engine plus what tests and diagnostics may read. */
export interface StreamwatchEngine extends Engine {
  readonly hub: WritableStateHub;
  /** Request counts and spacing of the budget a source's requests go through. */
  budgetOf(sourceId: string): BudgetStats | undefined;
}

const PAUSES: Readonly<Record<SystemEvent, readonly [PauseReason, boolean]>> = {
  suspend: ['suspend', true],
  resume: ['suspend', false],
  'lock-screen': ['lock', true],
  'unlock-screen': ['lock', false],
};

/**
 * The engine: sources in, state hub out. It resolves each source into a
 * connection, keeps one timer chain per endpoint, turns answers into data and
 * health, and watches for "everything is unreachable" (offline). It holds no
 * Electron and no global timers of its own: time, fetch, secrets and system
 * events are passed in.
 */
export function createEngine(deps: EngineDeps): StreamwatchEngine {
  const { clock } = deps;
  const now = () => clock.now();
  const timeoutMs = deps.pollTimeoutMs ?? DEFAULT_POLL_TIMEOUT_MS;
  const hub = createStateHub({ now, seriesCapacity: deps.seriesCapacity, sessionCapacity: deps.sessionCapacity });
  const budgets = createBudgets({ now });
  const sourceDeps: SourceDeps = {
    providers: deps.providers ?? providerFor,
    resolveCredentials: deps.resolveCredentials,
    budgets,
    http: createHttp({ fetch: deps.fetch, defaultTimeoutMs: deps.requestTimeoutMs }),
    now,
    meter: deps.meter,
  };
  const scheduler = createScheduler({
    clock,
    random: deps.random ?? Math.random,
    timeoutMs,
    backoff: deps.backoff,
    activityOf: budgets.activityOf,
    onAnswer,
  });
  const table = createSourceTable({ hub, scheduler, sourceDeps, onChange: updateOffline });
  const oneOff = new Set<AbortController>();
  let offline = false;
  let allUnreachable = false;
  let unsubscribe: (() => void) | null = null;

  function onAnswer(sourceId: string, index: number, answer: PollAnswer): void {
    const runtime = table.get(sourceId);
    if (runtime?.phase !== 'polling' || runtime.resolution === null) return;
    const { result, next, at } = answer;
    if (result.ok) {
      hub.applySample(sourceId, result.value, runtime.resolution.connection.endpoints[index]?.name);
      if (result.value.rateLimit) budgets.observe(runtime.resolution.account, result.value.rateLimit);
    }
    const error = result.ok ? null : result.error;
    runtime.latest[index] = { error, next };
    runtime.reach = reachOf(error);
    if (next.kind === 'halt') runtime.phase = 'halted';
    const previous = hub.source(sourceId)?.health ?? { status: 'unknown' };
    hub.setHealth(sourceId, healthOf(runtime.latest, previous, at), result.ok ? at : undefined);
    updateOffline();
  }

  function updateOffline(): void {
    const polling = table.all().filter((runtime) => runtime.phase === 'polling');
    const unreachable = isOffline(polling.map((runtime) => runtime.reach));
    if (unreachable !== allUnreachable) {
      allUnreachable = unreachable;
      // Nothing answers: probe often, so polling resumes promptly when something does.
      scheduler.setProbe(unreachable ? (deps.offlineProbeMs ?? OFFLINE_PROBE_MS) : null);
      // Something answered again: everything that was backing off polls now, not after its backoff.
      if (!unreachable) scheduler.retryFailing();
    }
    // A source whose address refuses is no proof the network is gone: blame it only on the system's word.
    const claim = unreachable && deps.isNetworkDown?.() === true;
    if (claim === offline) return;
    offline = claim;
    hub.setFlags({ offline });
  }

  /** A one-off call (connection test, session detail) under the poll timeout, cancelled by stop(). */
  async function oneOffCall<T>(
    label: string,
    call: (signal: AbortSignal) => Promise<Result<T, SourceError>>,
  ): Promise<Result<T, SourceError>> {
    const controller = new AbortController();
    oneOff.add(controller);
    try {
      return await timeboxed(clock, timeoutMs, label, controller, call, budgets.activityOf);
    } finally {
      oneOff.delete(controller);
    }
  }

  return {
    hub,
    budgetOf: (sourceId) => {
      const account = table.get(sourceId)?.resolution?.account;
      return account === undefined ? undefined : budgets.stats(account);
    },
    setSources(sources, options) {
      const demo = options?.demo ?? false;
      const demoIds = options?.demoSourceIds;
      hub.setFlags({ demo });
      table.set(sources, (id) => demo && (demoIds === undefined || demoIds.has(id)));
    },
    start() {
      if (unsubscribe !== null) return;
      unsubscribe = deps.systemEvents?.on((event) => scheduler.setPaused(...PAUSES[event])) ?? (() => undefined);
      scheduler.start();
    },
    async stop() {
      unsubscribe?.();
      unsubscribe = null;
      for (const controller of oneOff) controller.abort();
      await scheduler.stop();
      // Without a listener, a missed resume would leave polling paused after the next start.
      scheduler.setPaused('suspend', false);
      scheduler.setPaused('lock', false);
      await budgets.close();
    },
    refresh(sourceId) {
      table.retryFailed(sourceId);
      scheduler.refresh(sourceId);
    },
    setPaused(paused) {
      scheduler.setPaused('user', paused);
      hub.setFlags({ paused });
    },
    setFollowing(following) {
      scheduler.setPaused('collector', following);
    },
    async pollOnce() {
      await table.ready();
      await scheduler.pollOnce();
    },
    async testSource(source, secrets) {
      const resolution = await resolveSource(source, sourceDeps, secrets);
      if (resolution.kind === 'failed') return err(resolution.error);
      const { connection, provider } = resolution;
      return oneOffCall(`${provider.label} · ${source.name}`, (signal) => connection.testConnection(signal));
    },
    async sessionDetail(sourceId, sessionId) {
      const runtime = table.get(sourceId);
      if (runtime === undefined) return err(sourceError('config', `There is no source "${sourceId}".`));
      await runtime.ready;
      const held = hub.session(sourceId, sessionId);
      const connection = runtime.phase === 'polling' ? runtime.resolution?.connection : undefined;
      if (connection?.sessionDetail === undefined) {
        return held
          ? ok(held)
          : err(sourceError('provider', `${runtime.label}: session "${sessionId}" is not among the sessions held.`));
      }
      const detail = await oneOffCall(`${runtime.label} · session detail`, (signal) =>
        connection.sessionDetail!(sessionId, signal),
      );
      if (detail.ok) return ok(hub.upsertSession(sourceId, detail.value) ?? detail.value);
      // The list already brought this session's events (NAVER): show them rather than an error.
      return held?.events ? ok<Session>(held) : detail;
    },
    credentialsChanged(sourceId) {
      table.restart(sourceId);
    },
  };
}

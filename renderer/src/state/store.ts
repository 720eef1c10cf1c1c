import type { StreamwatchApi } from '@shared/ipc/api';
import type { Patch, Snapshot } from '@shared/model/state';
import type { Connection, ConnectionState } from '../connection';
import { sessionsBySource } from './sessions-by-source';
import { bringsManyRows, SHARED_FRAME_MS } from './update-weight';
import { initialSync, markOutOfSync, receivePatches, receiveSnapshot, type SyncState, type SyncStep } from './sync';

export interface StoreState {
  readonly phase: 'loading' | 'ready' | 'failed';
  readonly snapshot: Snapshot | null;
  /** Why the last snapshot fetch failed, shown when there is nothing else to show. */
  readonly error: string | null;
  readonly connection: ConnectionState;
  /** True while a gap or a reconnect is being repaired; the data shown may be behind. */
  readonly resyncing: boolean;
}

export interface Store {
  getState(): StoreState;
  subscribe(listener: () => void): () => void;
  /** Subscribes to patches, then fetches the first snapshot. Returns stop. */
  start(): () => void;
  /**
   * `listener` runs in the task that applied an update, before the frame
   * that shows it: a view prepares there what it derives from the snapshot
   * (the sorted table), so that frame finds it done. Returns unsubscribe.
   */
  prepare(listener: (snapshot: Snapshot) => void): () => void;
}

export interface StoreDeps {
  readonly api: StreamwatchApi;
  readonly connection: Connection;
  /** Runs `flush` once, soon: per animation frame in the browser, so a burst of patches costs one render. */
  readonly schedule: (flush: () => void) => void;
  /** Runs `work` in a task of its own, soon (not inside a frame). */
  readonly scheduleTask: (work: () => void) => void;
  readonly setTimeout: (callback: () => void, ms: number) => unknown;
  /** The page's clock in ms (performance.now): how long the steps of an update take decides where they go. */
  readonly now: () => number;
}

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 15_000;

function backoff(attempt: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** (attempt - 1));
}

export function createStore(deps: StoreDeps): Store {
  let sync: SyncState = initialSync;
  let queue: Patch[] = [];
  let applyScheduled = false;
  /** Patches have been applied to `sync` that the page has not been shown yet. */
  let staged = false;
  /** How long the views took to prepare last time. */
  let prepareMs = 0;
  /** How long applying the update being prepared took. */
  let applyMs = 0;
  /** The update being prepared brought a poll's worth of sessions: a frame per step, whatever the timings. */
  let manyRows = false;
  /** The update being prepared goes one view per frame. */
  let spread = false;
  /** Views still to prepare from the update staged now. */
  let viewsLeft: Array<(snapshot: Snapshot) => void> = [];
  let groupsMade = false;
  let publishScheduled = false;
  let fetching = false;
  let failures = 0;
  /** Snapshots in a row that were themselves followed by a gap: back off instead of spinning. */
  let gapStreak = 0;
  let stopped = false;
  let wasOpen = deps.connection.get() === 'open';
  let state: StoreState = {
    phase: 'loading',
    snapshot: null,
    error: null,
    connection: deps.connection.get(),
    resyncing: false,
  };
  const listeners = new Set<() => void>();
  const preparers = new Set<(snapshot: Snapshot) => void>();

  /** A poll's sessions, or steps that together would crowd a frame: a frame per step. */
  function heavy(): boolean {
    return manyRows || applyMs + prepareMs >= SHARED_FRAME_MS;
  }

  function emit(next: Partial<StoreState>): void {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  }

  function commit(step: SyncStep): void {
    const changed = step.state.snapshot !== state.snapshot;
    sync = step.state;
    if (step.needSnapshot) requestSnapshot();
    const resyncing = sync.snapshot !== null && sync.awaitingSnapshot;
    if (changed || resyncing !== state.resyncing) {
      emit({
        snapshot: sync.snapshot,
        phase: sync.snapshot ? 'ready' : state.phase,
        error: sync.snapshot ? null : state.error,
        resyncing,
      });
    }
  }

  /*
   * Three steps per update. Patches are applied in a task of their own, soon
   * after they arrive (applying 1,500 sessions to 10,000 takes a few ms); the
   * views prepare from the result in the next task; the page is shown it on
   * the animation frame after, where React renders it.
   *
   * A heavy update (one that brings a poll's sessions, or whose steps measured
   * more than SHARED_FRAME_MS together) takes a frame per step instead: the
   * views prepare after the next frame, one view per frame; React renders in a
   * task after the frame that follows, and the browser lays it out and paints
   * it in the next one. Each step is a few ms, and none crowds a frame: the
   * page stays free to answer input and to draw between them, even on a busy
   * machine. The price is a few frames before the update shows.
   *
   * Patches that arrive meanwhile wait for the next round, so every render
   * sees one step from the snapshot it rendered last (views that keep derived
   * data, like the sorted table, apply that step instead of starting over).
   */
  function onPatch(patch: Patch): void {
    queue.push(patch);
    scheduleApply();
  }

  function scheduleApply(): void {
    if (applyScheduled || staged || queue.length === 0) return;
    applyScheduled = true;
    deps.scheduleTask(applyQueued);
  }

  function applyQueued(): void {
    applyScheduled = false;
    if (stopped || queue.length === 0) return;
    const batch = queue;
    queue = [];
    const started = deps.now();
    const step = receivePatches(sync, batch);
    sync = step.state;
    if (step.needSnapshot) requestSnapshot();
    staged = true;
    applyMs = deps.now() - started;
    manyRows = bringsManyRows(batch);
    if (!heavy()) deps.scheduleTask(prepareQueued);
    else deps.schedule(() => deps.scheduleTask(prepareQueued));
  }

  function prepareQueued(): void {
    if (stopped) return;
    // A heavy update's views prepare one per frame, each in a task after it: together
    // (the table's order, the overview's figures, the breakdowns) they would crowd one.
    spread = heavy();
    viewsLeft = [...preparers];
    groupsMade = false;
    prepareMs = 0;
    prepareNext();
  }

  /**
   * Prepares the next view, or all of them for a light update. What it works
   * from is read from the store each time, not held by the callbacks waiting
   * for a frame: a frame's callback is backed by a timer (perFrame), and a
   * snapshot held there would keep an update's evicted rows alive until it fires.
   */
  function prepareNext(): void {
    if (stopped) return;
    const started = deps.now();
    const snapshot = sync.snapshot;
    if (snapshot && !groupsMade) {
      // The per-source groups every view starts from, made here rather than in the frame that renders.
      sessionsBySource(snapshot.sessions);
      groupsMade = true;
    }
    do {
      const view = viewsLeft.shift();
      if (snapshot && view && preparers.has(view)) prepareView(view, snapshot);
    } while (!spread && viewsLeft.length > 0);
    prepareMs += deps.now() - started;
    if (viewsLeft.length > 0) {
      deps.schedule(() => deps.scheduleTask(prepareNext));
      return;
    }
    if (publishScheduled) return;
    publishScheduled = true;
    // A heavy update (this one's own apply and prepare, now both known) renders in a task
    // after the next frame, and the browser lays it out and paints it in the frame after
    // that: each is several ms. A light one renders on the frame, a frame sooner.
    if (!heavy()) deps.schedule(publish);
    else deps.schedule(() => deps.scheduleTask(publish));
  }

  function prepareView(prepare: (snapshot: Snapshot) => void, snapshot: Snapshot): void {
    try {
      prepare(snapshot);
    } catch {
      // Only work done ahead: the render does it again and shows whatever went wrong.
    }
  }

  function publish(): void {
    publishScheduled = false;
    staged = false;
    if (stopped) return;
    commit({ state: sync, needSnapshot: false });
    scheduleApply();
  }

  /** Applies what is queued now, for a snapshot that must start from everything received. */
  function applyNow(): void {
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    const step = receivePatches(sync, batch);
    sync = step.state;
  }

  function requestSnapshot(): void {
    if (gapStreak === 0) void fetchSnapshot();
    else deps.setTimeout(() => void fetchSnapshot(), backoff(gapStreak));
  }

  async function fetchSnapshot(): Promise<void> {
    // One fetch at a time: a gap found meanwhile is repaired by this snapshot or found again after it.
    if (fetching || stopped) return;
    fetching = true;
    const result = await deps.api.request['state:snapshot']({});
    fetching = false;
    if (stopped) return;
    if (result.ok) {
      failures = 0;
      applyNow(); // patches that came while the snapshot was in flight are buffered or dropped by seq, not lost
      const step = receiveSnapshot(sync, result.value);
      gapStreak = step.needSnapshot ? gapStreak + 1 : 0;
      commit(step);
      return;
    }
    failures++;
    if (!sync.snapshot) emit({ phase: 'failed', error: result.error.message });
    deps.setTimeout(() => void fetchSnapshot(), backoff(failures));
  }

  function onConnection(): void {
    const connection = deps.connection.get();
    if (connection === state.connection) return;
    emit({ connection });
    if (connection !== 'open') return;
    // Patches pushed while the bridge was down are gone: start again from a snapshot.
    if (wasOpen) commit(markOutOfSync(sync));
    wasOpen = true;
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    prepare(listener) {
      preparers.add(listener);
      return () => preparers.delete(listener);
    },
    start() {
      stopped = false;
      // Subscribe before fetching, so no patch numbered after the snapshot can slip past.
      const offPatch = deps.api.on['state:patch'](onPatch);
      const offConnection = deps.connection.subscribe(onConnection);
      void fetchSnapshot();
      return () => {
        stopped = true;
        offPatch();
        offConnection();
      };
    },
  };
}

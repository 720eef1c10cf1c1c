import type { Incident } from '@shared/model/alerts';
import type { Session, ViewerPoint } from '@shared/model/samples';
import type { Health, Patch } from '@shared/model/state';
import type { WritableStateHub } from '../state-hub';
import type { Clock, TimerHandle } from '../types';
import type { HistoryBatch, HistoryStore } from './port';
import { log } from '../../log/logger';

const HOUR = 3_600_000;
/** What a restart shows at once: the last day, as the chart's longest live range. */
export const SEED_MS = 24 * HOUR;

export interface RecorderOptions {
  readonly hub: WritableStateHub;
  readonly clock: Clock;
  /** The store a source's history goes to (demo sources have a file of their own). */
  readonly storeOf: (sourceId: string) => HistoryStore;
  /** How long what was seen waits before it is written, together, in one transaction. */
  readonly flushMs?: number;
  /** After a failed write, how long before trying again. */
  readonly retryMs?: number;
  /** Items kept while writes fail; beyond it the oldest are dropped (and the status says so). */
  readonly maxPending?: number;
  readonly sessionCapacity?: number;
  /** Told when writing starts failing (with the sentence) and when it works again (null). */
  readonly onProblem?: (problem: string | null) => void;
}

interface Pending {
  points: Map<string, ViewerPoint[]>;
  sessions: Map<string, Session>;
  health: { sourceId: string; at: number; health: Health }[];
  incidents: Map<string, Incident>;
  size: number;
}

export interface Recorder {
  /** Where alert history goes: the store of the incident's source. */
  recordIncident(incident: Incident): void;
  /** Writes what is pending now (before a stop, and in tests). */
  flush(): void;
  problem(): string | null;
  stop(): void;
}

const emptyPending = (): Pending => ({
  points: new Map(),
  sessions: new Map(),
  health: [],
  incidents: new Map(),
  size: 0,
});

/**
 * Writes what the hub sees to history, and fills the hub from history when a
 * source appears (so a restart starts with the last day on screen). Writes are
 * gathered for `flushMs` and committed together: one transaction a second is
 * cheap, and a crash loses at most that second.
 */
export function createRecorder(options: RecorderOptions): Recorder {
  const { hub, clock } = options;
  const flushMs = options.flushMs ?? 1_000;
  const retryMs = options.retryMs ?? 60_000;
  const maxPending = options.maxPending ?? 200_000;
  const pending = new Map<HistoryStore, Pending>();
  const lastHealth = new Map<string, Health>();
  const seeded = new Set<string>();
  let seeding = false;
  let timer: TimerHandle | null = null;
  let problem: string | null = null;
  let retryAt = 0;
  let dropped = 0;

  function pendingOf(sourceId: string): Pending {
    const store = options.storeOf(sourceId);
    let entry = pending.get(store);
    if (!entry) pending.set(store, (entry = emptyPending()));
    return entry;
  }

  function schedule(): void {
    if (timer === null) timer = clock.setTimeout(onTimer, flushMs);
  }

  function onTimer(): void {
    timer = null;
    if (clock.now() >= retryAt) flush();
    if (pending.size > 0) schedule();
  }

  function seed(sourceId: string): void {
    seeded.add(sourceId);
    if (hub.source(sourceId) === undefined) return;
    const store = options.storeOf(sourceId);
    const now = clock.now();
    const since = now - SEED_MS;
    const viewers = store.series(sourceId, since, now, 0).map((p) => ({ at: p.at, viewers: p.viewers }));
    const sessions = store.recentSessions(sourceId, since, options.sessionCapacity ?? 10_000).reverse();
    if (viewers.length === 0 && sessions.length === 0) return;
    // The hub's patches of this seed describe what is already stored: not written again.
    seeding = true;
    try {
      hub.applySample(sourceId, { viewers, sessions });
    } finally {
      seeding = false;
    }
  }

  function onPatch(patch: Patch): void {
    if (seeding) return;
    for (const op of patch.ops) {
      switch (op.op) {
        case 'source': {
          if (!seeded.has(op.source.id)) {
            seeded.add(op.source.id);
            // Not inside this listener: a patch emitted from here would reach other listeners before this one.
            const id = op.source.id;
            queueMicrotask(() => seed(id));
          }
          const before = lastHealth.get(op.source.id);
          if (before === undefined || healthChanged(before, op.source.health)) {
            lastHealth.set(op.source.id, op.source.health);
            add(op.source.id, (p) => p.health.push({ sourceId: op.source.id, at: patch.at, health: op.source.health }));
          }
          break;
        }
        case 'source-removed':
          seeded.delete(op.sourceId);
          lastHealth.delete(op.sourceId);
          break;
        case 'points':
          add(op.sourceId, (p) => {
            const list = p.points.get(op.sourceId);
            if (list) list.push(...op.points);
            else p.points.set(op.sourceId, [...op.points]);
            return op.points.length;
          });
          break;
        case 'sessions':
          for (const row of op.sessions) {
            const full = hub.session(row.sourceId, row.id);
            if (full) add(row.sourceId, (p) => void p.sessions.set(`${row.sourceId}\u0000${row.id}`, full));
          }
          break;
        default:
          break;
      }
    }
  }

  function add(sourceId: string, put: (p: Pending) => number | void): void {
    const entry = pendingOf(sourceId);
    entry.size += put(entry) ?? 1;
    if (entry.size > maxPending) {
      // Writes have failed for a long while: keep memory bounded, drop the oldest readings first.
      for (const [id, points] of entry.points) {
        const cut = Math.min(points.length, entry.size - maxPending);
        points.splice(0, cut);
        entry.size -= cut;
        dropped += cut;
        if (points.length === 0) entry.points.delete(id);
        if (entry.size <= maxPending) break;
      }
    }
    schedule();
  }

  function flush(): void {
    for (const [store, entry] of [...pending]) {
      const batch: HistoryBatch = {
        points: [...entry.points].map(([sourceId, points]) => ({ sourceId, points })),
        sessions: [...entry.sessions.values()],
        health: entry.health,
        incidents: [...entry.incidents.values()],
      };
      try {
        store.write(batch);
        pending.delete(store);
        report(null);
      } catch (error) {
        retryAt = clock.now() + retryMs;
        report(`history is not being saved: ${describe(error)}`);
      }
    }
  }

  function report(next: string | null): void {
    const withDrops = next !== null && dropped > 0 ? `${next} (${dropped} readings could not be kept)` : next;
    if (withDrops === problem) return;
    if (withDrops === null) log.info('[history] saving again');
    else log.error(`[history] ${withDrops}`);
    problem = withDrops;
    if (next === null) dropped = 0;
    options.onProblem?.(problem);
  }

  for (const source of hub.snapshot().sources) seed(source.id);
  const unsubscribe = hub.subscribe(onPatch);

  return {
    recordIncident(incident) {
      add(incident.sourceId, (p) => void p.incidents.set(incident.id, incident));
    },
    flush,
    problem: () => problem,
    stop() {
      unsubscribe();
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      flush();
    },
  };
}

function healthChanged(before: Health, after: Health): boolean {
  if (before.status !== after.status) return true;
  if (before.status === 'error' && after.status === 'error') return before.error.message !== after.error.message;
  return false;
}

function describe(error: unknown): string {
  const code = String((error as { code?: unknown }).code ?? '');
  if (code.startsWith('SQLITE_FULL')) return 'the disk is full.';
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_IOERR'))
    return 'the history file cannot be written (read-only or failing disk).';
  return error instanceof Error ? error.message : String(error);
}

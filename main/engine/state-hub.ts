import type { Breakdown, Sample, Session, ViewerPoint } from '@shared/model/samples';
import type { ProviderKind, ViewerMetric } from '@shared/model/source';
import type { Health, Patch, PatchOp, Snapshot, SourceState } from '@shared/model/state';
import { mergePoints } from './hub-series';
import { createSessionStore } from './hub-sessions';
import { createRingBuffer, type RingBuffer } from './ring-buffer';
import { sameData } from './same-data';
import type { StateHub } from './types';
import { log } from '../log/logger';

/** 24 hours at one point a minute. */
export const DEFAULT_SERIES_CAPACITY = 1440;
export const DEFAULT_SESSION_CAPACITY = 10_000;

/** What the engine knows about a source before it has polled it. */
export interface SourceInfo {
  readonly id: string;
  readonly name: string;
  readonly provider: ProviderKind;
  readonly providerLabel: string;
  readonly metric: ViewerMetric;
  readonly demo: boolean;
  readonly intervalMs: number;
  /** The provider's declared reporting delay (see shared/figures/freshness.ts). */
  readonly reportingDelayMs?: number;
}

export interface Flags {
  readonly demo: boolean;
  readonly offline: boolean;
  readonly paused: boolean;
  readonly historyProblem: string | null;
}

export interface HubOptions {
  readonly now: () => number;
  readonly seriesCapacity?: number;
  readonly sessionCapacity?: number;
}

/** The hub as the engine sees it: the read side plus the only ways to change state. */
export interface WritableStateHub extends StateHub {
  readonly seq: number;
  /** One source's state as held (cheap: no snapshot is built). */
  source(sourceId: string): SourceState | undefined;
  /** Adds a source, or updates its name, label, interval; health and data are kept. */
  registerSource(info: SourceInfo, health?: Health): void;
  removeSource(sourceId: string): void;
  /** Merges one poll's result. `endpoint` keeps each endpoint's notes apart. */
  applySample(sourceId: string, sample: Sample, endpoint?: string): void;
  /** Upserts one session (a detail fetch) and returns it as now held. */
  upsertSession(sourceId: string, session: Session): Session | undefined;
  setHealth(sourceId: string, health: Health, lastOkAt?: number | null): void;
  setFlags(flags: Partial<Flags>): void;
}

/**
 * The only mutable state of the engine. Every change becomes one numbered
 * patch carrying only what changed; unchanged values (a re-sent session, a
 * point already held) produce nothing, so a steady state costs almost no
 * bytes. Held values are shared by reference between the hub, snapshots and
 * patches: treat all of them as read-only.
 */
export function createStateHub(options: HubOptions): WritableStateHub {
  const seriesCapacity = options.seriesCapacity ?? DEFAULT_SERIES_CAPACITY;
  const sources = new Map<string, SourceState>();
  const series = new Map<string, RingBuffer<ViewerPoint>>();
  const sessions = createSessionStore(options.sessionCapacity ?? DEFAULT_SESSION_CAPACITY);
  const breakdowns = new Map<string, { readonly sourceId: string; readonly breakdown: Breakdown }>();
  const notesByEndpoint = new Map<string, Map<string, readonly string[]>>();
  const listeners = new Set<(patch: Patch) => void>();
  let flags: Flags = { demo: false, offline: false, paused: false, historyProblem: null };
  let seq = 0;

  function emit(ops: PatchOp[]): void {
    if (ops.length === 0) return;
    seq += 1;
    const patch: Patch = { seq, at: options.now(), ops };
    for (const listener of [...listeners]) {
      try {
        listener(patch);
      } catch (cause) {
        // One broken subscriber must not stop polling or starve the others.
        log.error('[state-hub] a patch listener failed', cause);
      }
    }
  }

  /** Replaces a source's state; returns the op when something actually changed. */
  function updateSource(next: SourceState, ops: PatchOp[]): void {
    const before = sources.get(next.id);
    if (before !== undefined && sameData(before, next)) return;
    sources.set(next.id, next);
    ops.push({ op: 'source', source: next });
  }

  function seriesOf(sourceId: string): RingBuffer<ViewerPoint> {
    let buffer = series.get(sourceId);
    if (buffer === undefined) {
      buffer = createRingBuffer<ViewerPoint>(seriesCapacity);
      series.set(sourceId, buffer);
    }
    return buffer;
  }

  function mergedNotes(sourceId: string): string[] {
    const all = [...(notesByEndpoint.get(sourceId)?.values() ?? [])].flat();
    return [...new Set(all)];
  }

  return {
    get seq() {
      return seq;
    },
    snapshot() {
      return {
        seq,
        generatedAt: options.now(),
        ...flags,
        sources: [...sources.values()],
        series: [...series]
          .filter(([, buffer]) => buffer.length > 0)
          .map(([sourceId, buffer]) => ({ sourceId, points: buffer.toArray() })),
        sessions: sessions.rows(),
        breakdowns: [...breakdowns.values()],
      } satisfies Snapshot;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    session: (sourceId, sessionId) => sessions.get(sourceId, sessionId),
    source: (sourceId) => sources.get(sourceId),

    registerSource(info, health) {
      const before = sources.get(info.id);
      const ops: PatchOp[] = [];
      updateSource(
        {
          ...info,
          reportingDelayMs: info.reportingDelayMs ?? 0,
          health: health ?? before?.health ?? { status: 'unknown' },
          lastOkAt: before?.lastOkAt ?? null,
          notes: before?.notes ?? [],
          rateLimit: before?.rateLimit ?? null,
        },
        ops,
      );
      emit(ops);
    },
    removeSource(sourceId) {
      if (!sources.delete(sourceId)) return;
      series.delete(sourceId);
      sessions.removeSource(sourceId);
      for (const [key, entry] of breakdowns) if (entry.sourceId === sourceId) breakdowns.delete(key);
      notesByEndpoint.delete(sourceId);
      emit([{ op: 'source-removed', sourceId }]);
    },
    applySample(sourceId, sample, endpoint = '') {
      const source = sources.get(sourceId);
      if (source === undefined) return;
      const ops: PatchOp[] = [];
      if (sample.viewers && sample.viewers.length > 0) {
        const points = mergePoints(seriesOf(sourceId), sample.viewers);
        if (points.length > 0) ops.push({ op: 'points', sourceId, points });
      }
      if (sample.sessions && sample.sessions.length > 0) {
        const changes = sessions.upsert(sourceId, sample.sessions);
        if (changes.rows.length > 0) ops.push({ op: 'sessions', sessions: changes.rows });
        if (changes.evicted.length > 0) ops.push({ op: 'sessions-evicted', keys: changes.evicted });
      }
      for (const breakdown of sample.breakdowns ?? []) {
        const key = `${sourceId}\u0000${breakdown.dimension}`;
        if (sameData(breakdowns.get(key)?.breakdown, breakdown)) continue;
        breakdowns.set(key, { sourceId, breakdown });
        ops.push({ op: 'breakdown', sourceId, breakdown });
      }
      let next = source;
      if (sample.notes !== undefined) {
        const byEndpoint = notesByEndpoint.get(sourceId) ?? new Map<string, readonly string[]>();
        byEndpoint.set(endpoint, sample.notes);
        notesByEndpoint.set(sourceId, byEndpoint);
        next = { ...next, notes: mergedNotes(sourceId) };
      }
      if (sample.rateLimit !== undefined) next = { ...next, rateLimit: sample.rateLimit };
      if (next !== source) updateSource(next, ops);
      emit(ops);
    },
    upsertSession(sourceId, session) {
      if (!sources.has(sourceId)) return undefined;
      const changes = sessions.upsert(sourceId, [session]);
      const ops: PatchOp[] = [];
      if (changes.rows.length > 0) ops.push({ op: 'sessions', sessions: changes.rows });
      if (changes.evicted.length > 0) ops.push({ op: 'sessions-evicted', keys: changes.evicted });
      emit(ops);
      return sessions.get(sourceId, session.id);
    },
    setHealth(sourceId, health, lastOkAt) {
      const source = sources.get(sourceId);
      if (source === undefined) return;
      const ops: PatchOp[] = [];
      updateSource({ ...source, health, lastOkAt: lastOkAt === undefined ? source.lastOkAt : lastOkAt }, ops);
      emit(ops);
    },
    setFlags(changes) {
      const next = { ...flags, ...changes };
      if (sameData(next, flags)) return;
      flags = { demo: next.demo, offline: next.offline, paused: next.paused, historyProblem: next.historyProblem };
      emit([{ op: 'flags', ...flags }]);
    },
  };
}

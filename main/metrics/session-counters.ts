import type { Counter, Histogram, Metric } from 'prom-client';
import type { SessionRow } from '@shared/model/state';
import type { StateHub } from '../engine/types';

type PerSource = 'source' | 'provider';

/** The session counters of one registry (prom-client needs one set per exposition format). */
export interface SessionCounters {
  readonly started: Counter<PerSource>;
  readonly failures: Counter<PerSource>;
  readonly startup: Histogram<PerSource>;
}

/**
 * Counts sessions from the hub's snapshot, then from its patches: a session is
 * counted once, its failure once, its startup time once, whatever the number of
 * polls that list it again. Returns the unsubscribe function.
 */
export function countSessions(hub: StateHub, sets: readonly SessionCounters[]): () => void {
  const seen = new Map<string, { failed: boolean; timed: boolean }>();
  const providerOf = new Map<string, string>();
  const keyOf = (sourceId: string, id: string) => `${sourceId}\u0000${id}`;

  function count(row: SessionRow): void {
    const key = keyOf(row.sourceId, row.id);
    const labels = { source: row.sourceId, provider: providerOf.get(row.sourceId) ?? 'unknown' };
    let entry = seen.get(key);
    if (!entry) {
      entry = { failed: false, timed: false };
      seen.set(key, entry);
      for (const set of sets) set.started.inc(labels);
    }
    if (row.failed === true && !entry.failed) {
      entry.failed = true;
      for (const set of sets) set.failures.inc(labels);
    }
    // A failed start has no meaningful startup time (the shared session figures read it the same way).
    if (row.startupTimeMs !== null && row.failed !== true && !entry.timed) {
      entry.timed = true;
      for (const set of sets) set.startup.observe(labels, row.startupTimeMs / 1000);
    }
  }

  function removeSource(sourceId: string): void {
    for (const key of [...seen.keys()]) if (key.startsWith(`${sourceId}\u0000`)) seen.delete(key);
    const provider = providerOf.get(sourceId) ?? 'unknown';
    for (const set of sets)
      for (const metric of [set.started, set.failures, set.startup] as Metric<PerSource>[])
        metric.remove({ source: sourceId, provider });
  }

  const initial = hub.snapshot();
  for (const source of initial.sources) providerOf.set(source.id, source.provider);
  initial.sessions.forEach(count);
  return hub.subscribe((patch) => {
    for (const op of patch.ops) {
      if (op.op === 'source') providerOf.set(op.source.id, op.source.provider);
      else if (op.op === 'sessions') op.sessions.forEach(count);
      else if (op.op === 'sessions-evicted') for (const [sourceId, id] of op.keys) seen.delete(keyOf(sourceId, id));
      else if (op.op === 'source-removed') removeSource(op.sourceId);
    }
  });
}

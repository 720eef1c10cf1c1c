import type { ViewerPoint } from '@shared/model/samples';
import type { Patch, PatchOp, SessionRow, Snapshot } from '@shared/model/state';
import { assertNever } from '@shared/result';
import { DEFAULT_SERIES_CAPACITY } from './state-hub';

/**
 * What a patch means, as a pure function: a reader that holds a snapshot
 * and applies every later patch in order holds what a fresh snapshot would
 * say (the hub's tests prove it). Readers that cannot import main/ (the
 * renderer) implement the same rules; this file is their reference.
 *
 * - source: upsert by id (a new source is appended);
 * - source-removed: the source and its series, sessions and breakdowns go;
 * - points: a same-time point is replaced, others inserted in time order,
 *   then the oldest are dropped beyond the series capacity;
 * - sessions: each row replaces any held one and moves to the end (the hub
 *   keeps sessions in order of their last change);
 * - sessions-evicted, breakdown, flags: as named.
 */
export function applyPatch(snapshot: Snapshot, patch: Patch, seriesCapacity = DEFAULT_SERIES_CAPACITY): Snapshot {
  let next: Snapshot = { ...snapshot, seq: patch.seq };
  for (const op of patch.ops) next = applyOp(next, op, seriesCapacity);
  return next;
}

const key = (sourceId: string, id: string) => `${sourceId}\u0000${id}`;

function applyOp(state: Snapshot, op: PatchOp, capacity: number): Snapshot {
  switch (op.op) {
    case 'source': {
      const index = state.sources.findIndex((source) => source.id === op.source.id);
      const sources = [...state.sources];
      if (index === -1) sources.push(op.source);
      else sources[index] = op.source;
      return { ...state, sources };
    }
    case 'source-removed':
      return {
        ...state,
        sources: state.sources.filter((source) => source.id !== op.sourceId),
        series: state.series.filter((entry) => entry.sourceId !== op.sourceId),
        sessions: state.sessions.filter((row) => row.sourceId !== op.sourceId),
        breakdowns: state.breakdowns.filter((entry) => entry.sourceId !== op.sourceId),
      };
    case 'points': {
      const held = state.series.find((entry) => entry.sourceId === op.sourceId);
      const points = mergeSorted(held?.points ?? [], op.points).slice(-capacity);
      const series = held
        ? state.series.map((entry) => (entry === held ? { sourceId: op.sourceId, points } : entry))
        : [...state.series, { sourceId: op.sourceId, points }];
      return { ...state, series };
    }
    case 'sessions': {
      const byKey = new Map<string, SessionRow>(state.sessions.map((row) => [key(row.sourceId, row.id), row]));
      for (const row of op.sessions) {
        byKey.delete(key(row.sourceId, row.id));
        byKey.set(key(row.sourceId, row.id), row);
      }
      return { ...state, sessions: [...byKey.values()] };
    }
    case 'sessions-evicted': {
      const gone = new Set(op.keys.map(([sourceId, id]) => key(sourceId, id)));
      return { ...state, sessions: state.sessions.filter((row) => !gone.has(key(row.sourceId, row.id))) };
    }
    case 'breakdown': {
      const match = (entry: Snapshot['breakdowns'][number]) =>
        entry.sourceId === op.sourceId && entry.breakdown.dimension === op.breakdown.dimension;
      const entry = { sourceId: op.sourceId, breakdown: op.breakdown };
      const index = state.breakdowns.findIndex(match);
      const breakdowns = [...state.breakdowns];
      if (index === -1) breakdowns.push(entry);
      else breakdowns[index] = entry;
      return { ...state, breakdowns };
    }
    case 'flags':
      return { ...state, demo: op.demo, offline: op.offline, paused: op.paused };
    default:
      return assertNever(op);
  }
}

function mergeSorted(held: readonly ViewerPoint[], incoming: readonly ViewerPoint[]): ViewerPoint[] {
  const points = [...held];
  for (const point of incoming) {
    let index = points.length;
    while (index > 0 && points[index - 1]!.at > point.at) index -= 1;
    if (index > 0 && points[index - 1]!.at === point.at) points[index - 1] = point;
    else points.splice(index, 0, point);
  }
  return points;
}

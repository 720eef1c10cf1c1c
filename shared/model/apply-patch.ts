import { assertNever } from '../result';
import type { ViewerPoint } from './samples';
import { SessionsDraft } from './sessions-draft';
import type { Patch, PatchOp, Series, SessionRow, Snapshot, SourceState } from './state';

export { sessionsDelta, type SessionsDelta } from './sessions-draft';

/**
 * What a patch means, written once for every reader: the renderer applies the
 * hub's patches with this, and the hub's tests replay its own patches through it
 * and demand the snapshot the hub holds.
 *
 * - source: upsert by id (a new source is appended);
 * - source-removed: the source and its series, sessions and breakdowns go;
 * - points: a same-time point is replaced, others go in time order, then the
 *   series is bounded;
 * - sessions: upsert by (source, id); an updated session keeps its place, so a
 *   table the operator is reading does not jump (see sessions-draft for the
 *   order of the array);
 * - sessions-evicted, breakdown, flags: as named.
 *
 * The hub trims its ring buffers without telling anyone (there is no
 * "points-evicted" op), so a reader bounds its copy itself: by default a little
 * more than the chart's longest range, and a hard cap for fast-polling sources.
 */
export const KEEP_POINTS_MS = 25 * 60 * 60 * 1000;
export const MAX_POINTS_PER_SERIES = 20_000;

/** Sessions are keyed by (source, id); source ids cannot contain "/". */
export function sessionKey(row: { readonly sourceId: string; readonly id: string }): string {
  return `${row.sourceId}/${row.id}`;
}

/** Where the session with this key is in `rows`, or -1. Compares fields, so a scan of 10,000 rows makes no strings. */
export function findSession(rows: readonly SessionRow[], key: string): number {
  const slash = key.indexOf('/');
  const sourceId = key.slice(0, slash);
  const id = key.slice(slash + 1);
  for (let i = 0; i < rows.length; i++) if (rows[i]!.id === id && rows[i]!.sourceId === sourceId) return i;
  return -1;
}

/**
 * Applies numbered patches to a snapshot, returning a new snapshot (the old
 * one is left untouched so React sees a new reference). The caller has already
 * checked that the patches follow on from `snapshot.seq` without a gap.
 * Collections are copied at most once per call, so a burst of patches costs
 * one copy, not one per patch.
 */
export function applyPatches(
  snapshot: Snapshot,
  patches: readonly Patch[],
  maxPointsPerSeries = MAX_POINTS_PER_SERIES,
): Snapshot {
  if (patches.length === 0) return snapshot;
  const draft = new Draft(snapshot, maxPointsPerSeries);
  for (const patch of patches) {
    for (const op of patch.ops) draft.apply(op);
    draft.seq = patch.seq;
    draft.generatedAt = patch.at;
  }
  return draft.finish();
}

class Draft {
  seq: number;
  generatedAt: number;
  private flags: Pick<Snapshot, 'demo' | 'offline' | 'paused' | 'historyProblem'>;
  private sources: Map<string, SourceState> | null = null;
  private series: Map<string, readonly ViewerPoint[]> | null = null;
  private sessions: SessionsDraft | null = null;
  private breakdowns: Snapshot['breakdowns'] | null = null;

  constructor(
    private readonly base: Snapshot,
    private readonly maxPoints: number,
  ) {
    this.seq = base.seq;
    this.generatedAt = base.generatedAt;
    this.flags = { demo: base.demo, offline: base.offline, paused: base.paused, historyProblem: base.historyProblem };
  }

  apply(op: PatchOp): void {
    switch (op.op) {
      case 'source':
        this.sourceMap().set(op.source.id, op.source);
        return;
      case 'source-removed':
        this.removeSource(op.sourceId);
        return;
      case 'points': {
        const map = this.seriesMap();
        map.set(op.sourceId, mergePoints(map.get(op.sourceId) ?? [], op.points, this.maxPoints));
        return;
      }
      case 'sessions': {
        const draft = this.sessionsDraft();
        // forEach, not for…of: 1,500 rows an update, and below V8's top tier each for…of step allocates.
        op.sessions.forEach((row) => draft.upsert(row));
        return;
      }
      case 'sessions-evicted': {
        const draft = this.sessionsDraft();
        op.keys.forEach((key) => draft.evict(key[0], key[1]));
        return;
      }
      case 'breakdown': {
        const rest = (this.breakdowns ?? this.base.breakdowns).filter(
          (b) => !(b.sourceId === op.sourceId && b.breakdown.dimension === op.breakdown.dimension),
        );
        this.breakdowns = [...rest, { sourceId: op.sourceId, breakdown: op.breakdown }];
        return;
      }
      case 'flags':
        this.flags = { demo: op.demo, offline: op.offline, paused: op.paused, historyProblem: op.historyProblem };
        return;
      default:
        assertNever(op);
    }
  }

  finish(): Snapshot {
    return {
      ...this.base,
      ...this.flags,
      seq: this.seq,
      generatedAt: this.generatedAt,
      sources: this.sources ? [...this.sources.values()] : this.base.sources,
      series: this.series
        ? [...this.series].map(([sourceId, points]): Series => ({ sourceId, points: points as ViewerPoint[] }))
        : this.base.series,
      sessions: this.sessions ? this.sessions.finish() : this.base.sessions,
      breakdowns: this.breakdowns ?? this.base.breakdowns,
    };
  }

  // A removed source takes its data with it: nothing on screen may belong to a source that no longer exists.
  private removeSource(sourceId: string): void {
    this.sourceMap().delete(sourceId);
    this.seriesMap().delete(sourceId);
    this.sessionsDraft().removeSource(sourceId);
    this.breakdowns = (this.breakdowns ?? this.base.breakdowns).filter((b) => b.sourceId !== sourceId);
  }

  private sourceMap(): Map<string, SourceState> {
    return (this.sources ??= new Map(this.base.sources.map((s) => [s.id, s])));
  }

  private seriesMap(): Map<string, readonly ViewerPoint[]> {
    return (this.series ??= new Map(this.base.series.map((s) => [s.sourceId, s.points])));
  }

  private sessionsDraft(): SessionsDraft {
    return (this.sessions ??= new SessionsDraft(this.base.sessions));
  }
}

/** Merges points by timestamp: new ones added in order, same-time ones replaced; then bounded. */
export function mergePoints(
  existing: readonly ViewerPoint[],
  incoming: readonly ViewerPoint[],
  maxPoints = MAX_POINTS_PER_SERIES,
): readonly ViewerPoint[] {
  if (incoming.length === 0) return existing;
  let merged: ViewerPoint[];
  const last = existing[existing.length - 1];
  if (isSorted(incoming) && (!last || incoming[0]!.at > last.at)) {
    // The usual case: the newest minute (or poll) appended at the end.
    merged = existing.concat(incoming);
  } else {
    const byTime = new Map<number, ViewerPoint>();
    for (const point of existing) byTime.set(point.at, point);
    for (const point of incoming) byTime.set(point.at, point);
    merged = [...byTime.values()].sort((a, b) => a.at - b.at);
  }
  const newest = merged[merged.length - 1]!.at;
  let start = Math.max(0, merged.length - maxPoints);
  while (start < merged.length && merged[start]!.at < newest - KEEP_POINTS_MS) start++;
  return start === 0 ? merged : merged.slice(start);
}

function isSorted(points: readonly ViewerPoint[]): boolean {
  for (let i = 1; i < points.length; i++) if (points[i]!.at <= points[i - 1]!.at) return false;
  return true;
}

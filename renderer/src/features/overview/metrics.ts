import type { ViewerPoint } from '@shared/model/samples';
import type { ViewerMetric } from '@shared/model/source';
import type { SessionRow, Snapshot, SourceState } from '@shared/model/state';
import { freshness, isStale, type Freshness } from '../health/freshness';
import { pointsSince } from '../../charts/series';
import type { RowsMemo } from '../../state/rows-memo';
import { rowsOf, sessionsBySource } from '../../state/sessions-by-source';

/**
 * The numbers on the overview tiles, computed from the snapshot as pure
 * functions. These are projections of what main holds (counts, medians,
 * shares over a time window), not new measurements.
 */
export const RECENT_SESSIONS_MS = 5 * 60_000;
/** Quality figures need more sessions than five minutes give on a quiet account. */
export const QUALITY_WINDOW_MS = 60 * 60_000;
export const SPARKLINE_MS = 60 * 60_000;
/**
 * The session windows move on in steps of this much, not every second:
 * counting every held session again each second would move a "last hour"
 * figure by a session at most, and costs a frame's worth of work.
 */
export const WINDOW_STEP_MS = 10_000;

export interface SessionStats {
  /** Sessions that started in the last five minutes. */
  readonly recent: number;
  /** Sessions in the quality window. */
  readonly inWindow: number;
  /** Null where no session in the window says whether it failed (api.video, Zoom). */
  readonly failedShare: number | null;
  readonly failedOf: number;
  readonly medianStartupMs: number | null;
  /** Rebuffering time over rebuffering plus playing time (the usual "rebuffering ratio"). */
  readonly rebufferingShare: number | null;
}

export interface SourceTile {
  readonly source: SourceState;
  readonly viewersNow: number | null;
  readonly viewersAt: number | null;
  readonly viewersStale: boolean;
  readonly sparkline: readonly ViewerPoint[];
  readonly stats: SessionStats;
  readonly freshness: Freshness;
}

export interface UnitTotal {
  readonly unit: ViewerMetric['unit'];
  readonly total: number;
  readonly sourceNames: readonly string[];
  /** Some sources of this unit have no fresh value: the total leaves them out. */
  readonly partial: boolean;
}

export interface AllTile {
  /** One total per kind of metric; viewers, participants and concurrent plays are never added together. */
  readonly totals: readonly UnitTotal[];
  /** Summed series, only when every source counts the same thing. */
  readonly sparkline: readonly ViewerPoint[] | null;
  readonly stats: SessionStats;
  readonly health: Readonly<Record<Freshness['kind'], number>>;
  /** Age of the oldest source's data, the honest age of a total. */
  readonly oldestAgeMs: number | null;
}

export function sessionTime(row: Pick<SessionRow, 'startedAt' | 'endedAt'>): number | null {
  return row.startedAt ?? row.endedAt;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The sessions of the quality window, and how many of them started in the last five minutes. */
export interface SessionWindow {
  readonly rows: readonly SessionRow[];
  readonly recent: number;
}

export function sessionWindow(rows: readonly SessionRow[], now: number): SessionWindow {
  let recent = 0;
  const inWindow = rows.filter((row) => {
    const at = sessionTime(row);
    if (at === null || at > now + 60_000) return false;
    if (at >= now - RECENT_SESSIONS_MS) recent++;
    return at >= now - QUALITY_WINDOW_MS;
  });
  return { rows: inWindow, recent };
}

export function windowStats({ rows, recent }: SessionWindow): SessionStats {
  let failed = 0;
  let failedOf = 0;
  let rebuffering = 0;
  let watched = 0;
  const startups: number[] = [];
  for (const row of rows) {
    if (row.failed !== null) {
      failedOf++;
      if (row.failed) failed++;
    }
    if (row.startupTimeMs !== null) startups.push(row.startupTimeMs);
    if (row.rebufferingMs !== null && row.playingMs !== null) {
      rebuffering += row.rebufferingMs;
      watched += row.rebufferingMs + row.playingMs;
    }
  }
  return {
    recent,
    inWindow: rows.length,
    failedShare: failedOf > 0 ? failed / failedOf : null,
    failedOf,
    medianStartupMs: median(startups),
    rebufferingShare: watched > 0 ? rebuffering / watched : null,
  };
}

export function sessionStats(rows: readonly SessionRow[], now: number): SessionStats {
  return windowStats(sessionWindow(rows, now));
}

/** A source's window and its figures, remembered together (see OverviewMemo). */
interface SourceWindow {
  readonly window: SessionWindow;
  readonly stats: SessionStats;
}

/** Per-source results kept between renders: a source whose rows did not change is not counted again. */
export interface OverviewMemo {
  readonly sources: RowsMemo<SessionRow, number, SourceWindow>;
  /** The all-sources figures, made again only when some source's window changed. */
  readonly all: RowsMemo<SessionWindow, null, SessionStats>;
}

function sourceWindow(rows: readonly SessionRow[], now: number): SourceWindow {
  const window = sessionWindow(rows, now);
  return { window, stats: windowStats(window) };
}

export function sourceTile(
  source: SourceState,
  points: readonly ViewerPoint[],
  stats: SessionStats,
  now: number,
): SourceTile {
  const last = points[points.length - 1];
  return {
    source,
    viewersNow: last?.viewers ?? null,
    viewersAt: last?.at ?? null,
    viewersStale: isStale(last?.at ?? null, source.intervalMs, now),
    sparkline: pointsSince(points, now - SPARKLINE_MS).filter((p) => p.at >= now - SPARKLINE_MS),
    stats,
    freshness: freshness(source, now),
  };
}

export function overview(
  snapshot: Snapshot,
  now: number,
  memo?: OverviewMemo,
): { readonly tiles: readonly SourceTile[]; readonly all: AllTile } {
  const pointsBySource = new Map(snapshot.series.map((s) => [s.sourceId, s.points]));
  const groups = sessionsBySource(snapshot.sessions);
  const windowNow = Math.floor(now / WINDOW_STEP_MS) * WINDOW_STEP_MS;
  const windows: SessionWindow[] = [];
  const tiles = snapshot.sources.map((source) => {
    const rows = rowsOf(groups, source.id);
    const { window, stats } = memo
      ? memo.sources.get(source.id, rows, windowNow, () => sourceWindow(rows, windowNow))
      : sourceWindow(rows, windowNow);
    windows.push(window);
    return sourceTile(source, pointsBySource.get(source.id) ?? [], stats, now);
  });
  return { tiles, all: allTile(tiles, windows, now, memo?.all) };
}

function allTile(
  tiles: readonly SourceTile[],
  windows: readonly SessionWindow[],
  now: number,
  memo?: OverviewMemo['all'],
): AllTile {
  const totals = new Map<ViewerMetric['unit'], { total: number; sourceNames: string[]; partial: boolean }>();
  const health: Record<Freshness['kind'], number> = { ok: 0, stale: 0, error: 0, paused: 0, waiting: 0 };
  let oldestAgeMs: number | null = null;
  for (const tile of tiles) {
    health[tile.freshness.kind]++;
    const unit = tile.source.metric.unit;
    const entry = totals.get(unit) ?? { total: 0, sourceNames: [], partial: false };
    entry.sourceNames.push(tile.source.name);
    // A stale value is not "now": leave it out of the total and say the total is partial.
    if (tile.viewersNow !== null && !tile.viewersStale) entry.total += tile.viewersNow;
    else entry.partial = true;
    totals.set(unit, entry);
    const age = tile.source.lastOkAt === null ? null : now - tile.source.lastOkAt;
    if (age !== null && (oldestAgeMs === null || age > oldestAgeMs)) oldestAgeMs = age;
  }
  // Every source's window, not every held session: the all-sources figures cost what the last hour holds.
  const stats = () =>
    windowStats({ rows: windows.flatMap((w) => w.rows), recent: windows.reduce((sum, w) => sum + w.recent, 0) });
  return {
    totals: [...totals].map(([unit, entry]) => ({ unit, ...entry })),
    sparkline: totals.size === 1 ? sumSeries(tiles.map((t) => t.sparkline)) : null,
    stats: memo ? memo.get('all', windows, null, stats) : stats(),
    health,
    oldestAgeMs,
  };
}

/**
 * Adds series minute by minute. A minute where any series has no point is
 * left out (a gap), rather than summed short, which would look like a drop.
 */
export function sumSeries(series: readonly (readonly ViewerPoint[])[], bucketMs = 60_000): ViewerPoint[] {
  const withData = series.filter((points) => points.length > 0);
  if (withData.length === 0) return [];
  const buckets = new Map<number, { sum: number; count: number }>();
  for (const points of withData) {
    const lastPerBucket = new Map<number, number>();
    for (const point of points) lastPerBucket.set(Math.floor(point.at / bucketMs) * bucketMs, point.viewers);
    for (const [bucket, viewers] of lastPerBucket) {
      const entry = buckets.get(bucket) ?? { sum: 0, count: 0 };
      entry.sum += viewers;
      entry.count++;
      buckets.set(bucket, entry);
    }
  }
  return [...buckets]
    .filter(([, entry]) => entry.count === withData.length)
    .sort(([a], [b]) => a - b)
    .map(([at, entry]) => ({ at, viewers: entry.sum }));
}

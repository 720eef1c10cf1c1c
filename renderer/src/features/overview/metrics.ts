export { median, sessionTime } from '@shared/figures/session-figures';
export {
  QUALITY_WINDOW_MS,
  RECENT_SESSIONS_MS,
  sessionStats,
  sessionWindow,
  windowStats,
  type SessionStats,
  type SessionWindow,
} from './session-window';
import type { ViewerPoint } from '@shared/model/samples';
import type { ViewerMetric } from '@shared/model/source';
import type { SessionRow, Snapshot, SourceState } from '@shared/model/state';
import { isReadingStale, sameStatus, status, type Status } from '../health/freshness';
import { pointsSince } from '../../charts/series';
import type { RowsMemo } from '../../state/rows-memo';
import { rowsOf, sessionsBySource } from '../../state/sessions-by-source';
import { combinedStats, sessionWindow, windowStats, type SessionStats, type SessionWindow } from './session-window';

/**
 * The numbers on the overview tiles, computed from the snapshot as pure
 * functions. These are projections of what main holds (counts, medians,
 * shares over a time window), not new measurements.
 */
export const SPARKLINE_MS = 60 * 60_000;
/**
 * A sparkline's hour ends at the clock rounded up to this step, one pixel of
 * its 160-pixel drawing. Between steps a tile keeps the same sparkline points,
 * and the memoised drawing is skipped by the once-a-second clock, which
 * otherwise re-drew every tile's SVG each second, a frame's work for nothing
 * that shows.
 */
export const SPARKLINE_STEP_MS = SPARKLINE_MS / 160;
export const sparklineEnd = (now: number): number => Math.ceil(now / SPARKLINE_STEP_MS) * SPARKLINE_STEP_MS;
/**
 * The session windows move on in steps of this much, not every second:
 * counting every held session again each second would move a "last hour"
 * figure by a session at most, and costs a frame's worth of work.
 */
export const WINDOW_STEP_MS = 10_000;

export interface SourceTile {
  readonly source: SourceState;
  readonly viewersNow: number | null;
  readonly viewersAt: number | null;
  readonly viewersStale: boolean;
  readonly sparkline: readonly ViewerPoint[];
  /** Where the sparkline's hour ends (sparklineEnd). */
  readonly sparklineTo: number;
  readonly stats: SessionStats;
  /** Without the age, which moves every second: the tile shows it with components/age.tsx. */
  readonly status: Status;
}

export interface UnitTotal {
  readonly unit: ViewerMetric['unit'];
  readonly total: number;
  readonly sourceNames: readonly string[];
  /** Some sources of this unit have no fresh value: the total leaves them out. */
  readonly partial: boolean;
  /** How many sources the total adds up; 0 means there is no number to show at all ("no data"). */
  readonly counted: number;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface AllTile {
  /** One total per kind of metric; viewers, participants and concurrent plays are never added together. */
  readonly totals: readonly UnitTotal[];
  /** Summed series, only when every source counts the same thing. */
  readonly sparkline: readonly ViewerPoint[] | null;
  readonly stats: SessionStats;
  readonly health: Readonly<Record<Status['kind'], number>>;
  /** The oldest source's last answer, the honest age of a total (shown as an age). */
  readonly oldestOkAt: number | null;
  /** Where the summed sparkline's hour ends (sparklineEnd). */
  readonly sparklineTo: number;
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
  /**
   * Each source's last tile with what it was made from: the same object
   * again while none of that changed, so a memoised tile that an update did
   * not touch is not rendered again.
   */
  readonly tiles?: Map<string, TileInputs>;
  /** The all-sources sparkline, summed again only when a source's sparkline changed. */
  readonly sums?: RowsMemo<readonly ViewerPoint[], null, ViewerPoint[]>;
  /** The all-sources tile, the same object again while every source's tile is. */
  readonly allTile?: RowsMemo<SourceTile | SessionStats, number, AllTile>;
}

interface TileInputs {
  readonly source: SourceState;
  readonly points: readonly ViewerPoint[];
  readonly stats: SessionStats;
  readonly tile: SourceTile;
}

/** Two tiles made from the same source, points and stats that show the same. */
function sameTile(a: SourceTile, b: SourceTile): boolean {
  return (
    a.viewersStale === b.viewersStale &&
    a.sparklineTo === b.sparklineTo &&
    a.sparkline === b.sparkline &&
    sameStatus(a.status, b.status)
  );
}

/** `before`'s stats object is kept when the figures come out the same, so the tile showing them is kept too. */
function sourceWindow(rows: readonly SessionRow[], now: number, before?: SourceWindow): SourceWindow {
  const window = sessionWindow(rows, now);
  return { window, stats: sameOr(before?.stats, windowStats(window)) };
}

function sameOr(before: SessionStats | undefined, next: SessionStats): SessionStats {
  if (!before) return next;
  for (const key of Object.keys(next) as (keyof SessionStats)[]) if (!Object.is(before[key], next[key])) return next;
  return before;
}

export function sourceTile(
  source: SourceState,
  points: readonly ViewerPoint[],
  stats: SessionStats,
  now: number,
  connected = true,
  /** The tile made from the same points before: its sparkline is kept while its hour has not moved. */
  before?: SourceTile,
): SourceTile {
  const last = points[points.length - 1];
  const sparklineTo = sparklineEnd(now);
  const from = sparklineTo - SPARKLINE_MS;
  return {
    source,
    viewersNow: last?.viewers ?? null,
    viewersAt: last?.at ?? null,
    viewersStale: !connected || isReadingStale(source, last?.at ?? null, now),
    sparkline:
      before?.sparklineTo === sparklineTo ? before.sparkline : pointsSince(points, from).filter((p) => p.at >= from),
    sparklineTo,
    stats,
    status: status(source, now, connected),
  };
}

const NO_POINTS: readonly ViewerPoint[] = [];

export function overview(
  snapshot: Snapshot,
  now: number,
  memo?: OverviewMemo,
  connected = true,
): { readonly tiles: readonly SourceTile[]; readonly all: AllTile } {
  const pointsBySource = new Map(snapshot.series.map((s) => [s.sourceId, s.points]));
  const groups = sessionsBySource(snapshot.sessions);
  const windowNow = Math.floor(now / WINDOW_STEP_MS) * WINDOW_STEP_MS;
  const windows: SessionWindow[] = [];
  const tiles = snapshot.sources.map((source) => {
    const rows = rowsOf(groups, source.id);
    const { window, stats } = memo
      ? memo.sources.get(source.id, rows, windowNow, (before) => sourceWindow(rows, windowNow, before))
      : sourceWindow(rows, windowNow);
    windows.push(window);
    const points = pointsBySource.get(source.id) ?? NO_POINTS;
    const held = memo?.tiles?.get(source.id);
    const tile = sourceTile(source, points, stats, now, connected, held?.points === points ? held.tile : undefined);
    // The clock alone changes no tile until it changes what one shows (a status, a reading going stale, the sparkline's hour).
    if (held && held.source === source && held.points === points && held.stats === stats && sameTile(held.tile, tile))
      return held.tile;
    memo?.tiles?.set(source.id, { source, points, stats, tile });
    return tile;
  });
  const stats = memo
    ? memo.all.get('all', windows, null, (before) => sameOr(before, combinedStats(windows)))
    : combinedStats(windows);
  const all = memo?.allTile
    ? memo.allTile.get('all', [...tiles, stats], sparklineEnd(now), () => allTile(tiles, stats, now, memo))
    : allTile(tiles, stats, now, memo);
  return { tiles, all };
}

function allTile(tiles: readonly SourceTile[], stats: SessionStats, now: number, memo?: OverviewMemo): AllTile {
  const totals = new Map<ViewerMetric['unit'], Mutable<UnitTotal>>();
  const health: Record<Status['kind'], number> = { ok: 0, stale: 0, error: 0, paused: 0, waiting: 0, unknown: 0 };
  let oldestOkAt: number | null = null;
  for (const tile of tiles) {
    health[tile.status.kind]++;
    const unit = tile.source.metric.unit;
    const entry = totals.get(unit) ?? { unit, total: 0, sourceNames: [], partial: false, counted: 0 };
    entry.sourceNames = [...entry.sourceNames, tile.source.name];
    // A stale value is not "now": leave it out of the total and say the total is partial.
    if (tile.viewersNow !== null && !tile.viewersStale) {
      entry.total += tile.viewersNow;
      entry.counted += 1;
    } else entry.partial = true;
    totals.set(unit, entry);
    const okAt = tile.source.lastOkAt;
    if (okAt !== null && (oldestOkAt === null || okAt < oldestOkAt)) oldestOkAt = okAt;
  }
  const summed = (lines: readonly (readonly ViewerPoint[])[]) =>
    memo?.sums ? memo.sums.get('all', lines, null, () => sumSeries(lines)) : sumSeries(lines);
  return {
    totals: [...totals.values()],
    sparkline: totals.size === 1 ? summed(tiles.map((t) => t.sparkline)) : null,
    stats,
    health,
    oldestOkAt,
    sparklineTo: sparklineEnd(now),
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

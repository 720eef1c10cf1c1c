import type { SessionRow } from '../model/state';

/**
 * The session figures, defined once for every place that shows or judges them:
 * alert rules, overview tiles, the wall board, CSV exports and `--once`. A tile and
 * an alert over the same sessions therefore always agree.
 */

type Timed = Pick<SessionRow, 'startedAt' | 'endedAt'>;
type Judged = Pick<SessionRow, 'failed' | 'startupTimeMs' | 'rebufferingMs' | 'playingMs'>;

/** When a session counts as having happened: its start, or its end when the start is unknown. */
export function sessionTime(row: Timed): number | null {
  return row.startedAt ?? row.endedAt;
}

/**
 * Whether a session belongs to the window that ends at `now`. A session dated more
 * than a minute in the future (a platform clock ahead of ours) waits until its time comes.
 */
export function inWindow(row: Timed, from: number, now: number): boolean {
  const at = sessionTime(row);
  return at !== null && at >= from && at <= now + 60_000;
}

export function median(values: readonly number[]): number | null {
  return medianSorting(Float64Array.from(values));
}

/**
 * The median of `values`, sorting them in place. A typed array sorts numbers
 * natively; an array sorted with a comparator calls back into JavaScript for
 * every comparison, and the startup times of a busy source's hour are
 * thousands of numbers, sorted again on every update.
 */
function medianSorting(values: Float64Array): number | null {
  if (values.length === 0) return null;
  values.sort();
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

export interface SessionFigures {
  /** Sessions whose outcome is known (failed true or false); api.video and Zoom report none. */
  readonly judged: number;
  readonly failed: number;
  /** failed ÷ judged, or null when no session says whether it failed. */
  readonly failedShare: number | null;
  /** Sessions that report both rebuffering and playing time. */
  readonly withPlayback: number;
  /** Rebuffering time over rebuffering plus playing time (the usual "rebuffering ratio"). */
  readonly rebufferingShare: number | null;
  /** Sessions that started playing and report a startup time. */
  readonly withStartup: number;
  readonly medianStartupMs: number | null;
}

/** The figures with the sums and sorted values they came from, so several groups' figures can be combined. */
export interface CountedFigures extends SessionFigures {
  readonly rebufferingMs: number;
  /** Rebuffering plus playing time. */
  readonly watchedMs: number;
  /** The startup times counted, ascending. */
  readonly startups: Float64Array;
}

/**
 * Figures over the given sessions. A failed start is left out of the median startup
 * time: it never started, so it has no startup time to speak of, and the platforms'
 * own startup metrics (Conviva's video startup time, for one) count only successful
 * starts. Its failure is counted where it belongs, in the failure share.
 */
export function sessionFigures(rows: readonly Judged[]): CountedFigures {
  let judged = 0;
  let failed = 0;
  let withPlayback = 0;
  let rebuffering = 0;
  let watched = 0;
  const startups = new Float64Array(rows.length);
  let withStartup = 0;
  // Indexed: run once per update over thousands of rows, for…of would allocate a result per step below V8's top tier.
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.failed !== null) {
      judged++;
      if (row.failed) failed++;
    }
    if (row.rebufferingMs !== null && row.playingMs !== null) {
      withPlayback++;
      rebuffering += row.rebufferingMs;
      watched += row.rebufferingMs + row.playingMs;
    }
    if (row.startupTimeMs !== null && row.failed !== true) startups[withStartup++] = row.startupTimeMs;
  }
  const sorted = startups.subarray(0, withStartup);
  const sums = { judged, failed, withPlayback, rebuffering, watched, withStartup };
  return {
    ...figuresOf(sums, medianSorting(sorted)),
    rebufferingMs: rebuffering,
    watchedMs: watched,
    startups: sorted,
  };
}

interface Sums {
  readonly judged: number;
  readonly failed: number;
  readonly withPlayback: number;
  readonly rebuffering: number;
  readonly watched: number;
  readonly withStartup: number;
}

/** The figures from their sums: the one place a share is defined. */
function figuresOf(sums: Sums, medianStartupMs: number | null): SessionFigures {
  const { judged, failed, withPlayback, rebuffering, watched, withStartup } = sums;
  return {
    judged,
    failed,
    failedShare: judged > 0 ? failed / judged : null,
    withPlayback,
    rebufferingShare: watched > 0 ? rebuffering / watched : null,
    withStartup,
    medianStartupMs,
  };
}

/**
 * The figures over several groups of sessions together, from each group's own:
 * the same as sessionFigures over all their rows, without going over the rows
 * again. The median walks the groups' sorted startup times up to the middle.
 */
export function combineFigures(parts: readonly CountedFigures[]): SessionFigures {
  let judged = 0;
  let failed = 0;
  let withPlayback = 0;
  let rebuffering = 0;
  let watched = 0;
  let withStartup = 0;
  for (const part of parts) {
    judged += part.judged;
    failed += part.failed;
    withPlayback += part.withPlayback;
    rebuffering += part.rebufferingMs;
    watched += part.watchedMs;
    withStartup += part.withStartup;
  }
  const sums = { judged, failed, withPlayback, rebuffering, watched, withStartup };
  return figuresOf(
    sums,
    medianOfSorted(
      parts.map((part) => part.startups),
      withStartup,
    ),
  );
}

/** The median of sorted runs holding `count` values in all: a merge up to the middle value(s). */
function medianOfSorted(runs: readonly Float64Array[], count: number): number | null {
  if (count === 0) return null;
  const at = runs.map(() => 0);
  const mid = count >> 1;
  let previous = 0;
  for (let rank = 0; ; rank++) {
    let next = -1;
    for (let r = 0; r < runs.length; r++) {
      if (at[r]! < runs[r]!.length && (next === -1 || runs[r]![at[r]!]! < runs[next]![at[next]!]!)) next = r;
    }
    const value = runs[next]![at[next]!++]!;
    if (rank === mid) return count % 2 === 1 ? value : (previous + value) / 2;
    previous = value;
  }
}

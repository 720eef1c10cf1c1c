/**
 * Which `/sessions/content` time windows to ask for next. Pure: the cursor
 * (the first instant not yet fetched) lives in the Connection and only moves
 * past a window once that window's sessions were delivered, so consecutive
 * polls never leave a gap and never ask for the same window twice.
 *
 * Conviva's rules (its API reference): a window spans at most 3 hours and starts within
 * the last 31 days; only ended sessions are returned, so a window is asked for
 * only once it lies a little in the past.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Half-open interval [start, end) in epoch ms. */
export interface TimeWindow {
  readonly start: number;
  readonly end: number;
}

export interface PlannerLimits {
  readonly maxWindowMs: number;
  readonly retentionMs: number;
  /** Kept clear of the 31-day edge so a window is still valid when it reaches Conviva (clock skew, slow requests). */
  readonly retentionMarginMs: number;
  /** How far behind now a window must end, for sessions ending at its edge to be reported. */
  readonly settleMs: number;
  /** Shorter windows wait for the next poll: no point asking for a few seconds. */
  readonly minWindowMs: number;
  /** Bounds the requests one poll makes when catching up after the app was closed. */
  readonly maxWindowsPerPoll: number;
  /** How far back the first poll of a new connection looks. */
  readonly initialLookbackMs: number;
}

export const DEFAULT_PLANNER_LIMITS: PlannerLimits = {
  maxWindowMs: 3 * HOUR,
  retentionMs: 31 * DAY,
  retentionMarginMs: 15 * MINUTE,
  settleMs: 2 * MINUTE,
  minWindowMs: MINUTE,
  maxWindowsPerPoll: 4,
  initialLookbackMs: HOUR,
};

export interface WindowPlan {
  /** Oldest first, contiguous, each at most `maxWindowMs` long. */
  readonly windows: readonly TimeWindow[];
  /** Time between the cursor and the 31-day edge that can no longer be asked for. */
  readonly skipped: TimeWindow | null;
}

export function planWindows(
  cursor: number | null,
  now: number,
  limits: PlannerLimits = DEFAULT_PLANNER_LIMITS,
): WindowPlan {
  // Whole minutes keep the queries readable and identical however the poll was jittered.
  const readyEnd = floorToMinute(now - limits.settleMs);
  const earliest = ceilToMinute(now - limits.retentionMs + limits.retentionMarginMs);
  const wanted = cursor ?? readyEnd - limits.initialLookbackMs;
  const skipped = cursor !== null && cursor < earliest ? { start: cursor, end: earliest } : null;
  let start = Math.max(wanted, earliest);

  const windows: TimeWindow[] = [];
  while (windows.length < limits.maxWindowsPerPoll && readyEnd - start >= limits.minWindowMs) {
    const end = Math.min(start + limits.maxWindowMs, readyEnd);
    windows.push({ start, end });
    start = end;
  }
  return { windows, skipped };
}

/**
 * Newest-first windows covering the recent past, for looking up one session
 * whose time is unknown. Bounded by `count`.
 */
export function recentWindows(
  now: number,
  count: number,
  limits: PlannerLimits = DEFAULT_PLANNER_LIMITS,
): TimeWindow[] {
  const windows: TimeWindow[] = [];
  const earliest = ceilToMinute(now - limits.retentionMs + limits.retentionMarginMs);
  let end = ceilToMinute(now);
  while (windows.length < count && end > earliest) {
    const start = Math.max(end - limits.maxWindowMs, earliest);
    windows.push({ start, end });
    end = start;
  }
  return windows;
}

/** A window of at most the maximum length around an instant, inside the retention period. */
export function windowAround(
  at: number,
  now: number,
  limits: PlannerLimits = DEFAULT_PLANNER_LIMITS,
): TimeWindow | null {
  const earliest = ceilToMinute(now - limits.retentionMs + limits.retentionMarginMs);
  const end = Math.min(ceilToMinute(now), ceilToMinute(at + limits.maxWindowMs / 3));
  const start = Math.max(earliest, end - limits.maxWindowMs);
  return end > start && at >= start ? { start, end } : null;
}

function floorToMinute(at: number): number {
  return Math.floor(at / MINUTE) * MINUTE;
}

function ceilToMinute(at: number): number {
  return Math.ceil(at / MINUTE) * MINUTE;
}

import type { ViewerPoint } from '@shared/model/samples';
import type { SessionRow } from '@shared/model/state';

export interface SessionFigures {
  /** Sessions whose outcome is known (failed true or false). */
  readonly judged: number;
  readonly failed: number;
  readonly withPlayback: number;
  readonly rebufferingShare: number | null;
  readonly withStartup: number;
  readonly medianStartupMs: number | null;
}

/** Figures over the sessions that started at or after `since`. */
export function sessionFigures(sessions: readonly SessionRow[], since: number): SessionFigures {
  let judged = 0;
  let failed = 0;
  let withPlayback = 0;
  let rebuffering = 0;
  let playing = 0;
  const startups: number[] = [];
  for (const s of sessions) {
    if (s.startedAt === null || s.startedAt < since) continue;
    if (s.failed !== null) {
      judged++;
      if (s.failed) failed++;
    }
    if (s.rebufferingMs !== null && s.playingMs !== null) {
      withPlayback++;
      rebuffering += s.rebufferingMs;
      playing += s.playingMs;
    }
    // A failed start has no meaningful startup time.
    if (s.startupTimeMs !== null && s.failed !== true) startups.push(s.startupTimeMs);
  }
  return {
    judged,
    failed,
    withPlayback,
    rebufferingShare: withPlayback > 0 && rebuffering + playing > 0 ? rebuffering / (rebuffering + playing) : null,
    withStartup: startups.length,
    medianStartupMs: median(startups),
  };
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The latest value, the value `windowMs` ago and the peak in between — or
 * null when the newest point is not fresh (two intervals old): a stale number
 * must not fire or resolve a viewer alert.
 */
export function viewerFigures(
  points: readonly ViewerPoint[],
  now: number,
  windowMs: number,
  intervalMs: number,
): { latest: number; then: number; peak: number } | null {
  const last = points.at(-1);
  if (!last || now - last.at > 2 * intervalMs + 60_000) return null;
  const from = last.at - windowMs;
  let then: number | null = null;
  let peak = 0;
  for (const p of points) {
    if (p.at < from) continue;
    then ??= p.viewers;
    if (p.at < last.at) peak = Math.max(peak, p.viewers);
  }
  if (then === null || points[0]!.at > from + intervalMs) return null;
  return { latest: last.viewers, then, peak };
}

import { isReadingStale, type FreshnessFacts } from '@shared/figures/freshness';
import type { ViewerPoint } from '@shared/model/samples';
import { inWindow, sessionFigures as figuresOf, type SessionFigures } from '@shared/figures/session-figures';
import type { SessionRow } from '@shared/model/state';

/** The shared session figures over the sessions of the window that ends at `now`. */
export function sessionFigures(sessions: readonly SessionRow[], since: number, now: number): SessionFigures {
  return figuresOf(sessions.filter((row) => inWindow(row, since, now)));
}

/**
 * The latest value, the value `windowMs` ago and the peak in between — or
 * null when the newest reading is stale by the one freshness rule (shared with
 * every view): a stale number must not fire or resolve a viewer alert.
 */
export function viewerFigures(
  points: readonly ViewerPoint[],
  now: number,
  windowMs: number,
  source: FreshnessFacts,
): { latest: number; then: number; peak: number } | null {
  const last = points.at(-1);
  const intervalMs = source.intervalMs;
  if (!last || isReadingStale(source, last.at, now)) return null;
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

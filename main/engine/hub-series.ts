import type { ViewerPoint } from '@shared/model/samples';
import type { RingBuffer } from './ring-buffer';

/**
 * Merges points into a time-ordered series and returns only the points that
 * changed what the series holds, in time order. Platforms re-send most of a
 * window every poll (NAVER: the last 60 minutes each minute), so most
 * incoming points are already held with the same value and produce nothing.
 *
 * Readers replay the returned points the same way (same-time point replaced,
 * others inserted in time order, oldest dropped beyond capacity): see
 * apply-patch.ts.
 */
export function mergePoints(series: RingBuffer<ViewerPoint>, incoming: readonly ViewerPoint[]): ViewerPoint[] {
  const changed: ViewerPoint[] = [];
  const ordered = isAscending(incoming) ? incoming : [...incoming].sort((a, b) => a.at - b.at);
  for (const point of ordered) {
    const last = series.last();
    if (last === undefined || point.at > last.at) {
      series.push(point);
      changed.push(point);
      continue;
    }
    const index = firstAtOrAfter(series, point.at);
    const held = series.at(index);
    if (held !== undefined && held.at === point.at) {
      if (held.viewers !== point.viewers) {
        series.set(index, point);
        changed.push(point);
      }
      continue;
    }
    // A late point older than everything in a full series would fall straight out again.
    if (index === 0 && series.length === series.capacity) continue;
    series.insert(index, point);
    changed.push(point);
  }
  return changed;
}

function isAscending(points: readonly ViewerPoint[]): boolean {
  for (let i = 1; i < points.length; i++) if (points[i - 1]!.at > points[i]!.at) return false;
  return true;
}

/** Binary search: the index of the first point at or after `at` (length when none). */
function firstAtOrAfter(series: RingBuffer<ViewerPoint>, at: number): number {
  let low = 0;
  let high = series.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (series.at(mid)!.at < at) low = mid + 1;
    else high = mid;
  }
  return low;
}

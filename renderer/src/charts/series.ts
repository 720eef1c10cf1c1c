import type { ViewerPoint } from '../../../shared/model/samples';

/** A chart.js point with parsing off: x is epoch ms, null y breaks the line. */
export interface ChartPoint {
  readonly x: number;
  readonly y: number | null;
}

/**
 * Consecutive points further apart than this many poll intervals have missing
 * data between them. A line drawn straight across would claim viewers we never
 * saw; 2.5 leaves room for one late or skipped poll without breaking the line.
 */
export const GAP_FACTOR = 2.5;

/** The points from `from` on (plus the one just before, so the line enters from the edge). */
export function pointsSince(points: readonly ViewerPoint[], from: number): readonly ViewerPoint[] {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (points[mid]!.at < from) lo = mid + 1;
    else hi = mid;
  }
  return points.slice(Math.max(0, lo - 1));
}

/** Sorted points split into runs without gaps. */
export function splitAtGaps(points: readonly ViewerPoint[], intervalMs: number): ViewerPoint[][] {
  const runs: ViewerPoint[][] = [];
  let run: ViewerPoint[] = [];
  for (const point of points) {
    const previous = run[run.length - 1];
    if (previous && point.at - previous.at > GAP_FACTOR * intervalMs) {
      runs.push(run);
      run = [];
    }
    run.push(point);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * Chart data for one series over a range: sorted, already in chart.js's
 * internal {x, y} form (so parsing can be off and decimation can work), with a
 * null between runs so `spanGaps: false` draws the gap as a gap.
 */
export function toChartData(points: readonly ViewerPoint[], intervalMs: number, from: number): ChartPoint[] {
  const data: ChartPoint[] = [];
  const runs = splitAtGaps(pointsSince(points, from), intervalMs);
  runs.forEach((run, index) => {
    if (index > 0) {
      const before = runs[index - 1]![runs[index - 1]!.length - 1]!;
      data.push({ x: before.at + (run[0]!.at - before.at) / 2, y: null });
    }
    for (const point of run) data.push({ x: point.at, y: point.viewers });
  });
  return data;
}

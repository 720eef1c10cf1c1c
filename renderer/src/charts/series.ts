import type { ViewerPoint } from '@shared/model/samples';

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
  return points.slice(Math.max(0, firstAt(points, from) - 1));
}

/** How many readings fall in [from, to]. */
export function readingsInRange(points: readonly ViewerPoint[], from: number, to: number): number {
  return Math.max(0, firstAt(points, to + 1) - firstAt(points, from));
}

/** The index of the first point at or after `at` (points are sorted). */
function firstAt(points: readonly ViewerPoint[], at: number): number {
  return firstIndex(points.length, (i) => points[i]!.at < at);
}

/** Binary search: the first index in [0, length) for which `before` is false (it must be true, then false). */
function firstIndex(length: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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

interface Made {
  readonly intervalMs: number;
  readonly bucketMs: number;
  readonly data: ChartPoint[];
}

const wholeSeries = new WeakMap<readonly ViewerPoint[], Made>();

/**
 * A series' chart data over everything held, made once per points array. An
 * update appends to one source's array and leaves the others as they were, so
 * the other lines are not converted again, and chart.js, handed the same data
 * array, skips parsing it too. The x axis's min and max choose what is drawn.
 * With `bucketMs` longer than the poll interval (a day on one screen) only
 * each bucket's lowest and highest points are kept (see minMaxBuckets).
 */
export function chartData(points: readonly ViewerPoint[], intervalMs: number, bucketMs = 0): ChartPoint[] {
  const held = wholeSeries.get(points);
  if (held && held.intervalMs === intervalMs && held.bucketMs === bucketMs) return held.data;
  const whole = toChartData(points, intervalMs, -Infinity);
  const data = bucketMs > intervalMs ? minMaxBuckets(whole, bucketMs) : whole;
  wholeSeries.set(points, { intervalMs, bucketMs, data });
  return data;
}

/**
 * Keeps, of the points in each stretch of `bucketMs`, the lowest and the
 * highest (in their own order and at their own times, so a tooltip shows real
 * readings); gap markers stay. A line through them looks the same as through
 * all points once buckets are a few pixels wide, and costs a fraction to draw.
 */
export function minMaxBuckets(data: readonly ChartPoint[], bucketMs: number): ChartPoint[] {
  const out: ChartPoint[] = [];
  let bucket = NaN;
  let low: ChartPoint | null = null;
  let high: ChartPoint | null = null;
  const close = () => {
    if (low && high) {
      if (low === high) out.push(low);
      else if (low.x < high.x) out.push(low, high);
      else out.push(high, low);
    }
    low = high = null;
  };
  for (const point of data) {
    if (point.y === null) {
      close();
      out.push(point);
      bucket = NaN;
      continue;
    }
    const at = Math.floor(point.x / bucketMs);
    if (at !== bucket) {
      close();
      bucket = at;
    }
    if (low === null || point.y < low.y!) low = point;
    if (high === null || point.y > high.y!) high = point;
  }
  close();
  return out;
}

/** How many points of sorted chart data fall in [from, to], gap markers left out. */
export function pointsInRange(data: readonly ChartPoint[], from: number, to: number): number {
  let count = 0;
  for (let i = firstAtOrAfter(data, from); i < data.length && data[i]!.x <= to; i++) if (data[i]!.y !== null) count++;
  return count;
}

function firstAtOrAfter(data: readonly ChartPoint[], from: number): number {
  return firstIndex(data.length, (i) => data[i]!.x < from);
}

const radii = new WeakMap<readonly ChartPoint[], number | number[]>();
export const LONE_READING_RADIUS = 3;

/**
 * Point radius for chart data: 0 (lines only), except for a reading with a
 * gap (or the edge of the data) on both sides, which no line segment would
 * show: it gets a dot, as on the sparklines. One number when there are none.
 */
export function loneReadingRadius(data: readonly ChartPoint[]): number | number[] {
  const held = radii.get(data);
  if (held !== undefined) return held;
  const lone = (i: number) =>
    data[i]!.y !== null && (data[i - 1]?.y ?? null) === null && (data[i + 1]?.y ?? null) === null;
  let result: number | number[] = 0;
  for (let i = 0; i < data.length; i++) {
    if (!lone(i)) continue;
    if (result === 0) result = new Array<number>(data.length).fill(0);
    (result as number[])[i] = LONE_READING_RADIUS;
  }
  radii.set(data, result);
  return result;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ViewerPoint } from '@shared/model/samples';
import {
  chartData,
  loneReadingRadius,
  minMaxBuckets,
  pointsInRange,
  readingsInRange,
  toChartData,
  type ChartPoint,
} from '../../../renderer/src/charts/series';
import { mergePoints } from '../../../renderer/src/state/apply-patch';

const MIN = 60_000;
const at = (minutes: number[]): ViewerPoint[] => minutes.map((m) => ({ at: m * MIN, viewers: m }));

describe('chartData', () => {
  it('makes the data once per points array and interval', () => {
    const points = at([0, 1, 2, 6, 7]);
    const data = chartData(points, MIN);
    expect(chartData(points, MIN)).toBe(data);
    expect(data).toEqual(toChartData(points, MIN, -Infinity));
    expect(data.map((p) => p.y)).toEqual([0, 1, 2, null, 6, 7]);
  });

  it('makes new data when the interval changes, and for a new points array', () => {
    const points = at([0, 1, 2, 6, 7]);
    const byMinute = chartData(points, MIN);
    const byFiveMinutes = chartData(points, 5 * MIN);
    expect(byFiveMinutes).not.toBe(byMinute);
    expect(byFiveMinutes).toEqual(toChartData(points, 5 * MIN, -Infinity));
    expect(byFiveMinutes.some((p) => p.y === null)).toBe(false);
    expect(chartData(points, MIN)).toEqual(byMinute);

    const appended = mergePoints(points, at([8]));
    const after = chartData(appended, MIN);
    expect(after).not.toBe(chartData(points, MIN));
    expect(after.at(-1)).toEqual({ x: 8 * MIN, y: 8 });
    // An equal but different array is a different series as far as the cache goes.
    expect(chartData([...points], MIN)).not.toBe(chartData(points, MIN));
    expect(chartData([], MIN)).toEqual([]);
  });

  it('equals toChartData over everything held, for any points and interval', () => {
    const points = fc
      .uniqueArray(fc.integer({ min: 0, max: 10_000 }), { maxLength: 60 })
      .map((minutes) => at(minutes.sort((a, b) => a - b)));
    fc.assert(
      fc.property(points, fc.constantFrom(30_000, MIN, 5 * MIN), (p, interval) => {
        const data = chartData(p, interval);
        expect(data).toEqual(toChartData(p, interval, -Infinity));
        expect(chartData(p, interval)).toBe(data);
      }),
    );
  });
});

describe('pointsInRange', () => {
  const data: ChartPoint[] = [
    { x: 0, y: 1 },
    { x: 10, y: 2 },
    { x: 15, y: null },
    { x: 20, y: 3 },
    { x: 30, y: 4 },
  ];

  it('counts the points in [from, to], ends included, gap markers left out', () => {
    expect(pointsInRange(data, 10, 20)).toBe(2);
    expect(pointsInRange(data, 11, 19)).toBe(0);
    expect(pointsInRange(data, -100, 100)).toBe(4);
    expect(pointsInRange(data, 30, 30)).toBe(1);
    expect(pointsInRange(data, 31, 40)).toBe(0);
    expect(pointsInRange(data, 20, 10)).toBe(0);
    expect(pointsInRange([], 0, 10)).toBe(0);
  });

  it('agrees with filtering every point, for any sorted data and range', () => {
    const chart = fc
      .array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.option(fc.nat(), { freq: 4 })), { maxLength: 40 })
      .map((pairs) => pairs.map(([x, y]): ChartPoint => ({ x, y })).sort((a, b) => a.x - b.x));
    fc.assert(
      fc.property(chart, fc.integer({ min: -60, max: 60 }), fc.integer({ min: -60, max: 60 }), (d, from, to) => {
        expect(pointsInRange(d, from, to)).toBe(d.filter((p) => p.y !== null && p.x >= from && p.x <= to).length);
      }),
      { numRuns: 500 },
    );
  });
});

describe('minMaxBuckets (a day on one screen)', () => {
  const pts = (pairs: Array<[number, number | null]>): ChartPoint[] => pairs.map(([x, y]) => ({ x: x * MIN, y }));

  it('keeps each bucket’s lowest and highest reading, in time order, at their own times', () => {
    const data = pts([
      [0, 5],
      [1, 9],
      [2, 1],
      [3, 4],
      [4, 7],
      [5, 7],
      [6, 3],
    ]);
    // Buckets of three minutes: [0,1,2] [3,4,5] [6].
    expect(minMaxBuckets(data, 3 * MIN)).toEqual(
      pts([
        [1, 9],
        [2, 1],
        [3, 4],
        [4, 7],
        [6, 3],
      ]),
    );
  });

  it('keeps the gaps: a gap marker closes its bucket and stays where it was', () => {
    const data = pts([
      [0, 5],
      [1, 6],
      [2, null],
      [9, 2],
      [10, 8],
    ]);
    expect(minMaxBuckets(data, 5 * MIN)).toEqual(
      pts([
        [0, 5],
        [1, 6],
        [2, null],
        [9, 2],
        [10, 8],
      ]),
    );
  });

  it('for any series: a subset in order, with every bucket’s extremes and every gap', () => {
    const series = fc.array(fc.option(fc.integer({ min: 0, max: 1_000 }), { nil: null, freq: 8 }), { maxLength: 300 });
    fc.assert(
      fc.property(series, fc.integer({ min: 2, max: 20 }), (ys, bucketMin) => {
        const data = pts(ys.map((y, i) => [i, y]));
        const kept = minMaxBuckets(data, bucketMin * MIN);
        let last = -1;
        for (const point of kept) {
          const index = data.indexOf(point);
          expect(index).toBeGreaterThan(last);
          last = index;
        }
        expect(kept.filter((p) => p.y === null)).toHaveLength(data.filter((p) => p.y === null).length);
        expect(kept.length).toBeLessThanOrEqual(data.length);
        const values = (list: ChartPoint[]) => list.filter((p) => p.y !== null).map((p) => p.y!);
        if (values(data).length > 0) {
          expect(Math.max(...values(kept))).toBe(Math.max(...values(data)));
          expect(Math.min(...values(kept))).toBe(Math.min(...values(data)));
        }
      }),
    );
  });

  it('is what chartData gives for buckets longer than the poll interval, and only then', () => {
    const points = at(Array.from({ length: 60 }, (_, i) => i));
    expect(chartData(points, MIN, 5 * MIN)).toEqual(minMaxBuckets(toChartData(points, MIN, -Infinity), 5 * MIN));
    expect(chartData(points, MIN, 5 * MIN)).toHaveLength(24);
    expect(chartData(points, MIN, MIN)).toHaveLength(60);
  });
});

describe('readingsInRange', () => {
  it('counts the readings from `from` to `to`, both ends included', () => {
    const points = at([0, 1, 2, 3, 4, 5]);
    expect(readingsInRange(points, 1 * MIN, 3 * MIN)).toBe(3);
    expect(readingsInRange(points, 0.5 * MIN, 3.5 * MIN)).toBe(3);
    expect(readingsInRange(points, 6 * MIN, 9 * MIN)).toBe(0);
    expect(readingsInRange(points, 3 * MIN, 1 * MIN)).toBe(0);
    expect(readingsInRange([], 0, MIN)).toBe(0);
  });
});

describe('loneReadingRadius', () => {
  const pts = (ys: Array<number | null>): ChartPoint[] => ys.map((y, i) => ({ x: i * MIN, y }));

  it('is one number when every reading has a neighbour a line can reach', () => {
    expect(loneReadingRadius(pts([1, 2, null, 3, 4]))).toBe(0);
  });

  it('gives a dot to a reading alone between gaps or at an edge, and to nothing else', () => {
    expect(loneReadingRadius(pts([5]))).toEqual([3]);
    expect(loneReadingRadius(pts([1, 2, null, 7, null, 3, 4]))).toEqual([0, 0, 0, 3, 0, 0, 0]);
    expect(loneReadingRadius(pts([1, null, 2, 3]))).toEqual([3, 0, 0, 0]);
  });

  it('works it out once per data array', () => {
    const data = pts([1, null, 2]);
    expect(loneReadingRadius(data)).toBe(loneReadingRadius(data));
  });
});

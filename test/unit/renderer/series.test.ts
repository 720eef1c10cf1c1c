import { describe, expect, it } from 'vitest';
import { pointsSince, splitAtGaps, toChartData } from '../../../renderer/src/charts/series';

const MIN = 60_000;
const at = (minutes: number[]) => minutes.map((m) => ({ at: m * MIN, viewers: m }));

describe('viewer series', () => {
  it('inserts a null where points are more than 2.5 intervals apart, and only there', () => {
    const data = toChartData(at([0, 1, 2, 5, 6]), MIN, 0);
    expect(data.map((p) => p.y)).toEqual([0, 1, 2, null, 5, 6]);
    expect(data[3]!.x).toBe(3.5 * MIN);
    // Two intervals (one missed poll) is still a line.
    expect(toChartData(at([0, 2, 4]), MIN, 0).some((p) => p.y === null)).toBe(false);
  });

  it('keeps the x values sorted so decimation and binary search work', () => {
    const data = toChartData(at([0, 1, 10, 11, 30]), MIN, 0);
    expect(data.map((p) => p.x)).toEqual([...data.map((p) => p.x)].sort((a, b) => a - b));
    expect(data.filter((p) => p.y === null)).toHaveLength(2);
  });

  it('starts a range with the last point before it, so the line enters from the edge', () => {
    expect(pointsSince(at([0, 1, 2, 3]), 1.5 * MIN).map((p) => p.viewers)).toEqual([1, 2, 3]);
    expect(pointsSince(at([5, 6]), 0).map((p) => p.viewers)).toEqual([5, 6]);
    expect(pointsSince([], 0)).toEqual([]);
  });

  it('splits runs for the sparkline', () => {
    expect(splitAtGaps(at([0, 1, 9, 10]), MIN).map((run) => run.length)).toEqual([2, 2]);
  });
});

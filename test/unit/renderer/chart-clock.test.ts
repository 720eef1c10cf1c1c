import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chartClock, RANGES } from '../../../renderer/src/charts/ranges';

const NOW = 1_760_000_000_123;

/** How far the clock jumps when it moves: the next value after the current one. */
const stepOf = (now: number, rangeMs: number) =>
  chartClock(chartClock(now, rangeMs) + 1, rangeMs) - chartClock(now, rangeMs);

describe('chartClock', () => {
  it('moves in whole seconds, about a thousandth of the range at a time, never less than a second', () => {
    // The stored ranges (7 d and longer) are drawn on the minute their data was read at, not on this clock.
    const live = RANGES.filter((range) => !range.stored);
    const steps = live.map((range) => stepOf(NOW, range.ms));
    expect(steps).toEqual([1_000, 4_000, 22_000, 86_000]);
    for (const [i, range] of live.entries()) {
      expect(steps[i]! % 1_000).toBe(0);
      expect(Math.abs(steps[i]! - range.ms / 1_000)).toBeLessThanOrEqual(500);
    }
  });

  it('is never behind now, by less than one step, on whole seconds, and the same all through a step', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 }),
        fc.constantFrom(...RANGES.map((r) => r.ms)),
        fc.integer({ min: 1, max: 200_000 }),
        (now, rangeMs, later) => {
          const clock = chartClock(now, rangeMs);
          const step = stepOf(now, rangeMs);
          expect(clock).toBeGreaterThanOrEqual(now);
          expect(clock - now).toBeLessThan(step);
          expect(clock % 1_000).toBe(0);
          expect(clock % step).toBe(0);
          // Every time of the step gives the same clock; the next millisecond starts the next step.
          expect(chartClock(clock - step + 1, rangeMs)).toBe(clock);
          expect(chartClock(clock, rangeMs)).toBe(clock);
          expect(chartClock(clock + 1, rangeMs)).toBe(clock + step);
          // It only moves forward, and by whole steps.
          const next = chartClock(now + later, rangeMs);
          expect(next).toBeGreaterThanOrEqual(clock);
          expect((next - clock) % step).toBe(0);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sessionFigures as alertFigures } from '../../../main/engine/alerts/figures';
import { QUALITY_WINDOW_MS, sessionStats } from '../../../renderer/src/features/overview/metrics';
import { combineFigures, median, sessionFigures } from '@shared/figures/session-figures';
import type { SessionRow } from '@shared/model/state';

const now = 1_760_000_000_000;
const MIN = 60_000;

const rowArb: fc.Arbitrary<SessionRow> = fc.record({
  sourceId: fc.constant('s'),
  id: fc.uuid(),
  startedAt: fc.option(fc.integer({ min: now - 3 * QUALITY_WINDOW_MS, max: now + 2 * MIN }), { nil: null }),
  endedAt: fc.option(fc.integer({ min: now - 3 * QUALITY_WINDOW_MS, max: now + 2 * MIN }), { nil: null }),
  device: fc.constant(null),
  os: fc.constant(null),
  failed: fc.option(fc.boolean(), { nil: null }),
  startupTimeMs: fc.option(fc.integer({ min: 0, max: 30_000 }), { nil: null }),
  rebufferingMs: fc.option(fc.integer({ min: 0, max: 600_000 }), { nil: null }),
  playingMs: fc.option(fc.integer({ min: 0, max: 3_600_000 }), { nil: null }),
  eventCount: fc.constant(null),
}) as fc.Arbitrary<SessionRow>;

describe('one rule for every session figure', () => {
  it('the overview tile and the alert rules compute the same numbers over the same hour', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 60 }), (rows) => {
        const tile = sessionStats(rows, now);
        const alert = alertFigures(rows, now - QUALITY_WINDOW_MS, now);
        expect(tile.failedOf).toBe(alert.judged);
        expect(tile.failedShare).toBe(alert.failedShare);
        expect(tile.medianStartupMs).toBe(alert.medianStartupMs);
        expect(tile.rebufferingShare).toBe(alert.rebufferingShare);
      }),
      { numRuns: 300 },
    );
  });

  it('the failure-rate rule fires exactly when the tile shows a share over its threshold', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 20, maxLength: 80 }),
        fc.double({ min: 0.01, max: 0.9, noNaN: true }),
        (rows, threshold) => {
          const tile = sessionStats(rows, now);
          const alert = alertFigures(rows, now - QUALITY_WINDOW_MS, now);
          if (tile.failedShare === null) return;
          expect(alert.failedShare! > threshold).toBe(tile.failedShare > threshold);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('leaves a failed start out of the median startup time', () => {
    const base = { failed: false, rebufferingMs: null, playingMs: null };
    const figures = sessionFigures([
      { ...base, startupTimeMs: 400 },
      { ...base, startupTimeMs: 600 },
      { ...base, failed: true, startupTimeMs: 20_000 },
    ]);
    expect(figures.medianStartupMs).toBe(500);
    expect(figures.withStartup).toBe(2);
    expect(figures.failedShare).toBeCloseTo(1 / 3);
  });

  it('says null, not zero, when no session reports a figure', () => {
    const figures = sessionFigures([{ failed: null, startupTimeMs: null, rebufferingMs: null, playingMs: null }]);
    expect(figures).toMatchObject({ failedShare: null, medianStartupMs: null, rebufferingShare: null, judged: 0 });
  });

  it('median is the middle of the numbers in numeric order, and leaves its argument as it was', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.double({ min: -1e9, max: 1e9, noNaN: true }).map((x) => x + 0),
          { maxLength: 200 },
        ),
        (values) => {
          const given = [...values];
          const sorted = [...values].sort((a, b) => a - b);
          const mid = sorted.length >> 1;
          const expected =
            sorted.length === 0 ? null : sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1]! + sorted[mid]!) / 2;
          expect(median(values)).toBe(expected);
          expect(values).toEqual(given);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('median of an even count is the mean of the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('figures combined from groups are the figures over all their rows (the all-sources tile)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(rowArb, { maxLength: 40 }), { maxLength: 6 }), (groups) => {
        const whole = sessionFigures(groups.flat());
        const combined = combineFigures(groups.map((rows) => sessionFigures(rows)));
        expect(combined.judged).toBe(whole.judged);
        expect(combined.failed).toBe(whole.failed);
        expect(combined.failedShare).toBe(whole.failedShare);
        expect(combined.withPlayback).toBe(whole.withPlayback);
        expect(combined.rebufferingShare).toBe(whole.rebufferingShare);
        expect(combined.withStartup).toBe(whole.withStartup);
        expect(combined.medianStartupMs).toBe(whole.medianStartupMs);
      }),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PLANNER_LIMITS as LIMITS,
  planWindows,
  recentWindows,
  windowAround,
  type TimeWindow,
} from '../../../../main/providers/conviva/window-planner';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = Date.parse('2025-03-10T20:00:00Z');

describe('Conviva window planner (table)', () => {
  it('starts a new connection one hour back, ending a settle delay before now', () => {
    expect(planWindows(null, T0 + 30_000)).toEqual({
      windows: [{ start: T0 - 2 * MINUTE - HOUR, end: T0 - 2 * MINUTE }],
      skipped: null,
    });
  });

  it('asks for the next few minutes only once they have ended', () => {
    const cursor = T0 - 2 * MINUTE;
    expect(planWindows(cursor, T0 + 30_000).windows).toEqual([]);
    expect(planWindows(cursor, T0 + 5 * MINUTE).windows).toEqual([{ start: cursor, end: T0 + 3 * MINUTE }]);
  });

  it('catches up after a day closed in 3-hour steps, at most four a poll', () => {
    const cursor = T0 - DAY;
    const plan = planWindows(cursor, T0 + 2 * MINUTE);
    expect(plan.windows).toHaveLength(LIMITS.maxWindowsPerPoll);
    expect(plan.windows[0]).toEqual({ start: cursor, end: cursor + 3 * HOUR });
    expect(plan.windows.at(-1)!.end).toBe(cursor + 12 * HOUR);
  });

  it('never reaches back past 31 days, and says what it skipped', () => {
    const cursor = T0 - 40 * DAY;
    const plan = planWindows(cursor, T0);
    const earliest = T0 - 31 * DAY + LIMITS.retentionMarginMs;
    expect(plan.skipped).toEqual({ start: cursor, end: earliest });
    expect(plan.windows[0]!.start).toBe(earliest);
  });

  it('plans nothing when the clock went backwards', () => {
    expect(planWindows(T0, T0 - HOUR)).toEqual({ windows: [], skipped: null });
  });

  it('looks up a session around a known time, or in recent windows newest first', () => {
    const around = windowAround(T0 - 5 * HOUR, T0)!;
    expect(around.end - around.start).toBe(3 * HOUR);
    expect(around.start).toBeLessThanOrEqual(T0 - 5 * HOUR);
    expect(around.end).toBeGreaterThan(T0 - 5 * HOUR);
    expect(windowAround(T0 - 40 * DAY, T0)).toBeNull();
    const recent = recentWindows(T0, 4);
    expect(recent.map((w) => w.end - w.start)).toEqual([3 * HOUR, 3 * HOUR, 3 * HOUR, 3 * HOUR]);
    expect(recent[1]!.end).toBe(recent[0]!.start);
  });
});

/**
 * Polls at arbitrary times (seconds apart to forty days apart), some windows
 * failing: the cursor only moves past delivered windows, as the endpoint does.
 */
describe('Conviva window planner (properties)', () => {
  const step = fc.record({
    advanceMs: fc.oneof(
      fc.integer({ min: 0, max: 10 * MINUTE }),
      fc.integer({ min: 0, max: 2 * DAY }),
      fc.integer({ min: 0, max: 40 * DAY }),
    ),
    failAt: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
  });

  it('never leaves a gap, never asks twice, never exceeds 3 hours, 31 days or the per-poll bound', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), (steps) => {
        let now = T0;
        let cursor: number | null = null;
        const delivered: TimeWindow[] = [];
        const skips: TimeWindow[] = [];
        for (const { advanceMs, failAt } of steps) {
          now += advanceMs;
          const plan = planWindows(cursor, now);
          expect(plan.windows.length).toBeLessThanOrEqual(LIMITS.maxWindowsPerPoll);
          if (plan.skipped) {
            skips.push(plan.skipped);
            cursor = plan.skipped.end;
          }
          for (const [index, window] of plan.windows.entries()) {
            expect(window.end - window.start).toBeLessThanOrEqual(3 * HOUR);
            expect(window.end).toBeGreaterThan(window.start);
            expect(window.start).toBeGreaterThanOrEqual(now - 31 * DAY);
            expect(window.end).toBeLessThanOrEqual(now - LIMITS.settleMs);
            if (failAt === index) break;
            delivered.push(window);
            cursor = window.end;
          }
        }
        // Delivered windows and reported skips tile the timeline exactly: each begins where the last ended.
        const covered = [...delivered, ...skips].sort((a, b) => a.start - b.start);
        for (let i = 1; i < covered.length; i++) expect(covered[i]!.start).toBe(covered[i - 1]!.end);
      }),
      { numRuns: 300 },
    );
  });

  it('catches up a closed day within a bounded number of polls at the usual interval', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 * DAY }), (closedMs) => {
        let now = T0;
        let cursor: number | null = planWindows(null, now).windows.at(-1)!.end;
        now += closedMs;
        let polls = 0;
        // Caught up = no more than one poll interval behind the newest window that may be asked for.
        while (cursor < now - LIMITS.settleMs - 6 * MINUTE && polls < 1000) {
          const plan = planWindows(cursor, now);
          if (plan.skipped) cursor = plan.skipped.end;
          cursor = plan.windows.at(-1)?.end ?? cursor;
          polls += 1;
          now += 5 * MINUTE;
        }
        // Each poll takes up to 12 h while time moves on 5 min.
        expect(polls).toBeLessThanOrEqual(Math.ceil(closedMs / (12 * HOUR - 5 * MINUTE)) + 1);
      }),
    );
  });
});

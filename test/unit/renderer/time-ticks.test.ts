import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { tickLabel, TICK_SPACING_PX, timeTicks } from '../../../renderer/src/charts/time-ticks';

/**
 * Expectations use Date's local getters, so these pass in any time zone; the
 * daylight-saving tests switch the zone themselves.
 */
const MIN = 60_000;
const STEPS_MIN = [1, 2, 5, 10, 15, 30, 60, 120, 180, 240, 360, 720, 1440];

const most = (widthPx: number) => Math.max(2, Math.floor(widthPx / TICK_SPACING_PX));
/** The step the axis should use: the smallest one that fits the width. */
const expectedStepMin = (from: number, to: number, widthPx: number) =>
  STEPS_MIN.find((m) => (to - from) / (m * MIN) <= most(widthPx)) ?? 1440;
const localMinuteOfDay = (at: number) => new Date(at).getHours() * 60 + new Date(at).getMinutes();
const local = (h: number, m: number, day = 15) => new Date(2025, 0, day, h, m).getTime();

describe('timeTicks', () => {
  it('is empty when the range is empty or backwards', () => {
    expect(timeTicks(1_000, 1_000, 800)).toEqual([]);
    expect(timeTicks(2_000, 1_000, 800)).toEqual([]);
    expect(timeTicks(Number.NaN, 1_000, 800)).toEqual([]);
  });

  it('puts 90 days on a 1000 px axis every 14 days at local midnight, and 7 days every 2 days', () => {
    const from = local(9, 30, 1);
    const ninety = timeTicks(from, from + 90 * 1440 * MIN, 1000);
    expect(ninety.length).toBeLessThanOrEqual(most(1000));
    expect(ninety.length).toBeGreaterThanOrEqual(5);
    expect(ninety.every((t) => localMinuteOfDay(t) === 0)).toBe(true);
    expect(new Date(ninety[0]!).getDate()).toBe(2);
    expect(new Date(ninety[1]!).getDate()).toBe(16);
    const week = timeTicks(from, from + 7 * 1440 * MIN, 400);
    expect(week.map((t) => new Date(t).getDate())).toEqual([2, 4, 6, 8]);
  });

  it('puts an hour on an 800 px axis every 10 minutes, on round local times', () => {
    const ticks = timeTicks(local(12, 3), local(13, 3), 800);
    expect(ticks).toEqual([local(12, 10), local(12, 20), local(12, 30), local(12, 40), local(12, 50), local(13, 0)]);
  });

  it('puts a day on an 800 px axis every 3 hours from local midnight', () => {
    const ticks = timeTicks(local(10, 17), local(10, 17, 16), 800);
    expect(ticks.map((t) => new Date(t).getHours())).toEqual([12, 15, 18, 21, 0, 3, 6, 9]);
    expect(ticks.every((t) => new Date(t).getMinutes() === 0)).toBe(true);
  });

  it('allows two ticks on a narrow axis', () => {
    const ticks = timeTicks(local(12, 3), local(12, 18), 0);
    expect(ticks).toEqual([local(12, 10)]);
    expect(timeTicks(local(12, 0), local(12, 15), 100).length).toBeLessThanOrEqual(2);
  });

  it('for any range and width: ticks in range, evenly spaced on the step that fits, on round local times', () => {
    const from = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) });
    const span = fc.oneof(
      fc.integer({ min: 1, max: 30 * 60 * MIN }),
      fc.constantFrom(...[15, 60, 360, 1440].map((m) => m * MIN)),
    );
    fc.assert(
      fc.property(from, span, fc.integer({ min: 0, max: 3_000 }), (start, length, width) => {
        const end = start + length;
        // Daylight-saving changes are tested on their own below.
        fc.pre(new Date(start).getTimezoneOffset() === new Date(end).getTimezoneOffset());
        const ticks = timeTicks(start, end, width);
        const stepMin = expectedStepMin(start, end, width);
        for (const t of ticks) {
          expect(t).toBeGreaterThanOrEqual(start);
          expect(t).toBeLessThanOrEqual(end);
          expect(localMinuteOfDay(t) % stepMin).toBe(0);
          expect(new Date(t).getSeconds()).toBe(0);
          expect(new Date(t).getMilliseconds()).toBe(0);
        }
        for (let i = 1; i < ticks.length; i++) expect(ticks[i]! - ticks[i - 1]!).toBe(stepMin * MIN);
        // Every multiple of the step in the range is there: none skipped at either end.
        expect(ticks.length).toBeGreaterThanOrEqual(Math.floor(length / (stepMin * MIN)));
        if (ticks.length > 0) {
          expect(ticks[0]! - start).toBeLessThan(stepMin * MIN);
          expect(end - ticks.at(-1)!).toBeLessThan(stepMin * MIN);
        }
        // As many as the width has room for; one more only when the range starts and ends on a tick.
        const edgeToEdge = ticks[0] === start && ticks.at(-1) === end;
        expect(ticks.length).toBeLessThanOrEqual(most(width) + (edgeToEdge ? 1 : 0));
        if (stepMin < 1440 && width >= 2 * TICK_SPACING_PX)
          expect(((stepMin * MIN) / length) * width).toBeGreaterThanOrEqual(TICK_SPACING_PX);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('timeTicks across a daylight-saving change', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  function inZone(tz: string): void {
    process.env.TZ = tz;
    // Make sure the runtime did switch zone, or the test would prove nothing.
    expect(new Date(2025, 0, 15).getTimezoneOffset()).not.toBe(new Date(2025, 6, 15).getTimezoneOffset());
  }

  it('keeps "every 3 hours" on 00:00, 03:00, 06:00… after clocks go forward (New York, 9 March 2025)', () => {
    inZone('America/New_York');
    const from = new Date(2025, 2, 8, 20, 0).getTime();
    const ticks = timeTicks(from, from + 24 * 60 * MIN, 800);
    expect(ticks.length).toBeGreaterThan(4);
    expect(ticks.map((t) => `${new Date(t).getHours()}:${new Date(t).getMinutes()}`)).toEqual(
      // 24 real hours from 20:00 end at 21:00 the next day: that day is an hour short.
      ['21', '0', '3', '6', '9', '12', '15', '18', '21'].map((h) => `${h}:0`),
    );
  });

  it('keeps "every 3 hours" on round hours after clocks go back (Berlin, 26 October 2025)', () => {
    inZone('Europe/Berlin');
    const from = new Date(2025, 9, 25, 12, 0).getTime();
    const ticks = timeTicks(from, from + 24 * 60 * MIN, 800);
    for (const t of ticks) expect(localMinuteOfDay(t) % 180).toBe(0);
  });
});

describe('tickLabel', () => {
  const pad = (n: number) => String(n).padStart(2, '0');

  it('shows the local hour and minute', () => {
    for (const at of [local(14, 30), local(0, 5), local(12, 0), local(23, 59), local(9, 7)]) {
      const label = tickLabel(at);
      const date = new Date(at);
      expect(label).toMatch(/^\d\d\D\d\d$/);
      expect(label.slice(0, 2)).toBe(pad(date.getHours()));
      expect(label.slice(3)).toBe(pad(date.getMinutes()));
    }
  });

  it('shows the date at local midnight', () => {
    const midnight = new Date(2025, 0, 16, 0, 0).getTime();
    const label = tickLabel(midnight);
    expect(label).toBe(new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' }).format(midnight));
    expect(label).toContain('16');
    expect(label).not.toMatch(/^\d\d\D\d\d$/);
  });
});

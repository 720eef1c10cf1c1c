import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clockNow, subscribeClock, tickWithUpdate } from '../../../renderer/src/state/ticker';

/** Listens to the clock and keeps the time of each tick. */
function recordTicks() {
  const ticks: number[] = [];
  return { ticks, off: subscribeClock(() => ticks.push(clockNow())) };
}

describe('the shared one-second clock', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 11, 5, 23, 59, 59, 400));
  });
  afterEach(() => vi.useRealTimers());

  it('ticks each second while someone listens', () => {
    const { ticks, off } = recordTicks();
    vi.advanceTimersByTime(3_000);
    off();
    vi.advanceTimersByTime(3_000);
    expect(ticks.map((at) => new Date(at).toISOString())).toEqual([
      '2026-12-06T00:00:00.400Z',
      '2026-12-06T00:00:01.400Z',
      '2026-12-06T00:00:02.400Z',
    ]);
  });

  it('ticks with a shown update (at midnight UTC here) and starts its next second from there, so the two never share frames', () => {
    const { ticks, off } = recordTicks();
    vi.advanceTimersByTime(600);
    tickWithUpdate();
    // The old schedule would tick 400 ms after the update; the next tick is a full second after it.
    vi.advanceTimersByTime(999);
    expect(ticks).toEqual([Date.UTC(2026, 11, 6, 0, 0, 0, 0)]);
    vi.advanceTimersByTime(1);
    expect(ticks).toEqual([Date.UTC(2026, 11, 6, 0, 0, 0, 0), Date.UTC(2026, 11, 6, 0, 0, 1, 0)]);
    off();
  });

  it('does not start a clock nobody listens to', () => {
    tickWithUpdate();
    expect(vi.getTimerCount()).toBe(0);
  });
});

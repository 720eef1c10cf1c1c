import { vi } from 'vitest';
import type { Clock, TimerHandle } from '../../main/engine/types';

export const T0 = Date.parse('2026-01-15T12:00:00.000Z');

/** The Clock the engine gets in tests, plus the controls a test needs. */
export interface FakeClock extends Clock {
  /** Moves time forward, running every timer that falls due and letting promises settle between them. */
  advance(ms: number): Promise<void>;
  /** Lets pending promise chains settle without moving time. */
  flush(): Promise<void>;
  /** Timers set through this clock that have neither fired nor been cleared. */
  pending(): number;
  /** Every fake timer, including those of libraries (bottleneck's). */
  allTimers(): number;
  uninstall(): void;
}

/**
 * A fake clock on vitest's fake timers. The engine's own timers go through
 * the injected Clock, but bottleneck reads Date.now() and the global timers,
 * so both are faked together and one advance() moves every timer in step.
 * Install before creating the engine; uninstall in afterEach.
 */
export function installFakeClock(start = T0): FakeClock {
  vi.useFakeTimers({ now: start, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  const live = new Set<TimerHandle>();
  return {
    now: () => Date.now(),
    setTimeout(callback, ms) {
      const handle = setTimeout(() => {
        live.delete(handle);
        callback();
      }, ms);
      live.add(handle);
      return handle;
    },
    clearTimeout(handle) {
      if (handle === undefined || handle === null) return;
      live.delete(handle);
      clearTimeout(handle as ReturnType<typeof setTimeout>);
    },
    async advance(ms) {
      await vi.advanceTimersByTimeAsync(ms);
    },
    async flush() {
      await vi.advanceTimersByTimeAsync(0);
    },
    pending: () => live.size,
    allTimers: () => vi.getTimerCount(),
    uninstall() {
      vi.clearAllTimers();
      vi.useRealTimers();
    },
  };
}

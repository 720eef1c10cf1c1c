import { vi } from 'vitest';
import type { FakeClock } from '../../../support/fake-clock';

export interface TimeDriver {
  /** Moves fake time forward by `ms`, one timer at a time, letting real I/O finish before each. */
  run(ms: number): Promise<void>;
  /** Runs until `done()` holds; fails after `withinMs` of fake time. Returns the fake time it took. */
  until(done: () => boolean, withinMs: number, what: string): Promise<number>;
  /** Waits (in real time) until only fake time can move things on. */
  settle(): Promise<void>;
}

export interface DriverOptions {
  readonly clock: FakeClock;
  /** True while some real work (a socket, a handler) is still on its way. */
  readonly busy: () => boolean;
  /** Called after every step, with the fake time: where tests watch for staleness. */
  readonly onStep?: (now: number) => void;
  /** The longest a real-time wait for the network may take before the test fails loudly. */
  readonly settleLimitMs?: number;
  /** Event-loop turns without change before the network counts as settled (default 3: a socket's answer may take a few). */
  readonly quietRounds?: number;
}

/**
 * Drives an engine on vitest's fake timers while real HTTP happens. A fake
 * clock left alone would race ahead of the sockets (a 20 s poll timeout
 * would fire before a 2 ms answer arrived), so time moves only to the next
 * due timer, and only once every request in flight has either been answered
 * or is parked by a fault that itself waits on fake time.
 */
export function createTimeDriver(options: DriverOptions): TimeDriver {
  const { clock } = options;
  const settleLimitMs = options.settleLimitMs ?? 10_000;
  const quietRounds = options.quietRounds ?? 3;

  async function settle(): Promise<void> {
    const startedAt = performance.now();
    let quiet = 0;
    while (quiet < quietRounds) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      const due = nextTimerAt();
      if (due !== null && due <= clock.now()) {
        // Zero-delay timers (bottleneck hands jobs over with them) are work, not waiting.
        vi.advanceTimersByTime(0);
        quiet = 0;
      } else {
        quiet = options.busy() ? 0 : quiet + 1;
      }
      if (performance.now() - startedAt > settleLimitMs) {
        throw new Error(`The network did not settle within ${settleLimitMs} ms of real time.`);
      }
    }
  }

  /** Advances to the next due timer (never past `limit`), then lets the network settle. */
  async function step(limit: number): Promise<void> {
    const now = clock.now();
    const next = nextTimerAt();
    const to = next === null ? limit : Math.min(limit, Math.max(next, now + 1));
    vi.advanceTimersByTime(to - now);
    await settle();
    options.onStep?.(clock.now());
  }

  return {
    settle,
    async run(ms) {
      const target = clock.now() + ms;
      await settle();
      while (clock.now() < target) await step(target);
    },
    async until(done, withinMs, what) {
      const startedAt = clock.now();
      const limit = startedAt + withinMs;
      await settle();
      while (!done()) {
        if (clock.now() >= limit) throw new Error(`${what}: not within ${withinMs / 1000} s of fake time.`);
        await step(limit);
      }
      return clock.now() - startedAt;
    },
  };
}

interface FakeTimers {
  readonly timers?: Readonly<Record<string, { readonly callAt: number }>>;
}

/**
 * When the next fake timer falls due. vitest's fake timers (@sinonjs/fake-timers)
 * hang their clock on the faked setTimeout; without it the driver steps a second at a time.
 */
function nextTimerAt(): number | null {
  const fake = (globalThis.setTimeout as unknown as { clock?: FakeTimers }).clock;
  if (fake === undefined) return Date.now() + 1_000;
  const timers = fake.timers ?? {};
  let next: number | null = null;
  // for…in rather than Object.values: this runs a few times per step, hundreds of thousands of times in the soak.
  for (const id in timers) {
    const callAt = timers[id]!.callAt;
    if (next === null || callAt < next) next = callAt;
  }
  return next;
}

import type { Clock } from '../../main/engine/types';

/**
 * Simulated time for the soak, outside vitest (whose fake timers refuse to
 * run without its runner). The engine's own timers go through the injected
 * Clock, but bottleneck and http.ts read Date.now() and the global timers, so
 * the globals are replaced too and one advance() moves all of them in step.
 * Between two timers the real event loop turns once (setImmediate, not
 * faked), so promise chains and the simulators' async work settle before
 * simulated time moves on.
 */
export interface FakeTime {
  readonly clock: Clock;
  now(): number;
  advance(ms: number): Promise<void>;
  /** Timers waiting to fire (engine, bottleneck, request timeouts). */
  pending(): number;
  uninstall(): void;
}

interface Timer {
  readonly id: number;
  at: number;
  readonly every: number | null;
  readonly run: () => void;
}

type Callback = (...args: unknown[]) => void;

export interface FakeTimeOptions {
  readonly start: number;
  /** True while simulated work is still under way in real time (a request being answered); advance waits for it. */
  readonly busy?: () => boolean;
}

export function installFakeTime(options: FakeTimeOptions): FakeTime {
  const real = {
    setTimeout: globalThis.setTimeout,
    clearTimeout: globalThis.clearTimeout,
    setInterval: globalThis.setInterval,
    clearInterval: globalThis.clearInterval,
    setImmediate: globalThis.setImmediate,
    Date: globalThis.Date,
  };
  let now = options.start;
  let nextId = 1;
  const timers = new Map<number, Timer>();

  /** Node's timers return objects with ref/unref; libraries call them. */
  const handleOf = (id: number) => ({
    id,
    ref() {
      return this;
    },
    unref() {
      return this;
    },
    hasRef: () => true,
    refresh() {
      const timer = timers.get(id);
      if (timer) timer.at = now + (timer.every ?? 0);
      return this;
    },
    [Symbol.toPrimitive]: () => id,
  });

  function add(callback: Callback, ms: unknown, args: unknown[], repeat: boolean): ReturnType<typeof handleOf> {
    const delay = Math.max(repeat ? 1 : 0, Number(ms) || 0);
    const id = nextId++;
    timers.set(id, { id, at: now + delay, every: repeat ? delay : null, run: () => callback(...args) });
    return handleOf(id);
  }

  function remove(handle: unknown): void {
    if (handle === null || handle === undefined) return;
    timers.delete(typeof handle === 'object' ? Number((handle as { id: number }).id) : Number(handle));
  }

  const FakeDate = class extends real.Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(now);
      else super(...(args as [string]));
    }
    static override now(): number {
      return now;
    }
  };

  const g = globalThis as Record<string, unknown>;
  g.setTimeout = (callback: Callback, ms?: unknown, ...args: unknown[]) => add(callback, ms, args, false);
  g.setInterval = (callback: Callback, ms?: unknown, ...args: unknown[]) => add(callback, ms, args, true);
  g.clearTimeout = remove;
  g.clearInterval = remove;
  g.Date = FakeDate;

  const turn = () => new Promise<void>((resolve) => real.setImmediate(resolve));

  async function settle(): Promise<void> {
    await turn();
    // A simulator verifying a JWT answers after real crypto work; simulated time waits for it.
    for (let spins = 0; options.busy?.() && spins < 10_000; spins++) await turn();
  }

  function earliest(): Timer | undefined {
    let found: Timer | undefined;
    for (const timer of timers.values()) if (!found || timer.at < found.at) found = timer;
    return found;
  }

  return {
    clock: {
      now: () => now,
      setTimeout: (callback, ms) => add(callback, ms, [], false),
      clearTimeout: remove,
    },
    now: () => now,
    async advance(ms) {
      const target = now + ms;
      for (;;) {
        await settle();
        const timer = earliest();
        if (!timer || timer.at > target) break;
        now = Math.max(now, timer.at);
        if (timer.every === null) timers.delete(timer.id);
        else timer.at += timer.every;
        timer.run();
      }
      now = target;
      await settle();
    },
    pending: () => timers.size,
    uninstall() {
      Object.assign(g, {
        setTimeout: real.setTimeout,
        clearTimeout: real.clearTimeout,
        setInterval: real.setInterval,
        clearInterval: real.clearInterval,
        Date: real.Date,
      });
      timers.clear();
    },
  };
}

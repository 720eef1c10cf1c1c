import type { Browser, Page } from '@playwright/test';
import { NEW_SESSIONS, openApp, publishHeldState, type View } from '../support/fake-api-app';
import type { PageGlobals } from '../support/page-globals';
import { busyPerFrame, busyWithin, longestWithin, traceMainThread } from '../support/main-thread-trace';
import { judge, type Row } from '../support/result';
import type { StaticSite } from '../support/static-site';
import { round, summarize } from '../support/stats';

/**
 * Figure 3: the renderer applying one poll's update (1,500 new sessions of one
 * source, the evictions that keep the hub at 10,000, a new viewer point, the
 * source's new health) while holding 10,000 sessions and ten 24-hour series.
 * Measured from Chromium's trace of the page's main thread (every task its
 * scheduler ran, whoever queued it), booked to the frames between the page's
 * animation-frame timestamps: the app applies patches in tasks of its own,
 * React may split a render into slices over several frames, the chart draws
 * in a worker. Wherever work lands on the main thread, it is counted, and
 * nothing polls in the page while it is measured. The figure is an update's
 * busiest frame; the notes give the main thread's total time per update, so
 * moving work between frames cannot pass for removing it. Plus the longest
 * task (traced, or PerformanceObserver 'longtask')
 * from the push until 250 ms after. Three screens: the overview at its
 * default 1-hour range, the overview showing all 24 hours, and the sessions
 * table. The first updates on each screen warm up the JIT and are not counted:
 * an operator's window has been running for hours.
 */
const FRAME_MS = 16.7;
/** On a quiet machine an update must leave half a frame free: the margin a busy workstation eats. */
const QUIET_P95_MS = 8;
const LONG_TASK_MS = 30;

/**
 * Quiet: nothing else runs. Loaded: a second process keeps one core busy (the
 * browser, video player and call an operator runs beside Streamwatch).
 */
export interface Condition {
  readonly loaded: boolean;
}
const WARMUP = 3;
const REPS = 20;
/**
 * Frames followed after each push: React may spread a render over several, the
 * chart draws in its worker after them; by the twelfth the page has long been idle.
 */
const FRAMES_FOLLOWED = 12;
const POSITIONS_SHOWN = 5;
const TRAILING_MS = 250;

interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly view: View;
  readonly prepare?: (page: Page) => Promise<void>;
}

const SCENARIOS: readonly Scenario[] = [
  { id: '3a', title: 'overview, 1 h range (default)', view: 'overview' },
  {
    id: '3b',
    title: 'overview, 24 h range',
    view: 'overview',
    prepare: async (page) => {
      await page.getByRole('radio', { name: '24 h' }).click();
      await page.evaluate(() => (globalThis as unknown as PageGlobals).__probe.settle(10));
    },
  },
  { id: '3c', title: 'sessions table', view: 'sessions' },
];

interface Measured {
  /** The busiest frame of each update. */
  readonly frames: number[];
  /** Each frame's busy time, by position after the push (the first four). */
  readonly byPosition: number[][];
  /** The main thread's whole time per update, over all the frames followed. */
  readonly totals: number[];
  readonly latencies: number[];
  /** Per update, the longest task: traced, or reported by the long-task observer. */
  readonly longest: number[];
  readonly longtaskSupported: boolean;
}

interface Followed {
  readonly pushedAt: number;
  readonly bounds: number[];
  readonly drawnAt: number | null;
  readonly longtasks: number[];
}

async function measure(browser: Browser, page: Page, updates: readonly string[]): Promise<Measured> {
  const { result: followed, tasks } = await traceMainThread(browser, page, async () => {
    const out: Followed[] = [];
    for (const name of updates) {
      await page.evaluate((n) => (globalThis as unknown as PageGlobals).__bench.fetchPatches(n), name);
      await page.evaluate(() => (globalThis as unknown as PageGlobals).__probe.settle(3));
      const { pushedAt, bounds } = await page.evaluate(
        ([n, count]) => {
          const { __probe, __bench } = globalThis as unknown as PageGlobals;
          return __probe.followUpdate(n!, () => __bench.push(n!), Number(count));
        },
        [name, String(FRAMES_FOLLOWED)],
      );
      await page.waitForTimeout(TRAILING_MS);
      const longtasks = await page.evaluate(
        ([from, to]) => (globalThis as unknown as PageGlobals).__probe.longtasks(from!, to!),
        [pushedAt, bounds.at(-1)! + TRAILING_MS],
      );
      const drawnAt = await page.evaluate(() => (globalThis as unknown as PageGlobals).__probe.chartDrawnAt());
      out.push({ pushedAt, bounds, drawnAt, longtasks: longtasks.map((task) => task.duration) });
    }
    return out;
  });
  const measured: Measured = {
    frames: [],
    byPosition: Array.from({ length: POSITIONS_SHOWN }, () => []),
    totals: [],
    latencies: [],
    longest: [],
    longtaskSupported: await page.evaluate(() => (globalThis as unknown as PageGlobals).__probe.longtaskSupported()),
  };
  for (const { pushedAt, bounds, drawnAt, longtasks } of followed.slice(WARMUP)) {
    const busy = busyPerFrame(tasks, bounds);
    busy.slice(0, POSITIONS_SHOWN).forEach((ms, position) => measured.byPosition[position]!.push(ms));
    measured.frames.push(Math.max(...busy));
    measured.totals.push(busyWithin(tasks, bounds[0]!, bounds.at(-1)!));
    // Until the chart said it drew the update (in its worker, off this thread); the sessions table has none.
    if (drawnAt !== null && drawnAt > pushedAt) measured.latencies.push(drawnAt - pushedAt);
    measured.longest.push(Math.max(longestWithin(tasks, bounds[0]!, bounds.at(-1)! + TRAILING_MS), ...longtasks));
  }
  return measured;
}

export async function figure3(
  browser: Browser,
  site: StaticSite,
  condition: Condition = { loaded: false },
): Promise<Row[]> {
  const suffix = condition.loaded ? 'L' : '';
  const limit = condition.loaded ? FRAME_MS : QUIET_P95_MS;
  const where = condition.loaded ? 'one core kept busy by another process' : 'quiet machine';
  const { updates } = publishHeldState(site, WARMUP + REPS);
  const rows: Row[] = [];
  const allLongest: number[] = [];
  let supported = true;
  for (const scenario of SCENARIOS) {
    const page = await openApp(browser, site, scenario.view);
    try {
      await scenario.prepare?.(page);
      const measured = await measure(browser, page, updates);
      supported &&= measured.longtaskSupported;
      allLongest.push(...measured.longest);
      const value = summarize(measured.frames);
      const latency = summarize(measured.latencies);
      rows.push({
        id: `${scenario.id}${suffix}`,
        figure: 3,
        title: `renderer applies ${NEW_SESSIONS.toLocaleString('en-US')} new sessions: ${scenario.title}, ${where}`,
        unit: 'ms main thread, busiest frame',
        value,
        baseline: { label: 'one frame', value: null, unit: `${FRAME_MS} ms` },
        budget: `p95 ≤ ${limit} ms`,
        compared: { label: 'p95, ms', value: round(value.p95, 2), limit },
        status: judge(value.p95, limit),
        notes: [
          `${measured.frames.length} updates after ${WARMUP} to warm up; busy per frame, push frame / next / next / next / next, median ${measured.byPosition
            .map((times) => round(summarize(times).median, 1))
            .join(' / ')} ms, max ${measured.byPosition.map((times) => round(summarize(times).max, 1)).join(' / ')} ms`,
          `main thread per update, all ${FRAMES_FOLLOWED} frames: median ${round(summarize(measured.totals).median, 1)} ms, p95 ${round(summarize(measured.totals).p95, 1)} ms`,
          measured.latencies.length > 0
            ? `push → chart drawn: median ${round(latency.median, 1)} ms, max ${round(latency.max, 1)} ms (${measured.latencies.length} of ${measured.frames.length} updates drawn)`
            : 'no chart on this screen',
          `longest long task per update: ${measured.longest.map((ms) => round(ms, 0)).join(', ')} ms`,
        ],
      });
    } finally {
      await page.close();
    }
  }
  const longest = summarize(allLongest);
  rows.push({
    id: `3d${suffix}`,
    figure: 3,
    title: `renderer: longest main-thread stretch around each update (all three screens), ${where}`,
    unit: 'ms',
    value: longest,
    baseline: null,
    budget: `no long task > ${LONG_TASK_MS} ms`,
    compared: { label: 'longest, ms', value: round(longest.max, 1), limit: LONG_TASK_MS },
    status: supported ? judge(longest.max, LONG_TASK_MS) : 'error',
    notes: supported
      ? [
          "the longest main-thread task in Chromium's trace from each push until 250 ms after the frames followed, or a longer one reported by the page's long-task observer",
        ]
      : ["this Chromium does not support PerformanceObserver 'longtask'"],
  });
  return rows;
}

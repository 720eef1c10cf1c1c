import type { Browser, Page } from '@playwright/test';

/** A stretch of the page's main thread taken by one task, in the page's own clock (performance.now()). */
export interface TaskSpan {
  readonly start: number;
  readonly end: number;
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly args?: { data?: { startTime?: number } };
}

const CLOCK_MARK = 'bench:trace-clock';
/** The scheduler's own event for every task it runs: the cheapest category that sees all of them. */
const TASK_EVENT = 'ThreadControllerImpl::RunTask';

/**
 * Runs `work` while Chromium records a trace of the page's tasks, and returns
 * every task its main thread ran meanwhile. Chromium's scheduler sees each
 * task, whatever queued it (the app, React's time slices, rendering, garbage
 * collection), and does not need the page to cooperate: nothing polls or spins
 * in the page while it is measured. Only the 'toplevel' category is recorded,
 * about one event per task, so the trace costs the page little. A user-timing
 * mark gives the offset between the trace's clock and the page's.
 */
export async function traceMainThread<T>(
  browser: Browser,
  page: Page,
  work: () => Promise<T>,
): Promise<{ result: T; tasks: TaskSpan[] }> {
  await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
  let result: T;
  try {
    // A user-timing mark: its time in the page's clock and in the trace's ties the two together.
    await page.evaluate((name) => void performance.mark(name), CLOCK_MARK);
    result = await work();
  } catch (error) {
    await browser.stopTracing();
    throw error;
  }
  const buffer = await browser.stopTracing();
  return { result, tasks: mainThreadTasks(JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }) };
}

function mainThreadTasks(trace: { traceEvents: TraceEvent[] }): TaskSpan[] {
  const mark = trace.traceEvents.find((event) => event.name === CLOCK_MARK);
  const pageTime = mark?.args?.data?.startTime;
  if (!mark || pageTime === undefined) throw new Error('the trace holds no clock mark from the page');
  // The mark was made on the page's main thread: its process and thread are the ones measured.
  const offset = mark.ts / 1000 - pageTime;
  return trace.traceEvents
    .filter((e) => e.name === TASK_EVENT && e.ph === 'X' && e.pid === mark.pid && e.tid === mark.tid)
    .map((e) => ({ start: e.ts / 1000 - offset, end: (e.ts + (e.dur ?? 0)) / 1000 - offset }))
    .sort((a, b) => a.start - b.start);
}

/** The time tasks took within [from, to): a task across the edge counts for the part inside. */
export function busyWithin(tasks: readonly TaskSpan[], from: number, to: number): number {
  let busy = 0;
  for (const task of tasks) busy += Math.max(0, Math.min(task.end, to) - Math.max(task.start, from));
  return busy;
}

/** Busy time in each frame between consecutive bounds (animation-frame timestamps). */
export function busyPerFrame(tasks: readonly TaskSpan[], bounds: readonly number[]): number[] {
  return bounds.slice(1).map((end, i) => busyWithin(tasks, bounds[i]!, end));
}

/** The longest task that overlaps [from, to). */
export function longestWithin(tasks: readonly TaskSpan[], from: number, to: number): number {
  let longest = 0;
  for (const task of tasks) if (task.end > from && task.start < to) longest = Math.max(longest, task.end - task.start);
  return longest;
}

import type { Browser } from '@playwright/test';
import { HELD_SESSIONS } from '../support/held-hub';
import { openApp, publishHeldState } from '../support/fake-api-app';
import type { PageGlobals } from '../support/page-globals';
import { judge, type Row } from '../support/result';
import type { StaticSite } from '../support/static-site';
import { round, summarize } from '../support/stats';

/**
 * Figure 11: scrolling the sessions table through all 10,000 sessions, top to
 * bottom, a steady 240 px a frame (a brisk wheel). Each frame's main-thread
 * time, from its start to the end of its rendering and of the tasks the scroll
 * queued; plus the long tasks (over 50 ms, the browser's own definition)
 * reported while it scrolled.
 */
const FRAME_MS = 16.7;
const LONG_TASK_MS = 50;
const STEP_PX = 240;

export async function figure11(browser: Browser, site: StaticSite): Promise<Row[]> {
  publishHeldState(site, 0);
  const page = await openApp(browser, site, 'sessions');
  try {
    // One pass to warm up the JIT and the row components, as a window open for hours has.
    await page.evaluate(
      ([selector, step]) => (globalThis as unknown as PageGlobals).__probe.scrollFrames(selector!, Number(step)),
      ['.grid-body', '1200'],
    );
    const run = await page.evaluate(
      ([selector, step]) => (globalThis as unknown as PageGlobals).__probe.scrollFrames(selector!, Number(step)),
      ['.grid-body', String(STEP_PX)],
    );
    const tasks = await page.evaluate(
      ([from, to]) => (globalThis as unknown as PageGlobals).__probe.longtasks(from!, to!),
      [run.startedAt, run.endedAt],
    );
    const frames = summarize(run.times);
    const longest = Math.max(0, ...tasks.map((task) => task.duration));
    const over = run.times.filter((ms) => ms > FRAME_MS).length;
    return [
      {
        id: '11a',
        figure: 11,
        title: `scrolling the sessions table through ${HELD_SESSIONS.toLocaleString('en-US')} sessions, ${STEP_PX} px a frame`,
        unit: 'ms main thread per frame',
        value: frames,
        baseline: { label: 'one frame', value: null, unit: `${FRAME_MS} ms` },
        budget: `p95 ≤ ${FRAME_MS} ms`,
        compared: { label: 'p95, ms', value: round(frames.p95, 2), limit: FRAME_MS },
        status: judge(frames.p95, FRAME_MS),
        notes: [`${run.times.length} frames; ${over} over ${FRAME_MS} ms; ${run.rows} rows in the DOM at the end`],
      },
      {
        id: '11b',
        figure: 11,
        title: 'scrolling the sessions table: longest task',
        unit: 'ms',
        value: summarize(tasks.map((task) => task.duration)),
        baseline: null,
        budget: `no long task (> ${LONG_TASK_MS} ms)`,
        compared: { label: 'longest long task, ms', value: round(longest, 1), limit: LONG_TASK_MS },
        status: judge(longest, LONG_TASK_MS),
        notes: [
          tasks.length === 0
            ? `no long task reported; the worst frame took ${round(frames.max, 1)} ms`
            : `${tasks.length} long tasks: ${tasks.map((task) => round(task.duration, 0)).join(', ')} ms`,
        ],
      },
    ];
  } finally {
    await page.close();
  }
}

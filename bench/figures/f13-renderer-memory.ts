import type { Browser, CDPSession } from '@playwright/test';
import { FLEET } from '../support/fleet';
import { HELD_SESSIONS } from '../support/held-hub';
import { HISTORY_DAYS, openApp, publishHeldState, publishHistory } from '../support/fake-api-app';
import type { PageGlobals } from '../support/page-globals';
import { judge, type Row } from '../support/result';
import type { StaticSite } from '../support/static-site';
import { round, summarize } from '../support/stats';

/**
 * Figure 13: the renderer's JavaScript heap (the page's and its workers', after
 * a forced garbage collection) holding 10,000 sessions, ten 24-hour series of
 * raw readings and, on the chart, 90 days of ten sources at the hourly tier;
 * then its growth over 30 simulated minutes of updates (one poll's patches a
 * minute, each with 1,500 new sessions, as in figure 3).
 */
const LIMIT_MB = 150;
const GROWTH_LIMIT_PCT = 5;
/** Updates before the first measurement: 1,500 new sessions each, so the 10,000 held have all been replaced once. */
const WARMUP = 8;
const MINUTES = 30;
const MB = 1024 * 1024;

interface Heap {
  readonly page: number;
  readonly workers: number;
}

/**
 * Heap in use after a collection, of the page and of every worker it started
 * (the chart draws in one). Workers are reached through the browser's
 * DevTools session, attached to each for the two calls.
 */
async function heapInUse(pageSession: CDPSession, browserSession: CDPSession): Promise<Heap> {
  await pageSession.send('HeapProfiler.collectGarbage');
  const { usedSize } = await pageSession.send('Runtime.getHeapUsage');
  const { targetInfos } = await browserSession.send('Target.getTargets');
  let workers = 0;
  for (const target of targetInfos.filter((info) => info.type === 'worker')) {
    const { sessionId } = await browserSession.send('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: false,
    });
    const call = (id: number, method: string) =>
      new Promise<Record<string, unknown>>((resolve) => {
        const listener = (event: { sessionId: string; message: string }) => {
          const message = JSON.parse(event.message) as { id?: number; result?: Record<string, unknown> };
          if (event.sessionId !== sessionId || message.id !== id) return;
          browserSession.off('Target.receivedMessageFromTarget', listener);
          resolve(message.result ?? {});
        };
        browserSession.on('Target.receivedMessageFromTarget', listener);
        void browserSession.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      });
    await call(1, 'HeapProfiler.collectGarbage');
    workers += Number((await call(2, 'Runtime.getHeapUsage')).usedSize ?? 0);
    await browserSession.send('Target.detachFromTarget', { sessionId });
  }
  return { page: usedSize, workers };
}

export async function figure13(browser: Browser, site: StaticSite): Promise<Row[]> {
  const { updates } = publishHeldState(site, WARMUP + MINUTES);
  publishHistory(site, Date.now());
  const page = await openApp(browser, site, 'overview');
  const pageSession = await page.context().newCDPSession(page);
  const browserSession = await browser.newBrowserCDPSession();
  try {
    const drawn = await page.evaluate(
      ([label, min]) => (globalThis as unknown as PageGlobals).__probe.clickUntilDrawn(label!, Number(min)),
      ['90 d', String(FLEET.length * (HISTORY_DAYS * 24 - 2))],
    );
    if (drawn.ms === null) throw new Error(`the 90-day chart was not drawn (${drawn.points} readings shown)`);
    const push = async (name: string) => {
      await page.evaluate((n) => (globalThis as unknown as PageGlobals).__bench.fetchPatches(n), name);
      await page.evaluate((n) => (globalThis as unknown as PageGlobals).__bench.push(n), name);
      await page.evaluate(() => (globalThis as unknown as PageGlobals).__probe.settle(5));
    };
    for (const name of updates.slice(0, WARMUP)) await push(name);
    const before = await heapInUse(pageSession, browserSession);
    const samples: number[] = [];
    for (const name of updates.slice(WARMUP)) {
      await push(name);
      const at = await heapInUse(pageSession, browserSession);
      samples.push((at.page + at.workers) / MB);
    }
    const after = await heapInUse(pageSession, browserSession);
    const total = (after.page + after.workers) / MB;
    const start = (before.page + before.workers) / MB;
    const growth = (total / start - 1) * 100;
    return [
      {
        id: '13a',
        figure: 13,
        title: `renderer JS heap: ${HELD_SESSIONS.toLocaleString('en-US')} sessions, ${FLEET.length} sources × 24 h raw and × ${HISTORY_DAYS} days hourly on the chart`,
        unit: 'MB in use after GC (page + workers)',
        value: summarize(samples),
        baseline: null,
        budget: `≤ ${LIMIT_MB} MB`,
        compared: { label: 'after the last update, MB', value: round(total, 1), limit: LIMIT_MB },
        status: judge(total, LIMIT_MB),
        notes: [
          `page ${round(after.page / MB, 1)} MB, workers ${round(after.workers / MB, 1)} MB after ${MINUTES} updates`,
        ],
      },
      {
        id: '13b',
        figure: 13,
        title: `renderer JS heap growth over ${MINUTES} simulated minutes of updates`,
        unit: '%',
        value: null,
        baseline: { label: `heap after ${WARMUP} updates to warm up`, value: summarize([start]), unit: 'MB' },
        budget: `< ${GROWTH_LIMIT_PCT} %`,
        compared: { label: 'last ÷ first − 1, %', value: round(growth, 2), limit: GROWTH_LIMIT_PCT },
        status: judge(growth, GROWTH_LIMIT_PCT),
        notes: [
          `${round(start, 1)} MB → ${round(total, 1)} MB; every 5 minutes: ${samples
            .filter((_, i) => i % 5 === 4)
            .map((mb) => round(mb, 1))
            .join(', ')} MB`,
        ],
      },
    ];
  } finally {
    await pageSession.detach().catch(() => undefined);
    await browserSession.detach().catch(() => undefined);
    await page.close();
  }
}

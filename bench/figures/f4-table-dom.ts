import type { Browser } from '@playwright/test';
import { openApp, publishHeldState } from '../support/fake-api-app';
import { judge, type Row } from '../support/result';
import type { StaticSite } from '../support/static-site';
import { round, summarize } from '../support/stats';
import { VIEWPORT } from '../support/chromium';
import type { PageGlobals } from '../support/page-globals';

/**
 * Figure 4: rows in the DOM while the 10,000-session table scrolls, against
 * the rows that fit in its visible height. Two kinds of scrolling, counted
 * after every frame: jumps across the whole list (scrollbar drags) and a
 * steady scroll of 120 px a frame (a flicked wheel).
 */
const LIMIT = 2;

export async function figure4(browser: Browser, site: StaticSite): Promise<Row[]> {
  publishHeldState(site, 0);
  const page = await openApp(browser, site, 'sessions');
  try {
    const samples = await page.evaluate(
      (selector) => (globalThis as unknown as PageGlobals).__probe.scrollSamples(selector),
      '.grid-body',
    );
    const ratios = summarize(samples.map((s) => s.rendered / s.fit));
    const fit = summarize(samples.map((s) => s.fit));
    const rendered = summarize(samples.map((s) => s.rendered));
    const blank = samples.filter((s) => s.visible < s.fit - 2).length;
    return [
      {
        id: '4',
        figure: 4,
        title: 'sessions table DOM while 10,000 sessions scroll',
        unit: 'rows rendered',
        value: rendered,
        baseline: { label: 'rows in view', value: fit, unit: 'rows' },
        budget: `≤ ${LIMIT}× rows in view`,
        compared: { label: 'most rendered ÷ rows in view', value: round(ratios.max, 2), limit: LIMIT },
        status: judge(ratios.max, LIMIT),
        notes: [
          `${samples.length} frames sampled at ${VIEWPORT.width}×${VIEWPORT.height}; ratio min ${round(ratios.min)}, median ${round(ratios.median)}, max ${round(ratios.max)}`,
          blank > 0
            ? `${blank} frames showed fewer rows than fit (blank space while scrolling)`
            : 'no frame showed blank space',
        ],
      },
    ];
  } finally {
    await page.close();
  }
}

import { expect, test } from '@playwright/test';
import { pageScript } from '../../bench/support/chromium';
import { RENDERER_OUT } from '../../bench/support/builds';
import { startStaticSite, type StaticSite } from '../../bench/support/static-site';
import { fakeSeries, fakeSource, random } from '../unit/renderer/fixtures/fake-snapshot';
import type { Snapshot } from '@shared/model/state';

/**
 * The built renderer with a stand-in window.api serving a snapshot made for the
 * case: a healthy NAVER source polled 5 s ago whose newest reading, a finished
 * minute, is almost three minutes old (the moment before its next poll). By the
 * one freshness rule that is not stale: the line is solid, the legend and the
 * tile say nothing of STALE, and the all-sources total is whole.
 */
const MINUTE = 60_000;
let site: StaticSite;

test.beforeAll(async () => {
  site = await startStaticSite(RENDERER_OUT);
});
test.afterAll(async () => site.close());

function naverSnapshot(now: number): Snapshot {
  const newest = Math.floor((now - 5_000) / MINUTE) * MINUTE - MINUTE - 55_000;
  const source = fakeSource('naver-main', 'naver-vpe', 'Main channel', now, {
    lastOkAt: now - 5_000,
    reportingDelayMs: 2 * MINUTE,
  });
  return {
    seq: 1,
    generatedAt: now,
    demo: false,
    offline: false,
    paused: false,
    historyProblem: null,
    sources: [source],
    series: [{ sourceId: source.id, points: fakeSeries(newest, 50, 1_800, random(3)) }],
    sessions: [],
    breakdowns: [],
  };
}

test('a healthy NAVER source is never drawn stale, though its newest minute is minutes old', async ({ page }) => {
  site.put('snapshot', JSON.stringify(naverSnapshot(Date.now())));
  await page.addInitScript({ content: pageScript('fake-api') });
  await page.goto(`${site.url}#overview`);
  const legend = page.getByRole('list', { name: 'Series' }).getByRole('listitem').filter({ hasText: 'Main channel' });
  await expect(legend).toBeVisible();
  await expect(legend).not.toHaveClass(/is-stale/);
  await expect(legend).not.toContainText('STALE');
  const tile = page.locator('article.tile').filter({ hasText: 'Main channel' });
  await expect(tile).not.toContainText('STALE');
  await expect(page.locator('article.tile-all')).not.toContainText('partial');
  await page.screenshot({ path: 'test-results/screenshots/naver-fresh.png' });
});

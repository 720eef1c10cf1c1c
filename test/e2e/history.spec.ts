import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetchSnapshot } from './support/bridge-client';
import { startHeadlessServer } from './support/headless-server';
import { DashboardPage } from './support/dashboard-page';
import { expect, test } from '@playwright/test';

/**
 * A restart on the same data folder: the demo runs on a clock the test sets,
 * stops, and starts again "half an hour later". Conviva's API returns no past
 * series, so whatever it shows from before the restart comes from the
 * history file, and the half hour nobody watched must stay a gap.
 */
const FIRST = '2026-12-05T09:00:00Z';
const SECOND = '2026-12-05T09:30:00Z';

test('after a restart the last hour is on screen at once, with a gap for the downtime', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'sw-history-e2e-'));
  try {
    const first = await startHeadlessServer({ demo: true, userData: dir }, { STREAMWATCH_CLOCK_START: FIRST });
    expect(first.log()).toContain(`keeping history in ${dir}`);
    const conviva = async (url: string) =>
      (await fetchSnapshot(url)).series.find((s) => s.sourceId.includes('conviva'))?.points ?? [];
    await expect.poll(async () => (await conviva(first.url)).length, { timeout: 20_000 }).toBeGreaterThan(0);
    const before = await conviva(first.url);
    expect(await first.stop()).toBe(0);

    const second = await startHeadlessServer({ demo: true, userData: dir }, { STREAMWATCH_CLOCK_START: SECOND });
    try {
      // Straight away, before its own first poll could matter: the points of the first run are held.
      const held = await conviva(second.url);
      expect(held.slice(0, before.length)).toEqual(before);

      const dashboard = new DashboardPage(page);
      await page.clock.install({ time: Date.parse(SECOND) + 5_000 });
      await dashboard.open(second.url);
      await expect.poll(() => dashboard.chartPoints()).toBeGreaterThan(before.length);

      // Once this run has its own reading, the two runs are half an hour apart: a gap, not a line.
      await expect
        .poll(async () => (await conviva(second.url)).length, { timeout: 20_000 })
        .toBeGreaterThan(before.length);
      const after = await conviva(second.url);
      const firstNew = after[before.length]!;
      // (Conviva answers with its last few minutes, so the new line may begin a little before the restart.)
      expect(firstNew.at - before.at(-1)!.at).toBeGreaterThan(15 * 60_000);
      await page.screenshot({ path: 'test-results/history-after-restart.png', fullPage: true });

      // Seven days, read from the five-minute tier of the file: the stored buckets are drawn.
      await page.getByRole('radio', { name: '7 d' }).click();
      await expect.poll(() => dashboard.chartPoints()).toBeGreaterThan(0);
      await expect(page.getByRole('button', { name: 'Yesterday' })).toHaveAttribute('aria-pressed', 'false');
      await page.getByRole('button', { name: 'Yesterday' }).click();
      await expect(page.getByText(/Dotted lines: the same sources yesterday/)).toBeVisible();

      // A custom range over the first run: read from the file, drawn, and a backwards range refused in words.
      await page.getByRole('radio', { name: 'Custom…' }).click();
      await page.locator('.custom-range').getByLabel('From').fill('2026-12-05T08:00');
      await page.locator('.custom-range').getByLabel('To').fill('2026-12-05T09:10');
      await expect.poll(() => dashboard.chartPoints()).toBeGreaterThan(0);
      await page.locator('.custom-range').getByLabel('To').fill('2026-12-05T07:00');
      await expect(page.getByText('The range ends before it starts.')).toBeVisible();
      await page.locator('.custom-range').getByLabel('To').fill('2026-12-05T09:10');
      await expect.poll(() => dashboard.chartPoints()).toBeGreaterThan(0);
      await page.screenshot({ path: 'test-results/history-custom-range.png', fullPage: true });

      // The sessions of a period, paged from the file.
      await page.getByRole('tab', { name: /^Sessions/ }).click();
      await page.getByRole('button', { name: 'Stored sessions…' }).click();
      const stored = page.getByRole('table', { name: 'Stored sessions of the period' });
      await expect(stored.getByRole('row').nth(1)).toBeVisible();
      await expect(page.getByRole('region', { name: 'Stored sessions' }).getByRole('status').last()).toContainText(
        /^1–\d+ of \d+$/,
      );
      await page.getByRole('checkbox', { name: 'Failed only' }).check();
      await expect(page.getByRole('region', { name: 'Stored sessions' }).getByRole('status').last()).toContainText(
        /of \d+$|No stored sessions/,
      );
      await page.screenshot({ path: 'test-results/history-stored-sessions.png', fullPage: true });
      await page.getByRole('button', { name: 'Back to live sessions' }).click();

      await page.getByRole('tab', { name: /Sources & settings/ }).click();
      const panel = page.getByRole('region', { name: 'Stored history' });
      await expect(panel.getByTestId('history-where')).toContainText(`Kept in ${join(dir, 'history.sqlite')}`);
      await panel.getByRole('button', { name: 'Delete all history' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
      await expect(panel.getByText('Deleted all history.')).toBeVisible();
      await page.screenshot({ path: 'test-results/history-settings.png', fullPage: true });
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

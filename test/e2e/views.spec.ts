import type { Page } from '@playwright/test';
import { download, readCsv } from './support/downloads';
import { ViewsPage } from './support/views-page';
import { expect, test } from './fixtures';

/**
 * Issue 9 end to end: every view with the demo's data, the controls that
 * change what is shown, exports that hold what is shown, themes, the wall
 * board. Screenshots of every view go to test-results/screenshots/.
 */
test.use({ viewport: { width: 1400, height: 1000 } });

const SHOTS = 'test-results/screenshots';
const NAVER = 'NAVER VPE (demo)';
/** --bg of each theme in styles.css. */
const LIGHT_BG = 'rgb(244, 246, 248)';
const DARK_BG = 'rgb(15, 20, 25)';

async function settled(page: Page): Promise<void> {
  // Data has arrived once the chart (or the view) stops saying it is connecting.
  await expect(page.getByText('Connecting to Streamwatch…')).toHaveCount(0);
}

test('every view renders with data, in light and in dark', async ({ demoServer, dashboard, page }) => {
  test.setTimeout(120_000);
  const views = new ViewsPage(page);
  // Every view under the real CSP: a blocked inline style or eval would be reported here.
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await dashboard.open(demoServer.url);
    await settled(page);
    await expect(page.locator('body')).toHaveCSS('background-color', scheme === 'dark' ? DARK_BG : LIGHT_BG);

    await expect(views.tile('All sources')).toBeVisible();
    for (const name of [NAVER, 'api.video (demo)', 'Conviva (demo)', 'Zoom Video SDK (demo)']) {
      await expect(views.tile(name)).toBeVisible();
    }
    await expect.poll(() => dashboard.chartPoints()).toBeGreaterThan(10);
    await expect(views.breakdowns.getByRole('figure').first()).toBeVisible();
    await expect(views.breakdowns.getByRole('figure', { name: /Device · live .*concurrent plays/ })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/overview-${scheme}.png`, fullPage: true });

    await views.tab('Sessions').click();
    await expect(dashboard.sessionRows.first()).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/sessions-${scheme}.png` });

    await views.tab('Sources health').click();
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(5);
    await page.screenshot({ path: `${SHOTS}/health-${scheme}.png` });

    await views.tab('Alerts').click();
    await expect(page.getByRole('region', { name: /^Firing now/ })).toBeVisible();
    // A header row and one per rule.
    await expect(page.getByRole('table', { name: 'Alert rules' }).getByRole('row')).toHaveCount(11);
    await page.screenshot({ path: `${SHOTS}/alerts-${scheme}.png`, fullPage: true });

    await views.tab('Sources & settings').click();
    await expect(page.getByRole('table', { name: 'Configured sources' }).getByRole('row')).toHaveCount(5);
    await page.screenshot({ path: `${SHOTS}/sources-${scheme}.png`, fullPage: true });
  }
  expect(problems, 'console errors and CSP reports').toEqual([]);
});

test('the theme chosen in settings wins over the system', async ({ demoServer, page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${demoServer.url}#sources`);
  const settings = page.getByRole('region', { name: 'Settings' });
  await settings.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('body')).toHaveCSS('background-color', DARK_BG);
  await page.emulateMedia({ colorScheme: 'dark' });
  await settings.getByRole('radio', { name: 'Light' }).check();
  await expect(page.locator('body')).toHaveCSS('background-color', LIGHT_BG);
  await settings.getByRole('radio', { name: 'Follow the system' }).check();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.+/);
  await expect(page.locator('body')).toHaveCSS('background-color', DARK_BG);
});

test('range switches and legend toggles change the chart, and its CSV holds what is drawn', async ({
  demoServer,
  dashboard,
  page,
}) => {
  const views = new ViewsPage(page);
  await dashboard.open(demoServer.url);
  await expect.poll(() => dashboard.chartPoints()).toBeGreaterThan(10);
  const hour = await dashboard.chartPoints();
  await views.ranges.getByRole('radio', { name: '15 min' }).click();
  await expect
    .poll(() => dashboard.chartPoints(), { message: '15 minutes draw fewer points than an hour' })
    .toBeLessThan(hour);
  await views.ranges.getByRole('radio', { name: '24 h' }).click();
  await expect.poll(() => dashboard.chartPoints()).toBeGreaterThanOrEqual(hour);

  await views.ranges.getByRole('radio', { name: '1 h' }).click();
  const withAll = await dashboard.chartPoints();
  const naverToggle = views.legend.getByRole('button', { name: new RegExp(`^${NAVER.replace(/[()]/g, '\\$&')}`) });
  await naverToggle.click();
  await expect(naverToggle).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => dashboard.chartPoints()).toBeLessThan(withAll);

  const csv = await download(page, page.getByRole('button', { name: 'Export CSV of the chart data' }));
  expect(csv.fileName).toMatch(/^streamwatch-viewers-.*\.csv$/);
  const rows = readCsv(csv.text);
  expect(rows.length).toBeGreaterThan(0);
  expect(
    rows.some((row) => row.source === NAVER),
    'a hidden line is not exported',
  ).toBe(false);
  expect(new Set(rows.map((row) => row.source))).toContain('Conviva (demo)');
  // Each row carries its platform's own measure: the lines count different things.
  expect(rows.find((row) => row.source === 'Conviva (demo)')!.unit).toBe('concurrent plays');
  // The span of the rows, not their distance from this process's clock: a run may set the server's clock.
  const times = rows.map((row) => Date.parse(row.time!));
  expect(Math.max(...times) - Math.min(...times)).toBeLessThanOrEqual(61 * 60_000);
});

test('filters, search and sort change the sessions shown, and the CSV holds exactly those', async ({
  demoServer,
  dashboard,
  page,
}) => {
  const views = new ViewsPage(page);
  await dashboard.open(demoServer.url);
  await expect(views.tab('Sessions')).toBeVisible();
  await page.keyboard.press('2');
  await expect(dashboard.sessionRows.first()).toBeVisible();
  const total = Number((await views.sessionCount.textContent())!.replace(/\D/g, ''));

  await views.filter('Source').selectOption({ label: NAVER });
  await expect(views.sessionCount).toHaveText(/ of /);
  // Both numbers from one reading: the total read before every source answered can be one source's alone.
  const [, shownText, allText] = /^([\d,]+) of ([\d,]+)/.exec((await views.sessionCount.textContent())!)!;
  const shown = Number(shownText!.replace(/,/g, ''));
  expect(shown).toBeLessThan(Number(allText!.replace(/,/g, '')));
  expect(Number(allText!.replace(/,/g, ''))).toBeGreaterThanOrEqual(total);
  expect(new Set(await views.columnTexts(dashboard.sessionRows, 1))).toEqual(new Set([NAVER]));

  await views.columnHeader('Startup').getByRole('button').click();
  await expect(views.columnHeader('Startup')).toHaveAttribute('aria-sort', 'ascending');
  const csv = await download(page, page.getByRole('button', { name: 'Export CSV of the sessions shown' }));
  const rows = readCsv(csv.text);
  expect(rows).toHaveLength(shown);
  expect(new Set(rows.map((row) => row.source))).toEqual(new Set([NAVER]));
  const startups = rows
    .map((row) => row.startup_ms)
    .filter((v) => v !== '')
    .map(Number);
  expect(startups).toEqual([...startups].sort((a, b) => a - b));
  // The file's first rows are the table's first rows, in the same order.
  const devices = await views.columnTexts(dashboard.sessionRows, 3);
  const systems = await views.columnTexts(dashboard.sessionRows, 4);
  const drawn = devices.slice(0, 10).map((device, i) => `${device} / ${systems[i]}`);
  expect(rows.slice(0, 10).map((row) => `${row.device || '—'} / ${row.os || '—'}`)).toEqual(drawn);

  await views.failedOnly.check();
  const failed = await views.columnTexts(dashboard.sessionRows, 2);
  expect(failed.length).toBeGreaterThan(0);
  for (const status of failed) expect(status).toContain('FAILED');
  await views.failedOnly.uncheck();

  // "/" jumps to the search; a session id finds exactly that session.
  const id = rows[0]!.session_id!;
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  await expect(views.search).toBeFocused();
  await views.search.fill(id);
  await expect(dashboard.sessionRows).toHaveCount(1);
  await expect(views.sessionCount).toHaveText(/^1 of /);
  await page.screenshot({ path: `${SHOTS}/sessions-filtered.png` });
});

test("a session's timeline lists its events in order, for each platform that has them", async ({
  demoServer,
  dashboard,
  page,
}) => {
  const views = new ViewsPage(page);
  await dashboard.open(demoServer.url);
  await views.tab('Sessions').click();
  await expect(dashboard.sessionRows.first()).toBeVisible();
  for (const source of [NAVER, 'api.video (demo)', 'Zoom Video SDK (demo)', 'Conviva (demo)']) {
    await views.filter('Source').selectOption({ label: source });
    // A session just begun may hold one event so far: look at the newest few for one with several.
    let offsets: number[] = [];
    for (let index = 0; index < 5 && offsets.length < 2; index++) {
      await dashboard.sessionRows.nth(index).click();
      await expect(views.detail).toBeVisible();
      await expect(views.detail.getByText("Loading the session's events…")).toHaveCount(0);
      if (source === 'Conviva (demo)') break;
      await expect(views.events.locator('tbody tr').first()).toBeVisible();
      offsets = await views.eventOffsets();
    }
    if (source === 'Conviva (demo)') {
      await expect(views.detail).toContainText('does not publish a per-session event time line');
    } else {
      expect(offsets.length, `${source} events`).toBeGreaterThan(1);
      expect(offsets, `${source} events in time order`).toEqual([...offsets].sort((a, b) => a - b));
    }
    await page.screenshot({ path: `${SHOTS}/timeline-${source.split(' ')[0]!.toLowerCase()}.png` });
    await views.detail.getByRole('button', { name: 'Close session details (Escape)' }).click();
  }
});

test('the wall board hides the chrome and Escape brings it back', async ({ demoServer, dashboard, page }) => {
  await dashboard.open(demoServer.url);
  await expect.poll(() => dashboard.chartPoints()).toBeGreaterThan(1);
  await page.keyboard.press('w');
  await expect(page.getByRole('tabpanel', { name: 'Wall board' })).toBeVisible();
  await expect(page.getByRole('banner')).toHaveCount(0);
  await expect(page.getByRole('tablist')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Source health' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Breakdowns' })).toHaveCount(0);
  await expect(page.getByText('DEMO', { exact: true })).toBeVisible();
  await expect.poll(() => dashboard.chartPoints()).toBeGreaterThan(1);
  await page.screenshot({ path: `${SHOTS}/wallboard.png` });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('tablist')).toBeVisible();
});

test('a shortcut pressed the moment the tabs appear is not lost', async ({ demoServer, page }) => {
  // When the tab list enters the DOM, press "," at once, before the page paints:
  // a listener added after the first paint would miss it.
  await page.addInitScript(() => {
    const g = globalThis as unknown as {
      document: { querySelector(s: string): unknown };
      dispatchEvent(e: unknown): boolean;
      KeyboardEvent: new (type: string, init: { key: string; bubbles: boolean }) => unknown;
      MutationObserver: new (cb: () => void) => {
        observe(n: unknown, o: { childList: boolean; subtree: boolean }): void;
        disconnect(): void;
      };
    };
    const observer = new g.MutationObserver(() => {
      if (!g.document.querySelector('[role="tab"]')) return;
      observer.disconnect();
      g.dispatchEvent(new g.KeyboardEvent('keydown', { key: ',', bubbles: true }));
    });
    // The document, not its root element: that does not exist yet when this script runs.
    observer.observe(g.document, { childList: true, subtree: true });
  });
  await page.goto(demoServer.url);
  await expect(page.getByRole('tab', { name: /^Sources & settings/ })).toHaveAttribute('aria-selected', 'true');
});

import type { Page } from '@playwright/test';
import { fetchSnapshot } from './support/bridge-client';
import { BAD_SOURCE, GOOD_SOURCE } from './support/naver-config';
import { expect, test } from './fixtures';

/**
 * The real renderer in Chromium against the real engine through
 * `headless --serve`, polling the platform simulators over HTTP.
 */

test('the demo dashboard draws viewers and lists sessions', async ({ demoServer, dashboard, page }) => {
  await dashboard.open(demoServer.url);

  await expect(page).toHaveTitle('Streamwatch');
  await expect(dashboard.demoBadge, 'demo data must say so').toBeVisible();
  await expect.poll(() => dashboard.chartPoints(), { message: 'points drawn on the viewers chart' }).toBeGreaterThan(1);
  await page.screenshot({ path: 'test-results/dashboard.png', fullPage: true });

  await dashboard.showSessions();
  await expect(dashboard.sessionRows.first()).toBeVisible();
  expect(await dashboard.sessionRows.count()).toBeGreaterThan(0);
  await page.screenshot({ path: 'test-results/dashboard-sessions.png' });
});

/** The paths of the scripts the page fetches from now on (chunks loaded with import() among them). */
function scriptsFetched(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') paths.push(new URL(request.url()).pathname);
  });
  return paths;
}

test('without OffscreenCanvas the page loads chart.js itself and draws the chart', async ({
  demoServer,
  dashboard,
  page,
}) => {
  // A browser with no OffscreenCanvas: the chart is drawn on the page, by a chunk fetched only then.
  await page.addInitScript(() => {
    // Runs in the page; the tests compile without the DOM's types.
    const page = globalThis as unknown as {
      HTMLCanvasElement: { prototype: { transferControlToOffscreen?: unknown } };
    };
    delete page.HTMLCanvasElement.prototype.transferControlToOffscreen;
  });
  const scripts = scriptsFetched(page);
  await dashboard.open(demoServer.url);
  await expect.poll(() => dashboard.chartPoints(), { message: 'points drawn on the page itself' }).toBeGreaterThan(1);
  expect(scripts.some((path) => /chart-draw-[^/]*\.js$/.test(path))).toBe(true);
  await expect(dashboard.chart).not.toHaveClass(/chart-offscreen/);
  await dashboard.chart.screenshot({ path: 'test-results/dashboard-chart-on-page.png' });
});

test('with OffscreenCanvas the page never fetches chart.js: its worker draws', async ({
  demoServer,
  dashboard,
  page,
}) => {
  const scripts = scriptsFetched(page);
  await dashboard.open(demoServer.url);
  await expect.poll(() => dashboard.chartPoints()).toBeGreaterThan(1);
  await expect(dashboard.chart).toHaveClass(/chart-offscreen/);
  expect(scripts.filter((path) => /chart-draw-/.test(path))).toEqual([]);
});

test('the page connects before React loads, and says so when its screens cannot load', async ({ demoServer, page }) => {
  // The first script connects and asks for the snapshot; the screens (mount chunk) come second.
  let bridgeOpened = false;
  let screensRequested = false;
  page.on('websocket', () => (bridgeOpened = true));
  await page.route(/\/assets\/mount-[^/]*\.js$/, async (route) => {
    screensRequested = true;
    await route.abort('failed');
  });
  await page.goto(demoServer.url);
  await expect(page.locator('#root')).toContainText('Streamwatch could not load its screens');
  await expect(page.locator('#root')).toContainText('Reload the window');
  expect(screensRequested, 'the screens were asked for').toBe(true);
  expect(bridgeOpened, 'the bridge was opened without React').toBe(true);
  await page.screenshot({ path: 'test-results/screens-not-loaded.png' });
});

test('a failing source shows its sentence while the other keeps its data', async ({
  configServer,
  dashboard,
  page,
}) => {
  // The sentence comes from main: what the engine says is what the user must read.
  let sentence = '';
  await expect
    .poll(
      async () => {
        const snapshot = await fetchSnapshot(configServer.url);
        const health = snapshot.sources.find((source) => source.id === BAD_SOURCE.id)?.health;
        sentence = health?.status === 'error' ? health.error.message : '';
        return sentence;
      },
      { message: 'the wrong key is refused by the simulator' },
    )
    .not.toBe('');

  await dashboard.open(configServer.url);
  await expect(dashboard.healthOf(BAD_SOURCE.name)).toContainText(sentence);
  await expect(dashboard.healthOf(GOOD_SOURCE.name)).toContainText('ok');
  await expect.poll(() => dashboard.chartPoints()).toBeGreaterThan(1);
  await page.screenshot({ path: 'test-results/dashboard-failing-source.png' });

  await dashboard.showSessions();
  await expect(dashboard.sessionRows.first()).toBeVisible();
});

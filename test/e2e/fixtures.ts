import { test as base } from '@playwright/test';
import { DashboardPage } from './support/dashboard-page';
import { startHeadlessServer, type HeadlessServer } from './support/headless-server';
import { startNaverWithConfig, type NaverFixture } from './support/naver-config';

/** The demo's default hour in the e2e tests: a weekday afternoon, UTC. */
export const DEMO_DAYTIME = '2026-12-03T14:00:00Z';

/** A fixed night, five minutes past 00:00 UTC. */
export const AFTER_MIDNIGHT = '2026-12-05T00:05:00Z';

interface Fixtures {
  dashboard: DashboardPage;
  /** `headless --demo --serve`: every simulator, healthy, its clock and the page's started at DEMO_DAYTIME. */
  demoServer: HeadlessServer;
  /**
   * The same demo with its clock and the page's started at 00:05 UTC (STREAMWATCH_CLOCK_START),
   * so a test sees the day boundary whatever the hour it runs at.
   */
  demoServerAfterMidnight: HeadlessServer;
  /** A NAVER simulator and `headless --config --serve` with one good and one wrong key against it. */
  naver: NaverFixture;
  configServer: HeadlessServer;
}

export const test = base.extend<Fixtures>({
  dashboard: async ({ page }, use) => use(new DashboardPage(page)),

  demoServer: async ({ page }, use, testInfo) => {
    // A set hour, never the hour the suite happens to run at: the demo's sessions (how many failed,
    // which source has any) follow its clock, and a test must not pass at 20:40 and fail at 21:00.
    // `STREAMWATCH_CLOCK_START=… npx playwright test` runs the whole suite's demo at another time.
    const start = process.env.STREAMWATCH_CLOCK_START ?? DEMO_DAYTIME;
    const launched = Date.now();
    const server = await startHeadlessServer({ demo: true }, { STREAMWATCH_CLOCK_START: start });
    // The page's clock follows the server's: same start, same real pace since.
    await page.clock.install({ time: Date.parse(start) + (Date.now() - launched) });
    await use(server);
    await server.stop();
    await testInfo.attach('headless.log', { body: server.log(), contentType: 'text/plain' });
  },

  demoServerAfterMidnight: async ({ page }, use, testInfo) => {
    const launched = Date.now();
    const server = await startHeadlessServer({ demo: true }, { STREAMWATCH_CLOCK_START: AFTER_MIDNIGHT });
    // The page's clock follows the server's: same start, same real pace since.
    await page.clock.install({ time: Date.parse(AFTER_MIDNIGHT) + (Date.now() - launched) });
    await use(server);
    await server.stop();
    await testInfo.attach('headless.log', { body: server.log(), contentType: 'text/plain' });
  },

  naver: async ({}, use) => {
    const naver = await startNaverWithConfig();
    await use(naver);
    await naver.close();
  },

  configServer: async ({ naver }, use, testInfo) => {
    const server = await startHeadlessServer({ config: naver.configFile }, naver.env);
    await use(server);
    await server.stop();
    await testInfo.attach('headless.log', { body: server.log(), contentType: 'text/plain' });
  },
});

export { expect } from '@playwright/test';

import { test as base } from '@playwright/test';
import { DashboardPage } from './support/dashboard-page';
import { startHeadlessServer, type HeadlessServer } from './support/headless-server';
import { startNaverWithConfig, type NaverFixture } from './support/naver-config';

interface Fixtures {
  dashboard: DashboardPage;
  /** `headless --demo --serve`: every simulator, healthy. */
  demoServer: HeadlessServer;
  /** A NAVER simulator and `headless --config --serve` with one good and one wrong key against it. */
  naver: NaverFixture;
  configServer: HeadlessServer;
}

export const test = base.extend<Fixtures>({
  dashboard: async ({ page }, use) => use(new DashboardPage(page)),

  demoServer: async ({}, use, testInfo) => {
    const server = await startHeadlessServer({ demo: true });
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

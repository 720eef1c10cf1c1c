import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../integration/headless/run-cli';
import { expect, test } from './fixtures';
import { startHeadlessServer, type HeadlessServer } from './support/headless-server';

/**
 * The dashboard in Chromium against a team collector (--listen 0.0.0.0): the
 * token arrives once as a #token= fragment, leaves the address bar at once,
 * and the page works; a page without one is asked for a token.
 */
let server: HeadlessServer;
let token: string;

test.beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sw-e2e-collector-'));
  token = (await runCli(['tokens', 'add', '--name', 'wall', '--role', 'viewer', '--user-data', dir])).stdout.trim();
  server = await startHeadlessServer({ demo: true }, {}, [
    '--listen',
    '0.0.0.0',
    '--insecure-http',
    '--user-data',
    dir,
  ]);
});

test.afterAll(async () => {
  await server?.stop();
});

test('a #token= fragment opens the dashboard and is removed from the address', async ({ dashboard, page }) => {
  await page.goto(`${server.url}#token=${token}`);
  await expect(dashboard.demoBadge).toBeVisible();
  await expect.poll(() => dashboard.chartPoints()).toBeGreaterThan(1);
  // The page's own view routing may set a fragment (#overview) afterwards; the token is gone either way.
  expect(page.url()).toMatch(new RegExp(`^${server.url}(#[a-z]+)?$`));
  expect(page.url()).not.toContain('token');
  await page.screenshot({ path: 'test-results/collector-dashboard.png' });
  expect(server.log()).not.toContain(token);
});

test('without a token the page asks for one, and the pasted token works', async ({ dashboard, page }) => {
  let asked = '';
  page.on('dialog', (dialog) => {
    asked = dialog.message();
    void dialog.accept(token);
  });
  await page.goto(server.url);
  await expect(dashboard.demoBadge).toBeVisible();
  expect(asked).toContain('needs an access token');
});

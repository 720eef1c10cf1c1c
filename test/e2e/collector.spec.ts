import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
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
let dir: string;

test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sw-e2e-collector-'));
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

test('a desktop in client mode shows the data of the collector, polling nothing itself', async ({
  dashboard,
  page,
}) => {
  const tokenFile = join(dir, 'desk.token');
  await writeFile(tokenFile, `${token}\n`);
  await chmod(tokenFile, 0o600);
  const client = await startHeadlessServer({ collector: server.url, tokenFile });
  try {
    await dashboard.open(client.url);
    await expect(dashboard.demoBadge, 'the collector runs the demo, and the desk shows it').toBeVisible();
    await expect.poll(() => dashboard.chartPoints()).toBeGreaterThan(1);
    await page.screenshot({ path: 'test-results/collector-client-desk.png' });
    expect(client.log()).toContain('polling nothing here');
    expect(client.log()).toContain('as viewer');
    expect(client.log()).not.toContain(token);
  } finally {
    await client.stop();
  }
});

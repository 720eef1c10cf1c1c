import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../integration/headless/run-cli';
import { expect, test } from './fixtures';
import { startHeadlessServer, type HeadlessServer } from './support/headless-server';
import { startSettingsServer } from './support/settings-server';
import { SourcesPage } from './support/sources-page';

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

test('a desk in client mode shows a banner while the collector is down, and drops it when it is back', async ({
  dashboard,
  page,
}) => {
  test.setTimeout(90_000);
  const tokenFile = join(dir, 'desk-banner.token');
  await writeFile(tokenFile, `${token}\n`);
  await chmod(tokenFile, 0o600);
  const client = await startHeadlessServer({ collector: server.url, tokenFile });
  const banner = page.getByTestId('collector-unreachable');
  try {
    await dashboard.open(client.url);
    await expect(dashboard.demoBadge).toBeVisible();
    await expect(banner).toBeHidden();

    const port = server.port;
    await server.stop();
    await expect(banner).toBeVisible({ timeout: 15_000 });
    await expect(banner).toContainText(/Team collector unreachable since \d{2}:\d{2}/);
    await expect(banner).toContainText(/next try in \d+ s|reconnecting now/);
    await page.screenshot({ path: 'test-results/collector-unreachable-banner.png' });

    // The same collector comes back where it was; the desk finds it on its next try.
    server = await startHeadlessServer({ demo: true, port }, {}, [
      '--listen',
      '0.0.0.0',
      '--insecure-http',
      '--user-data',
      dir,
    ]);
    await expect(banner).toBeHidden({ timeout: 45_000 });
    await expect(dashboard.demoBadge).toBeVisible();
    await expect.poll(() => dashboard.chartPoints()).toBeGreaterThan(1);
    expect(client.log()).not.toContain(token);
  } finally {
    await client.stop();
  }
});

test('Sources & settings connects a desktop to the collector: a refused token is said, the right one shows the collector', async ({
  dashboard,
  page,
}) => {
  test.setTimeout(120_000);
  // A desktop as the app runs it: its own settings folder and keychain, the panel in its page.
  const desk = await startSettingsServer({ keychain: true });
  const sources = new SourcesPage(page);
  const panel = page.getByRole('region', { name: 'Team collector' });
  try {
    await page.goto(desk.url);
    await sources.open();
    // Its own demo off, so whatever appears next can only be the collector's.
    await sources.demoSwitch.click();
    await expect(sources.demoSwitch).not.toBeChecked();
    await expect(dashboard.demoBadge).toBeHidden();

    await panel.getByLabel('Collector address').fill(server.url);
    await panel.getByLabel('Token', { exact: true }).fill('not-the-token');
    await panel.getByRole('button', { name: 'Connect' }).click();
    await expect(panel.getByRole('alert')).toHaveText(
      `The collector at ${new URL(server.url).origin} refused this token. Check it, or ask the collector's administrator for a new one.`,
    );
    await expect(panel.getByLabel('Collector address'), 'nothing entered is lost').toHaveValue(server.url);

    await panel.getByLabel('Token', { exact: true }).fill(token);
    await panel.getByRole('button', { name: 'Connect' }).click();
    await expect(panel.getByTestId('collector-following')).toContainText(`Following ${new URL(server.url).origin}`);
    await expect(panel.getByTestId('collector-link-state')).toHaveText('Connected.');
    await expect(panel.getByText('The token is kept in the system keychain.')).toBeVisible();
    await expect(page.getByText(/^Read-only here: these are the sources of the team collector at/)).toBeVisible();
    await expect(sources.addButton, "the collector's sources are changed on the collector").toBeHidden();
    await page.screenshot({ path: 'test-results/collector-panel-following.png', fullPage: true });

    await page.getByRole('tab', { name: /^Overview/ }).click();
    await expect(dashboard.demoBadge, 'the collector runs the demo; the desktop now shows it').toBeVisible();
    await expect.poll(() => dashboard.chartPoints()).toBeGreaterThan(1);
    expect(desk.log()).toContain('this desktop polls nothing itself');
    expect(desk.log()).not.toContain(token);

    await sources.open();
    await panel.getByRole('button', { name: 'Disconnect…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Disconnect' }).click();
    await expect(panel.getByLabel('Collector address')).toBeVisible();
    await expect(page.getByText('Disconnected. This desktop polls its own sources again.')).toBeVisible();
    await expect(dashboard.demoBadge, "back to the desktop's own (empty) sources").toBeHidden();
  } finally {
    await desk.stop();
  }
});

import { expect, test } from './fixtures';

/**
 * A screen must never stay green while the tool is blind. With the engine gone
 * (headless --serve stopped), the header says alerts are unknown, the chips and
 * tiles say UNKNOWN, and nothing says "OK" or "No alerts".
 */
test('when the engine is unreachable, every figure is unknown and the header says so', async ({
  demoServer,
  dashboard,
  page,
}) => {
  await dashboard.open(demoServer.url);
  const badge = page.locator('.alerts-badge');
  await expect(badge).not.toHaveText('Alerts …', { timeout: 20_000 });
  await expect(page.locator('.health-strip .chip-status').first()).toBeVisible();

  await demoServer.stop();

  await expect(badge).toHaveText('Alerts unknown');
  await expect(page.locator('.app-header')).toContainText('every figure below is unknown');
  const chips = page.locator('.health-strip .chip-status');
  await expect(chips.first()).toHaveText('UNKNOWN');
  for (const text of await chips.allTextContents()) expect(text).toBe('UNKNOWN');
  await expect(page.locator('article.tile').filter({ hasText: 'NAVER' }).first()).toHaveClass(/is-stale/);
  await expect(page.locator('.app')).not.toContainText('No alerts');
  await page.screenshot({ path: 'test-results/screenshots/disconnected.png' });
});

test('a source in error during its rule’s hold shows as pending in the header, never "No alerts"', async ({
  page,
  dashboard,
}) => {
  const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { createServer } = await import('node:net');
  // A port nothing listens on: every poll is refused, a network error (not an auth one, which fires at once).
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
  const dir = await mkdtemp(join(tmpdir(), 'sw-e2e-pending-'));
  const configFile = join(dir, 'sources.json');
  const source = { id: 'naver-down', name: 'NAVER down', provider: 'naver-vpe', baseUrl: `http://127.0.0.1:${port}` };
  await writeFile(
    configFile,
    JSON.stringify({ sources: [{ ...source, secrets: { apiKey: { env: 'SW_K' }, projectId: { env: 'SW_P' } } }] }),
  );
  const { startHeadlessServer } = await import('./support/headless-server');
  const server = await startHeadlessServer({ config: configFile }, { SW_K: 'key', SW_P: 'project' });
  try {
    await dashboard.open(server.url);
    const badge = page.locator('.alerts-badge');
    await expect(badge).toHaveText('1 pending', { timeout: 30_000 });
    await expect(badge).toHaveAttribute('title', /NAVER down: .*fires in/);
    // The address refuses; the network is fine: the source is named, the network is not blamed.
    await expect(page.locator('.health-strip')).toContainText('connection refused');
    await expect(page.locator('.banners')).not.toContainText('Offline');
    await page.screenshot({ path: 'test-results/screenshots/pending.png' });
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
});

import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, expect, test } from '@playwright/test';

/*
 * The real Electron app, where an Electron binary exists. On machines that
 * cannot download one (like the CI here) this test is skipped and says so;
 * the shell is then covered by the unit tests with a mocked 'electron' and the
 * renderer by the end-to-end tests through headless --serve.
 * The binary is found without require('electron'), which would try to download it.
 */
const root = join(import.meta.dirname, '..', '..');
const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
const binary = existsSync(pathFile)
  ? join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8'))
  : null;

test('the Electron app opens its window, with the page isolated from Node', async () => {
  test.skip(
    binary === null || !existsSync(binary),
    'No Electron binary on this machine (its download is unreachable here); see the comment at the top of this file.',
  );
  const userData = mkdtempSync(join(tmpdir(), 'sw-electron-'));
  const app = await _electron.launch({ executablePath: binary!, args: [root, `--user-data-dir=${userData}`] });
  try {
    const page = await app.firstWindow();
    await expect(page).toHaveTitle(/Streamwatch/);
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { api?: { request?: unknown } }).api?.request)).toBe(
      'object',
    );
    await expect(page.getByText('DEMO', { exact: true })).toBeVisible();
  } finally {
    await app.close();
  }
});

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startNaverSim, type RunningNaverSim } from '../../main/demo/naver-vpe/sim';
import { DashboardPage } from './support/dashboard-page';
import { download } from './support/downloads';
import { startSettingsServer, type SettingsServer } from './support/settings-server';
import { SourcesPage } from './support/sources-page';
import { expect, test as base } from './fixtures';

/**
 * Issue 6 end to end: the Sources view in Chromium against headless in its
 * settings mode (a settings folder of its own, secrets in a private
 * gnome-keyring), adding a NAVER source that points at a NAVER simulator
 * started here.
 */
interface Fixtures {
  sim: RunningNaverSim;
  settingsServer: SettingsServer;
  noKeychainServer: SettingsServer;
  sources: SourcesPage;
}

const test = base.extend<Fixtures>({
  sim: async ({}, use) => {
    const sim = await startNaverSim({ now: Date.now });
    await use(sim);
    await sim.close();
  },
  settingsServer: async ({}, use, testInfo) => {
    const server = await startSettingsServer({ keychain: true });
    await use(server);
    await server.stop();
    await testInfo.attach('headless.log', { body: server.log(), contentType: 'text/plain' });
  },
  noKeychainServer: async ({}, use, testInfo) => {
    const server = await startSettingsServer({ keychain: false });
    await use(server);
    await server.stop();
    await testInfo.attach('headless.log', { body: server.log(), contentType: 'text/plain' });
  },
  sources: async ({ page }, use) => use(new SourcesPage(page)),
});

const NAME = 'NAVER e2e';

test('add a NAVER source, test it, see its data, break its key, remove it', async ({
  page,
  sim,
  settingsServer,
  sources,
}) => {
  test.setTimeout(120_000);
  const dashboard = new DashboardPage(page);
  // Every message main sends to the page, to prove no secret is ever among them.
  const received: string[] = [];
  page.on('websocket', (socket) => socket.on('framereceived', (frame) => received.push(String(frame.payload))));
  await page.goto(settingsServer.url);
  await sources.open();

  // A fresh settings folder: the demo is on, labelled, and can be switched from here.
  await expect(sources.demoSwitch).toBeChecked();
  await expect(dashboard.demoBadge).toBeVisible();

  await sources.startAdding('NAVER VPE');
  const apiKey = sources.input('API key');
  await expect(apiKey).toHaveAttribute('type', 'password');
  await expect(sources.editor.getByText('Secrets are stored in the system keychain')).toBeVisible();

  // The page checks what it can before asking main.
  await sources.editor.getByRole('button', { name: 'Add source' }).click();
  await expect(sources.editor.getByText('API key is required.')).toBeVisible();
  await expect(apiKey).toBeFocused();

  await sources.input('Name').fill(NAME);
  await sources.input('Base URL').fill(sim.url);
  await apiKey.fill(sim.apiKey);
  await sources.input('Company ID (x-project-id)').fill(sim.projectId);
  await sources.testButton().click();
  await expect(sources.testResult()).toHaveText(/^Connection OK: Connected: .*recent sessions?$/);

  // What only main can judge (its zod schema of the platform's options) comes back beside the field.
  const timeZone = sources.input('Time zone of NAVER dates');
  await timeZone.fill('Mars/Olympus_Mons');
  await sources.editor.getByRole('button', { name: 'Add source' }).click();
  await expect(timeZone).toHaveAttribute('aria-invalid', 'true');
  await expect(sources.editor.getByText(/not a known IANA time zone/)).toBeVisible();
  await timeZone.fill('UTC'); // the simulator's dates are UTC

  await sources.editor.getByRole('button', { name: 'Add source' }).click();
  await expect(sources.status).toHaveText(`Saved ${NAME}. Its data appears with the next poll.`);
  await expect(sources.row(NAME)).toContainText('ok');
  const polling = sources.row(NAME).getByRole('switch', { name: `Poll ${NAME}` });
  await polling.click();
  await expect(sources.row(NAME)).toContainText('not polled');
  await polling.click();
  await expect(polling).toBeChecked();
  await expect(sources.row(NAME)).toContainText('ok');
  // Demo mode ends with the first real source; its data is what the dashboard shows now.
  await expect(dashboard.demoBadge).toBeHidden();
  await expect(dashboard.healthOf(NAME)).toContainText('ok');
  const settingsFile = await readFile(join(settingsServer.userData, 'settings.json'), 'utf8');
  expect(settingsFile, 'the settings file names the source').toContain(NAME);
  expect(settingsFile, 'but never holds its key').not.toContain(sim.apiKey);
  await page.getByRole('tab', { name: /^Overview/ }).click();
  await expect.poll(() => dashboard.chartPoints(), { message: 'the new source draws viewers' }).toBeGreaterThan(1);
  await page.screenshot({ path: 'test-results/screenshots/sources-added-overview.png' });

  // Editing: the stored key is never shown, only said to be there.
  await sources.open();
  await sources.edit(NAME);
  await expect(sources.editor.getByText('stored in the system keychain', { exact: true })).toHaveCount(2);
  await expect(sources.editor.locator('input[type="password"]')).toHaveCount(0);
  await sources.editor.getByRole('button', { name: 'Replace API key' }).click();
  await sources.input('API key (new value)').fill('a-revoked-key');
  await sources.testButton().click();
  await expect(sources.testResult()).toHaveText(/^Connection failed: .*Authentication Failed/);
  const sentence = (await sources.testResult().textContent())!.replace('Connection failed: ', '');
  await page.screenshot({ path: 'test-results/screenshots/sources-editor-wrong-key.png' });
  await sources.editor.getByRole('button', { name: 'Save changes' }).click();
  await expect(sources.row(NAME)).toContainText(sentence);
  await expect(dashboard.healthOf(NAME)).toContainText(sentence);

  await sources.remove(NAME);
  await expect(sources.status).toHaveText(`Removed ${NAME} and its secrets; its history is kept.`);
  await expect(sources.row(NAME)).toHaveCount(0);
  await expect(dashboard.healthOf(NAME)).toHaveCount(0);

  // No secret in any file the app wrote, in its log, or in any message it sent to the page.
  const written = await readEveryFile(settingsServer.userData);
  expect(written.length, 'the app wrote its settings and history').toBeGreaterThan(0);
  expect(received.length, 'the page received messages').toBeGreaterThan(10);
  for (const secret of [sim.apiKey, sim.projectId, 'a-revoked-key']) {
    for (const file of written) expect(file.text, `${file.path} must not hold a secret`).not.toContain(secret);
    expect(settingsServer.log(), 'the log must not hold a secret').not.toContain(secret);
    expect(received.join('\n'), 'no message to the page holds a secret').not.toContain(secret);
  }
});

async function readEveryFile(folder: string): Promise<{ path: string; text: string }[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  return Promise.all(files.map(async (path) => ({ path, text: await readFile(path, 'latin1') })));
}

test('export the list without secrets, import it back, and see which secrets it still needs', async ({
  page,
  sim,
  settingsServer,
  sources,
}) => {
  await page.goto(settingsServer.url);
  await sources.open();
  await sources.startAdding('NAVER VPE');
  await sources.input('Name').fill(NAME);
  await sources.input('Base URL').fill(sim.url);
  await sources.input('API key').fill(sim.apiKey);
  await sources.input('Company ID (x-project-id)').fill(sim.projectId);
  await sources.editor.getByRole('button', { name: 'Add source' }).click();
  await expect(sources.row(NAME)).toBeVisible();

  const exported = await download(page, sources.exportButton);
  expect(exported.fileName).toMatch(/^streamwatch-sources-.*\.json$/);
  const list = JSON.parse(exported.text) as { sources: Array<{ id: string; name: string; baseUrl: string }> };
  expect(list.sources.map((s) => s.name)).toEqual([NAME]);
  expect(exported.text, 'an exported list never carries a secret').not.toContain(sim.apiKey);
  expect(exported.text).not.toContain(sim.projectId);

  await sources.remove(NAME);
  await expect(sources.row(NAME)).toHaveCount(0);
  await sources.importInput.setInputFiles({
    name: 'team.json',
    mimeType: 'application/json',
    buffer: Buffer.from(exported.text),
  });
  await expect(sources.importSummary).toContainText('Imported 1 source');
  await expect(sources.importSummary.getByRole('list', { name: 'Sources that need secrets' })).toContainText(
    `${NAME}: API key, Company ID (x-project-id)`,
  );
  await expect(sources.row(NAME)).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/sources-imported.png' });

  await sources.importSummary.getByRole('button', { name: 'Enter secrets' }).click();
  await expect(sources.editor).toHaveAccessibleName(`Edit ${NAME}`);
  await expect(sources.input('API key')).toHaveValue('');
});

test('without a keychain the page says why, and keeps secrets for this session only when asked', async ({
  page,
  sim,
  noKeychainServer,
  sources,
}) => {
  const dashboard = new DashboardPage(page);
  await page.goto(noKeychainServer.url);
  await sources.open();
  // With no source of one's own, the demo can be switched off and on from here.
  await sources.demoSwitch.click();
  await expect(sources.demoSwitch).not.toBeChecked();
  await expect(dashboard.demoBadge).toBeHidden();
  await expect(page.getByRole('region', { name: 'Source health' })).toHaveCount(0);
  await sources.demoSwitch.click();
  await expect(dashboard.demoBadge).toBeVisible();

  await sources.startAdding('NAVER VPE');
  await expect(
    sources.editor.getByText(/keychain is available: .*Secret Service.*nothing is written to disk in plain text/),
  ).toBeVisible();
  await sources.input('Name').fill(NAME);
  await sources.input('Base URL').fill(sim.url);
  await sources.input('API key').fill(sim.apiKey);
  await sources.input('Company ID (x-project-id)').fill(sim.projectId);
  await sources.editor.getByRole('button', { name: 'Add source' }).click();
  await expect(sources.editor.getByText(/Choose “Keep for this session only”/)).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/sources-no-keychain.png' });

  await sources.editor.getByRole('checkbox', { name: /Keep for this session only/ }).check();
  await sources.editor.getByRole('button', { name: 'Add source' }).click();
  await expect(sources.row(NAME)).toContainText('ok');
  await expect(dashboard.healthOf(NAME)).toContainText('ok');
  await sources.edit(NAME);
  await expect(sources.editor.getByText('kept for this session only', { exact: true })).toHaveCount(2);
});

test('sources from a headless --demo run are shown read-only', async ({ page, demoServer, sources }) => {
  await page.goto(demoServer.url);
  await expect(sources.tab).toBeVisible();
  await page.keyboard.press(',');
  await expect(sources.tab).toHaveAttribute('aria-selected', 'true');
  await expect(sources.readOnlyNote).toBeVisible();
  await expect(sources.table.getByRole('row')).toHaveCount(5);
  await expect(page.getByRole('button', { name: /^Edit / })).toHaveCount(0);
  await expect(sources.addButton).toHaveCount(0);
  await expect(page.getByRole('tabpanel').getByText('DEMO', { exact: true })).toBeVisible();
});

import { expect } from '@playwright/test';
import { DEFAULT_DESKTOP_PREFS, type DesktopPrefs } from '@shared/model/preferences';
import { test } from './fixtures';

/**
 * The Desktop section of Settings exists only in the app (headless answers
 * `desktop: null`). Here the real renderer runs against the real headless
 * server, and the bridge adds what the desktop shell would: its preferences
 * and a note (no tray on this desktop), so the section can be seen and used.
 */
test('Settings shows the Desktop section with launch at login off, and saves a change', async ({
  page,
  demoServer,
}, testInfo) => {
  let prefs: DesktopPrefs = DEFAULT_DESKTOP_PREFS;
  const sent: unknown[] = [];
  const note = 'This desktop shows no tray icons, so closing the window minimizes it instead of hiding it.';
  await page.routeWebSocket(/\/api$/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const request = JSON.parse(String(message)) as { channel: string; args: { desktop?: Partial<DesktopPrefs> } };
      if (request.channel === 'settings:set' && request.args.desktop) {
        sent.push(request.args.desktop);
        prefs = { ...prefs, ...request.args.desktop };
      }
      server.send(message);
    });
    server.onMessage((message) => {
      const answer = JSON.parse(String(message)) as { result?: { ok: boolean; value?: Record<string, unknown> } };
      const value = answer.result?.ok ? answer.result.value : undefined;
      if (value && 'keychain' in value && 'needSecrets' in value) value.desktop = { prefs, notes: [note] };
      ws.send(JSON.stringify(answer));
    });
  });
  await page.goto(`${demoServer.url}#sources`);
  const desktop = page.getByRole('group', { name: 'Desktop' });
  await expect(desktop).toBeVisible();
  const login = desktop.getByRole('checkbox', { name: 'Start Streamwatch at login, in the tray' });
  await expect(login).not.toBeChecked();
  await expect(desktop.getByRole('checkbox', { name: /Download updates in the background/ })).toBeChecked();
  await expect(desktop.getByText(note)).toBeVisible();
  await login.check();
  await expect(login).toBeChecked();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  expect(sent).toEqual([{ launchAtLogin: true }]);
  await desktop.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('desktop-settings.png'), fullPage: false });
});

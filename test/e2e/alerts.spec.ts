import type { Page } from '@playwright/test';
import { NAVER_SIM_SCENARIO, startNaverSim, type RunningNaverSim } from '../../main/demo/naver-vpe/sim';
import { AlertsPage } from './support/alerts-page';
import { download, readCsv } from './support/downloads';
import { BAD_SOURCE } from './support/naver-config';
import { startSettingsServer } from './support/settings-server';
import { SourcesPage } from './support/sources-page';
import { expect, test } from './fixtures';

/**
 * Issue 8 end to end: the NAVER simulator (started by the test) starts
 * answering with a broken payload — an error spike on its API — and the
 * Alerts view shows the incident; when the simulator recovers, the incident
 * resolves and stays in the history. The headless server (settings mode,
 * whose history is a file like the app's) runs the real alert engine on the
 * real polls.
 */
test('an error spike opens an incident in the Alerts view, and it resolves when the spike stops', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  // A quiet audience: the only trouble is the trouble this test injects, whatever the time of day
  // (the demo scenario's scheduled viewer drops would otherwise be pending at some hours).
  const sim = await startNaverSim({ now: Date.now, scenario: { ...NAVER_SIM_SCENARIO, incidents: [] } });
  const server = await startSettingsServer({ keychain: true });
  try {
    await spikeAndRecover(page, server.url, sim);
  } finally {
    await server.stop();
    await sim.close();
    await testInfo.attach('headless.log', { body: server.log(), contentType: 'text/plain' });
  }
});

async function spikeAndRecover(page: Page, url: string, sim: RunningNaverSim): Promise<void> {
  const alerts = new AlertsPage(page);
  const name = 'NAVER live';
  const failing = `${name} · API failing`;
  await page.goto(url);
  await new SourcesPage(page).open();
  await new SourcesPage(page).add('NAVER VPE', {
    name,
    baseUrl: sim.url,
    secrets: { 'API key': sim.apiKey, 'Company ID (x-project-id)': sim.projectId },
  });
  await alerts.open();
  await expect(alerts.firing.getByRole('listitem')).toHaveCount(0);
  await expect(page.getByText('Nothing is firing.')).toBeVisible();

  // Fire without the default 90 s wait, through the rule editor as a user would.
  const holdFor = alerts.ruleInput('API failing: holds for');
  await holdFor.fill('0');
  await holdFor.press('Enter');
  await expect(holdFor).toHaveValue('0');
  await holdFor.blur();

  sim.setMode('bad-envelope');
  await page.keyboard.press('r'); // poll now rather than at the next minute
  const incident = alerts.incident(failing);
  await expect(incident).toContainText('NAVER VPE sent no readable item');
  await expect(incident).toContainText('warning');
  await expect(alerts.badge).toHaveAccessibleName(/1 firing/);
  await expect(alerts.tab).toContainText('1');
  await page.screenshot({ path: 'test-results/screenshots/alerts-firing.png', fullPage: true });

  await incident.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(incident).toContainText('acknowledged');
  await expect(alerts.silenceLine).toContainText('1 silenced');
  await page.getByRole('button', { name: 'Snooze all alerts for 15 min' }).click();
  await expect(alerts.silenceLine).toContainText(/all alerts snoozed until \d\d:\d\d/);
  await page.getByRole('button', { name: 'End snooze' }).click();
  await expect(alerts.silenceLine).not.toContainText('snoozed until');

  sim.setMode('normal');
  await page.getByRole('button', { name: /^Refresh/ }).click();
  await expect(incident).toHaveCount(0);
  await expect(alerts.badge).toHaveAccessibleName(/No alerts/);
  await alerts.historyFilter('State').selectOption('resolved');
  await alerts.historyFilter('Source').selectOption({ label: name });
  await expect(alerts.historyRow(name, 'API failing', 'resolved')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/screenshots/alerts-resolved.png', fullPage: true });

  const exported = await download(page, page.getByRole('button', { name: 'Export CSV of the incidents shown' }));
  const rows = readCsv(exported.text);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ source: name, rule: 'API failing', state: 'resolved', severity: 'warning' });
  expect(rows[0]!.ended).not.toBe('');
}

test('the firing count is in the header of every view, and 4 opens Alerts', async ({ configServer, page }) => {
  const alerts = new AlertsPage(page);
  await page.goto(configServer.url);
  for (const tab of ['Overview', 'Sessions', 'Sources health', 'Sources & settings']) {
    await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
    await expect(alerts.badge).toHaveAccessibleName(/1 firing/);
  }
  await page.keyboard.press('4');
  await expect(alerts.tab).toHaveAttribute('aria-selected', 'true');
  await expect(alerts.incident(`${BAD_SOURCE.name} · Credentials refused`)).toBeVisible();
});

import { expect, test } from './fixtures';

/**
 * Issue 20 in the real renderer over headless --demo --serve: the Alerts view's
 * Receivers section stores a receiver with its secret write-only, refuses a
 * plain-http address off loopback; and the same server answers /metrics with
 * the demo sources in it.
 */
test('the Alerts view adds and removes a receiver; its secret never comes back to the page', async ({
  page,
  demoServer,
}, testInfo) => {
  const secretUrl = 'https://hooks.slack.com/services/T0000/B0000/e2eSecretPart';
  await page.goto(demoServer.url);
  await page.getByRole('tab', { name: /^Alerts/ }).click();
  const panel = page.getByRole('region', { name: 'Receivers' });
  await expect(panel.getByText('No receivers yet')).toBeVisible();

  await panel.getByLabel('Kind').selectOption('slack');
  await panel.getByLabel('Name').fill('#streaming');
  await panel.getByLabel('Incoming-webhook URL').fill('http://hooks.example.com/in');
  await panel.getByRole('button', { name: 'Add receiver' }).click();
  await expect(panel.getByRole('alert')).toContainText('must use https');

  await panel.getByLabel('Incoming-webhook URL').fill(secretUrl);
  await panel.getByRole('button', { name: 'Add receiver' }).click();
  const table = panel.getByRole('table', { name: 'Alert receivers' });
  await expect(table.getByRole('row', { name: /#streaming Slack stored \(write-only\)/ })).toBeVisible();
  await expect(panel.getByRole('alert')).toHaveCount(0);
  expect(await page.content()).not.toContain('e2eSecretPart');
  await panel.screenshot({ path: testInfo.outputPath('receivers-panel.png') });

  await table.getByRole('button', { name: 'Remove #streaming' }).click();
  await expect(panel.getByText('No receivers yet')).toBeVisible();
});

test('headless --serve answers /metrics for Prometheus with the demo sources', async ({ demoServer }) => {
  await expect
    .poll(
      async () =>
        (await (await fetch(`${demoServer.url}metrics`)).text()).match(/^streamwatch_viewers\{/gm)?.length ?? 0,
      {
        timeout: 20_000,
      },
    )
    .toBeGreaterThan(0);
  const text = await (await fetch(`${demoServer.url}metrics`)).text();
  expect(text).toMatch(/^streamwatch_api_requests_total\{provider="[a-z-]+",endpoint="\/[^"]*",code="\d+"\} \d+/m);
  expect(text).toContain('streamwatch_build_info{version="');
});

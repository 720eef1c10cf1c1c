import { verifyStreamwatchSignature } from '../../docs/team/verify-signature';
import { startFakeReceivers } from '../support/fake-receivers';
import { BAD_SOURCE } from './support/naver-config';
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

test('a firing incident reaches a signed webhook added in the Alerts view, and its delivery log says so', async ({
  page,
  configServer,
}, testInfo) => {
  const fakes = await startFakeReceivers();
  const secret = 'whsec_e2e_0123456789abcdef';
  try {
    await page.goto(configServer.url);
    await page.getByRole('tab', { name: /^Alerts/ }).click();
    // The wrong key fires "credentials refused" (critical, no pending time).
    const card = page
      .getByRole('list', { name: 'Firing incidents' })
      .getByRole('listitem', { name: new RegExp(BAD_SOURCE.name) });
    await expect(card).toBeVisible({ timeout: 30_000 });

    const panel = page.getByRole('region', { name: 'Receivers' });
    await panel.getByLabel('Kind').selectOption('webhook');
    await panel.getByLabel('Name').fill('Ops webhook');
    await panel.getByLabel('Address').fill(`${fakes.base}/webhook`);
    await panel.getByLabel('Signing secret').fill(secret);
    await panel.getByRole('button', { name: 'Add receiver' }).click();

    await expect.poll(() => fakes.on('/webhook').length, { timeout: 15_000 }).toBe(1);
    const hook = fakes.on('/webhook')[0]!;
    const verdict = verifyStreamwatchSignature({
      secret,
      rawBody: hook.body,
      timestampHeader: hook.headers['x-streamwatch-timestamp'] as string,
      signatureHeader: hook.headers['x-streamwatch-signature'] as string,
    });
    expect(verdict).toEqual({ ok: true });
    expect(JSON.parse(hook.body)).toMatchObject({
      event: 'trigger',
      incident: { rule: 'auth-failing', source: BAD_SOURCE.id },
    });

    await card.getByText('Deliveries').click();
    await expect(card.getByRole('table', { name: 'Deliveries' })).toContainText('accepted it (HTTP 200)');
    await card.screenshot({ path: testInfo.outputPath('incident-deliveries.png') });
  } finally {
    await fakes.close();
  }
});

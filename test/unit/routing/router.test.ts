import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Incident } from '@shared/model/alerts';
import { createMemoryStore } from '../../../main/credentials/memory-store';
import { receiverAccount, type ReceiverConfig } from '../../../main/routing/receiver-config';
import { createRouter, type Router } from '../../../main/routing/router';
import { verifyStreamwatchSignature } from '../../../docs/team/verify-signature';
import { startFakeReceivers, type FakeReceivers } from '../../support/fake-receivers';
import { manualClock, type ManualClock } from '../../support/manual-clock';

/**
 * The router against loopback fakes of Slack, Teams, PagerDuty and a signed
 * webhook, over real HTTP, on a clock the test moves.
 */
const T0 = Date.parse('2026-03-01T10:00:00Z');
const SIGNING_SECRET = 'whsec_signing_0123456789';
const ROUTING_KEY = 'R0UTINGKEY0123456789abcdef012345';
const SLACK_PATH = '/slack';
const BACKOFF = { baseMs: 2_000, maxMs: 60_000, maxAttempts: 4 };

function incident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 'inc-42',
    key: 'source-failing:events',
    ruleId: 'source-failing',
    sourceId: 'events',
    sourceName: 'Events',
    severity: 'critical',
    state: 'firing',
    startedAt: T0,
    endedAt: null,
    values: { failed: 3 },
    message: 'Events · API failing — api.video answered 500.',
    acknowledged: false,
    snoozedUntil: null,
    ...overrides,
  };
}

let fakes: FakeReceivers;
let clock: ManualClock;
let router: Router;
let quiet: boolean;
let receivers: ReceiverConfig[];

beforeEach(async () => {
  fakes = await startFakeReceivers();
  clock = manualClock(T0);
  quiet = false;
  const secrets = createMemoryStore();
  await secrets.set(receiverAccount('hook'), 'signingSecret', SIGNING_SECRET);
  await secrets.set(receiverAccount('slack'), 'webhookUrl', `${fakes.base}${SLACK_PATH}`);
  await secrets.set(receiverAccount('teams'), 'webhookUrl', `${fakes.base}/teams`);
  await secrets.set(receiverAccount('pd'), 'routingKey', ROUTING_KEY);
  receivers = [
    { id: 'hook', kind: 'webhook', name: 'Ops webhook', enabled: true, url: `${fakes.base}/webhook` },
    { id: 'slack', kind: 'slack', name: '#streaming', enabled: true },
    { id: 'teams', kind: 'teams', name: 'Video team', enabled: true },
    { id: 'pd', kind: 'pagerduty', name: 'On call', enabled: true, url: `${fakes.base}/pagerduty` },
  ];
  router = createRouter({
    clock,
    fetch: (url, init) => fetch(url, init),
    receivers: () => receivers,
    secrets,
    mayRoute: () => !quiet,
    backoff: BACKOFF,
  });
});

afterEach(async () => {
  router.stop();
  await fakes.close();
});

async function settle(input: { firing: Incident[]; snoozeAllUntil?: number | null }): Promise<void> {
  router.reconcile({ firing: input.firing, snoozeAllUntil: input.snoozeAllUntil ?? null });
  await router.idle();
}

const bodies = (path: string) => fakes.on(path).map((r) => JSON.parse(r.body) as Record<string, unknown>);

describe('alert routing', () => {
  it('sends a firing incident to Slack, Teams, PagerDuty and the signed webhook once each, then its resolution', async () => {
    await settle({ firing: [incident()] });
    await settle({ firing: [incident({ message: 'Events · API failing — still.' })] });
    for (const path of ['/webhook', SLACK_PATH, '/teams', '/pagerduty']) expect(fakes.on(path), path).toHaveLength(1);

    const hook = fakes.on('/webhook')[0]!;
    const verdict = verifyStreamwatchSignature({
      secret: SIGNING_SECRET,
      rawBody: hook.body,
      timestampHeader: hook.headers['x-streamwatch-timestamp'] as string,
      signatureHeader: hook.headers['x-streamwatch-signature'] as string,
      nowSeconds: T0 / 1000 + 30,
    });
    expect(verdict).toEqual({ ok: true });
    expect(bodies('/webhook')[0]).toMatchObject({
      event: 'trigger',
      incident: { id: 'inc-42', rule: 'source-failing', severity: 'critical' },
    });
    expect(bodies(SLACK_PATH)[0]!.text).toContain('Critical: Events · API failing');
    expect(JSON.stringify(bodies('/teams')[0])).toContain('application/vnd.microsoft.card.adaptive');
    expect(bodies('/pagerduty')[0]).toMatchObject({
      event_action: 'trigger',
      dedup_key: 'inc-42',
      payload: { severity: 'critical', source: 'Events' },
    });

    clock.advance(60_000);
    await settle({ firing: [] });
    await settle({ firing: [] });
    for (const path of ['/webhook', SLACK_PATH, '/teams', '/pagerduty']) expect(fakes.on(path), path).toHaveLength(2);
    expect(bodies('/pagerduty')[1]).toEqual({ routing_key: ROUTING_KEY, event_action: 'resolve', dedup_key: 'inc-42' });
    expect(bodies('/webhook')[1]).toMatchObject({
      event: 'resolve',
      incident: { id: 'inc-42', endedAt: new Date(T0 + 60_000).toISOString() },
    });
    expect(bodies(SLACK_PATH)[1]!.text).toContain('Resolved: Events');
    expect(router.deliveryLog('inc-42').filter((e) => e.outcome === 'delivered')).toHaveLength(8);
  });

  it('retries after a 500 with backoff, and a retry sends no duplicate', async () => {
    fakes.failNext('/webhook', 1);
    await settle({ firing: [incident()] });
    expect(fakes.on('/webhook').map((r) => r.status)).toEqual([500]);
    expect(router.deliveryLog('inc-42').find((e) => e.receiverId === 'hook')).toMatchObject({
      outcome: 'retrying',
      status: 500,
      attempt: 1,
    });

    clock.advance(BACKOFF.baseMs - 1);
    await router.idle();
    expect(fakes.on('/webhook'), 'not before the backoff').toHaveLength(1);
    clock.advance(1);
    await router.idle();
    const attempts = fakes.on('/webhook');
    expect(attempts.map((r) => r.status)).toEqual([500, 200]);
    // The retry carries the same delivery id, so even a receiver that saw the first one can drop it.
    expect(new Set(attempts.map((r) => r.headers['x-streamwatch-delivery'])).size).toBe(1);

    // Nothing more goes out however often the state is re-checked or time passes.
    await settle({ firing: [incident()] });
    clock.advance(10 * 60_000);
    await router.idle();
    expect(fakes.on('/webhook')).toHaveLength(2);
    for (const path of [SLACK_PATH, '/teams', '/pagerduty']) expect(fakes.on(path)).toHaveLength(1);
  });

  it('sends a resolve only after its trigger got through', async () => {
    fakes.failNext('/pagerduty', 1);
    await settle({ firing: [incident()] });
    await settle({ firing: [] });
    expect(bodies('/pagerduty').map((b) => b.event_action)).toEqual(['trigger']);
    clock.advance(BACKOFF.baseMs);
    await router.idle();
    await router.idle();
    expect(bodies('/pagerduty').map((b) => b.event_action)).toEqual(['trigger', 'trigger', 'resolve']);
  });

  it('gives up after the last attempt and says so in the log', async () => {
    fakes.failNext(SLACK_PATH, 99);
    await settle({ firing: [incident()] });
    for (let i = 0; i < 6; i++) {
      clock.advance(BACKOFF.maxMs);
      await router.idle();
    }
    expect(fakes.on(SLACK_PATH)).toHaveLength(BACKOFF.maxAttempts);
    expect(
      router
        .deliveryLog('inc-42')
        .filter((e) => e.receiverId === 'slack')
        .at(-1),
    ).toMatchObject({ outcome: 'failed' });
  });

  it('respects a snooze and snooze-all: nothing goes out until it ends', async () => {
    await settle({ firing: [incident({ snoozedUntil: T0 + 30 * 60_000 })] });
    await settle({ firing: [incident({ id: 'inc-43', key: 'x' })], snoozeAllUntil: T0 + 60_000 });
    expect(fakes.received).toHaveLength(0);
    clock.advance(31 * 60_000);
    await settle({ firing: [incident({ snoozedUntil: T0 + 30 * 60_000 })] });
    expect(fakes.on('/pagerduty')).toHaveLength(1);
  });

  it('respects quiet hours, and sends no resolve for an incident it never sent', async () => {
    quiet = true;
    await settle({ firing: [incident()] });
    await settle({ firing: [] });
    expect(fakes.received).toHaveLength(0);
  });

  it('puts no secret in a delivery log, and only the receiver’s own credential in its payload', async () => {
    fakes.failNext(SLACK_PATH, 1);
    await settle({ firing: [incident()] });
    const log = JSON.stringify(router.deliveryLog('inc-42'));
    for (const secret of [SIGNING_SECRET, ROUTING_KEY, SLACK_PATH, '/teams']) expect(log).not.toContain(secret);
    for (const path of ['/webhook', SLACK_PATH, '/teams']) {
      const body = fakes.on(path)[0]!.body;
      for (const secret of [SIGNING_SECRET, ROUTING_KEY]) expect(body, path).not.toContain(secret);
    }
    // PagerDuty's Events API takes its routing key in the body; no other secret travels with it.
    expect(fakes.on('/pagerduty')[0]!.body).not.toContain(SIGNING_SECRET);
  });

  it('refuses a receiver address that is not https, except on loopback', async () => {
    receivers = [{ id: 'hook', kind: 'webhook', name: 'Plain', enabled: true, url: 'http://hooks.example.com/in' }];
    await settle({ firing: [incident()] });
    expect(router.deliveryLog('inc-42')).toEqual([
      expect.objectContaining({ outcome: 'failed', message: expect.stringContaining('must use https') }),
    ]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { createAlertsService, type AlertsService } from '../../../main/core/alerts-service';
import { createMemoryStore } from '../../../main/credentials/memory-store';
import { createStateHub } from '../../../main/engine/state-hub';
import { receiverAccount } from '../../../main/routing/receiver-config';
import { memoryReceivers } from '../../../main/routing/receiver-store';
import { createRoutingService, type RoutingService } from '../../../main/routing/routing-service';
import { defaultSettings } from '../../../main/settings/settings-schema';
import { startFakeReceivers, type FakeReceivers } from '../../support/fake-receivers';
import { manualClock } from '../../support/manual-clock';

/**
 * The whole path in one process: the hub's state → the real alert engine
 * opens an incident → the routing service sends it to fake Slack, Teams,
 * PagerDuty and webhook receivers on loopback → the source recovers → the
 * resolution arrives at each. Time is a clock the test moves.
 */
const T0 = Date.parse('2026-03-01T12:00:00Z');
let fakes: FakeReceivers;
let alerts: AlertsService;
let routing: RoutingService;

afterEach(async () => {
  routing?.stop();
  alerts?.stop();
  await fakes?.close();
});

describe('from a firing rule to the receivers', () => {
  it('reaches every receiver once, then sends the resolution', async () => {
    fakes = await startFakeReceivers();
    const clock = manualClock(T0);
    const hub = createStateHub({ now: clock.now });
    hub.registerSource({
      id: 'vod',
      name: 'VOD',
      provider: 'api-video',
      providerLabel: 'api.video',
      metric: { label: 'Viewers', unit: 'viewers', definition: 'viewers now' },
      demo: false,
      intervalMs: 60_000,
    });
    hub.setHealth(
      'vod',
      {
        status: 'error',
        error: { kind: 'auth', message: 'api.video refused the API key (401).', status: 401 },
        since: T0,
      },
      null,
    );
    const prefs = defaultSettings().preferences.notifications;
    alerts = createAlertsService({ hub, clock, sink: { notify: () => {} }, prefs: () => prefs, overrides: () => ({}) });
    const secrets = createMemoryStore();
    await secrets.set(receiverAccount('hook'), 'signingSecret', 'whsec_0123456789abcdef');
    await secrets.set(receiverAccount('slack'), 'webhookUrl', `${fakes.base}/slack`);
    await secrets.set(receiverAccount('teams'), 'webhookUrl', `${fakes.base}/teams`);
    await secrets.set(receiverAccount('pd'), 'routingKey', 'R0UTINGKEY');
    routing = createRoutingService({
      role: 'standalone',
      alerts,
      clock,
      fetch: (url, init) => fetch(url, init),
      receivers: memoryReceivers([
        { id: 'hook', kind: 'webhook', name: 'Ops', enabled: true, url: `${fakes.base}/webhook` },
        { id: 'slack', kind: 'slack', name: '#streaming', enabled: true },
        { id: 'teams', kind: 'teams', name: 'Video', enabled: true },
        { id: 'pd', kind: 'pagerduty', name: 'On call', enabled: true, url: `${fakes.base}/pagerduty` },
      ]),
      secrets,
      prefs: () => prefs,
      minutesOfDay: () => 12 * 60,
    });
    alerts.start();
    routing.start();
    await routing.idle();
    const paths = ['/webhook', '/slack', '/teams', '/pagerduty'];
    for (const path of paths) expect(fakes.on(path), path).toHaveLength(1);
    const [incident] = alerts.history();
    expect(incident).toMatchObject({ ruleId: 'auth-failing', state: 'firing' });
    expect(JSON.parse(fakes.on('/pagerduty')[0]!.body)).toMatchObject({
      event_action: 'trigger',
      dedup_key: incident!.id,
    });

    hub.setHealth('vod', { status: 'ok' }, T0 + 30_000);
    clock.advance(1_000);
    await routing.idle();
    for (const path of paths) expect(fakes.on(path), path).toHaveLength(2);
    expect(JSON.parse(fakes.on('/pagerduty')[1]!.body)).toMatchObject({
      event_action: 'resolve',
      dedup_key: incident!.id,
    });
    expect(
      routing
        .deliveryLog(incident!.id)
        .map((e) => `${e.receiverId} ${e.event} ${e.outcome}`)
        .sort(),
    ).toEqual(
      ['hook', 'pd', 'slack', 'teams'].flatMap((r) => [`${r} resolve delivered`, `${r} trigger delivered`]).sort(),
    );
  });
});

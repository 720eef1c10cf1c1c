import { afterEach, describe, expect, it } from 'vitest';
import type { AlertsView, Incident } from '@shared/model/alerts';
import { createMemoryStore } from '../../../main/credentials/memory-store';
import { defaultSettings } from '../../../main/settings/settings-schema';
import { memoryReceivers } from '../../../main/routing/receiver-store';
import { receiverAccount } from '../../../main/routing/receiver-config';
import { createRoutingService, type RoutingRole, type RoutingService } from '../../../main/routing/routing-service';
import { startFakeReceivers, type FakeReceivers } from '../../support/fake-receivers';
import { manualClock } from '../../support/manual-clock';
import { firingIncident } from '../../support/metrics-hub';

/** Once per team: who routes. The same firing incident, seen by a standalone desktop, a collector and a subscriber. */
let fakes: FakeReceivers | null = null;
let service: RoutingService | null = null;

afterEach(async () => {
  service?.stop();
  await fakes?.close();
});

async function seenBy(role: RoutingRole, incident: Incident, quietHours = false): Promise<number> {
  fakes = await startFakeReceivers();
  const secrets = createMemoryStore();
  await secrets.set(receiverAccount('pd'), 'routingKey', 'rk');
  const view: AlertsView = {
    firing: [incident],
    pending: [],
    silenced: 0,
    snoozeAllUntil: null,
    level: 'warning',
    summary: '',
  };
  const prefs = defaultSettings().preferences.notifications;
  const clock = manualClock(incident.startedAt);
  service = createRoutingService({
    role,
    alerts: { view: () => view, onChange: () => () => {} },
    clock,
    fetch: (url, init) => fetch(url, init),
    receivers: memoryReceivers([
      { id: 'pd', kind: 'pagerduty', name: 'On call', enabled: true, url: `${fakes.base}/pagerduty` },
    ]),
    secrets,
    prefs: () => ({
      ...prefs,
      quietHours: { ...prefs.quietHours, enabled: quietHours, start: '00:00', end: '23:59', criticalBypass: true },
    }),
    minutesOfDay: () => 12 * 60,
  });
  service.start();
  await service.idle();
  return fakes.received.length;
}

describe('routing role', () => {
  it('a desktop on its own routes its own incidents', async () => {
    expect(await seenBy('standalone', firingIncident())).toBe(1);
  });
  it('a collector routes for its team', async () => {
    expect(await seenBy('collector', firingIncident())).toBe(1);
  });
  it('a desktop subscribed to a collector never routes', async () => {
    expect(await seenBy('subscriber', firingIncident())).toBe(0);
    expect(service?.active).toBe(false);
  });
  it('quiet hours hold a warning but let a critical through when critical bypass is on', async () => {
    expect(await seenBy('standalone', firingIncident({ severity: 'warning' }), true)).toBe(0);
    service?.stop();
    await fakes?.close();
    expect(await seenBy('standalone', firingIncident({ severity: 'critical' }), true)).toBe(1);
  });
});

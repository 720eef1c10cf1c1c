import { describe, expect, it } from 'vitest';
import type { CredentialStore } from '../../../main/credentials/credential-store';
import { createMemoryStore } from '../../../main/credentials/memory-store';
import { createRouter } from '../../../main/routing/router';
import { firingIncident } from '../../support/metrics-hub';
import { manualClock } from '../../support/manual-clock';

/** What the router does when its own surroundings fail: it records the failure and carries on. */
describe('router failures', () => {
  it('records a failed delivery when the secret store throws, instead of an unhandled rejection', async () => {
    const broken: CredentialStore = {
      ...createMemoryStore(),
      get: () => Promise.reject(new Error('keychain exploded')),
    };
    let sent = 0;
    const router = createRouter({
      clock: manualClock(0),
      fetch: async () => {
        sent++;
        return new Response('{}');
      },
      receivers: () => [{ id: 'pd', kind: 'pagerduty', name: 'On call', enabled: true }],
      secrets: broken,
      mayRoute: () => true,
    });
    router.reconcile({ firing: [firingIncident()], snoozeAllUntil: null });
    await router.idle();
    expect(sent).toBe(0);
    expect(router.deliveryLog('inc-1')).toEqual([
      expect.objectContaining({ outcome: 'failed', message: expect.stringContaining('internal error') }),
    ]);
    router.stop();
  });

  it('does not retry a request the receiver refused (4xx other than 408 and 429)', async () => {
    const secrets = createMemoryStore();
    await secrets.set('receiver:pd', 'routingKey', 'rk');
    let sent = 0;
    const clock = manualClock(0);
    const router = createRouter({
      clock,
      fetch: async () => {
        sent++;
        return new Response('{"status":"invalid event"}', { status: 400 });
      },
      receivers: () => [
        {
          id: 'pd',
          kind: 'pagerduty',
          name: 'On call',
          enabled: true,
          url: 'https://events.pagerduty.example/v2/enqueue',
        },
      ],
      secrets,
      mayRoute: () => true,
    });
    router.reconcile({ firing: [firingIncident()], snoozeAllUntil: null });
    await router.idle();
    clock.advance(60 * 60_000);
    await router.idle();
    expect(sent).toBe(1);
    expect(router.deliveryLog('inc-1').at(-1)).toMatchObject({ outcome: 'failed', status: 400 });
    router.stop();
  });
});

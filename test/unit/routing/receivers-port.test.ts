import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../main/credentials/memory-store';
import { receiverAccount } from '../../../main/routing/receiver-config';
import { memoryReceivers } from '../../../main/routing/receiver-store';
import { createReceiversPort } from '../../../main/routing/receivers-port';

function port() {
  const secrets = createMemoryStore();
  return { secrets, port: createReceiversPort({ store: memoryReceivers(), secrets, deliveries: () => [] }) };
}

describe('receivers port (the Alerts view admin section)', () => {
  it('stores the secret in the credential store and lists only whether it exists', async () => {
    const { port: p, secrets } = port();
    const saved = await p.save(
      { id: 'slack', kind: 'slack', name: '#streaming', enabled: true },
      'https://hooks.slack.com/services/T0/B0/xyz',
    );
    expect(saved.ok && saved.value).toEqual([
      { id: 'slack', kind: 'slack', name: '#streaming', enabled: true, hasSecret: true },
    ]);
    expect(JSON.stringify(saved)).not.toContain('hooks.slack.com');
    expect(await secrets.get(receiverAccount('slack'), 'webhookUrl')).toEqual({
      ok: true,
      value: 'https://hooks.slack.com/services/T0/B0/xyz',
    });
  });

  it('keeps the stored secret when saved again without one', async () => {
    const { port: p } = port();
    await p.save({ id: 'pd', kind: 'pagerduty', name: 'On call', enabled: true }, 'R0UTINGKEY');
    const renamed = await p.save({ id: 'pd', kind: 'pagerduty', name: 'Pager', enabled: false }, undefined);
    expect(renamed.ok && renamed.value[0]).toMatchObject({ name: 'Pager', enabled: false, hasSecret: true });
  });

  it('refuses plain http off loopback, a missing secret, and a short signing secret', async () => {
    const { port: p } = port();
    const http = await p.save(
      { id: 'h', kind: 'webhook', name: 'Ops', enabled: true, url: 'http://ops.example.com/in' },
      'a-long-enough-secret',
    );
    expect(http).toMatchObject({ ok: false, error: { message: expect.stringContaining('must use https') } });
    const teams = await p.save(
      { id: 't', kind: 'teams', name: 'Video', enabled: true },
      'http://prod.example.com/workflows/1',
    );
    expect(teams).toMatchObject({ ok: false, error: { message: expect.stringContaining('must use https') } });
    const none = await p.save({ id: 'p', kind: 'pagerduty', name: 'On call', enabled: true }, undefined);
    expect(none).toMatchObject({ ok: false, error: { message: expect.stringContaining('routing key') } });
    const short = await p.save(
      { id: 'h', kind: 'webhook', name: 'Ops', enabled: true, url: 'https://ops.example.com/in' },
      'short',
    );
    expect(short).toMatchObject({ ok: false, error: { message: expect.stringContaining('16 characters') } });
  });

  it('removes a receiver with its secret', async () => {
    const { port: p, secrets } = port();
    await p.save({ id: 'pd', kind: 'pagerduty', name: 'On call', enabled: true }, 'R0UTINGKEY');
    expect(await p.remove('pd')).toEqual({ ok: true, value: [] });
    expect(await secrets.get(receiverAccount('pd'), 'routingKey')).toEqual({ ok: true, value: null });
  });
});

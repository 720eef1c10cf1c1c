import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../main/headless/config';
import { setupFromConfig } from '../../../main/headless/setup';

/** A collector run from a config file (the systemd unit) keeps its receivers there, secrets in the environment. */
const source = { id: 'main', provider: 'api-video', name: 'Main', secrets: { apiKey: { env: 'SW_KEY' } } };
const parse = (receivers: unknown[]) => parseConfigText('c.json', JSON.stringify({ sources: [source], receivers }));

describe('receivers in the headless config file', () => {
  it('reads them, with each secret taken from the variable it names', () => {
    const parsed = parse([
      { id: 'slack', kind: 'slack', name: '#streaming', secret: { env: 'SW_SLACK_URL' } },
      { id: 'pd', kind: 'pagerduty', name: 'On call', enabled: false, secret: { env: 'SW_PD_KEY' } },
    ]);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const setup = setupFromConfig(parsed.value, { SW_SLACK_URL: 'https://hooks.slack.com/services/x', SW_KEY: 'k' });
    expect(setup.receivers).toEqual([
      {
        receiver: { id: 'slack', kind: 'slack', name: '#streaming', enabled: true },
        secret: 'https://hooks.slack.com/services/x',
      },
      { receiver: { id: 'pd', kind: 'pagerduty', name: 'On call', enabled: false }, secret: undefined },
    ]);
  });

  it('names the field of a plain-http address, a webhook without one, and a secret written into the file', () => {
    expect(
      parse([{ id: 'h', kind: 'webhook', name: 'Ops', url: 'http://ops.example.com/in', secret: { env: 'S' } }]),
    ).toMatchObject({
      ok: false,
      error: { field: 'receivers[0].url', message: expect.stringContaining('must use https') },
    });
    expect(parse([{ id: 'h', kind: 'webhook', name: 'Ops', secret: { env: 'S' } }])).toMatchObject({
      ok: false,
      error: { field: 'receivers[0].url' },
    });
    expect(parse([{ id: 's', kind: 'slack', name: 'x', secret: 'https://hooks.slack.com/services/x' }])).toMatchObject({
      ok: false,
      error: { field: 'receivers[0].secret' },
    });
  });
});

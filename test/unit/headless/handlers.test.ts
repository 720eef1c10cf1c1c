import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/api/dispatch';
import { createHandlers } from '../../../main/api/handlers';
import { envPresence, envResolver } from '../../../main/credentials/env-store';
import { readOnlySources } from '../../../main/headless/read-only-sources';
import type { SourceConfig } from '@shared/model/source';
import { T0, fakeEngine, fakeHub, session, snapshotOf, sourceState } from './fakes';
import { lookupTestProvider, testProvider } from './test-provider';
import { quietPorts } from '../../support/core-fakes';

const config: SourceConfig = { id: 'main', name: 'NAVER main', provider: 'naver-vpe', enabled: true, options: {} };

function setup(env: Record<string, string> = { K: 'good', P: 'project' }) {
  const held = [session('main', 'abc', T0)];
  const hub = fakeHub(snapshotOf([sourceState('main')], held), held);
  const engine = fakeEngine(hub);
  const bindings = { main: { apiKey: 'K', projectId: 'P' } };
  const sources = readOnlySources({
    sources: [config],
    origin: 'the config file sources.json',
    resolve: envResolver(bindings, env),
    presence: (id) => envPresence(bindings, id, env),
    lookup: lookupTestProvider,
  });
  const handlers = createHandlers({
    engine,
    sources,
    providers: [testProvider],
    info: { version: '0.1.0', shell: 'headless' },
    ...quietPorts([config]),
  });
  return { engine, handlers, call: (channel: string, args: unknown = {}) => dispatch(handlers, channel, args) };
}

describe('request handlers', () => {
  it('answers the snapshot and app info', async () => {
    const { call } = setup();
    expect(await call('app:info')).toEqual({ ok: true, value: { version: '0.1.0', shell: 'headless' } });
    expect(await call('state:snapshot')).toMatchObject({ ok: true, value: { seq: 3, sources: [{ id: 'main' }] } });
  });

  it('gives a session detail, and a poll error as an error value with its kind as code', async () => {
    const { call } = setup();
    expect(await call('sessions:detail', { sourceId: 'main', sessionId: 'abc' })).toMatchObject({
      ok: true,
      value: { id: 'abc' },
    });
    expect(await call('sessions:detail', { sourceId: 'main', sessionId: 'nope' })).toEqual({
      ok: false,
      error: { code: 'provider', message: 'No session nope on main.' },
    });
  });

  it('lists the configured sources with the providers this build knows', async () => {
    const listed = await setup().call('sources:list');
    expect(listed).toMatchObject({
      ok: true,
      value: { sources: [{ id: 'main' }], providers: [{ kind: 'naver-vpe', label: 'NAVER VPE' }] },
    });
  });

  it('refuses to change sources in headless mode, saying where they come from', async () => {
    const { call } = setup();
    for (const [channel, args] of [
      ['sources:save', { source: config }],
      ['sources:remove', { sourceId: 'main' }],
      ['credentials:clear', { sourceId: 'main', field: 'apiKey' }],
    ] as const) {
      expect(await call(channel, args)).toEqual({
        ok: false,
        error: {
          code: 'read-only',
          message:
            'In headless mode the sources come from the config file sources.json and cannot be changed here; edit it and restart.',
        },
      });
    }
  });

  it('tests a source with entered secrets completed from the environment', async () => {
    const { call, engine } = setup();
    expect(await call('sources:test', { source: config, secrets: { projectId: 'typed' } })).toEqual({
      ok: true,
      value: { message: '3 sessions, 41 viewers now' },
    });
    expect(engine.calls).toContain('test main apiKey,projectId');
    const failing = await setup({ P: 'x' }).call('sources:test', { source: config });
    expect(failing).toEqual({
      ok: false,
      error: { code: 'config', message: 'NAVER main: environment variable K is not set (secret apiKey).' },
    });
  });

  it('says which secrets are present, never their values', async () => {
    const answer = await setup({ K: 'good' }).call('credentials:has', { sourceId: 'main' });
    expect(answer).toEqual({ ok: true, value: { apiKey: true, projectId: false } });
    expect(JSON.stringify(answer)).not.toContain('good');
  });

  it('refreshes and pauses the engine; an unknown source is an error', async () => {
    const { call, engine } = setup();
    expect(await call('polling:refresh', { sourceId: 'main' })).toEqual({ ok: true, value: {} });
    expect(await call('polling:refresh', {})).toEqual({ ok: true, value: {} });
    expect(await call('polling:pause', { paused: true })).toEqual({ ok: true, value: {} });
    expect(engine.calls).toEqual(['refresh main', 'refresh *', 'paused true']);
    expect(await call('polling:refresh', { sourceId: 'ghost' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('answers a malformed argument with an error naming the field', async () => {
    expect(await setup().call('polling:pause', { paused: 'yes' })).toEqual({
      ok: false,
      error: { code: 'bad-argument', message: expect.stringContaining('field paused') },
    });
  });
});

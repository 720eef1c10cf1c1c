import { afterEach, describe, expect, it } from 'vitest';
import { sourceError } from '@shared/model/errors';
import { err, ok } from '@shared/result';
import { createHarness, sourceConfig, stopEngine, withSecrets, type Harness } from '../../support/engine-harness';
import { networkError, point, serverError, session } from '../../support/samples';

const SECOND = 1000;
const MINUTE = 60_000;

let h: Harness;
afterEach(async () => h?.dispose());

const healthOf = (id: string) => h.engine.hub.source(id)?.health;
const errorOf = (id: string) => {
  const health = healthOf(id);
  return health?.status === 'error' ? health.error : undefined;
};

describe('sources', () => {
  it('a missing secret is a config error naming it, and the other sources still poll', async () => {
    h = createHarness();
    const [good] = withSecrets(h, 'good');
    h.engine.setSources([good!, sourceConfig('lonely')]);
    h.engine.start();
    await h.clock.flush();
    expect(errorOf('lonely')).toEqual({
      kind: 'config',
      message: 'The environment variables STREAMWATCH_LONELY_APIKEY and STREAMWATCH_LONELY_PROJECTID are not set.',
    });
    expect(h.fake.endpoint('good', 'viewers').startedAt).toHaveLength(1);
    expect(healthOf('good')).toEqual({ status: 'ok' });

    // Fixing the environment and refreshing tries the source again.
    h.secrets.set('lonely', { apiKey: 'k', projectId: 'p' });
    h.engine.refresh('lonely');
    await h.clock.flush();
    expect(healthOf('lonely')).toEqual({ status: 'ok' });
  });

  it('an invalid option is a config error naming the field; an unknown provider says so', async () => {
    h = createHarness();
    withSecrets(h, 'bad', 'alien');
    h.engine.setSources([
      sourceConfig('bad', { options: { device: 'Fridge' } }),
      sourceConfig('alien', { provider: 'conviva' }),
    ]);
    await h.engine.pollOnce();
    expect(errorOf('bad')).toMatchObject({ kind: 'config', path: 'device' });
    expect(errorOf('bad')!.message).toContain('Fake · Source bad: option device is invalid');
    expect(errorOf('alien')).toMatchObject({
      kind: 'config',
      message: 'conviva · Source alien: Streamwatch has no provider for "conviva".',
    });
  });

  it('uses the default base URL, parsed options and the viewers interval', async () => {
    h = createHarness({
      provider: {
        endpoints: [
          { name: 'viewers', intervalMs: 30_000 },
          { name: 'sessions', intervalMs: 300_000 },
        ],
      },
    });
    h.engine.setSources(withSecrets(h, 'a'), { demo: true });
    await h.engine.pollOnce();
    expect(h.fake.connections[0]).toMatchObject({
      baseUrl: 'https://fake.example',
      options: { device: 'PC,Mobile' },
      secrets: { apiKey: 'key-a' },
    });
    expect(h.engine.hub.source('a')).toMatchObject({ intervalMs: 30_000, demo: true, providerLabel: 'Fake' });
    expect(h.engine.hub.snapshot().demo).toBe(true);
  });

  it("labels only the demo's own sources as demo when real ones are polled beside them", async () => {
    h = createHarness();
    h.engine.setSources(withSecrets(h, 'real', 'demo-x'), { demo: true, demoSourceIds: new Set(['demo-x']) });
    expect(h.engine.hub.source('real')?.demo).toBe(false);
    expect(h.engine.hub.source('demo-x')?.demo).toBe(true);
    expect(h.engine.hub.snapshot().demo).toBe(true);
    // The demo switched off: the same real source, no longer beside a demo, stays real.
    h.engine.setSources(withSecrets(h, 'real'));
    expect(h.engine.hub.source('real')?.demo).toBe(false);
    expect(h.engine.hub.snapshot().demo).toBe(false);
  });

  it('setSources keeps unchanged sources polling with their data, restarts changed ones and removes the rest', async () => {
    h = createHarness();
    const configs = withSecrets(h, 'a', 'b', 'c');
    h.fake.endpoint('a', 'viewers').always({ ok: { viewers: [point(h.clock.now(), 5)] } });
    h.engine.setSources(configs);
    h.engine.start();
    await h.clock.advance(10 * SECOND);
    expect(h.fake.connections).toHaveLength(3);

    h.engine.setSources([configs[0]!, { ...configs[1]!, name: 'Renamed' }]);
    await h.clock.flush();
    expect(h.fake.connections.map((c) => c.id)).toEqual(['a', 'b', 'c', 'b']);
    const snapshot = h.engine.hub.snapshot();
    expect(snapshot.sources.map((s) => [s.id, s.name])).toEqual([
      ['a', 'Source a'],
      ['b', 'Renamed'],
    ]);
    expect(snapshot.series.map((s) => s.sourceId)).toEqual(['a']);
    // a was not restarted: its next poll comes on its own schedule.
    expect(h.fake.endpoint('a', 'viewers').startedAt).toHaveLength(1);
    await h.clock.advance(2 * MINUTE);
    expect(h.fake.endpoint('c', 'viewers').startedAt).toHaveLength(1);
    expect(h.fake.endpoint('a', 'viewers').startedAt).toHaveLength(3);
  });

  it('a disabled source is listed as paused and never polled', async () => {
    h = createHarness();
    const [a] = withSecrets(h, 'a');
    h.engine.setSources([{ ...a!, enabled: false }]);
    h.engine.start();
    await h.clock.advance(5 * MINUTE);
    expect(healthOf('a')).toEqual({ status: 'paused', reason: 'Disabled in settings.', until: null });
    expect(h.fake.connections).toHaveLength(0);
  });
});

describe('offline', () => {
  it('one flag when every source fails with a network error and the system says the network is down, probing every 10 s, cleared on the first success', async () => {
    h = createHarness({ isNetworkDown: () => true });
    h.engine.setSources(withSecrets(h, 'a', 'b'));
    h.engine.start();
    await h.clock.flush();
    for (const id of ['a', 'b'])
      for (const name of ['viewers', 'sessions']) h.fake.endpoint(id, name).always({ error: networkError() });
    await h.clock.advance(1.05 * MINUTE);
    expect(h.engine.hub.snapshot().offline).toBe(true);
    const flagPatches = () => h.patches.flatMap((patch) => patch.ops).filter((op) => op.op === 'flags' && op.offline);
    expect(flagPatches()).toHaveLength(1);

    const probes = h.fake.endpoint('a', 'viewers').startedAt.length;
    await h.clock.advance(MINUTE);
    expect(h.fake.endpoint('a', 'viewers').startedAt.length - probes).toBeGreaterThanOrEqual(5);
    expect(flagPatches()).toHaveLength(1);

    h.fake.endpoint('b', 'viewers').always({ ok: {} });
    h.fake.endpoint('b', 'sessions').always({ ok: {} });
    h.fake.endpoint('a', 'viewers').always({ ok: {} });
    h.fake.endpoint('a', 'sessions').always({ ok: {} });
    await h.clock.advance(10 * SECOND);
    expect(h.engine.hub.snapshot().offline).toBe(false);
    // Back online, every backed-off endpoint polled at once.
    await h.clock.flush();
    expect(h.engine.hub.snapshot().sources.map((s) => s.health.status)).toEqual(['ok', 'ok']);
  });

  it('does not blame the network when the system says it is up: each source names its own trouble', async () => {
    h = createHarness({ isNetworkDown: () => false });
    h.engine.setSources(withSecrets(h, 'a'));
    h.engine.start();
    await h.clock.flush();
    for (const name of ['viewers', 'sessions']) h.fake.endpoint('a', name).always({ error: networkError() });
    await h.clock.advance(1.05 * MINUTE);
    expect(h.engine.hub.snapshot().offline).toBe(false);
    const health = h.engine.hub.source('a')!.health;
    expect(health.status === 'error' && health.error.kind).toBe('network');
    // Still probed often, so the source comes back promptly once its address answers.
    const probes = h.fake.endpoint('a', 'viewers').startedAt.length;
    await h.clock.advance(MINUTE);
    expect(h.fake.endpoint('a', 'viewers').startedAt.length - probes).toBeGreaterThanOrEqual(5);
  });

  it('is not offline while any platform answers, even with an HTTP error', async () => {
    h = createHarness({ isNetworkDown: () => true });
    h.engine.setSources(withSecrets(h, 'a', 'b'));
    h.fake.endpoint('a', 'viewers').always({ error: networkError() });
    h.fake.endpoint('b', 'viewers').always({ error: serverError() });
    h.fake.endpoint('a', 'sessions').always({ error: networkError() });
    h.fake.endpoint('b', 'sessions').always({ error: serverError() });
    await h.engine.pollOnce();
    expect(h.engine.hub.snapshot().offline).toBe(false);
  });
});

describe('pollOnce, testSource and sessionDetail', () => {
  it('pollOnce polls every endpoint of every enabled source once and resolves when all answered', async () => {
    h = createHarness();
    h.engine.setSources(withSecrets(h, 'a', 'b'));
    h.fake.endpoint('a', 'sessions').next({ delayMs: 5 * SECOND, then: { ok: { sessions: [session('a', 's1')] } } });
    let done = false;
    const once = h.engine.pollOnce().then(() => (done = true));
    await h.clock.advance(4 * SECOND);
    expect(done).toBe(false);
    await h.clock.advance(SECOND);
    await once;
    for (const id of ['a', 'b'])
      for (const name of ['viewers', 'sessions']) expect(h.fake.endpoint(id, name).startedAt).toHaveLength(1);
    expect(h.engine.hub.snapshot().sessions.map((row) => row.id)).toEqual(['s1']);
    // Not started: nothing is scheduled after.
    expect(h.clock.pending()).toBe(0);
  });

  it('testSource connects with the given secrets, reports, and stores nothing', async () => {
    h = createHarness();
    const config = sourceConfig('new');
    expect(await h.engine.testSource(config, { apiKey: 'k', projectId: 'p' })).toEqual(ok('2 endpoints answered'));
    expect(h.fake.connections[0]!.secrets).toEqual({ apiKey: 'k', projectId: 'p' });
    expect(h.engine.hub.snapshot().sources).toEqual([]);
    const missing = await h.engine.testSource(config, { apiKey: 'k' });
    expect(missing.ok === false && missing.error).toMatchObject({
      kind: 'config',
      message: expect.stringContaining('STREAMWATCH_NEW_PROJECTID'),
    });
    h.fake.testAnswer = err(sourceError('auth', 'Fake refused the credentials (401).'));
    expect(await h.engine.testSource(config, { apiKey: 'k', projectId: 'p' })).toMatchObject({
      ok: false,
      error: { kind: 'auth' },
    });
  });

  it('checks missing secrets once, for every platform: a blank one is missing too, and the provider is never connected', async () => {
    h = createHarness();
    const result = await h.engine.testSource(sourceConfig('blank'), { apiKey: 'k', projectId: '   ' });
    expect(result.ok === false && result.error).toMatchObject({
      kind: 'config',
      message: "Fake · Source blank: no projectId is stored; enter it in the source's settings.",
    });
    expect(h.fake.connections).toEqual([]);
  });

  it('sessionDetail fetches from the platform and upserts, else serves the held session', async () => {
    h = createHarness({ provider: { withDetail: true } });
    h.engine.setSources(withSecrets(h, 'a'));
    h.fake.endpoint('a', 'sessions').next({ ok: { sessions: [session('a', 's1', { events: null })] } });
    await h.engine.pollOnce();
    const events = [
      {
        at: 1,
        type: 'play' as const,
        rawType: 'play',
        durationMs: null,
        positionS: null,
        fromS: null,
        toS: null,
        subject: null,
        details: {},
      },
    ];
    h.fake.detail = (sourceId, id) => ok(session(sourceId, id, { events }));
    const detail = await h.engine.sessionDetail('a', 's1');
    expect(detail.ok && detail.value.events).toEqual(events);
    expect(h.engine.hub.snapshot().sessions[0]!.eventCount).toBe(1);

    // The platform fails, but the events are held: show them.
    h.fake.detail = () => err(sourceError('http', 'Fake answered 500.', { status: 500 }));
    expect(await h.engine.sessionDetail('a', 's1')).toMatchObject({ ok: true, value: { events } });
    expect(await h.engine.sessionDetail('a', 'nope')).toMatchObject({ ok: false, error: { kind: 'http' } });
    expect(await h.engine.sessionDetail('zz', 's1')).toMatchObject({ ok: false, error: { kind: 'config' } });
  });

  it('without platform detail, sessionDetail is the held session or an error value', async () => {
    h = createHarness();
    h.engine.setSources(withSecrets(h, 'a'));
    h.fake.endpoint('a', 'sessions').next({ ok: { sessions: [session('a', 's1')] } });
    await h.engine.pollOnce();
    expect(await h.engine.sessionDetail('a', 's1')).toMatchObject({ ok: true, value: { id: 's1' } });
    expect(await h.engine.sessionDetail('a', 's2')).toMatchObject({
      ok: false,
      error: { message: 'Fake · Source a: session "s2" is not among the sessions held.' },
    });
  });

  it('after stop nothing polls and no timer is left, and start resumes', async () => {
    h = createHarness();
    h.engine.setSources(withSecrets(h, 'a'));
    h.engine.start();
    await h.clock.advance(5 * MINUTE);
    await stopEngine(h.engine, h.clock);
    expect(h.clock.pending()).toBe(0);
    expect(h.clock.allTimers()).toBe(0);
    const count = h.fake.endpoint('a', 'viewers').startedAt.length;
    await h.clock.advance(10 * MINUTE);
    expect(h.fake.endpoint('a', 'viewers').startedAt).toHaveLength(count);
    h.engine.start();
    await h.clock.flush();
    expect(h.fake.endpoint('a', 'viewers').startedAt).toHaveLength(count + 1);
  });
});

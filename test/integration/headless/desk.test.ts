import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Patch } from '@shared/model/state';
import { createCore, type Core } from '../../../main/core/app-core';
import { COLLECTOR_TOKEN, createDesk, type Desk } from '../../../main/core/desk';
import { createMemoryStore } from '../../../main/credentials/memory-store';
import type { CredentialStore } from '../../../main/credentials/credential-store';
import { startDemo } from '../../../main/demo/start-demo';
import { createEngine } from '../../../main/engine/engine';
import { manualClock, type ManualClock } from '../../support/manual-clock';
import { T0, fakeHub, snapshotOf, sourceState } from '../../unit/headless/fakes';
import { startRelayedCollector, type RelayedCollector } from './relayed-collector';

/**
 * A desktop (the same core and desk the app builds, on a real settings
 * folder, polling the built-in simulators over real HTTP) connected to a real
 * team collector through Sources & settings' channels. While it follows, it
 * makes no platform request of its own, shows the collector's sources, and
 * keeps the link across a restart; a refused token saves nothing.
 */
const collectorHub = fakeHub(snapshotOf([sourceState('team-main')], []));
let collector: RelayedCollector;
beforeAll(async () => {
  collector = await startRelayedCollector(collectorHub);
});
afterAll(() => collector?.close());

interface Desktop {
  readonly desk: Desk;
  readonly core: Core;
  readonly clock: ManualClock;
  readonly requests: () => number;
  readonly notes: string[];
  close(): Promise<void>;
}

const open: Desktop[] = [];
afterEach(async () => {
  for (const desktop of open.splice(0)) await desktop.close();
});

async function desktop(dir: string, keychain: CredentialStore): Promise<Desktop> {
  const clock = manualClock(T0);
  let requests = 0;
  const notes: string[] = [];
  const core = await createCore(
    { kind: 'settings', userDataDir: dir, keychain, startDemo: () => startDemo(clock.now) },
    {
      makeEngine: (resolveCredentials) =>
        createEngine({
          fetch: (url, init) => {
            requests++;
            return fetch(url, init);
          },
          clock,
          resolveCredentials,
        }),
      clock,
      sink: { notify: () => undefined },
      info: { version: '1.0.0', shell: 'headless' },
    },
  );
  const desk = createDesk({
    core,
    keychain,
    clock,
    log: (message) => notes.push(message),
    sink: { notify: () => undefined },
    prefs: core.notificationPrefs,
  });
  const made: Desktop = {
    desk,
    core,
    clock,
    requests: () => requests,
    notes,
    async close() {
      await desk.stop();
      await core.stop();
    },
  };
  open.push(made);
  return made;
}

const until = async (check: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 300 && !(await check()); i++) await new Promise((r) => setTimeout(r, 10));
  expect(await check()).toBe(true);
};

/** Moves the desktop's clock in steps, letting real requests answer in between. */
async function pass(clock: ManualClock, ms: number, step = 5_000): Promise<void> {
  for (let moved = 0; moved < ms; moved += step) {
    clock.advance(Math.min(step, ms - moved));
    await new Promise((r) => setTimeout(r, 20));
  }
}

const sourceIds = (desk: Desk) => desk.hub.snapshot().sources.map((s) => s.id);

describe('a desktop connected to a team collector', () => {
  it('tries the token first: a refused one is a sentence, and nothing is saved', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-desk-'));
    const keychain = createMemoryStore();
    const { desk } = await desktop(dir, keychain);
    await desk.start();
    const refused = await desk.handlers['collector:connect']({
      url: collector.url.href,
      token: 'not-a-token',
      fallback: false,
    });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'unauthorized',
        message: `The collector at ${collector.url.origin} refused this token. Check it, or ask the collector's administrator for a new one.`,
      },
    });
    const unreachable = await desk.handlers['collector:connect']({
      url: 'http://127.0.0.1:9',
      token: collector.token,
      fallback: false,
    });
    expect(!unreachable.ok && unreachable.error.code).toBe('unavailable');
    expect(!unreachable.ok && unreachable.error.message).toMatch(
      /^The collector at http:\/\/127\.0\.0\.1:9 cannot be reached/,
    );
    // Something else answers at that address: a web server, not a collector.
    const other = createServer((_request, response) => response.writeHead(404).end());
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const otherUrl = `http://127.0.0.1:${(other.address() as { port: number }).port}`;
    const wrong = await desk.handlers['collector:connect']({ url: otherUrl, token: collector.token, fallback: false });
    other.close();
    expect(!wrong.ok && wrong.error.message).toBe(
      `${otherUrl} answered HTTP 404 instead of a Streamwatch collector's WebSocket; check the address.`,
    );
    const view = await desk.handlers['collector:get']({});
    expect(view.ok && view.value).toMatchObject({ config: null, hasToken: false, status: null, shown: 'local' });
    expect(await keychain.get(COLLECTOR_TOKEN.account, COLLECTOR_TOKEN.field)).toEqual({ ok: true, value: null });
    const saved = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8').catch(() => '{}')) as {
      collector?: unknown;
    };
    expect(saved.collector ?? null).toBeNull();
    await rm(dir, { recursive: true, force: true });
  });

  it('polls nothing while following, shows the collector, keeps the link across a restart, and polls again after disconnecting', async () => {
    collector.setDown(false);
    const dir = mkdtempSync(join(tmpdir(), 'sw-desk-'));
    const keychain = createMemoryStore();
    const first = await desktop(dir, keychain);
    await first.desk.start();
    // Before connecting: the desktop's own (demo) sources, polled over HTTP.
    await pass(first.clock, 60_000);
    await until(() => first.requests() > 0);
    expect(sourceIds(first.desk)).not.toContain('team-main');

    const patches: Patch[] = [];
    first.desk.hub.subscribe((patch) => patches.push(patch));
    const connected = await first.desk.handlers['collector:connect']({
      url: collector.url.href,
      token: collector.token,
      fallback: false,
    });
    expect(connected.ok && connected.value).toMatchObject({
      config: { url: collector.url.href, fallback: false },
      hasToken: true,
      tokenStorage: 'keychain',
      shown: 'collector',
    });
    expect(await keychain.get(COLLECTOR_TOKEN.account, COLLECTOR_TOKEN.field)).toEqual({
      ok: true,
      value: collector.token,
    });
    const saved = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')) as { collector: unknown };
    expect(saved.collector).toEqual({ url: collector.url.href, fallback: false });
    // The token is in the keychain only: not in the settings file.
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).not.toContain(collector.token);

    await until(() => sourceIds(first.desk).includes('team-main'));
    const snapshot = await first.desk.handlers['state:snapshot']({});
    expect(snapshot.ok && snapshot.value.sources.map((s) => s.id)).toEqual(['team-main']);
    // Pages never see the numbers fall when what is shown changes.
    for (let i = 1; i < patches.length; i++) expect(patches[i]!.seq).toBeGreaterThan(patches[i - 1]!.seq);
    expect(snapshot.ok && snapshot.value.seq).toBeGreaterThanOrEqual(patches.at(-1)!.seq);
    // Channels other than the desktop's own settings are answered by the collector.
    const info = await first.desk.handlers['sources:list']({});
    expect(info.ok && info.value.sources).toEqual([]);
    const settings = await first.desk.handlers['settings:get']({});
    expect(settings.ok && settings.value).toMatchObject({ editable: false, following: collector.url.origin });
    const status = await first.desk.handlers['collector:get']({});
    expect(status.ok && status.value.status?.state).toBe('open');

    const before = first.requests();
    await pass(first.clock, 5 * 60_000);
    expect(first.requests()).toBe(before);
    await first.close();
    open.splice(open.indexOf(first), 1);

    // A restart on the same folder follows the collector at once, without a single poll of its own.
    const second = await desktop(dir, keychain);
    await second.desk.start();
    await until(() => sourceIds(second.desk).includes('team-main'));
    await pass(second.clock, 5 * 60_000);
    expect(second.requests()).toBe(0);

    const disconnected = await second.desk.handlers['collector:disconnect']({});
    expect(disconnected.ok && disconnected.value).toMatchObject({ config: null, hasToken: false, shown: 'local' });
    expect(await keychain.get(COLLECTOR_TOKEN.account, COLLECTOR_TOKEN.field)).toEqual({ ok: true, value: null });
    expect(sourceIds(second.desk)).not.toContain('team-main');
    await pass(second.clock, 60_000);
    await until(() => second.requests() > 0);
    await rm(dir, { recursive: true, force: true });
  });

  it('with the fallback on, a collector away for a minute hands over to local polling, and its return hands back', async () => {
    collector.setDown(false);
    const dir = mkdtempSync(join(tmpdir(), 'sw-desk-'));
    const keychain = createMemoryStore();
    const { desk, clock, requests } = await desktop(dir, keychain);
    await desk.start();
    const connected = await desk.handlers['collector:connect']({
      url: collector.url.href,
      token: collector.token,
      fallback: true,
    });
    expect(connected.ok).toBe(true);
    await until(() => desk.collectorStatus()?.state === 'open');
    const statuses: (boolean | undefined)[] = [];
    desk.onCollectorStatus((status) => statuses.push(status?.pollingLocally));

    collector.setDown(true);
    collector.cut();
    await until(() => desk.collectorStatus()?.state === 'closed');
    const before = requests();
    await pass(clock, 30_000, 1_000);
    expect(requests()).toBe(before);
    await pass(clock, 40_000, 1_000);
    expect(desk.collectorStatus()?.pollingLocally).toBe(true);
    await until(() => requests() > before);
    expect(sourceIds(desk)).not.toContain('team-main');

    collector.setDown(false);
    await pass(clock, 30_000, 1_000);
    await until(() => desk.collectorStatus()?.state === 'open');
    expect(desk.collectorStatus()?.pollingLocally).toBeUndefined();
    await until(() => sourceIds(desk).includes('team-main'));
    const after = requests();
    await pass(clock, 5 * 60_000);
    expect(requests()).toBe(after);
    expect(statuses).toContain(true);
    await rm(dir, { recursive: true, force: true });
  });
});

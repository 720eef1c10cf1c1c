import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, connect as tcpConnect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Patch } from '@shared/model/state';
import { createHandlers } from '../../../main/api/handlers';
import { readOnlySources } from '../../../main/core/read-only-sources';
import { createAccessGate } from '../../../main/headless/access-gate';
import { connectCollector, RECONNECT_MIN_MS, type CollectorLink } from '../../../main/core/collector-client';
import { startServer, type RunningServer } from '../../../main/headless/serve';
import { addToken, liveTokenChecker } from '../../../main/headless/tokens-file';
import { quietPorts } from '../../support/core-fakes';
import { manualClock } from '../../support/manual-clock';
import { T0, fakeEngine, fakeHub, session, snapshotOf, sourceState } from '../../unit/headless/fakes';

/**
 * Client mode against a real collector (in-process, real WebSocket) through a
 * TCP relay the test can cut: the mirror follows the collector's patches,
 * forwards requests under the client's role, and after a drop resumes from
 * its last seq instead of fetching the whole state again.
 */
let base: string;
let collector: RunningServer;
let relay: Server;
let relayPort: number;
const relayed = new Set<Socket>();
let viewerToken: string;
const hub = fakeHub(snapshotOf([sourceState('main')], [session('main', 'abc', T0)]));
const flags = (seq: number, paused: boolean): Patch => ({
  seq,
  at: T0 + seq,
  ops: [{ op: 'flags', demo: false, offline: false, paused, historyProblem: null }],
});

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'sw-client-'));
  await mkdir(join(base, 'renderer'));
  await writeFile(join(base, 'renderer', 'index.html'), '<!doctype html>');
  const added = await addToken(join(base, 'data'), 'desk', 'viewer');
  if (!added.ok) throw new Error(added.error);
  viewerToken = added.value;
  // The relay's port is the collector's public address, so Host and Origin through it are its own.
  relay = createServer();
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  relayPort = (relay.address() as { port: number }).port;
  const handlers = createHandlers({
    engine: fakeEngine(hub),
    sources: readOnlySources({
      sources: [],
      origin: 'x',
      resolve: async () => ({ ok: true, value: {} }),
      presence: () => ({}),
    }),
    providers: [],
    info: { version: '9.9.9', shell: 'headless' },
    ...quietPorts(),
  });
  const started = await startServer({
    port: 0,
    rendererRoot: join(base, 'renderer'),
    handlers,
    hub,
    listen: { host: '127.0.0.1', publicUrl: new URL(`http://127.0.0.1:${relayPort}`) },
    gate: createAccessGate({ tokens: liveTokenChecker(join(base, 'data'), () => {}), now: () => 0, log: () => {} }),
  });
  if (!started.ok) throw new Error(started.error);
  collector = started.value;
  relay.on('connection', (inbound) => {
    const outbound = tcpConnect(collector.port, '127.0.0.1');
    relayed.add(inbound).add(outbound);
    inbound.pipe(outbound).pipe(inbound);
    const drop = () => (inbound.destroy(), outbound.destroy());
    inbound.on('error', drop).on('close', drop);
    outbound.on('error', drop).on('close', drop);
  });
});

afterAll(async () => {
  for (const socket of relayed) socket.destroy();
  relay?.close();
  await collector?.close();
  await rm(base, { recursive: true, force: true });
});

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe('headless client mode (--collector)', () => {
  let link: CollectorLink;
  const clock = manualClock(T0);
  const logged: string[] = [];

  it('mirrors the collector and forwards requests under its token', async () => {
    link = connectCollector({
      url: new URL(`http://127.0.0.1:${relayPort}`),
      token: viewerToken,
      clock,
      log: (l) => logged.push(l),
    });
    await until(() => link.lastSync() === 'snapshot');
    expect(link.hub.snapshot()).toEqual(hub.snapshot());
    expect(await link.handlers['app:info']({})).toEqual({ ok: true, value: { version: '9.9.9', shell: 'headless' } });
    // The collector decides what the client's token may do.
    const refused = await link.handlers['polling:pause']({ paused: true });
    expect(refused).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });

    const seen: Patch[] = [];
    link.hub.subscribe((patch) => seen.push(patch));
    hub.emit(flags(4, true));
    await until(() => seen.length === 1);
    expect(link.hub.snapshot()).toMatchObject({ seq: 4, paused: true });
  });

  it('after a drop, says it is unreachable, reconnects with backoff and resumes after its last seq', async () => {
    for (const socket of relayed) socket.destroy();
    await until(() => link.state() === 'closed');
    expect(await link.handlers['app:info']({})).toEqual({
      ok: false,
      error: { code: 'unavailable', message: expect.stringContaining('is unreachable') },
    });
    hub.emit(flags(5, false)); // published while the client is away
    hub.emit(flags(6, true));
    clock.advance(RECONNECT_MIN_MS - 1);
    expect(link.state()).toBe('closed');
    clock.advance(1);
    await until(() => link.state() === 'open' && link.hub.snapshot().seq === 6);
    expect(link.lastSync()).toBe('resumed');
    expect(link.hub.snapshot().paused).toBe(true);
    expect(logged.join('\n')).not.toContain(viewerToken);
    await link.close();
  });
});

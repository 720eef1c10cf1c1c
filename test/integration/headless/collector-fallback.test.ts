import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, connect as tcpConnect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../main/api/handlers';
import { connectCollector, type CollectorLink } from '../../../main/core/collector-client';
import { followCollector, type ShownSource } from '../../../main/core/collector-mode';
import { unreachableSentence } from '@shared/model/collector-status';
import { readOnlySources } from '../../../main/core/read-only-sources';
import { createAccessGate } from '../../../main/headless/access-gate';
import { startServer, type RunningServer } from '../../../main/headless/serve';
import { addToken, liveTokenChecker } from '../../../main/headless/tokens-file';
import { quietPorts } from '../../support/core-fakes';
import { manualClock } from '../../support/manual-clock';
import { T0, fakeEngine, fakeHub, snapshotOf, sourceState } from '../../unit/headless/fakes';

/**
 * A desktop following a real collector (in-process, real WebSocket with a
 * token) through a TCP relay the test can take down: the link reports since
 * when the collector is unreachable, and with the opt-in fallback the desktop
 * polls locally after a minute, then hands back when the collector returns.
 * Time is a clock the test moves.
 */
let base: string;
let collector: RunningServer;
let relay: Server;
let relayPort: number;
let down = false;
const relayed = new Set<Socket>();
let token: string;
const hub = fakeHub(snapshotOf([sourceState('main')], []));

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'sw-fallback-'));
  await mkdir(join(base, 'renderer'));
  await writeFile(join(base, 'renderer', 'index.html'), '<!doctype html>');
  const added = await addToken(join(base, 'data'), 'desk', 'viewer');
  if (!added.ok) throw new Error(added.error);
  token = added.value;
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
    // While "down", the collector's address answers nothing: every attempt fails at once.
    if (down) return void inbound.destroy();
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
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

/** Moves the clock in steps, letting each failed retry settle on the real sockets in between. */
async function pass(clock: ReturnType<typeof manualClock>, ms: number, step = 1_000): Promise<void> {
  for (let moved = 0; moved < ms; moved += step) {
    clock.advance(Math.min(step, ms - moved));
    await new Promise((r) => setTimeout(r, 15));
  }
}

function follow(fallback: boolean) {
  const clock = manualClock(T0);
  const calls: string[] = [];
  const switches: ShownSource[] = [];
  const link: CollectorLink = connectCollector({
    url: new URL(`http://127.0.0.1:${relayPort}`),
    token,
    clock,
    log: () => {},
  });
  const mode = followCollector({
    clock,
    link,
    fallback,
    startLocal: () => calls.push('start local'),
    stopLocal: () => calls.push('stop local'),
    onSwitch: (shown) => switches.push(shown),
  });
  return { clock, calls, switches, link, mode };
}

async function takeDown(link: CollectorLink): Promise<void> {
  down = true;
  for (const socket of relayed) socket.destroy();
  await until(() => link.state() === 'closed');
}

describe('desktop following a team collector', () => {
  it('with the fallback on: local polling after 60 s unreachable, and back to the collector when it returns', async () => {
    down = false;
    const { clock, calls, switches, link, mode } = follow(true);
    await until(() => link.state() === 'open');
    expect(mode.shown()).toBe('collector');

    await takeDown(link);
    const since = link.status().unreachableSince;
    expect(since).toBe(T0);
    expect(unreachableSentence(link.status(), clock.now(), () => '14:02')).toBe(
      'Team collector unreachable since 14:02 — reconnecting, next try in 1 s.',
    );

    await pass(clock, 59_000);
    expect(link.state()).not.toBe('open');
    expect(calls).toEqual([]); // retries did not restart the minute
    expect(link.status().unreachableSince).toBe(since);
    await pass(clock, 1_000);
    expect(mode.shown()).toBe('local');
    expect(calls).toEqual(['start local']);

    down = false;
    await pass(clock, 30_000); // the longest backoff: some retry falls due in this window
    await until(() => link.state() === 'open');
    expect(mode.shown()).toBe('collector');
    expect(calls).toEqual(['start local', 'stop local']);
    expect(switches).toEqual(['local', 'collector']);
    expect(link.status()).toEqual({ state: 'open', unreachableSince: null, nextRetryAt: null });
    expect(unreachableSentence(link.status(), clock.now(), () => '')).toBeNull();
    mode.stop();
    await link.close();
  });

  it('with the fallback off (the default): never polls locally, however long the collector is away', async () => {
    down = false;
    const { clock, calls, link, mode } = follow(false);
    await until(() => link.state() === 'open');
    await takeDown(link);
    await pass(clock, 5 * 60_000, 5_000);
    expect(mode.shown()).toBe('collector');
    expect(calls).toEqual([]);
    down = false;
    mode.stop();
    await link.close();
  });

  it('a collector back within the minute cancels the pending fallback', async () => {
    down = false;
    const { clock, calls, link, mode } = follow(true);
    await until(() => link.state() === 'open');
    await takeDown(link);
    await pass(clock, 10_000);
    down = false;
    await pass(clock, 20_000);
    await until(() => link.state() === 'open');
    await pass(clock, 60_000, 10_000);
    expect(calls).toEqual([]);
    expect(mode.shown()).toBe('collector');
    mode.stop();
    await link.close();
  });
});

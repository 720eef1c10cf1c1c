import { startRelayedCollector, type RelayedCollector } from './relayed-collector';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Patch } from '@shared/model/state';
import { connectCollector, RECONNECT_MIN_MS, type CollectorLink } from '../../../main/core/collector-client';
import { manualClock } from '../../support/manual-clock';
import { T0, fakeHub, session, snapshotOf, sourceState } from '../../unit/headless/fakes';

/**
 * Client mode against a real collector (in-process, real WebSocket) through a
 * TCP relay the test can cut: the mirror follows the collector's patches,
 * forwards requests under the client's role, and after a drop resumes from
 * its last seq instead of fetching the whole state again.
 */
const hub = fakeHub(snapshotOf([sourceState('main')], [session('main', 'abc', T0)]));

const flags = (seq: number, paused: boolean): Patch => ({
  seq,
  at: T0 + seq,
  ops: [{ op: 'flags', demo: false, offline: false, paused, historyProblem: null }],
});
let collector: RelayedCollector;

beforeAll(async () => {
  collector = await startRelayedCollector(hub);
});
afterAll(() => collector?.close());

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
      url: collector.url,
      token: collector.token,
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
    collector.cut();
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
    expect(logged.join('\n')).not.toContain(collector.token);
    await link.close();
  });
});

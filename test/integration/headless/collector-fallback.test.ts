import { startRelayedCollector, type RelayedCollector } from './relayed-collector';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectCollector, type CollectorLink } from '../../../main/core/collector-client';
import { followCollector, type ShownSource } from '../../../main/core/collector-mode';
import { unreachableSentence } from '@shared/model/collector-sentence';
import { manualClock } from '../../support/manual-clock';
import { T0, fakeHub, snapshotOf, sourceState } from '../../unit/headless/fakes';

/**
 * A desktop following a real collector (in-process, real WebSocket with a
 * token) through a TCP relay the test can take down: the link reports since
 * when the collector is unreachable, and with the opt-in fallback the desktop
 * polls locally after a minute, then hands back when the collector returns.
 * Time is a clock the test moves.
 */
const hub = fakeHub(snapshotOf([sourceState('main')], []));
let collector: RelayedCollector;

beforeAll(async () => {
  collector = await startRelayedCollector(hub);
});
afterAll(() => collector?.close());

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
    url: collector.url,
    token: collector.token,
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
  collector.setDown(true);
  collector.cut();
  await until(() => link.state() === 'closed');
}

describe('desktop following a team collector', () => {
  it('with the fallback on: local polling after 60 s unreachable, and back to the collector when it returns', async () => {
    collector.setDown(false);
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

    collector.setDown(false);
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
    collector.setDown(false);
    const { clock, calls, link, mode } = follow(false);
    await until(() => link.state() === 'open');
    await takeDown(link);
    await pass(clock, 5 * 60_000, 5_000);
    expect(mode.shown()).toBe('collector');
    expect(calls).toEqual([]);
    collector.setDown(false);
    mode.stop();
    await link.close();
  });

  it('a collector back within the minute cancels the pending fallback', async () => {
    collector.setDown(false);
    const { clock, calls, link, mode } = follow(true);
    await until(() => link.state() === 'open');
    await takeDown(link);
    await pass(clock, 10_000);
    collector.setDown(false);
    await pass(clock, 20_000);
    await until(() => link.state() === 'open');
    await pass(clock, 60_000, 10_000);
    expect(calls).toEqual([]);
    expect(mode.shown()).toBe('collector');
    mode.stop();
    await link.close();
  });
});

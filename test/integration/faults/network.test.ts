import { describe, expect, it } from 'vitest';
import { OFFLINE_PROBE_MS } from '../../../main/engine/offline';
import {
  allHealthy,
  expectError,
  expectOthersOnTime,
  expectRecovery,
  expectWithinBudget,
  MINUTE,
  SECOND,
} from './support/checks';
import { during, expectCleanStop, useFleets } from './support/lifecycle';

/**
 * Network faults, each in one source's simulator while the real engine polls
 * four sources over real HTTP on 127.0.0.1 (fake time: see support/fleet.ts).
 */
describe('network faults', () => {
  const fleets = useFleets();

  it('connection refused: a network error naming the platform and host, then recovery once it listens again', async () => {
    const fleet = await fleets.open();
    const { from, to } = await during(fleet, 'naver-b', { type: 'refuse' }, 6 * MINUTE);
    expectError(fleet, 'naver-b', 'network', /^NAVER VPE · Could not reach 127\.0\.0\.1:\d+ \(connection refused\)\.$/);
    expectOthersOnTime(fleet, ['naver-b']);
    expectWithinBudget(fleet, 'naver-b', from, to);
    expect(fleet.engine.hub.snapshot().offline).toBe(false);
    await fleet.fault('naver-b', null);
    await expectRecovery(fleet, 'naver-b', to);
    await expectCleanStop(fleet, fleets.rejections);
  });

  it('a server that accepts and never answers: a timeout, and nobody else waits for it', async () => {
    const fleet = await fleets.open();
    const { from, to } = await during(fleet, 'conviva', { type: 'hang' }, 6 * MINUTE);
    expectError(fleet, 'conviva', 'timeout', /^Conviva · 127\.0\.0\.1:\d+ did not answer within 15 s\.$/);
    expectOthersOnTime(fleet, ['conviva']);
    expectWithinBudget(fleet, 'conviva', from, to);
    // Each hung request was abandoned, not left open: only fake time was holding them.
    expect(fleet.station('conviva').server.parked()).toBeLessThanOrEqual(1);
    await fleet.fault('conviva', null);
    await expectRecovery(fleet, 'conviva', to);
    await expectCleanStop(fleet, fleets.rejections);
  });

  it('slow answers within the timeout: still healthy, late but never overlapping', async () => {
    const fleet = await fleets.open();
    const { from, to } = await during(fleet, 'api-video', { type: 'slow', delayMs: 8 * SECOND }, 6 * MINUTE);
    expect(fleet.watch.health('api-video')).toEqual({ status: 'ok' });
    expectOthersOnTime(fleet, []);
    expectWithinBudget(fleet, 'api-video', from, to);
    for (const endpoint of fleet.polls.endpoints('api-video')) {
      const polls = fleet.polls.of('api-video', endpoint);
      for (let i = 1; i < polls.length; i++) expect(polls[i]!.startedAt).toBeGreaterThanOrEqual(polls[i - 1]!.endedAt!);
    }
    await fleet.fault('api-video', null);
    await expectCleanStop(fleet, fleets.rejections);
  });

  it('slow answers past the timeout: a timeout error, then recovery', async () => {
    const fleet = await fleets.open();
    const { from, to } = await during(fleet, 'naver-a', { type: 'slow', delayMs: 40 * SECOND }, 6 * MINUTE);
    expectError(fleet, 'naver-a', 'timeout', /^NAVER VPE · 127\.0\.0\.1:\d+ did not answer within 15 s\.$/);
    expectOthersOnTime(fleet, ['naver-a']);
    expectWithinBudget(fleet, 'naver-a', from, to);
    await fleet.fault('naver-a', null);
    await expectRecovery(fleet, 'naver-a', to);
    await expectCleanStop(fleet, fleets.rejections);
  });

  it('every platform unreachable at once, and the system says the network is down: one "offline" notice, and polling resumes within the probe interval', async () => {
    const fleet = await fleets.open();
    const ids = [...fleet.stations.keys()];
    fleet.setNetworkDown(true);
    for (const id of ids) await fleet.fault(id, { type: 'refuse' });
    await fleet.driver.run(5 * MINUTE);
    expect(fleet.engine.hub.snapshot().offline).toBe(true);
    expect(fleet.watch.offlineNotices()).toBe(1);
    for (const id of ids)
      expectError(fleet, id, 'network', /^[^·]+ · Could not reach 127\.0\.0\.1:\d+ \(connection refused\)\.$/);
    for (const id of ids) await fleet.fault(id, null);
    fleet.setNetworkDown(false);
    const back = await fleet.driver.until(
      () => allHealthy(fleet),
      OFFLINE_PROBE_MS + 5 * SECOND,
      'every source healthy after the network came back',
    );
    expect(fleet.engine.hub.snapshot().offline).toBe(false);
    expect(back).toBeLessThanOrEqual(OFFLINE_PROBE_MS + 5 * SECOND);
    await expectCleanStop(fleet, fleets.rejections);
  });
});

import { describe, expect, it } from 'vitest';
import type { ZoomStation } from './support/stations';
import {
  exchangesTo,
  expectError,
  expectOthersOnTime,
  expectRecovery,
  expectWithinBudget,
  MINUTE,
  SECOND,
} from './support/checks';
import { during, expectCleanStop, useFleets } from './support/lifecycle';

/** "HH:MM:SS" in UTC, as the sentences say it. */
const clockTime = (at: number) => new Date(at).toISOString().slice(11, 19);

describe('rate limits', () => {
  const fleets = useFleets();

  it('429 with Retry-After in seconds: says until when, and sends nothing before then', async () => {
    const fleet = await fleets.open();
    const { from, to } = await during(fleet, 'api-video', { type: 'retry-after-seconds', seconds: 90 }, 5 * MINUTE);
    const limited = exchangesTo(fleet, 'api-video').filter((e) => e.outcome === 429);
    expect(limited.length).toBeGreaterThan(0);
    const retryAt = limited.at(-1)!.endedAt! + 90 * SECOND;
    expectError(
      fleet,
      'api-video',
      'rate-limited',
      new RegExp(`^api\\.video rate limit reached \\(429\\); polling resumes at ${clockTime(retryAt)} UTC\\.$`),
    );
    // Every 429 said 90 s: after each one, the account's requests wait that long.
    for (const answer of limited)
      expect(exchangesTo(fleet, 'api-video', answer.endedAt! + 1, answer.endedAt! + 90 * SECOND)).toEqual([]);
    // "Refresh now" does not jump the queue: the wait the platform asked for still holds.
    expect(fleet.clock.now()).toBeLessThan(retryAt);
    fleet.engine.refresh();
    await fleet.driver.run(retryAt - fleet.clock.now() - 1);
    expect(exchangesTo(fleet, 'api-video', to)).toEqual([]);
    expectOthersOnTime(fleet, ['api-video']);
    expectWithinBudget(fleet, 'api-video', from, fleet.clock.now());
    const clearedAt = fleet.clock.now();
    await fleet.fault('api-video', null);
    await expectRecovery(fleet, 'api-video', clearedAt);
    await expectCleanStop(fleet, fleets.rejections);
  });

  it('429 with Retry-After as a date: waits until that moment even after the limit lifts', async () => {
    const fleet = await fleets.open();
    const retryAt = Math.ceil((fleet.clock.now() + 4 * MINUTE) / SECOND) * SECOND;
    const { from, to } = await during(
      fleet,
      'naver-b',
      { type: 'retry-after-date', at: retryAt, format: 'http-date' },
      2 * MINUTE,
    );
    expectError(
      fleet,
      'naver-b',
      'rate-limited',
      new RegExp(`^NAVER VPE rate limit reached \\(429\\); polling resumes at ${clockTime(retryAt)} UTC\\.$`),
    );
    expectOthersOnTime(fleet, ['naver-b']);
    expectWithinBudget(fleet, 'naver-b', from, to);
    await fleet.fault('naver-b', null);
    const firstLimited = exchangesTo(fleet, 'naver-b').find((e) => e.outcome === 429)!;
    await expectRecovery(fleet, 'naver-b', to);
    expect(exchangesTo(fleet, 'naver-b', firstLimited.endedAt! + 1, retryAt)).toEqual([]);
    await expectCleanStop(fleet, fleets.rejections);
  });

  it('Zoom daily limit: paused with the reset time, no request until midnight UTC, then polling again', async () => {
    const fleet = await fleets.open({ zoom: true, start: Date.parse('2026-01-15T23:20:00Z') });
    const zoom = fleet.station<ZoomStation>('zoom');
    const from = fleet.clock.now();
    zoom.controls.setThrottle('daily');
    await fleet.driver.run(10 * MINUTE);
    const midnight = Date.parse('2026-01-16T00:00:00Z');
    const health = fleet.watch.health('zoom');
    expect(health).toMatchObject({ status: 'paused', until: expect.any(Number) });
    if (health.status !== 'paused') return;
    expect(health.reason).toMatch(
      /^Zoom daily API limit reached \(429\); polling resumes at 00:00:00 UTC\. \(tracking id [^)]+\) Polling resumes at 2026-01-16 00:00 UTC\.$/,
    );
    expect(health.until).toBeGreaterThanOrEqual(midnight);
    expectOthersOnTime(fleet, ['zoom']);
    expectWithinBudget(fleet, 'zoom', from, fleet.clock.now());
    // The limit lifts on Zoom's side at midnight; the engine must not try before.
    zoom.controls.setThrottle(null);
    const firstLimited = exchangesTo(fleet, 'zoom').find((e) => e.outcome === 429)!;
    await expectRecovery(fleet, 'zoom', fleet.clock.now());
    expect(exchangesTo(fleet, 'zoom', firstLimited.endedAt! + 1, midnight)).toEqual([]);
    await expectCleanStop(fleet, fleets.rejections);
  });
});

import { describe, expect, it } from 'vitest';
import type { ApiVideoStation, ZoomStation } from './support/stations';
import { expectOthersOnTime, expectWithinBudget, MINUTE } from './support/checks';
import { expectCleanStop, useFleets } from './support/lifecycle';

/**
 * Tokens that expire while the engine runs. Both platforms let the app get a
 * new one by itself (api.video: the refresh token; Zoom: the app signs its
 * own JWT), so the user should see nothing at all: no error, no gap.
 */
describe('tokens expiring mid-run', () => {
  const fleets = useFleets();

  it('api.video access token: renewed with the refresh token, the source never leaves "ok"', async () => {
    const fleet = await fleets.open();
    const station = fleet.station<ApiVideoStation>('api-video');
    const before = station.controls.stats();
    const from = fleet.clock.now();
    station.controls.expireTokens();
    await fleet.driver.run(6 * MINUTE);
    const after = station.controls.stats();
    expect(after.refreshes).toBeGreaterThan(before.refreshes);
    expect(fleet.watch.history('api-video').filter((change) => change.at >= from)).toEqual([]);
    expectOthersOnTime(fleet, []);
    expectWithinBudget(fleet, 'api-video', from, fleet.clock.now());
    await expectCleanStop(fleet, fleets.rejections);
  });

  // An expired JWT (401, code 124) is re-signed and the request retried once, so the source never halts.
  it('Zoom JWT: signed afresh, the source never leaves "ok"', async () => {
    const fleet = await fleets.open({ zoom: true });
    const station = fleet.station<ZoomStation>('zoom');
    const from = fleet.clock.now();
    station.controls.expireAccessTokens();
    await fleet.driver.run(6 * MINUTE);
    expect(fleet.watch.history('zoom').filter((change) => change.at >= from)).toEqual([]);
    expectOthersOnTime(fleet, []);
    expectWithinBudget(fleet, 'zoom', from, fleet.clock.now());
    await expectCleanStop(fleet, fleets.rejections);
  });
});

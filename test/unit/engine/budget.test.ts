import { afterEach, describe, expect, it } from 'vitest';
import { accountKey } from '../../../main/engine/account-key';
import { apiVideoBudget, API_VIDEO_BUDGET } from '../../../main/providers/api-video/budget';
import { CONVIVA_BUDGET } from '../../../main/providers/conviva/budget';
import { isZoomListing, ZOOM_BUDGET, zoomBudget } from '../../../main/providers/zoom-video-sdk/budget';
import { createHarness, sourceConfig, stopEngine, type Harness } from '../../support/engine-harness';
import type { EndpointSpec } from '../../support/fake-provider';

const SECOND = 1000;
const MINUTE = 60_000;

let h: Harness;
afterEach(async () => h?.dispose());

/** The most requests that arrived in any window of `windowMs` (sliding over every arrival). */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

function harness(
  kind: 'naver-vpe' | 'api-video' | 'zoom-video-sdk',
  endpoints: EndpointSpec[],
  secretFields: string[],
) {
  h = createHarness({ provider: { kind, endpoints, secretFields } });
}

describe('account keys', () => {
  it('are equal for one account, differ across accounts and hosts, and never contain the secret', () => {
    // NAVER's account secret is the Company ID: two API keys of one company are one account.
    const a = accountKey('naver-vpe', 'https://ma.example/', 'company-secret-1');
    expect(accountKey('naver-vpe', 'https://ma.example', 'company-secret-1')).toBe(a);
    expect(accountKey('naver-vpe', 'https://ma.example', 'company-secret-2')).not.toBe(a);
    expect(accountKey('naver-vpe', 'https://gov.example', 'company-secret-1')).not.toBe(a);
    expect(a).not.toContain('company-secret-1');
    expect(a).toMatch(/^naver-vpe https:\/\/ma\.example [0-9a-f]{16}$/);
  });

  it("fall back to all of a source's secrets when the account secret is missing", () => {
    const a = accountKey('x', 'https://x.example', { token: 't1', user: 'u' });
    expect(accountKey('x', 'https://x.example', { user: 'u', token: 't1' })).toBe(a);
    expect(accountKey('x', 'https://x.example', { token: 't2', user: 'u' })).not.toBe(a);
  });
});

describe('budget policy', () => {
  it('stays at or under half of each documented limit', () => {
    expect(MINUTE / API_VIDEO_BUDGET.production.minTimeMs).toBeLessThanOrEqual(250);
    expect(MINUTE / API_VIDEO_BUDGET.sandbox.minTimeMs).toBeLessThanOrEqual(50);
    expect(MINUTE / CONVIVA_BUDGET.minTimeMs).toBeLessThanOrEqual(100);
    expect(MINUTE / ZOOM_BUDGET.listingPro.minTimeMs).toBeLessThanOrEqual(5);
    expect(MINUTE / ZOOM_BUDGET.listingBusiness.minTimeMs).toBeLessThanOrEqual(10);
    expect(apiVideoBudget('https://sandbox.api.video').account).toBe(API_VIDEO_BUDGET.sandbox);
    expect(zoomBudget('Business').lane(new URL('https://api.zoom.us/v2/videosdk/sessions'))!.limits).toBe(
      ZOOM_BUDGET.listingBusiness,
    );
  });

  it('counts only Zoom session listing as resource-intensive', () => {
    expect(isZoomListing(new URL('https://api.zoom.us/v2/videosdk/sessions?type=live'))).toBe(true);
    expect(isZoomListing(new URL('https://api.zoom.us/v2/videosdk/sessions/abc/users?type=past'))).toBe(false);
    expect(isZoomListing(new URL('https://api.zoom.us/v2/videosdk/sessions/abc/users/qos'))).toBe(false);
  });
});

describe('request budgets', () => {
  it('two api.video sources on one account share one budget that holds under 250 requests a minute', async () => {
    const eager = [
      { name: 'viewers', intervalMs: 100, path: '/data/metrics/ccv/live' },
      { name: 'sessions', intervalMs: 100, path: '/analytics/videos/v1' },
    ];
    harness('api-video', eager, ['apiKey']);
    h.secrets.set('a', { apiKey: 'same-key' });
    h.secrets.set('b', { apiKey: 'same-key' });
    h.secrets.set('c', { apiKey: 'other-key' });
    h.engine.setSources(['a', 'b', 'c'].map((id) => sourceConfig(id, { provider: 'api-video' })));
    h.engine.start();
    await h.clock.advance(MINUTE + 10 * SECOND);

    const arrivals = (...ids: string[]) =>
      h.net.calls.filter((call) => ids.includes(call.source!)).map((call) => call.at);
    // a and b count against one budget; c, another account, against its own.
    expect(h.engine.budgetOf('a')!.sent).toBe(arrivals('a', 'b').length);
    expect(h.engine.budgetOf('b')!.sent).toBe(arrivals('a', 'b').length);
    expect(h.engine.budgetOf('c')!.sent).toBe(arrivals('c').length);
    // Each account runs close to its budget and never over it in any minute, however eager the endpoints.
    expect(busiestWindow(arrivals('a', 'b'), MINUTE)).toBeLessThanOrEqual(250);
    expect(busiestWindow(arrivals('c'), MINUTE)).toBeLessThanOrEqual(250);
    expect(arrivals('a', 'b').length).toBeGreaterThan(250);
    expect(arrivals('a').length).toBeGreaterThan(100);
    expect(arrivals('b').length).toBeGreaterThan(100);
    // Waiting for the budget is not a timeout.
    expect(h.engine.hub.source('a')!.health).toEqual({ status: 'ok' });
  });

  it('Zoom session listing stays under 5 a minute while drill-downs are not counted against it', async () => {
    harness(
      'zoom-video-sdk',
      [
        { name: 'live', intervalMs: SECOND, path: '/videosdk/sessions?type=live' },
        { name: 'past', intervalMs: SECOND, path: '/videosdk/sessions?type=past' },
        { name: 'users', intervalMs: SECOND, path: '/videosdk/sessions/abc/users?type=live' },
      ],
      ['apiKey', 'apiSecret'],
    );
    for (const id of ['a', 'b']) h.secrets.set(id, { apiKey: 'zoom-key', apiSecret: 'zoom-secret' });
    h.engine.setSources(['a', 'b'].map((id) => sourceConfig(id, { provider: 'zoom-video-sdk' })));
    h.engine.start();
    await h.clock.advance(5 * MINUTE);
    const listing = h.net.calls.filter((call) => !call.url.includes('/users')).map((call) => call.at);
    const users = h.net.calls.filter((call) => call.url.includes('/users'));
    expect(busiestWindow(listing, MINUTE)).toBeLessThanOrEqual(5);
    expect(listing.length).toBeGreaterThanOrEqual(24);
    expect(users.length).toBeGreaterThan(100);
    expect(h.engine.budgetOf('a')!.byLane['resource-intensive']).toBe(listing.length);
  });

  it('NAVER: one request at a time per endpoint, even for two sources on one Company ID', async () => {
    harness(
      'naver-vpe',
      [
        { name: 'viewers', intervalMs: SECOND, path: '/v1/charts/currentViewers' },
        { name: 'sessions', intervalMs: SECOND, path: '/v1/sessionRecent' },
      ],
      ['apiKey', 'projectId'],
    );
    h.net.reply(() => ({ delayMs: 3 * SECOND }));
    for (const id of ['a', 'b']) h.secrets.set(id, { apiKey: `key-${id}`, projectId: 'company' });
    h.engine.setSources(['a', 'b'].map((id) => sourceConfig(id)));
    h.engine.start();
    await h.clock.advance(MINUTE);
    expect(h.net.maxInFlight.get('/v1/charts/currentViewers')).toBe(1);
    expect(h.net.maxInFlight.get('/v1/sessionRecent')).toBe(1);
    expect(h.net.calls.length).toBeGreaterThan(30);
    // Stopping with requests in flight and queued leaves no timer behind, the limiters' included.
    await stopEngine(h.engine, h.clock);
    expect(h.clock.allTimers()).toBe(0);
  });

  it('slows down when the remaining budget runs low, and speeds up again when it recovers', async () => {
    harness('api-video', [{ name: 'viewers', intervalMs: SECOND, path: '/data/metrics/ccv/live' }], ['apiKey']);
    let remaining = 400;
    h.net.reply(() => ({
      headers: {
        'x-ratelimit-limit': '500',
        'x-ratelimit-remaining': String(remaining),
        'x-ratelimit-retry-after': '30',
      },
    }));
    h.secrets.set('a', { apiKey: 'k' });
    h.engine.setSources([sourceConfig('a', { provider: 'api-video' })]);
    h.engine.start();
    await h.clock.advance(10 * SECOND);
    expect(h.engine.budgetOf('a')).toMatchObject({ slowed: false, minTimeMs: API_VIDEO_BUDGET.production.minTimeMs });

    remaining = 20; // 4% left, resetting in 30 s: spread what is left over the window
    await h.clock.advance(10 * SECOND);
    expect(h.engine.budgetOf('a')).toMatchObject({ slowed: true, minTimeMs: 1500 });
    const slowStart = h.net.calls.length;
    await h.clock.advance(30 * SECOND);
    expect(h.net.calls.length - slowStart).toBeLessThanOrEqual(21);

    remaining = 480;
    await h.clock.advance(10 * SECOND);
    expect(h.engine.budgetOf('a')).toMatchObject({ slowed: false, minTimeMs: API_VIDEO_BUDGET.production.minTimeMs });
  });

  it('a poll waiting for its budget or paging slowly is not abandoned; one that makes no progress is', async () => {
    harness(
      'zoom-video-sdk',
      [
        { name: 'past', intervalMs: 10 * MINUTE, path: '/videosdk/sessions?type=past', pages: 4 },
        { name: 'users', intervalMs: 10 * MINUTE, path: '/videosdk/sessions/abc/users', pages: 3 },
      ],
      ['apiKey'],
    );
    h.net.reply((url) => ({ delayMs: url.pathname.endsWith('/users') ? 12 * SECOND : 0 }));
    h.secrets.set('a', { apiKey: 'k' });
    h.engine.setSources([sourceConfig('a', { provider: 'zoom-video-sdk' })]);
    h.engine.start();
    // Four listing pages at 12 s spacing take 36 s; three user pages at 12 s each take 36 s; the poll deadline is 20 s.
    await h.clock.advance(40 * SECOND);
    expect(h.net.calls).toHaveLength(7);
    expect(h.engine.hub.source('a')!.health).toEqual({ status: 'ok' });

    h.net.reply(() => ({ delayMs: 10 * MINUTE })); // accepted, never answered: http.ts gives up after 15 s
    h.engine.refresh('a');
    await h.clock.advance(16 * SECOND);
    const health = h.engine.hub.source('a')!.health;
    expect(health.status === 'error' && health.error.kind).toBe('timeout');
  });

  it('after a 429 every source on the account waits out the Retry-After without sending', async () => {
    harness('api-video', [{ name: 'viewers', intervalMs: 10 * SECOND, path: '/data/metrics/ccv/live' }], ['apiKey']);
    let limited = true;
    h.net.reply(() => (limited ? { status: 429, headers: { 'retry-after': '90' } } : {}));
    for (const id of ['a', 'b']) h.secrets.set(id, { apiKey: 'same' });
    h.engine.setSources(['a', 'b'].map((id) => sourceConfig(id, { provider: 'api-video' })));
    h.engine.start();
    await h.clock.advance(2 * SECOND);
    limited = false;
    const first = h.net.calls.length;
    expect(first).toBe(1); // a got the 429; b was held back without a request
    expect(h.engine.budgetOf('a')!.held).toBe(1);
    const health = h.engine.hub.source('b')!.health;
    expect(health.status === 'error' && health.error.kind).toBe('rate-limited');
    await h.clock.advance(87 * SECOND);
    expect(h.net.calls.length).toBe(first);
    await h.clock.advance(5 * SECOND);
    expect(h.net.calls.length).toBe(first + 2);
  });
});

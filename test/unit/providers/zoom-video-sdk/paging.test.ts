import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../../../main/demo/scenario';
import { zoomHarness } from './harness';

const pastRequests = (paths: readonly string[]) => paths.filter((path) => path.includes('type=past'));
const ids = (result: Awaited<ReturnType<ReturnType<typeof zoomHarness>['past']['poll']>>) =>
  result.ok ? (result.value.sessions ?? []).map((session) => session.id) : [];

describe('Zoom paging', () => {
  it('follows next_page_token to the end, a few pages per poll so the per-minute budget holds', async () => {
    const whole = zoomHarness({ source: { pageSize: 300 } });
    const expected = ids(await whole.past.poll(whole.signal));
    expect(expected.length).toBeGreaterThan(100);

    const small = zoomHarness({ source: { pageSize: 20, plan: 'business' } });
    const seen: string[] = [];
    for (let poll = 0; poll < 10; poll++) {
      const before = pastRequests(small.fetch.paths).length;
      const result = await small.past.poll(small.signal);
      expect(result.ok).toBe(true);
      expect(pastRequests(small.fetch.paths).length - before).toBeLessThanOrEqual(4);
      seen.push(...ids(result));
      if (!result.ok || !result.value.notes?.some((note) => note.includes('the rest follows'))) break;
      small.clock.now += 10 * MINUTE;
    }
    // Later pages come from the moment the listing began, so nothing is missed or repeated.
    expect(seen).toEqual(expected);
  });

  it('restarts the listing once when a page token has expired (15 minutes on the clock)', async () => {
    let moved = false;
    const harness = zoomHarness({
      source: { pageSize: 20, plan: 'business' },
      onRequest: (url) => {
        // The second page is asked for 16 minutes after the first was served.
        if (!moved && url.searchParams.has('next_page_token')) {
          moved = true;
          harness.clock.now += 16 * MINUTE;
        }
      },
    });
    const result = await harness.past.poll(harness.signal);
    expect(result.ok).toBe(true);
    const requests = pastRequests(harness.fetch.paths);
    // first page, refused second page, then the listing again from the start
    expect(requests[0]).not.toContain('next_page_token');
    expect(requests[1]).toContain('next_page_token');
    expect(requests[2]).not.toContain('next_page_token');
    // Four fresh pages of 20: the first 80 sessions as listed at the new time, none twice.
    const reference = zoomHarness({ source: { pageSize: 300 } });
    reference.clock.now = harness.clock.now;
    const got = ids(result);
    expect(new Set(got).size).toBe(got.length);
    expect(got).toEqual(ids(await reference.past.poll(reference.signal)).slice(0, 80));
  });

  it('reports the error rather than looping when the token expires again', async () => {
    const harness = zoomHarness({
      source: { pageSize: 20 },
      onRequest: (url) => {
        if (url.searchParams.has('next_page_token')) harness.sim.controls.expirePageTokens();
      },
    });
    const result = await harness.past.poll(harness.signal);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatchObject({ kind: 'provider', status: 400, code: '300' });
      expect(result.error.message).toMatch(
        /^Zoom · 300 The next page token is invalid or expired\. \(tracking id v=2\.0;/,
      );
    }
    // first page, expired, first page again, expired again: then stop.
    expect(pastRequests(harness.fetch.paths)).toHaveLength(4);
  });

  it('restarts from the top when the token saved by the last poll has been forgotten', async () => {
    const harness = zoomHarness({ source: { pageSize: 20 } });
    const first = await harness.past.poll(harness.signal);
    expect(first.ok).toBe(true);
    harness.clock.now += 10 * MINUTE;
    harness.sim.controls.expirePageTokens();
    const second = await harness.past.poll(harness.signal);
    expect(second.ok).toBe(true);
    const requests = pastRequests(harness.fetch.paths).slice(2);
    expect(requests[0]).toContain('next_page_token');
    expect(requests[1]).not.toContain('next_page_token');
  });

  it('does not reuse a saved token older than Zoom keeps it', async () => {
    const harness = zoomHarness({ source: { pageSize: 20 } });
    await harness.past.poll(harness.signal);
    harness.clock.now += 20 * MINUTE;
    await harness.past.poll(harness.signal);
    expect(pastRequests(harness.fetch.paths)[2]).not.toContain('next_page_token');
  });
});

import { describe, expect, it } from 'vitest';
import { decideNext } from '../../../../main/engine/scheduler/backoff';
import type { HttpAnswer } from '../../../../main/providers/http';
import { zoomError } from '../../../../main/providers/zoom-video-sdk/errors';
import { EVENING, zoomHarness } from './harness';

const answer = (status: number, body: unknown, headers: Record<string, string> = {}): HttpAnswer => ({
  status,
  headers: new Headers(headers),
  text: JSON.stringify(body),
});

describe('Zoom rate limits', () => {
  it('reads X-RateLimit headers into the sample when Zoom sends them', async () => {
    const harness = zoomHarness();
    const result = await harness.live.poll(harness.signal);
    expect(result.ok && result.value.rateLimit).toEqual({ limit: 30000, remaining: 29999, resetAt: null });
    harness.sim.controls.setRateLimitHeaders(false);
    const without = await harness.live.poll(harness.signal);
    expect(without.ok && without.value.rateLimit).toBeUndefined();
  });

  it('notes when the shared daily budget runs low', async () => {
    const harness = zoomHarness({ simOptions: { dailyCap: 20 } });
    for (let i = 0; i < 18; i++) {
      expect((await harness.live.poll(harness.signal)).ok).toBe(true);
      harness.clock.now += 60_000;
    }
    const result = await harness.live.poll(harness.signal);
    expect(result.ok && result.value.notes).toEqual(['Zoom Resource-intensive daily limit: 1 of 20 calls left.']);
  });

  it("leaves a per-second 429 without a date to the engine's backoff (one policy for every platform)", async () => {
    const harness = zoomHarness();
    harness.sim.controls.setThrottle('qps');
    const first = await harness.live.poll(harness.signal);
    expect(first).toMatchObject({ ok: false, error: { kind: 'rate-limited', status: 429 } });
    if (first.ok) return;
    expect(first.error.daily).toBeUndefined();
    expect(first.error.retryAt).toBeUndefined();
    expect(first.error.message).toMatch(
      /^Zoom per-second API limit \(Resource-intensive\) reached \(429\); polling backs off\. \(tracking id /,
    );
    // The engine's rule for such an error: at least a minute, longer with each failure in a row.
    const next = decideNext(first.error, 1, 60_000, EVENING, () => 0.5);
    expect(next).toEqual({ kind: 'after', ms: 60_000 });
    expect(decideNext(first.error, 3, 60_000, EVENING, () => 0.5)).toEqual({ kind: 'after', ms: 240_000 });
    harness.sim.controls.setThrottle(null);
    expect((await harness.live.poll(harness.signal)).ok).toBe(true);
  });

  it('honours Retry-After seconds on a per-minute refusal (the 11th listing in a minute on Pro)', async () => {
    const harness = zoomHarness();
    for (let i = 0; i < 10; i++) expect((await harness.live.poll(harness.signal)).ok).toBe(true);
    harness.clock.now += 30_000;
    const refused = await harness.live.poll(harness.signal);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'rate-limited', retryAt: EVENING + 60_000 } });
  });

  it('pauses until the Retry-After date on a daily-limit 429 and says when, in UTC', async () => {
    const harness = zoomHarness();
    harness.sim.controls.setThrottle('daily');
    const result = await harness.live.poll(harness.signal);
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited', daily: true, status: 429, retryAt: Date.parse('2026-05-04T00:00:00Z') },
    });
    if (!result.ok)
      expect(result.error.message).toMatch(
        /^Zoom daily API limit reached \(429\); polling resumes at 00:00:00 UTC\. \(tracking id /,
      );
  });

  it('formats a daily reset at 09:00 UTC as the user reads it', () => {
    const error = zoomError(
      answer(
        429,
        { code: 429, message: 'daily' },
        { 'x-ratelimit-type': 'Daily-limit', 'retry-after': '2026-05-04T09:00:00Z' },
      ),
      { now: EVENING },
    );
    expect(error).toMatchObject({ kind: 'rate-limited', daily: true, retryAt: Date.parse('2026-05-04T09:00:00Z') });
    expect(error.message).toBe('Zoom daily API limit reached (429); polling resumes at 09:00:00 UTC.');
  });
});

describe('Zoom errors', () => {
  it('makes one sentence with the code, auth for 124, and the tracking id', () => {
    const error = zoomError(
      answer(401, { code: 124, message: 'Invalid access token.' }, { 'x-zm-trackingid': 'v=2.0;rid=WEB_1' }),
      {
        now: 0,
      },
    );
    expect(error).toEqual({
      kind: 'auth',
      status: 401,
      code: '124',
      message: 'Zoom · 124 Invalid access token. (tracking id v=2.0;rid=WEB_1)',
    });
  });

  it('lists field errors and falls back to the status for bodies that are not Zoom errors', () => {
    const fields = zoomError(
      answer(400, { code: 300, message: 'Validation Failed.', errors: [{ field: 'from', message: 'Invalid date.' }] }),
      { now: 0 },
    );
    expect(fields).toMatchObject({
      kind: 'provider',
      code: '300',
      message: 'Zoom · 300 Validation Failed: from — Invalid date.',
    });
    const html = zoomError(
      { status: 502, headers: new Headers(), text: '<html><title>Bad Gateway</title></html>' },
      { now: 0 },
    );
    expect(html).toMatchObject({ kind: 'http', status: 502 });
  });

  it('reports a wrong secret from the simulator as an auth error', async () => {
    const harness = zoomHarness({ secret: 'not the secret' });
    const result = await harness.connection.testConnection(harness.signal);
    expect(result).toMatchObject({ ok: false, error: { kind: 'auth', code: '124' } });
    if (!result.ok) expect(result.error.message).toMatch(/^Zoom · 124 Invalid access token\. \(tracking id /);
  });
});

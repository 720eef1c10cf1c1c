import { afterEach, describe, expect, it, vi } from 'vitest';
import { sourceError } from '@shared/model/errors';
import { AUTH_STOPPED } from '../../../main/engine/health';
import { createHarness, withSecrets, type Harness } from '../../support/engine-harness';
import { authError, networkError, point, serverError } from '../../support/samples';

const SECOND = 1000;
const MINUTE = 60_000;

let h: Harness;
afterEach(async () => h?.dispose());

/** One source "a" with a single 60 s viewers endpoint, started. */
async function started(options: Parameters<typeof createHarness>[0] = {}) {
  h = createHarness({ provider: { endpoints: [{ name: 'viewers', intervalMs: MINUTE }] }, ...options });
  h.engine.setSources(withSecrets(h, 'a'));
  h.engine.start();
  await h.clock.flush();
  return h.fake.endpoint('a', 'viewers');
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]!);

describe('scheduler', () => {
  it('polls at once on start, then every interval plus a little skew', async () => {
    const viewers = await started();
    expect(viewers.startedAt).toHaveLength(1);
    await h.clock.advance(10 * MINUTE);
    for (const gap of gaps(viewers.startedAt)) expect(gap).toBe(1.05 * MINUTE); // random() = 0.5 → +5%
  });

  it('never overlaps polls when a poll is slower than its interval', async () => {
    h = createHarness({
      provider: { endpoints: [{ name: 'viewers', intervalMs: 10 * SECOND }] },
      pollTimeoutMs: MINUTE,
    });
    h.fake.endpoint('a', 'viewers').always({ delayMs: 25 * SECOND, then: { ok: {} } });
    h.engine.setSources(withSecrets(h, 'a'));
    h.engine.start();
    await h.clock.advance(5 * MINUTE);
    const viewers = h.fake.endpoint('a', 'viewers');
    expect(viewers.maxInFlight).toBe(1);
    for (const gap of gaps(viewers.startedAt)) expect(gap).toBeGreaterThanOrEqual(35 * SECOND);
  });

  it('backs off exponentially up to the cap and a success resets it', async () => {
    const viewers = await started();
    viewers.always({ error: serverError() });
    await h.clock.advance(2 * 60 * MINUTE);
    const backoff = gaps(viewers.startedAt);
    // The first gap was a regular wait (the poll before it succeeded); then 1, 2, 4, 8 intervals, then the 15 min cap.
    expect(backoff.slice(1, 8)).toEqual([1, 2, 4, 8, 15, 15, 15].map((n) => n * MINUTE));
    viewers.always({ ok: { viewers: [point(0, 1)] } });
    const failed = viewers.startedAt.length;
    await h.clock.advance(20 * MINUTE); // the backed-off poll comes within the cap and succeeds
    const after = gaps(viewers.startedAt.slice(failed));
    expect(after.length).toBeGreaterThanOrEqual(4);
    expect(new Set(after)).toEqual(new Set([1.05 * MINUTE]));
  });

  it('honours Retry-After: no poll before retryAt, even on refresh, and one right after it', async () => {
    const viewers = await started();
    const retryAt = h.clock.now() + 3 * MINUTE + 1.05 * MINUTE;
    viewers.next({ error: sourceError('rate-limited', 'Fake rate limit reached (429).', { status: 429, retryAt }) });
    await h.clock.advance(1.05 * MINUTE); // the poll that gets the 429
    h.engine.refresh('a');
    await h.clock.advance(3 * MINUTE - SECOND);
    expect(viewers.startedAt).toHaveLength(2);
    await h.clock.advance(2 * SECOND);
    expect(viewers.startedAt).toHaveLength(3);
    expect(viewers.startedAt[2]).toBeGreaterThanOrEqual(retryAt);
    expect(viewers.startedAt[2]).toBeLessThanOrEqual(retryAt + SECOND);
  });

  it('pauses until the date a daily limit gives, and says so', async () => {
    const viewers = await started();
    const tomorrow = Date.parse('2026-01-16T00:00:00Z');
    viewers.next({
      error: sourceError('rate-limited', 'Zoom daily request limit reached (429).', {
        status: 429,
        retryAt: tomorrow,
        daily: true,
      }),
    });
    await h.clock.advance(1.05 * MINUTE);
    expect(h.engine.hub.source('a')!.health).toEqual({
      status: 'paused',
      reason: 'Zoom daily request limit reached (429). Polling resumes at 2026-01-16 00:00 UTC.',
      until: tomorrow + 500, // plus the spread, up to a second, so clients told the same time do not return together
    });
    await h.clock.advance(tomorrow - h.clock.now() - SECOND);
    expect(viewers.startedAt).toHaveLength(2);
    await h.clock.advance(2 * SECOND);
    expect(viewers.startedAt).toHaveLength(3);
    expect(h.engine.hub.source('a')!.health).toEqual({ status: 'ok' });
  });

  it('stops every endpoint of a source on refused credentials until they change', async () => {
    h = createHarness();
    h.engine.setSources(withSecrets(h, 'a'));
    h.engine.start();
    await h.clock.flush();
    const viewers = h.fake.endpoint('a', 'viewers');
    const sessions = h.fake.endpoint('a', 'sessions');
    viewers.always({ error: authError() });
    await h.clock.advance(MINUTE + 5 * SECOND);
    const counts = [viewers.startedAt.length, sessions.startedAt.length];
    await h.clock.advance(3 * 60 * MINUTE);
    expect([viewers.startedAt.length, sessions.startedAt.length]).toEqual(counts);
    const health = h.engine.hub.source('a')!.health;
    expect(health.status === 'error' && health.error.message).toBe(
      `Fake refused the credentials (401). ${AUTH_STOPPED}`,
    );

    h.secrets.set('a', { apiKey: 'new-key', projectId: 'project-a' });
    viewers.always({ ok: {} });
    h.engine.credentialsChanged('a');
    await h.clock.flush();
    expect(viewers.startedAt.length).toBe(counts[0]! + 1);
    expect(h.fake.connections.at(-1)!.secrets.apiKey).toBe('new-key');
    expect(h.engine.hub.source('a')!.health).toEqual({ status: 'ok' });
  });

  it('abandons a hung poll at the timeout, aborting it, and polls again', async () => {
    const viewers = await started({ pollTimeoutMs: 20 * SECOND });
    viewers.next({ hang: true });
    await h.clock.advance(1.05 * MINUTE);
    expect(viewers.signals[1]!.aborted).toBe(false);
    await h.clock.advance(20 * SECOND);
    expect(viewers.signals[1]!.aborted).toBe(true);
    const health = h.engine.hub.source('a')!.health;
    expect(health.status === 'error' && health.error).toMatchObject({
      kind: 'timeout',
      message: 'Fake · Source a · viewers did not answer within 20 s; the poll was abandoned.',
    });
    await h.clock.advance(MINUTE);
    expect(viewers.startedAt).toHaveLength(3);
    expect(h.engine.hub.source('a')!.health).toEqual({ status: 'ok' });
  });

  it('a hung source does not hold up another', async () => {
    h = createHarness({ provider: { endpoints: [{ name: 'viewers', intervalMs: MINUTE }] } });
    h.fake.endpoint('a', 'viewers').always({ hang: true });
    h.engine.setSources(withSecrets(h, 'a', 'b'));
    h.engine.start();
    await h.clock.advance(10 * MINUTE);
    expect(h.fake.endpoint('b', 'viewers').startedAt.length).toBe(10);
  });

  it('pauses on suspend and lock, cancelling the poll in flight, and polls at once on resume and unlock', async () => {
    const viewers = await started();
    viewers.next({ delayMs: 10 * SECOND, then: { ok: {} } });
    await h.clock.advance(1.05 * MINUTE);
    h.system.emit('suspend');
    expect(viewers.signals[1]!.aborted).toBe(true);
    await h.clock.advance(30 * MINUTE);
    expect(viewers.startedAt).toHaveLength(2);
    h.system.emit('resume');
    await h.clock.flush();
    expect(viewers.startedAt).toHaveLength(3);

    h.system.emit('lock-screen');
    await h.clock.advance(30 * MINUTE);
    expect(viewers.startedAt).toHaveLength(3);
    h.system.emit('unlock-screen');
    await h.clock.flush();
    expect(viewers.startedAt).toHaveLength(4);
  });

  it('a user pause stops polling and sets the flag; resuming polls at once', async () => {
    const viewers = await started();
    h.engine.setPaused(true);
    expect(h.engine.hub.snapshot().paused).toBe(true);
    await h.clock.advance(30 * MINUTE);
    expect(viewers.startedAt).toHaveLength(1);
    h.engine.setPaused(false);
    await h.clock.flush();
    expect(viewers.startedAt).toHaveLength(2);
  });

  it('refresh polls now, but not on top of a poll in flight', async () => {
    const viewers = await started();
    await h.clock.advance(10 * SECOND);
    h.engine.refresh();
    await h.clock.flush();
    expect(viewers.startedAt).toEqual([h.clock.now() - 10 * SECOND, h.clock.now()]);
    viewers.next({ delayMs: 15 * SECOND, then: { ok: {} } });
    h.engine.refresh('a');
    await h.clock.advance(SECOND);
    h.engine.refresh('a');
    await h.clock.flush();
    expect(viewers.startedAt).toHaveLength(3);
    expect(viewers.maxInFlight).toBe(1);
    // The next regular poll counts from the refreshed poll's answer.
    await h.clock.advance(14 * SECOND + 1.05 * MINUTE);
    expect(gaps(viewers.startedAt).slice(1)).toEqual([0, 15 * SECOND + 1.05 * MINUTE]);
  });

  it('stop clears every timer, aborts polls in flight and removes its listener', async () => {
    const viewers = await started();
    viewers.next({ hang: true });
    await h.clock.advance(1.05 * MINUTE);
    expect(h.system.listenerCount()).toBe(1);
    await h.engine.stop();
    await h.clock.flush();
    expect(viewers.signals[1]!.aborted).toBe(true);
    expect(h.clock.pending()).toBe(0);
    expect(h.clock.allTimers()).toBe(0);
    expect(h.system.listenerCount()).toBe(0);
    await h.clock.advance(60 * MINUTE);
    expect(viewers.startedAt).toHaveLength(2);
  });

  it('a provider that throws becomes a provider error, and polling goes on', async () => {
    const viewers = await started();
    viewers.next({ throws: 'bug' });
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await h.clock.advance(1.05 * MINUTE);
    expect(log).toHaveBeenCalledWith('[engine] Fake · Source a · viewers threw', expect.any(Error));
    log.mockRestore();
    const health = h.engine.hub.source('a')!.health;
    expect(health.status === 'error' && health.error.kind).toBe('provider');
    await h.clock.advance(MINUTE);
    expect(viewers.startedAt).toHaveLength(3);
  });

  it('keeps the first failure time and the last data while a source is down', async () => {
    const viewers = await started();
    viewers.next({ ok: { viewers: [point(h.clock.now(), 42)] } });
    await h.clock.advance(1.05 * MINUTE);
    const okAt = h.clock.now();
    viewers.always({ error: networkError() });
    await h.clock.advance(1.05 * MINUTE);
    const since = h.clock.now();
    await h.clock.advance(10 * MINUTE);
    const state = h.engine.hub.source('a')!;
    expect(state.health).toMatchObject({ status: 'error', since });
    expect(state.lastOkAt).toBe(okAt);
    expect(h.engine.hub.snapshot().series[0]!.points.map((p) => p.viewers)).toEqual([42]);
  });
});

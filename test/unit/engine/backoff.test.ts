import { describe, expect, it } from 'vitest';
import { sourceError } from '@shared/model/errors';
import { DEFAULT_BACKOFF, decideNext, failureDelay, successDelay } from '../../../main/engine/scheduler/backoff';

const MINUTE = 60_000;

describe('backoff', () => {
  it('skews a regular poll up to 10% later, never earlier', () => {
    expect(successDelay(MINUTE, () => 0)).toBe(MINUTE);
    expect(successDelay(MINUTE, () => 0.999_999)).toBeLessThanOrEqual(1.1 * MINUTE);
    for (let i = 0; i < 200; i++) {
      const delay = successDelay(MINUTE, Math.random);
      expect(delay).toBeGreaterThanOrEqual(MINUTE);
      expect(delay).toBeLessThanOrEqual(1.1 * MINUTE);
    }
  });

  it('doubles per failure from one interval, caps at 15 minutes, with ±20% jitter', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 5, 6].map((failures) => failureDelay(MINUTE, failures, middle))).toEqual([
      MINUTE,
      2 * MINUTE,
      4 * MINUTE,
      8 * MINUTE,
      15 * MINUTE,
      15 * MINUTE,
    ]);
    expect(failureDelay(MINUTE, 3, () => 0)).toBe(0.8 * 4 * MINUTE);
    expect(failureDelay(MINUTE, 3, () => 1)).toBe(1.2 * 4 * MINUTE);
    expect(failureDelay(MINUTE, 500, () => 1)).toBe(1.2 * DEFAULT_BACKOFF.capMs);
  });

  it('halts on auth, waits until retryAt, and gives a 429 without one at least a minute', () => {
    const now = 1_000_000;
    expect(decideNext(sourceError('auth', 'no'), 1, MINUTE, now, () => 0)).toEqual({ kind: 'halt' });
    expect(decideNext(sourceError('rate-limited', 'wait', { retryAt: now + 90_000 }), 1, 10_000, now, () => 0)).toEqual(
      {
        kind: 'until',
        at: now + 90_000,
        daily: false,
      },
    );
    expect(decideNext(sourceError('rate-limited', 'wait'), 1, 10_000, now, () => 0.5)).toEqual({
      kind: 'after',
      ms: MINUTE,
    });
    expect(decideNext(null, 0, 10_000, now, () => 0)).toEqual({ kind: 'after', ms: 10_000 });
    // A Retry-After years away is clamped to a day and an hour rather than overflowing a timer.
    expect(
      decideNext(sourceError('rate-limited', 'wait', { retryAt: Date.parse('2099-01-01') }), 1, MINUTE, now, () => 0),
    ).toMatchObject({
      at: now + 25 * 60 * MINUTE,
    });
  });
});

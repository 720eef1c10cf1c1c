import { describe, expect, it } from 'vitest';
import { isPollStale, isReadingStale } from '@shared/figures/freshness';

const MIN = 60_000;
const now = Date.parse('2026-12-05T10:00:30Z');
/** NAVER: polled every minute, counting finished minutes. */
const naver = { lastOkAt: now - 3_000, intervalMs: MIN, reportingDelayMs: 2 * MIN };

describe('one freshness rule', () => {
  it('never calls a healthy NAVER line stale: its newest finished minute is 1–2 min old by design', () => {
    // At a poll, the newest finished minute is 1–2 min old; it then ages until the next
    // poll, up to 66 s later (a minute plus the scheduler's skew).
    for (let pollSecond = 0; pollSecond < 60; pollSecond += 7) {
      const lastOkAt = now + pollSecond * 1000;
      const newest = Math.floor(lastOkAt / MIN) * MIN - MIN;
      for (let sincePoll = 0; sincePoll <= 66_000; sincePoll += 3_000) {
        expect(isReadingStale({ ...naver, lastOkAt }, newest, lastOkAt + sincePoll)).toBe(false);
      }
    }
  });

  it('judges the last good poll: two intervals without one is stale, whatever the readings say', () => {
    expect(isPollStale({ ...naver, lastOkAt: now - 2 * MIN - 1 }, now)).toBe(true);
    expect(isReadingStale({ ...naver, lastOkAt: now - 2 * MIN - 1 }, now - 1_000, now)).toBe(true);
    expect(isPollStale({ ...naver, lastOkAt: null }, now)).toBe(true);
  });

  it('calls a reading stale when the platform answers but its numbers stopped moving', () => {
    expect(isReadingStale(naver, now - 4 * MIN - 1, now)).toBe(true);
    expect(isReadingStale({ ...naver, reportingDelayMs: 0 }, now - 2 * MIN - 1, now)).toBe(true);
    expect(isReadingStale(naver, null, now)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { freshness } from '../../../renderer/src/features/health/freshness';
import { formatAge, formatDuration } from '../../../renderer/src/components/format';
import { fakeSource } from './fixtures/fake-snapshot';

const now = 1_760_000_000_000;

describe('freshness', () => {
  it('is ok only while data is younger than twice the interval', () => {
    const source = fakeSource('s', 'naver-vpe', 'S', now, { intervalMs: 60_000, lastOkAt: now - 119_000 });
    expect(freshness(source, now).kind).toBe('ok');
    expect(freshness(source, now + 2_000)).toEqual({ kind: 'stale', ageMs: 121_000 });
  });

  it('never calls a source healthy before it has answered', () => {
    const source = fakeSource('s', 'naver-vpe', 'S', now, { lastOkAt: null });
    expect(freshness(source, now).kind).toBe('stale');
    expect(freshness({ ...source, health: { status: 'unknown' } }, now).kind).toBe('waiting');
  });

  it('carries the error sentence and the age of the last good data', () => {
    const source = fakeSource('s', 'naver-vpe', 'S', now, {
      lastOkAt: now - 600_000,
      health: { status: 'error', since: now - 600_000, error: { kind: 'auth', message: 'NAVER VPE · Unauthorized.' } },
    });
    expect(freshness(source, now)).toEqual({
      kind: 'error',
      errorKind: 'auth',
      message: 'NAVER VPE · Unauthorized.',
      ageMs: 600_000,
    });
  });
});

describe('formatting', () => {
  it('reads ages and durations the way an operator says them', () => {
    expect(formatAge(800)).toBe('just now');
    expect(formatAge(12_400)).toBe('12 s ago');
    expect(formatAge(5 * 60_000)).toBe('5 min ago');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(2_400)).toBe('2.4 s');
    expect(formatDuration(185_000)).toBe('3 min 05 s');
    expect(formatDuration(null)).toBe('—');
  });
});

import { describe, expect, it } from 'vitest';
import type { SessionRow } from '@shared/model/state';
import { median, overview, sessionStats, sumSeries } from '../../../renderer/src/features/overview/metrics';
import { fakeSessionRows, fakeSnapshot, random } from './fixtures/fake-snapshot';

const now = 1_760_000_000_000;
const MIN = 60_000;

function row(minutesAgo: number, extra: Partial<SessionRow> = {}): SessionRow {
  return { ...fakeSessionRows('s', 'naver-vpe', now, 1, random(3))[0]!, startedAt: now - minutesAgo * MIN, ...extra };
}

describe('overview metrics', () => {
  it('counts sessions of the last five minutes and computes shares over the last hour', () => {
    const rows = [
      row(1, { failed: true, startupTimeMs: 300, rebufferingMs: 1_000, playingMs: 9_000 }),
      row(4, { failed: false, startupTimeMs: 500, rebufferingMs: 0, playingMs: 10_000 }),
      row(30, { failed: false, startupTimeMs: 900, rebufferingMs: null, playingMs: 5_000 }),
      row(30, { failed: null, startupTimeMs: null, rebufferingMs: null }),
      row(120, { failed: true, startupTimeMs: 10_000 }), // outside the hour
    ];
    const stats = sessionStats(rows, now);
    expect(stats.recent).toBe(2);
    expect(stats.inWindow).toBe(4);
    expect(stats.failedShare).toBeCloseTo(1 / 3);
    expect(stats.failedOf).toBe(3);
    // The failed start (300 ms) is left out of the median, as the alert rule does.
    expect(stats.medianStartupMs).toBe(700);
    expect(stats.rebufferingShare).toBeCloseTo(1_000 / 20_000);
  });

  it('says "not reported" rather than 0 % when a platform does not report failures', () => {
    const stats = sessionStats([row(1, { failed: null, startupTimeMs: null, rebufferingMs: null })], now);
    expect(stats.failedShare).toBeNull();
    expect(stats.medianStartupMs).toBeNull();
    expect(stats.rebufferingShare).toBeNull();
  });

  it('takes the median of an even count as the mean of the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('never adds viewers, participants and concurrent plays together', () => {
    const { tiles, all } = overview(fakeSnapshot({ now }), now);
    expect(tiles).toHaveLength(4);
    const units = all.totals.map((t) => t.unit).sort();
    expect(units).toEqual(['concurrent plays', 'participants', 'viewers']);
    expect(all.sparkline).toBeNull();
    // The failing api.video source is stale, so the viewers total leaves it out and says so.
    const viewers = all.totals.find((t) => t.unit === 'viewers')!;
    const naver = tiles.find((t) => t.source.id === 'naver-main')!;
    expect(viewers.total).toBe(naver.viewersNow);
    expect(viewers.partial).toBe(true);
    expect(all.health).toMatchObject({ ok: 3, error: 1 });
  });

  it('marks a source whose newest point is older than two intervals as stale', () => {
    const { tiles } = overview(fakeSnapshot({ now }), now);
    const failing = tiles.find((t) => t.source.id === 'apivideo-vod')!;
    expect(failing.viewersStale).toBe(true);
    expect(failing.status.kind).toBe('error');
    expect(tiles.find((t) => t.source.id === 'naver-main')!.viewersStale).toBe(false);
  });

  it('sums series minute by minute, leaving out minutes where one series has no point', () => {
    const a = [0, 1, 2].map((m) => ({ at: m * MIN, viewers: 10 }));
    const b = [0, 2].map((m) => ({ at: m * MIN + 5_000, viewers: 1 }));
    expect(sumSeries([a, b])).toEqual([
      { at: 0, viewers: 11 },
      { at: 2 * MIN, viewers: 11 },
    ]);
  });
});

describe('the all-sources tile and a blind page', () => {
  it('says "no data" (counted 0), not 0 viewers, when no source has a reading', () => {
    const snapshot = fakeSnapshot({ now, points: 0, sessionsPerSource: 0 });
    const { all } = overview({ ...snapshot, series: [] }, now);
    expect(all.totals.every((total) => total.counted === 0)).toBe(true);
  });

  it('marks every tile unknown and leaves every reading out of the totals while disconnected', () => {
    const snapshot = fakeSnapshot({ now });
    const { tiles, all } = overview(snapshot, now, undefined, false);
    expect(tiles.every((tile) => tile.status.kind === 'unknown' && tile.viewersStale)).toBe(true);
    expect(all.health.unknown).toBe(tiles.length);
    expect(all.totals.every((total) => total.counted === 0)).toBe(true);
  });
});

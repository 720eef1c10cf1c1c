import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionRow, Snapshot } from '@shared/model/state';
import { applyPatches } from '@shared/model/apply-patch';
import { RowsMemo } from '../../../renderer/src/state/rows-memo';
import {
  overview,
  QUALITY_WINDOW_MS,
  RECENT_SESSIONS_MS,
  sessionStats,
  sessionWindow,
  SPARKLINE_STEP_MS,
  sparklineEnd,
  WINDOW_STEP_MS,
  windowStats,
  type OverviewMemo,
} from '../../../renderer/src/features/overview/metrics';
import { fakeSnapshot, MINUTE } from './fixtures/fake-snapshot';
import { batches, initialSessions, NOW, patch, session, snapshotOf, toPatches } from './fixtures/session-batches';

const newMemo = (): OverviewMemo => ({
  sources: new RowsMemo(),
  all: new RowsMemo(),
  tiles: new Map(),
  sums: new RowsMemo(),
  allTile: new RowsMemo(),
});
const stepStart = (now: number) => Math.floor(now / WINDOW_STEP_MS) * WINDOW_STEP_MS;

/** Each listed source's stats and the all-sources stats, worked out from the whole sessions array. */
function statsFromScratch(snapshot: Snapshot, now: number) {
  const listed = new Set(snapshot.sources.map((s) => s.id));
  const at = stepStart(now);
  return {
    tiles: snapshot.sources.map((source) =>
      sessionStats(
        snapshot.sessions.filter((r) => r.sourceId === source.id),
        at,
      ),
    ),
    all: sessionStats(
      snapshot.sessions.filter((r) => listed.has(r.sourceId)),
      at,
    ),
  };
}

describe('overview with a memo', () => {
  it('over snapshots made by applyPatches and a moving clock, gives the same figures as without a memo', () => {
    fc.assert(
      fc.property(
        initialSessions,
        batches,
        fc.array(fc.integer({ min: 0, max: 25_000 }), { minLength: 6, maxLength: 6 }),
        (initial, steps, ticks) => {
          const memo = newMemo();
          let snapshot = snapshotOf(initial);
          const seen: SessionRow[] = [...initial];
          let now = NOW;
          const check = () => {
            const memoized = overview(snapshot, now, memo);
            expect(memoized).toEqual(overview(snapshot, now));
            const scratch = statsFromScratch(snapshot, now);
            expect(memoized.tiles.map((t) => t.stats)).toEqual(scratch.tiles);
            expect(memoized.all.stats).toEqual(scratch.all);
          };
          check();
          steps.forEach((batch, n) => {
            snapshot = applyPatches(snapshot, toPatches(snapshot, batch, seen));
            check();
            now += ticks[n % ticks.length]!;
            check();
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('does not count a source again when an update did not touch it, nor anything within the same step', () => {
    const memo = newMemo();
    const base = snapshotOf([session('a', '1'), session('b', '1', { failed: true }), session('c', '1')]);
    const first = overview(base, NOW, memo);
    const next = applyPatches(base, patch(base, { op: 'sessions', sessions: [session('a', '2', { failed: true })] }));
    const second = overview(next, NOW, memo);
    expect(second.tiles[0]!.stats).not.toBe(first.tiles[0]!.stats);
    expect(second.tiles[0]!.stats.inWindow).toBe(2);
    expect(second.tiles[1]!.stats).toBe(first.tiles[1]!.stats);
    expect(second.tiles[2]!.stats).toBe(first.tiles[2]!.stats);
    expect(second.all.stats.inWindow).toBe(4);
    const sameStep = stepStart(NOW) + WINDOW_STEP_MS - 1;
    const third = overview(next, sameStep, memo);
    expect(third.all.stats).toBe(second.all.stats);
    third.tiles.forEach((tile, i) => expect(tile.stats).toBe(second.tiles[i]!.stats));
  });

  it('gives back the very same tile for a source an update did not touch, and a new one otherwise', () => {
    const memo = newMemo();
    const base = snapshotOf([session('a', '1'), session('b', '1'), session('c', '1')]);
    const first = overview(base, NOW, memo);
    const next = applyPatches(base, patch(base, { op: 'sessions', sessions: [session('a', '2')] }));
    const second = overview(next, NOW, memo);
    expect(second.tiles[0]).not.toBe(first.tiles[0]);
    expect(second.tiles[0]!.stats.inWindow).toBe(2);
    expect(second.tiles[1]).toBe(first.tiles[1]);
    expect(second.tiles[2]).toBe(first.tiles[2]);
    // The connection drops: every reading turns stale, every tile is new.
    const offline = overview(next, NOW, memo, false);
    offline.tiles.forEach((tile, i) => {
      expect(tile).not.toBe(second.tiles[i]);
      expect(tile.status.kind).toBe('unknown');
    });
    expect(offline.all).not.toBe(second.all);
  });

  it('keeps every tile while the clock moves and nothing they show changes, and makes new ones when it does', () => {
    const memo = newMemo();
    // Just after both a sparkline step and a session-window step start, so that a few seconds later stays inside them.
    const both = 90_000;
    expect((both % SPARKLINE_STEP_MS) + (both % WINDOW_STEP_MS)).toBe(0);
    const start = Math.ceil(NOW / both) * both + 1;
    const snapshot = fakeSnapshot({ now: start });
    const first = overview(snapshot, start, memo);
    const ok = first.tiles.filter((tile) => tile.status.kind === 'ok' && !tile.viewersStale);
    expect(ok.length).toBeGreaterThanOrEqual(3);
    const tick = overview(snapshot, start + 3_000, memo);
    tick.tiles.forEach((tile, i) => expect(tile).toBe(first.tiles[i]));
    expect(tick.all).toBe(first.all);
    // An hour on with no new poll: the sources that were ok are stale, and their tiles say so.
    const later = overview(snapshot, start + 60 * MINUTE, memo);
    later.tiles.forEach((tile, i) => {
      expect(tile).not.toBe(first.tiles[i]);
      if (ok.includes(first.tiles[i]!)) expect(tile.status.kind).toBe('stale');
    });
    expect(later).toEqual(overview(snapshot, start + 60 * MINUTE));
  });

  it('keeps each sparkline while its hour has not moved a pixel, so the clock redraws none of them', () => {
    const memo = newMemo();
    // Just after a step starts, so that a few seconds later stays inside it.
    const start = sparklineEnd(NOW) + 1;
    const snapshot = fakeSnapshot({ now: start });
    const first = overview(snapshot, start, memo);
    const tick = overview(snapshot, start + 3_000, memo);
    tick.tiles.forEach((tile, i) => {
      expect(tile.sparkline).toBe(first.tiles[i]!.sparkline);
      expect(tile.sparklineTo).toBe(first.tiles[i]!.sparklineTo);
    });
    expect(tick.all.sparkline).toBe(first.all.sparkline);
    const moved = overview(snapshot, start + SPARKLINE_STEP_MS, memo);
    moved.tiles.forEach((tile, i) => {
      expect(tile.sparklineTo).toBe(first.tiles[i]!.sparklineTo + SPARKLINE_STEP_MS);
      expect(tile.sparkline.every((p) => p.at >= tile.sparklineTo - 60 * MINUTE)).toBe(true);
    });
    expect(moved).toEqual(overview(snapshot, start + SPARKLINE_STEP_MS));
  });

  it('keeps the stats and the tile when the next step counts the same figures', () => {
    const memo = newMemo();
    const both = 90_000;
    const start = Math.ceil(NOW / both) * both + 1;
    // Well inside the window, and not recent: ten seconds on, every figure is the same.
    const snapshot = snapshotOf([session('a', '1', { startedAt: start - 20 * MINUTE })]);
    const first = overview(snapshot, start, memo);
    const next = overview(snapshot, start + WINDOW_STEP_MS, memo);
    expect(next.tiles[0]!.stats).toBe(first.tiles[0]!.stats);
    expect(next.tiles[0]).toBe(first.tiles[0]);
    expect(next.all).toBe(first.all);
    // Fifty minutes on it has left the hour: the figures moved, so the stats are new.
    const later = overview(snapshot, start + 50 * MINUTE, memo);
    expect(later.tiles[0]!.stats.inWindow).toBe(0);
    expect(later.tiles[0]!.stats).not.toBe(first.tiles[0]!.stats);
  });

  it('counts again when the clock moves into the next step', () => {
    const memo = newMemo();
    const at = stepStart(NOW);
    // Exactly an hour before the step's start: in the window until the next step.
    const snapshot = snapshotOf([session('a', '1', { startedAt: at - QUALITY_WINDOW_MS })]);
    expect(overview(snapshot, at + WINDOW_STEP_MS - 1, memo).all.stats.inWindow).toBe(1);
    expect(overview(snapshot, at + WINDOW_STEP_MS, memo).all.stats.inWindow).toBe(0);
  });
});

describe('session windows', () => {
  const at = stepStart(NOW);
  const rows = [
    session('a', 'edge', { startedAt: at - QUALITY_WINDOW_MS }),
    session('a', 'too-old', { startedAt: at - QUALITY_WINDOW_MS - 1 }),
    session('a', 'recent-edge', { startedAt: at - RECENT_SESSIONS_MS }),
    session('a', 'not-recent', { startedAt: at - RECENT_SESSIONS_MS - 1 }),
    session('a', 'ended-only', { startedAt: null, endedAt: at - 2 * MINUTE }),
    session('a', 'no-time', { startedAt: null, endedAt: null }),
    session('a', 'soon', { startedAt: at + MINUTE }),
    session('a', 'future', { startedAt: at + MINUTE + 1 }),
  ];

  it('stay the same for any time inside one step, and use the step start as the edge', () => {
    const expected = sessionStats(rows, at);
    expect(expected.inWindow).toBe(5);
    expect(expected.recent).toBe(3);
    for (const now of [at, at + 1, at + 4_321, at + WINDOW_STEP_MS - 1]) {
      const tile = overview(snapshotOf(rows), now).tiles[0]!;
      expect(tile.stats).toEqual(expected);
      expect(overview(snapshotOf(rows), now, newMemo()).tiles[0]!.stats).toEqual(expected);
    }
    expect(overview(snapshotOf(rows), at + WINDOW_STEP_MS).tiles[0]!.stats).toEqual(
      sessionStats(rows, at + WINDOW_STEP_MS),
    );
    expect(overview(snapshotOf(rows), at - 1).tiles[0]!.stats).toEqual(sessionStats(rows, at - WINDOW_STEP_MS));
  });

  it('sessionWindow and windowStats together agree with sessionStats', () => {
    fc.assert(
      fc.property(initialSessions, fc.integer({ min: -130, max: 10 }), (sessions, minutes) => {
        const now = NOW + minutes * MINUTE;
        const window = sessionWindow(sessions, now);
        expect(windowStats(window)).toEqual(sessionStats(sessions, now));
        expect(window.rows.every((row) => sessions.includes(row))).toBe(true);
        expect(window.recent).toBeLessThanOrEqual(window.rows.length);
      }),
    );
    const window = sessionWindow(rows, at);
    expect(window.rows.map((r) => r.id)).toEqual(['edge', 'recent-edge', 'not-recent', 'ended-only', 'soon']);
    expect(window.recent).toBe(3);
  });
});

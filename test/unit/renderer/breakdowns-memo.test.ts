import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionRow, Snapshot } from '@shared/model/state';
import { applyPatches } from '@shared/model/apply-patch';
import { RowsMemo } from '../../../renderer/src/state/rows-memo';
import {
  breakdownsBySource,
  sessionGroups,
  type BreakdownsMemo,
} from '../../../renderer/src/features/breakdowns/breakdowns';
import { MINUTE } from './fixtures/fake-snapshot';
import { batches, initialSessions, NOW, patch, session, snapshotOf, toPatches } from './fixtures/session-batches';

/** What each source's session breakdowns should be, from the whole array. */
function fromScratch(snapshot: Snapshot, since: number | null) {
  return snapshot.sources.map((source) => {
    const rows = snapshot.sessions.filter((row) => {
      if (row.sourceId !== source.id) return false;
      const at = row.startedAt ?? row.endedAt;
      return since === null || (at !== null && at >= since);
    });
    return { count: rows.length, groups: sessionGroups(rows) };
  });
}

describe('breakdownsBySource with a memo', () => {
  it('over snapshots made by applyPatches and changing windows, gives the same breakdowns as without a memo', () => {
    const since = fc.constantFrom(null, NOW - 60 * MINUTE, NOW - 5 * MINUTE, NOW, NOW + 10 * MINUTE);
    fc.assert(
      fc.property(
        initialSessions,
        batches,
        fc.array(since, { minLength: 7, maxLength: 7 }),
        (initial, steps, windows) => {
          const memo: BreakdownsMemo = new RowsMemo();
          let snapshot = snapshotOf(initial);
          const seen: SessionRow[] = [...initial];
          const check = (s: number | null) => {
            const memoized = breakdownsBySource(snapshot, s, memo);
            expect(memoized).toEqual(breakdownsBySource(snapshot, s));
            const expected = fromScratch(snapshot, s);
            expect(memoized.map((b) => b.sessionCount)).toEqual(expected.map((e) => e.count));
            expect(memoized.map((b) => b.groups)).toEqual(expected.map((e) => e.groups));
          };
          check(windows[0]!);
          steps.forEach((batch, n) => {
            snapshot = applyPatches(snapshot, toPatches(snapshot, batch, seen));
            check(windows[n % windows.length]!);
            check(windows[(n + 1) % windows.length]!);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('counts again when the window changes, even though the rows did not', () => {
    const memo: BreakdownsMemo = new RowsMemo();
    const snapshot = snapshotOf([
      session('a', 'new', { startedAt: NOW - MINUTE, device: 'PC' }),
      session('a', 'old', { startedAt: NOW - 90 * MINUTE, device: 'TV' }),
    ]);
    expect(breakdownsBySource(snapshot, null, memo)[0]!.sessionCount).toBe(2);
    expect(breakdownsBySource(snapshot, NOW - 60 * MINUTE, memo)[0]!.sessionCount).toBe(1);
    expect(breakdownsBySource(snapshot, null, memo)[0]!.sessionCount).toBe(2);
  });

  it('counts again only the source an update touched', () => {
    const memo: BreakdownsMemo = new RowsMemo();
    const base = snapshotOf([session('a', '1', { device: 'PC' }), session('b', '1', { device: 'TV' })]);
    const first = breakdownsBySource(base, null, memo);
    const next = applyPatches(
      base,
      patch(base, { op: 'sessions', sessions: [session('a', '2', { device: 'Mobile' })] }),
    );
    const second = breakdownsBySource(next, null, memo);
    expect(second[0]!.sessionCount).toBe(2);
    expect(second[0]!.groups.find((g) => g.title === 'Device')!.rows.map((r) => r.value)).toEqual(['Mobile', 'PC']);
    // Source b's groups are the remembered objects.
    expect(second[1]!.groups[0]).toBe(first[1]!.groups[0]);
  });
});

describe("a platform's live breakdown", () => {
  const live = (at: number, count: number) => ({
    sourceId: 'a',
    breakdown: { dimension: 'country', at, rows: [{ value: 'KR', count }] },
  });

  it('keeps its group object while the breakdown is unchanged, so its bar list is not rendered again', () => {
    const base: Snapshot = { ...snapshotOf([session('a', '1', { device: 'PC' })]), breakdowns: [live(NOW, 40)] };
    const first = breakdownsBySource(base, null)[0]!.groups[0]!;
    const next = applyPatches(
      base,
      patch(base, { op: 'sessions', sessions: [session('a', '2', { device: 'Mobile' })] }),
    );
    const again = breakdownsBySource(next, null)[0]!.groups[0]!;
    expect(again.title).toBe('Country · live');
    expect(again).toBe(first);
  });

  it('gives a new group when the platform reports a new breakdown', () => {
    const base: Snapshot = { ...snapshotOf([]), breakdowns: [live(NOW, 40)] };
    const first = breakdownsBySource(base, null)[0]!.groups[0]!;
    const next = applyPatches(base, patch(base, { op: 'breakdown', ...live(NOW + MINUTE, 55) }));
    const again = breakdownsBySource(next, null)[0]!.groups[0]!;
    expect(again).not.toBe(first);
    expect(again.total).toBe(55);
    expect(again.at).toBe(NOW + MINUTE);
  });
});

describe('breakdownsBySource time window', () => {
  const since = NOW - 60 * MINUTE;
  const snapshot = snapshotOf([
    session('a', 'at-edge', { startedAt: since }),
    session('a', 'older', { startedAt: since - 1 }),
    session('a', 'ended-in-window', { startedAt: null, endedAt: since + MINUTE }),
    session('a', 'ended-before', { startedAt: null, endedAt: since - MINUTE }),
    session('a', 'no-time', { startedAt: null, endedAt: null }),
    session('a', 'started-before-ended-after', { startedAt: since - MINUTE, endedAt: NOW }),
  ]);

  it('leaves out sessions with no time or older than the window start, by start time then end time', () => {
    const [a] = breakdownsBySource(snapshot, since);
    expect(a!.sessionCount).toBe(2);
    expect(a!.groups.find((g) => g.title === 'Device')!.total).toBe(2);
  });

  it('counts every session, timeless ones too, when there is no window', () => {
    expect(breakdownsBySource(snapshot, null)[0]!.sessionCount).toBe(6);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionRow } from '@shared/model/state';
import { applyPatches, findSession, sessionKey, sessionsDelta } from '@shared/model/apply-patch';
import {
  batches,
  expectedSessions,
  initialSessions,
  bySourceInOrder,
  sourceRuns,
  patch,
  session,
  snapshotOf,
  toPatches,
} from './fixtures/session-batches';

const a1 = session('a', '1');
const a2 = session('a', '2');
const b1 = session('b', '1');
const base = snapshotOf([a1, a2, b1]);

const ids = (rows: readonly SessionRow[] | undefined) => (rows ?? []).map(sessionKey).sort();

describe('sessionsDelta', () => {
  it('is undefined for a snapshot that did not come from applyPatches', () => {
    expect(sessionsDelta(base.sessions)).toBeUndefined();
  });

  it('lists new sessions as added, against the array they were applied to', () => {
    const a3 = session('a', '3');
    const next = applyPatches(base, patch(base, { op: 'sessions', sessions: [a3] }));
    const delta = sessionsDelta(next.sessions)!;
    expect(delta.base).toBe(base.sessions);
    expect(delta.added).toEqual([a3]);
    expect(delta.added[0]).toBe(a3);
    expect(delta.removed).toEqual([]);
  });

  it('lists an updated copy as added and the copy it replaced as removed, and keeps its place', () => {
    const updated = { ...a2, failed: true };
    const next = applyPatches(base, patch(base, { op: 'sessions', sessions: [updated] }));
    const delta = sessionsDelta(next.sessions)!;
    expect(delta.added).toHaveLength(1);
    expect(delta.added[0]).toBe(updated);
    expect(delta.removed).toHaveLength(1);
    expect(delta.removed[0]).toBe(a2);
    expect(next.sessions).toHaveLength(3);
    expect(next.sessions[1]).toBe(updated);
    expect(next.sessions.indexOf(a2)).toBe(-1);
  });

  it('records nothing for a session sent again as the very same object', () => {
    const next = applyPatches(base, patch(base, { op: 'sessions', sessions: [a1] }));
    const delta = sessionsDelta(next.sessions);
    expect(delta?.added ?? []).toEqual([]);
    expect(delta?.removed ?? []).toEqual([]);
    expect(next.sessions).toEqual(base.sessions);
  });

  it('leaves out a session that came in and was evicted in the same batch', () => {
    const a3 = session('a', '3');
    const next = applyPatches(base, [
      { seq: 2, at: 1, ops: [{ op: 'sessions', sessions: [a3] }] },
      { seq: 3, at: 2, ops: [{ op: 'sessions-evicted', keys: [['a', '3']] }] },
    ]);
    // Nothing changed, so nothing is new: the very same array, and views have nothing to redo.
    expect(next.sessions).toBe(base.sessions);
  });

  it('removes only the held copy when a session is updated and then evicted in the same batch', () => {
    const next = applyPatches(base, [
      { seq: 2, at: 1, ops: [{ op: 'sessions', sessions: [{ ...a1, failed: true }] }] },
      { seq: 3, at: 2, ops: [{ op: 'sessions-evicted', keys: [['a', '1']] }] },
    ]);
    const delta = sessionsDelta(next.sessions)!;
    expect(delta.added).toEqual([]);
    expect(delta.removed).toHaveLength(1);
    expect(delta.removed[0]).toBe(a1);
  });

  it('lists evicted sessions as removed', () => {
    const next = applyPatches(
      base,
      patch(base, {
        op: 'sessions-evicted',
        keys: [
          ['a', '1'],
          ['b', '1'],
          ['b', 'never-held'],
        ],
      }),
    );
    const delta = sessionsDelta(next.sessions)!;
    expect(delta.added).toEqual([]);
    expect(new Set(delta.removed)).toEqual(new Set([a1, b1]));
    expect(delta.removed).toHaveLength(2);
    expect(next.sessions).toEqual([a2]);
  });

  it("lists a removed source's sessions as removed, and only those", () => {
    const next = applyPatches(base, patch(base, { op: 'source-removed', sourceId: 'a' }));
    const delta = sessionsDelta(next.sessions)!;
    expect(delta.added).toEqual([]);
    expect(new Set(delta.removed)).toEqual(new Set([a1, a2]));
    expect(delta.removed).toHaveLength(2);
    expect(next.sessions).toEqual([b1]);
  });

  it('forgets the delta of the previous result once another batch is applied, so arrays do not chain', () => {
    const first = applyPatches(base, patch(base, { op: 'sessions', sessions: [session('a', '3')] }));
    expect(sessionsDelta(first.sessions)).toBeDefined();
    const second = applyPatches(first, patch(first, { op: 'sessions', sessions: [session('a', '4')] }));
    expect(sessionsDelta(first.sessions)).toBeUndefined();
    expect(sessionsDelta(second.sessions)!.base).toBe(first.sessions);
    expect(ids(sessionsDelta(second.sessions)!.added)).toEqual(['a/4']);
  });

  it('leaves the sessions array and its delta alone when a batch does not touch sessions', () => {
    const first = applyPatches(base, patch(base, { op: 'sessions', sessions: [session('a', '3')] }));
    const delta = sessionsDelta(first.sessions);
    const second = applyPatches(
      first,
      patch(first, { op: 'flags', demo: true, offline: false, paused: false, historyProblem: null }),
    );
    expect(second.sessions).toBe(first.sessions);
    expect(sessionsDelta(second.sessions)).toBe(delta);
  });

  it('gives a correct result and delta when an older snapshot is patched a second time', () => {
    const a3 = session('a', '3');
    const first = applyPatches(base, patch(base, { op: 'sessions', sessions: [a3] }));
    const again = applyPatches(base, patch(base, { op: 'sessions-evicted', keys: [['a', '1']] }));
    // Grouped by source: a3 goes to the end of a's group.
    expect(first.sessions).toEqual([a1, a2, a3, b1]);
    expect(again.sessions).toEqual([a2, b1]);
    expect(sessionsDelta(again.sessions)!.removed).toEqual([a1]);
    const third = applyPatches(first, patch(first, { op: 'sessions-evicted', keys: [['b', '1']] }));
    expect(third.sessions).toEqual([a1, a2, a3]);
  });

  it('over random batches, describes exactly how each array was made from the one before', () => {
    fc.assert(
      fc.property(initialSessions, batches, (initial, steps) => {
        let snapshot = snapshotOf(initial);
        const seen: SessionRow[] = [...initial];
        for (const batch of steps) {
          const patches = toPatches(snapshot, batch, seen);
          const next = applyPatches(snapshot, patches);
          const expected = expectedSessions(snapshot.sessions, patches);
          expect(next.sessions).toHaveLength(expected.length);
          // Each source's rows in the obvious order (an update in place, new ones last), one source after another.
          const bySource = bySourceInOrder(next.sessions);
          // (An unchanged array is the one it was given, in whatever order main sent.)
          if (next.sessions !== snapshot.sessions) expect(sourceRuns(next.sessions)).toBe(bySource.size);
          for (const [sourceId, rows] of bySourceInOrder(expected)) {
            expect(bySource.get(sourceId)).toHaveLength(rows.length);
            rows.forEach((row, i) => expect(bySource.get(sourceId)![i]).toBe(row));
          }
          const delta = sessionsDelta(next.sessions);
          if (next.sessions !== snapshot.sessions) {
            expect(delta).toBeDefined();
            expect(delta!.base).toBe(snapshot.sessions);
            expect(sessionsDelta(snapshot.sessions)).toBeUndefined();
            const before = new Set(snapshot.sessions);
            const after = new Set(next.sessions);
            const added = new Set(delta!.added);
            const removed = new Set(delta!.removed);
            expect(added.size).toBe(delta!.added.length);
            expect(removed.size).toBe(delta!.removed.length);
            for (const row of added) expect(after.has(row)).toBe(true);
            for (const row of removed) expect(before.has(row)).toBe(true);
            // Every new row is listed, every row that left is listed; a row listed in both left and came back.
            for (const row of after) if (!before.has(row)) expect(added.has(row)).toBe(true);
            for (const row of before) if (!after.has(row)) expect(removed.has(row)).toBe(true);
            for (const row of added) if (before.has(row)) expect(removed.has(row)).toBe(true);
            for (const row of removed) if (after.has(row)) expect(added.has(row)).toBe(true);
          }
          snapshot = next;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('findSession', () => {
  const rows = [session('a', '1'), session('ab', '1'), session('b', '1'), session('a', '1/2')];

  it('finds a session by its "source/id" key', () => {
    expect(findSession(rows, 'a/1')).toBe(0);
    expect(findSession(rows, 'b/1')).toBe(2);
    expect(findSession(rows, sessionKey(rows[3]!))).toBe(3);
  });

  it('matches source and id exactly, not by prefix or the other way round', () => {
    expect(findSession(rows, '1/a')).toBe(-1);
    expect(findSession(rows, 'ab/1')).toBe(1);
    expect(findSession(rows, 'a/2')).toBe(-1);
    expect(findSession(rows, 'b/')).toBe(-1);
    expect(findSession(rows, 'c/1')).toBe(-1);
  });

  it('returns -1 for an empty list', () => {
    expect(findSession([], 'a/1')).toBe(-1);
  });
});

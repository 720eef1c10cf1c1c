import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionRow } from '@shared/model/state';
import { applyPatches, sessionsDelta } from '../../../renderer/src/state/apply-patch';
import { rowsOf, sessionsBySource, type SessionGroups } from '../../../renderer/src/state/sessions-by-source';
import {
  batches,
  groupsFromScratch,
  initialSessions,
  patch,
  session,
  snapshotOf,
  toPatches,
} from './fixtures/session-batches';

/** Groups as sets, for comparing with a grouping from scratch. */
function asSets(groups: SessionGroups): Map<string, Set<SessionRow>> {
  return new Map([...groups].map(([sourceId, rows]) => [sourceId, new Set(rows)]));
}

function expectSameGroups(groups: SessionGroups, sessions: readonly SessionRow[]): void {
  expect(asSets(groups)).toEqual(groupsFromScratch(sessions));
  for (const [sourceId, rows] of groups) {
    expect(rows.length).toBeGreaterThan(0);
    // A set comparison would not see a row held twice.
    expect(new Set(rows).size).toBe(rows.length);
    for (const row of rows) expect(row.sourceId).toBe(sourceId);
  }
  const identical = (a: Set<SessionRow>, b: Set<SessionRow>) => a.size === b.size && [...a].every((row) => b.has(row));
  for (const [sourceId, set] of groupsFromScratch(sessions))
    expect(identical(new Set(groups.get(sourceId)), set)).toBe(true);
}

const a1 = session('a', '1');
const a2 = session('a', '2');
const b1 = session('b', '1');
const c1 = session('c', '1');

describe('sessionsBySource', () => {
  it('groups a snapshot from main by source', () => {
    const groups = sessionsBySource([a1, b1, a2]);
    expect(groups.get('a')).toEqual([a1, a2]);
    expect(groups.get('b')).toEqual([b1]);
    expect(groups.has('c')).toBe(false);
  });

  it('gives the same groups object for the same sessions array', () => {
    const sessions = [a1, b1];
    expect(sessionsBySource(sessions)).toBe(sessionsBySource(sessions));
  });

  it('after a batch, rebuilds only the groups of the sources it touched', () => {
    const base = snapshotOf([a1, a2, b1, c1]);
    const before = sessionsBySource(base.sessions);
    const updated = { ...a2, failed: true };
    const a3 = session('a', '3');
    const next = applyPatches(base, patch(base, { op: 'sessions', sessions: [updated, a3] }));
    const after = sessionsBySource(next.sessions);
    expect(after).not.toBe(before);
    expect(new Set(after.get('a'))).toEqual(new Set([a1, updated, a3]));
    expect(after.get('a')!.includes(a2)).toBe(false);
    expect(after.get('b')).toBe(before.get('b'));
    expect(after.get('c')).toBe(before.get('c'));
    // The earlier groups are left as they were.
    expect(before.get('a')).toEqual([a1, a2]);
  });

  it('drops the group of a source whose sessions were all evicted', () => {
    const base = snapshotOf([a1, b1]);
    const before = sessionsBySource(base.sessions);
    const next = applyPatches(base, patch(base, { op: 'sessions-evicted', keys: [['b', '1']] }));
    const after = sessionsBySource(next.sessions);
    expect(after.has('b')).toBe(false);
    expect([...after.keys()]).toEqual(['a']);
    expect(after.get('a')).toBe(before.get('a'));
  });

  it('drops the group of a removed source', () => {
    const base = snapshotOf([a1, b1, c1]);
    const before = sessionsBySource(base.sessions);
    const next = applyPatches(base, patch(base, { op: 'source-removed', sourceId: 'a' }));
    const after = sessionsBySource(next.sessions);
    expect(after.has('a')).toBe(false);
    expect(after.get('b')).toBe(before.get('b'));
    expect(after.get('c')).toBe(before.get('c'));
  });

  it('adds a group for a source that had no sessions', () => {
    const base = snapshotOf([a1]);
    sessionsBySource(base.sessions);
    const next = applyPatches(base, patch(base, { op: 'sessions', sessions: [c1] }));
    expect(sessionsBySource(next.sessions).get('c')).toEqual([c1]);
  });

  it('groups from scratch when the groups of the previous array were never made', () => {
    const base = snapshotOf([a1, b1]);
    const next = applyPatches(base, patch(base, { op: 'sessions', sessions: [c1] }));
    expectSameGroups(sessionsBySource(next.sessions), next.sessions);
  });

  it('rowsOf gives an empty list for a source without sessions', () => {
    const groups = sessionsBySource([a1]);
    expect(rowsOf(groups, 'a')).toEqual([a1]);
    expect(rowsOf(groups, 'zzz')).toEqual([]);
  });

  it('over random batches, holds the same rows per source as grouping the new array from scratch', () => {
    fc.assert(
      fc.property(initialSessions, batches, fc.boolean(), (initial, steps, skipSome) => {
        let snapshot = snapshotOf(initial);
        const seen: SessionRow[] = [...initial];
        let previous: SessionGroups | null = sessionsBySource(snapshot.sessions);
        steps.forEach((batch, n) => {
          const next = applyPatches(snapshot, toPatches(snapshot, batch, seen));
          // Sometimes a view misses a snapshot: the groups are then made from scratch, and must agree all the same.
          if (skipSome && n % 2 === 1) {
            previous = null;
            snapshot = next;
            return;
          }
          const groups = sessionsBySource(next.sessions);
          expectSameGroups(groups, next.sessions);
          const delta = sessionsDelta(next.sessions);
          if (previous && delta && delta.base === snapshot.sessions) {
            const touched = new Set([...delta.added, ...delta.removed].map((row) => row.sourceId));
            for (const [sourceId, rows] of previous)
              if (!touched.has(sourceId)) expect(groups.get(sourceId)).toBe(rows);
          }
          if (previous && next.sessions === snapshot.sessions) expect(groups).toBe(previous);
          previous = groups;
          snapshot = next;
        });
      }),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionRow } from '@shared/model/state';
import { applyPatches, sessionsDelta } from '@shared/model/apply-patch';
import { facets, FacetCounter, type Facets } from '../../../renderer/src/features/sessions/table-model';
import { batches, initialSessions, session, snapshotOf, toPatches } from './fixtures/session-batches';
import { table } from './fixtures/session-table';

/**
 * The same choices as facets() over all rows. Values the filter's collator
 * calls equal ("PC" and "pc") may come in either order, so they are compared
 * as sets, and the order is checked to be the collator's.
 */
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
function expectSameFacets(actual: Facets, expected: Facets): void {
  for (const field of ['devices', 'videoTypes'] as const) {
    expect([...actual[field]].sort()).toEqual([...expected[field]].sort());
    for (let i = 1; i < actual[field].length; i++)
      expect(collator.compare(actual[field][i - 1]!, actual[field][i]!)).toBeLessThanOrEqual(0);
  }
}

describe('FacetCounter', () => {
  it('gives the same choices as counting all rows at once', () => {
    const snapshot = snapshotOf(table);
    expectSameFacets(new FacetCounter().facets(snapshot.sessions, undefined), facets(snapshot.sessions));
    expect(new FacetCounter().facets([], undefined)).toEqual({ devices: [], videoTypes: [] });
  });

  it('after a batch, counts only what came in and went out, and drops a choice no session has any more', () => {
    const counter = new FacetCounter();
    const tv = session('b', 'tv', { device: 'TV', videoType: 'AD' });
    const base = snapshotOf([...table, tv]);
    expect(counter.facets(base.sessions, undefined).devices).toContain('TV');
    const after = applyPatches(base, [
      { seq: 2, at: 1, ops: [{ op: 'sessions', sessions: [session('c', 'stb', { device: 'Set-top box' })] }] },
      { seq: 3, at: 2, ops: [{ op: 'sessions-evicted', keys: [['b', 'tv']] }] },
    ]);
    const delta = sessionsDelta(after.sessions)!;
    // A counter that read the whole array would see these rows; one that follows the delta never looks.
    const untouchable = new Proxy(after.sessions, {
      get(target, key) {
        if (typeof key === 'string' && /^\d+$/.test(key)) throw new Error('read a row the update did not bring');
        return Reflect.get(target, key) as unknown;
      },
    });
    const result = counter.facets(untouchable, delta);
    expectSameFacets(result, facets(after.sessions));
    expect(result.devices).toContain('Set-top box');
    expect(result.devices).not.toContain('TV');
    expect(result.videoTypes).not.toContain('AD');
    expect(counter.facets(untouchable, delta)).toBe(result);
  });

  it('hands back the same lists while they read the same, so the filters are not rendered again', () => {
    const counter = new FacetCounter();
    const base = snapshotOf(table);
    const first = counter.facets(base.sessions, undefined);
    const device = first.devices[0]!;
    const same = applyPatches(base, [
      { seq: 2, at: 1, ops: [{ op: 'sessions', sessions: [session('c', 'more', { device, videoType: null })] }] },
    ]);
    const second = counter.facets(same.sessions, sessionsDelta(same.sessions));
    expect(second).not.toBe(first);
    expect(second.devices).toBe(first.devices);
    expect(second.videoTypes).toBe(first.videoTypes);
    const grown = applyPatches(same, [
      { seq: 3, at: 2, ops: [{ op: 'sessions', sessions: [session('c', 'new-kind', { device: 'Car' })] }] },
    ]);
    const third = counter.facets(grown.sessions, sessionsDelta(grown.sessions));
    expect(third.devices).not.toBe(second.devices);
    expect(third.devices).toContain('Car');
  });

  it('over random batches, some of them skipped, equals counting all rows at once', () => {
    fc.assert(
      fc.property(initialSessions, batches, fc.boolean(), (initial, steps, skipSome) => {
        const counter = new FacetCounter();
        let snapshot = snapshotOf(initial);
        const seen: SessionRow[] = [...initial];
        expectSameFacets(counter.facets(snapshot.sessions, undefined), facets(snapshot.sessions));
        steps.forEach((batch, n) => {
          snapshot = applyPatches(snapshot, toPatches(snapshot, batch, seen));
          if (skipSome && n % 2 === 0) return;
          expectSameFacets(
            counter.facets(snapshot.sessions, sessionsDelta(snapshot.sessions)),
            facets(snapshot.sessions),
          );
        });
      }),
      { numRuns: 200 },
    );
  });
});

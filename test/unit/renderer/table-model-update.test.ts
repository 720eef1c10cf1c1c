import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionRow } from '@shared/model/state';
import { applyPatches, sessionsDelta } from '../../../renderer/src/state/apply-patch';
import { RowsMemo } from '../../../renderer/src/state/rows-memo';
import { sessionsBySource } from '../../../renderer/src/state/sessions-by-source';
import {
  facets,
  facetsBySource,
  NEWEST_FIRST,
  NO_FILTERS,
  updateViewRows,
  viewRows,
  type ColumnId,
  type Facets,
  type FacetsMemo,
  type Filters,
  type SortSpec,
} from '../../../renderer/src/features/sessions/table-model';
import { MINUTE } from './fixtures/fake-snapshot';
import {
  batches,
  initialSessions,
  NOW,
  patch,
  session,
  SOURCES,
  snapshotOf,
  toPatches,
} from './fixtures/session-batches';

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

const names = (id: string) => ({ a: 'Zeta', b: 'alpha', c: 'Beta' })[id] ?? id;
const COLUMNS: readonly ColumnId[] = [
  'time',
  'source',
  'device',
  'os',
  'startup',
  'rebuffering',
  'playing',
  'status',
  'who',
];

/** Same rows (the same objects) in the same order. */
function expectSameRows(actual: readonly SessionRow[], expected: readonly SessionRow[]): void {
  expect(actual.map((r) => `${r.sourceId}/${r.id}`)).toEqual(expected.map((r) => `${r.sourceId}/${r.id}`));
  actual.forEach((row, i) => expect(row).toBe(expected[i]));
}

/** Forty sessions over three sources, with ties and unknowns in every column. */
const table: SessionRow[] = Array.from({ length: 40 }, (_, i) =>
  session(SOURCES[i % 3]!, `s${String(i).padStart(2, '0')}`, {
    startedAt: i % 7 === 0 ? null : NOW - (i % 5) * MINUTE,
    endedAt: i % 7 === 0 && i % 2 === 0 ? NOW - 3 * MINUTE : null,
    device: ['PC', 'pc', 'Mobile', null][i % 4]!,
    os: ['iOS', null, 'Android'][i % 3]!,
    videoType: ['LIVE', 'VOD', null][i % 3]!,
    failed: [true, false, null][i % 3]!,
    startupTimeMs: i % 4 === 0 ? null : (i % 6) * 100,
    rebufferingMs: i % 5 === 0 ? null : (i % 3) * 1_000,
    playingMs: i % 6 === 0 ? null : (i % 4) * 10_000,
    viewerId: i % 8 === 0 ? null : `viewer-${i % 6}`,
    title: i % 3 === 1 ? 'Match day' : null,
  }),
);

const SORTS: SortSpec[] = COLUMNS.flatMap((column) => [
  { column, direction: 'asc' as const },
  { column, direction: 'desc' as const },
]);
const FILTERS: Filters[] = [
  NO_FILTERS,
  { ...NO_FILTERS, sourceId: 'b' },
  { ...NO_FILTERS, device: 'PC' },
  { ...NO_FILTERS, videoType: 'LIVE', failedOnly: true },
  { ...NO_FILTERS, search: 'VIEWER-2' },
];

describe('updateViewRows', () => {
  const base = snapshotOf(table);
  const updated = { ...table[4]!, startupTimeMs: 9_999, startedAt: NOW + MINUTE, device: 'PC' };
  const moved = { ...table[9]!, failed: true, startedAt: NOW - 50 * MINUTE };
  const arrived = [
    session('a', 'new-1', { startedAt: NOW - 2 * MINUTE, device: 'PC', startupTimeMs: 100, viewerId: 'viewer-2' }),
    session('c', 'new-2', { startedAt: null, endedAt: null, device: null, startupTimeMs: null, failed: true }),
  ];
  const next = applyPatches(base, [
    { seq: 2, at: 1, ops: [{ op: 'sessions', sessions: [updated, moved, ...arrived] }] },
    {
      seq: 3,
      at: 2,
      ops: [
        {
          op: 'sessions-evicted',
          keys: [
            ['b', 's01'],
            ['a', 's12'],
          ],
        },
      ],
    },
  ]);

  it('matches sorting everything again, for every column and direction, with and without the store delta', () => {
    const delta = sessionsDelta(next.sessions)!;
    expect(delta.base).toBe(base.sessions);
    for (const filters of FILTERS)
      for (const sort of SORTS) {
        const previous = { sessions: base.sessions, rows: viewRows(base.sessions, filters, sort, names) };
        const expected = viewRows(next.sessions, filters, sort, names);
        expectSameRows(updateViewRows(previous, next.sessions, filters, sort, names, delta), expected);
        expectSameRows(updateViewRows(previous, next.sessions, filters, sort, names), expected);
      }
  });

  it('returns the previous rows array itself when the sessions did not change', () => {
    const previous = { sessions: base.sessions, rows: viewRows(base.sessions, NO_FILTERS, NEWEST_FIRST, names) };
    expect(updateViewRows(previous, base.sessions, NO_FILTERS, NEWEST_FIRST, names)).toBe(previous.rows);
  });

  it('returns the previous rows array itself when every new session is hidden by the filters', () => {
    const filters = { ...NO_FILTERS, sourceId: 'a' };
    const previous = { sessions: base.sessions, rows: viewRows(base.sessions, filters, NEWEST_FIRST, names) };
    const after = applyPatches(base, patch(base, { op: 'sessions', sessions: [session('b', 'hidden')] }));
    const delta = sessionsDelta(after.sessions)!;
    expect(updateViewRows(previous, after.sessions, filters, NEWEST_FIRST, names, delta)).toBe(previous.rows);
    expect(updateViewRows(previous, after.sessions, filters, NEWEST_FIRST, names)).toBe(previous.rows);
  });

  it('drops an evicted row and shows an updated copy in its new place', () => {
    const sort: SortSpec = { column: 'startup', direction: 'desc' };
    const previous = { sessions: base.sessions, rows: viewRows(base.sessions, NO_FILTERS, sort, names) };
    const rows = updateViewRows(previous, next.sessions, NO_FILTERS, sort, names, sessionsDelta(next.sessions));
    expect(rows[0]).toBe(updated);
    expect(rows.includes(table[4]!)).toBe(false);
    expect(rows.some((r) => r.id === 's01' || r.id === 's12')).toBe(false);
    expect(rows).toHaveLength(next.sessions.length);
  });

  it('sorts everything again when an update brings more than a quarter of the rows', () => {
    const many = table.map((row) => ({ ...row, startupTimeMs: 42 }));
    const after = applyPatches(base, patch(base, { op: 'sessions', sessions: many }));
    const sort: SortSpec = { column: 'startup', direction: 'asc' };
    const previous = { sessions: base.sessions, rows: viewRows(base.sessions, NO_FILTERS, sort, names) };
    const expected = viewRows(after.sessions, NO_FILTERS, sort, names);
    expectSameRows(
      updateViewRows(previous, after.sessions, NO_FILTERS, sort, names, sessionsDelta(after.sessions)),
      expected,
    );
    expectSameRows(updateViewRows(previous, after.sessions, NO_FILTERS, sort, names), expected);
  });

  it('over random batches, every sort and filter, matches sorting everything again', () => {
    const filters = fc.record({
      sourceId: fc.constantFrom(null, 'a', 'b'),
      device: fc.constantFrom(null, 'PC', 'TV'),
      videoType: fc.constantFrom(null, 'LIVE'),
      failedOnly: fc.boolean(),
      search: fc.constantFrom('', 'viewer-1', ' ID3 ', 'x'),
    });
    const sort = fc.record({
      column: fc.constantFrom(...COLUMNS),
      direction: fc.constantFrom('asc' as const, 'desc' as const),
    });
    fc.assert(
      fc.property(initialSessions, batches, filters, sort, (initial, steps, f, s) => {
        let snapshot = snapshotOf(initial);
        const seen: SessionRow[] = [...initial];
        let withDelta = {
          sessions: snapshot.sessions,
          rows: viewRows(snapshot.sessions, f, s, names) as readonly SessionRow[],
        };
        let compared = withDelta;
        for (const batch of steps) {
          const after = applyPatches(snapshot, toPatches(snapshot, batch, seen));
          const expected = viewRows(after.sessions, f, s, names);
          const delta = sessionsDelta(after.sessions);
          const changes = delta?.base === withDelta.sessions ? delta : undefined;
          withDelta = {
            sessions: after.sessions,
            rows: updateViewRows(withDelta, after.sessions, f, s, names, changes),
          };
          compared = { sessions: after.sessions, rows: updateViewRows(compared, after.sessions, f, s, names) };
          expectSameRows(withDelta.rows, expected);
          expectSameRows(compared.rows, expected);
          snapshot = after;
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('facetsBySource', () => {
  it('gives the same choices as counting all rows at once', () => {
    const memo: FacetsMemo = new RowsMemo();
    const snapshot = snapshotOf(table);
    expectSameFacets(facetsBySource(sessionsBySource(snapshot.sessions), memo), facets(snapshot.sessions));
    expect(facetsBySource(new Map(), memo)).toEqual({ devices: [], videoTypes: [] });
  });

  it('after a batch touching one source, counts only that source again', () => {
    const counted: string[] = [];
    class CountingMemo extends RowsMemo<SessionRow, null, Facets> {
      override get(key: string, rows: readonly SessionRow[], arg: null, compute: () => Facets): Facets {
        return super.get(key, rows, arg, () => {
          counted.push(key);
          return compute();
        });
      }
    }
    const memo = new CountingMemo();
    const base = snapshotOf(table);
    facetsBySource(sessionsBySource(base.sessions), memo);
    expect(counted.sort()).toEqual(['a', 'b', 'c']);
    counted.length = 0;
    const after = applyPatches(
      base,
      patch(base, { op: 'sessions', sessions: [session('b', 'tv', { device: 'TV', videoType: 'AD' })] }),
    );
    const result = facetsBySource(sessionsBySource(after.sessions), memo);
    expect(counted).toEqual(['b']);
    expectSameFacets(result, facets(after.sessions));
    expect(result.devices).toContain('TV');
    expect(result.videoTypes).toContain('AD');
    counted.length = 0;
    facetsBySource(sessionsBySource(after.sessions), memo);
    expect(counted).toEqual([]);
  });

  it('over random batches, equals counting all rows at once', () => {
    fc.assert(
      fc.property(initialSessions, batches, (initial, steps) => {
        const memo: FacetsMemo = new RowsMemo();
        let snapshot = snapshotOf(initial);
        const seen: SessionRow[] = [...initial];
        expectSameFacets(facetsBySource(sessionsBySource(snapshot.sessions), memo), facets(snapshot.sessions));
        for (const batch of steps) {
          snapshot = applyPatches(snapshot, toPatches(snapshot, batch, seen));
          expectSameFacets(facetsBySource(sessionsBySource(snapshot.sessions), memo), facets(snapshot.sessions));
        }
      }),
      { numRuns: 200 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionRow } from '@shared/model/state';
import { applyPatches, sessionsDelta } from '@shared/model/apply-patch';
import {
  NEWEST_FIRST,
  NO_FILTERS,
  type ColumnId,
  type Filters,
  type SortSpec,
} from '../../../renderer/src/features/sessions/table-model';
import { sortedView, updateView, viewRows, type ViewState } from '../../../renderer/src/features/sessions/sorted-view';
import { MINUTE } from './fixtures/fake-snapshot';
import { table } from './fixtures/session-table';
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

describe('updateView', () => {
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
        const previous = { sessions: base.sessions, ...sortedView(base.sessions, filters, sort, names) };
        const expected = viewRows(next.sessions, filters, sort, names);
        expectSameRows(updateView(previous, next.sessions, filters, sort, names, delta).rows, expected);
        expectSameRows(updateView(previous, next.sessions, filters, sort, names).rows, expected);
      }
  });

  it('returns the previous rows array itself when the sessions did not change', () => {
    const previous = { sessions: base.sessions, ...sortedView(base.sessions, NO_FILTERS, NEWEST_FIRST, names) };
    expect(updateView(previous, base.sessions, NO_FILTERS, NEWEST_FIRST, names).rows).toBe(previous.rows);
  });

  it('returns the previous rows array itself when every new session is hidden by the filters', () => {
    const filters = { ...NO_FILTERS, sourceId: 'a' };
    const previous = { sessions: base.sessions, ...sortedView(base.sessions, filters, NEWEST_FIRST, names) };
    const after = applyPatches(base, patch(base, { op: 'sessions', sessions: [session('b', 'hidden')] }));
    const delta = sessionsDelta(after.sessions)!;
    expect(updateView(previous, after.sessions, filters, NEWEST_FIRST, names, delta).rows).toBe(previous.rows);
    expect(updateView(previous, after.sessions, filters, NEWEST_FIRST, names).rows).toBe(previous.rows);
  });

  it('drops an evicted row and shows an updated copy in its new place', () => {
    const sort: SortSpec = { column: 'startup', direction: 'desc' };
    const previous = { sessions: base.sessions, ...sortedView(base.sessions, NO_FILTERS, sort, names) };
    const rows = updateView(previous, next.sessions, NO_FILTERS, sort, names, sessionsDelta(next.sessions)).rows;
    expect(rows[0]).toBe(updated);
    expect(rows.includes(table[4]!)).toBe(false);
    expect(rows.some((r) => r.id === 's01' || r.id === 's12')).toBe(false);
    expect(rows).toHaveLength(next.sessions.length);
  });

  it('finds the rows that went out deep inside a long run of one value', () => {
    // 400 sessions with one status: the rows that go out sit hundreds deep in that run, where they are
    // searched by their ids rather than looked through one by one.
    const many = Array.from({ length: 400 }, (_, i) =>
      session(SOURCES[i % 3]!, `r${String(i).padStart(3, '0')}`, { failed: false, device: 'PC' }),
    );
    const start = snapshotOf(many);
    const after = applyPatches(start, [
      {
        seq: 2,
        at: 1,
        ops: [
          { op: 'sessions', sessions: [{ ...many[250]!, failed: true }, session('b', 'r-new', { failed: false })] },
          {
            op: 'sessions-evicted',
            keys: [
              [many[5]!.sourceId, many[5]!.id],
              [many[300]!.sourceId, many[300]!.id],
            ],
          },
        ],
      },
    ]);
    for (const sort of [
      { column: 'status', direction: 'asc' },
      { column: 'device', direction: 'desc' },
    ] as const) {
      const previous = { sessions: start.sessions, ...sortedView(start.sessions, NO_FILTERS, sort, names) };
      const view = updateView(previous, after.sessions, NO_FILTERS, sort, names, sessionsDelta(after.sessions));
      expectSameRows(view.rows, viewRows(after.sessions, NO_FILTERS, sort, names));
      expect(view.rows).toHaveLength(399);
    }
  });

  it('sorts everything again when an update brings more than a quarter of the rows', () => {
    const many = table.map((row) => ({ ...row, startupTimeMs: 42 }));
    const after = applyPatches(base, patch(base, { op: 'sessions', sessions: many }));
    const sort: SortSpec = { column: 'startup', direction: 'asc' };
    const previous = { sessions: base.sessions, ...sortedView(base.sessions, NO_FILTERS, sort, names) };
    const expected = viewRows(after.sessions, NO_FILTERS, sort, names);
    expectSameRows(
      updateView(previous, after.sessions, NO_FILTERS, sort, names, sessionsDelta(after.sessions)).rows,
      expected,
    );
    expectSameRows(updateView(previous, after.sessions, NO_FILTERS, sort, names).rows, expected);
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
        let withDelta: ViewState = { sessions: snapshot.sessions, ...sortedView(snapshot.sessions, f, s, names) };
        let compared = withDelta;
        for (const batch of steps) {
          const after = applyPatches(snapshot, toPatches(snapshot, batch, seen));
          const expected = viewRows(after.sessions, f, s, names);
          const delta = sessionsDelta(after.sessions);
          const changes = delta?.base === withDelta.sessions ? delta : undefined;
          withDelta = { ...updateView(withDelta, after.sessions, f, s, names, changes), sessions: after.sessions };
          compared = { ...updateView(compared, after.sessions, f, s, names), sessions: after.sessions };
          // The values kept beside the rows are what the next update merges against: they must be the rows' own.
          expect(withDelta.values).toEqual(sortedView(after.sessions, f, s, names).values);
          expectSameRows(withDelta.rows, expected);
          expectSameRows(compared.rows, expected);
          snapshot = after;
        }
      }),
      { numRuns: 400 },
    );
  });
});

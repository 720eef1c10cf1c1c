import type { SessionRow } from '@shared/model/state';
import type { RowsMemo } from '../../state/rows-memo';
import { sessionTime } from '../overview/metrics';

/** Sorting and filtering of the sessions table, pure so they can be tested on 10,000 rows. */
export type ColumnId = 'time' | 'source' | 'device' | 'os' | 'startup' | 'rebuffering' | 'playing' | 'status' | 'who';
export type Direction = 'asc' | 'desc';

export interface SortSpec {
  readonly column: ColumnId;
  readonly direction: Direction;
}

export const NEWEST_FIRST: SortSpec = { column: 'time', direction: 'desc' };

export interface Filters {
  readonly sourceId: string | null;
  readonly device: string | null;
  readonly videoType: string | null;
  readonly failedOnly: boolean;
  /** Matched against the session id and the viewer id, case-insensitively. */
  readonly search: string;
}

export const NO_FILTERS: Filters = { sourceId: null, device: null, videoType: null, failedOnly: false, search: '' };

type SortValue = string | number | null;

export function sortValue(row: SessionRow, column: ColumnId, sourceName: (id: string) => string): SortValue {
  switch (column) {
    case 'time':
      return sessionTime(row);
    case 'source':
      return sourceName(row.sourceId);
    case 'device':
      return row.device;
    case 'os':
      return row.os;
    case 'startup':
      return row.startupTimeMs;
    case 'rebuffering':
      return row.rebufferingMs;
    case 'playing':
      return row.playingMs;
    case 'status':
      // Failed above fine; "not reported" (null) is not "fine" and sorts last.
      return row.failed === null ? null : row.failed ? 1 : 0;
    case 'who':
      return row.title ?? row.viewerId;
  }
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Names as people sort them; names the collator calls equal ("PC", "pc") in a fixed order all the same. */
function byName(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

export function matches(row: SessionRow, filters: Filters): boolean {
  if (filters.sourceId !== null && row.sourceId !== filters.sourceId) return false;
  if (filters.device !== null && row.device !== filters.device) return false;
  if (filters.videoType !== null && row.videoType !== filters.videoType) return false;
  if (filters.failedOnly && row.failed !== true) return false;
  const needle = filters.search.trim().toLowerCase();
  if (needle === '') return true;
  return row.id.toLowerCase().includes(needle) || (row.viewerId?.toLowerCase().includes(needle) ?? false);
}

/**
 * The rows to show, filtered then sorted. Unknown values sort last in both
 * directions (an operator sorting by startup time wants numbers first), and
 * ties fall back to the session's source and id so equal rows never swap
 * places between updates.
 */
export function viewRows(
  rows: readonly SessionRow[],
  filters: Filters,
  sort: SortSpec,
  sourceName: (id: string) => string,
): SessionRow[] {
  const compare = comparator(sort);
  const keyed = rows
    .filter((row) => matches(row, filters))
    .map((row): SortEntry => ({ row, value: sortValue(row, sort.column, sourceName) }));
  keyed.sort(compare);
  return keyed.map((entry) => entry.row);
}

/** The rows a view showed, and the sessions it was made from. */
export interface ViewState {
  readonly sessions: readonly SessionRow[];
  readonly rows: readonly SessionRow[];
}

/** What came in and went out between two sessions arrays (see SessionsDelta in state/apply-patch). */
export interface RowChanges {
  readonly added: readonly SessionRow[];
  readonly removed: readonly SessionRow[];
}

/**
 * The same rows as `viewRows(next, …)`, made from the previous view when the
 * filters and sort are unchanged: rows that went out (evicted, or replaced by
 * an updated copy) are dropped, the new ones sorted alone and merged in. An
 * update brings hundreds of sessions to a table of ten thousand; sorting them
 * all again each time cost most of a frame. `changes` is what the store
 * recorded when it applied the update; without it the arrays are compared.
 */
export function updateViewRows(
  previous: ViewState,
  next: readonly SessionRow[],
  filters: Filters,
  sort: SortSpec,
  sourceName: (id: string) => string,
  changes: RowChanges = compareArrays(previous.sessions, next),
): readonly SessionRow[] {
  if (changes.added.length * 4 > next.length) return viewRows(next, filters, sort, sourceName);
  const gone = new Set(changes.removed);
  const filtered = gone.size === 0 ? previous.rows : previous.rows.filter((row) => !gone.has(row));
  // Rows that went out but were not shown (hidden by the filters) change nothing on screen.
  const kept = filtered.length === previous.rows.length ? previous.rows : filtered;
  const fresh = viewRows(changes.added, filters, sort, sourceName);
  // Nothing shown changed: the same array, so the table does no work at all.
  if (fresh.length === 0) return kept;
  // A plain merge of two sorted lists; each row's sort value is read once, with nothing allocated per step.
  const compare = comparator(sort);
  const value = (row: SessionRow) => sortValue(row, sort.column, sourceName);
  const merged: SessionRow[] = new Array(kept.length + fresh.length);
  let i = 0;
  let j = 0;
  let out = 0;
  const a = { row: kept[0]!, value: kept.length > 0 ? value(kept[0]!) : null };
  const b = { row: fresh[0]!, value: value(fresh[0]!) };
  while (i < kept.length && j < fresh.length) {
    if (compare(a, b) <= 0) {
      merged[out++] = a.row;
      if (++i < kept.length) {
        a.row = kept[i]!;
        a.value = value(a.row);
      }
    } else {
      merged[out++] = b.row;
      if (++j < fresh.length) {
        b.row = fresh[j]!;
        b.value = value(b.row);
      }
    }
  }
  while (i < kept.length) merged[out++] = kept[i++]!;
  while (j < fresh.length) merged[out++] = fresh[j++]!;
  return merged;
}

function compareArrays(before: readonly SessionRow[], after: readonly SessionRow[]): RowChanges {
  const old = new Set(before);
  const now = new Set(after);
  return { added: after.filter((row) => !old.has(row)), removed: before.filter((row) => !now.has(row)) };
}

interface SortEntry {
  readonly row: SessionRow;
  readonly value: SortValue;
}

function comparator(sort: SortSpec): (a: SortEntry, b: SortEntry) => number {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return (a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value !== b.value) return a.value === null ? 1 : -1;
    } else {
      const order = compareValues(a.value, b.value);
      if (order !== 0) return sign * order;
    }
    return compareIds(a.row.sourceId, b.row.sourceId) || compareIds(a.row.id, b.row.id);
  };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The distinct non-empty devices and video types, for the filters' choices, in one pass over the rows. */
export function facets(rows: readonly SessionRow[]): { readonly devices: string[]; readonly videoTypes: string[] } {
  const devices = new Set<string>();
  const videoTypes = new Set<string>();
  for (const row of rows) {
    if (row.device) devices.add(row.device);
    if (row.videoType) videoTypes.add(row.videoType);
  }
  return { devices: [...devices].sort(byName), videoTypes: [...videoTypes].sort(byName) };
}

export interface Facets {
  readonly devices: readonly string[];
  readonly videoTypes: readonly string[];
}

/** Per-source facets kept between renders: an update recounts only the sources it touched. */
export type FacetsMemo = RowsMemo<SessionRow, null, Facets>;

/** The filters' choices over every source, each source's own counted once per change of its rows. */
export function facetsBySource(groups: ReadonlyMap<string, readonly SessionRow[]>, memo: FacetsMemo): Facets {
  const devices = new Set<string>();
  const videoTypes = new Set<string>();
  for (const [sourceId, rows] of groups) {
    const own = memo.get(sourceId, rows, null, () => facets(rows));
    for (const device of own.devices) devices.add(device);
    for (const videoType of own.videoTypes) videoTypes.add(videoType);
  }
  return { devices: [...devices].sort(byName), videoTypes: [...videoTypes].sort(byName) };
}

/** The distinct non-empty values of a field, for a filter's choices. */
export function facetValues(rows: readonly SessionRow[], field: 'device' | 'videoType'): string[] {
  const values = new Set<string>();
  for (const row of rows) {
    const value = row[field];
    if (value) values.add(value);
  }
  return [...values].sort(byName);
}

export function nextSort(current: SortSpec, column: ColumnId): SortSpec {
  if (current.column !== column) return { column, direction: column === 'time' ? 'desc' : 'asc' };
  return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
}

import type { SessionRow } from '../../../../shared/model/state';
import { sessionKey } from '../../state/apply-patch';
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
 * ties fall back to the session key so equal rows never swap places between
 * updates.
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
    .map((row) => ({ row, value: sortValue(row, sort.column, sourceName), key: sessionKey(row) }));
  keyed.sort(compare);
  return keyed.map((entry) => entry.row);
}

/** The rows a view showed, and the sessions it was made from. */
export interface ViewState {
  readonly sessions: readonly SessionRow[];
  readonly rows: readonly SessionRow[];
}

/**
 * The same rows as `viewRows(next, …)`, made from the previous view when the
 * filters and sort are unchanged: rows that are gone (evicted, or replaced by
 * an updated copy) are dropped, the new ones sorted alone and merged in. An
 * update brings hundreds of sessions to a table of ten thousand; sorting them
 * all again each time cost most of a frame.
 */
export function updateViewRows(
  previous: ViewState,
  next: readonly SessionRow[],
  filters: Filters,
  sort: SortSpec,
  sourceName: (id: string) => string,
): SessionRow[] {
  const before = new Set(previous.sessions);
  const added = next.filter((row) => !before.has(row));
  if (added.length * 4 > next.length) return viewRows(next, filters, sort, sourceName);
  const present = new Set(next);
  const kept = previous.rows.filter((row) => present.has(row));
  const fresh = viewRows(added, filters, sort, sourceName);
  if (fresh.length === 0) return kept;
  const compare = comparator(sort);
  const entry = (row: SessionRow) => ({ row, value: sortValue(row, sort.column, sourceName), key: sessionKey(row) });
  const merged: SessionRow[] = [];
  let i = 0;
  let j = 0;
  let freshEntry = entry(fresh[0]!);
  while (i < kept.length && j < fresh.length) {
    if (compare(entry(kept[i]!), freshEntry) <= 0) merged.push(kept[i++]!);
    else {
      merged.push(fresh[j++]!);
      if (j < fresh.length) freshEntry = entry(fresh[j]!);
    }
  }
  while (i < kept.length) merged.push(kept[i++]!);
  while (j < fresh.length) merged.push(fresh[j++]!);
  return merged;
}

interface SortEntry {
  readonly value: SortValue;
  readonly key: string;
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
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  };
}

/** The distinct non-empty devices and video types, for the filters' choices, in one pass over the rows. */
export function facets(rows: readonly SessionRow[]): { readonly devices: string[]; readonly videoTypes: string[] } {
  const devices = new Set<string>();
  const videoTypes = new Set<string>();
  for (const row of rows) {
    if (row.device) devices.add(row.device);
    if (row.videoType) videoTypes.add(row.videoType);
  }
  return { devices: [...devices].sort(collator.compare), videoTypes: [...videoTypes].sort(collator.compare) };
}

/** The distinct non-empty values of a field, for a filter's choices. */
export function facetValues(rows: readonly SessionRow[], field: 'device' | 'videoType'): string[] {
  const values = new Set<string>();
  for (const row of rows) {
    const value = row[field];
    if (value) values.add(value);
  }
  return [...values].sort(collator.compare);
}

export function nextSort(current: SortSpec, column: ColumnId): SortSpec {
  if (current.column !== column) return { column, direction: column === 'time' ? 'desc' : 'asc' };
  return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
}

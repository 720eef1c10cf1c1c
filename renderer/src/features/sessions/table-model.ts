import type { SessionRow } from '@shared/model/state';
import type { SessionsDelta } from '@shared/model/sessions-draft';
import { sessionTime } from '../overview/metrics';
import { deviceKind } from './device-kind';

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
  /** A kind of device (see device-kind), not one platform's device name. */
  readonly device: string | null;
  readonly videoType: string | null;
  readonly failedOnly: boolean;
  /** Matched against the session id, the viewer id and the title, case-insensitively. */
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
  if (filters.device !== null && deviceKind(row.device) !== filters.device) return false;
  if (filters.videoType !== null && row.videoType !== filters.videoType) return false;
  if (filters.failedOnly && row.failed !== true) return false;
  const needle = filters.search.trim().toLowerCase();
  if (needle === '') return true;
  // The title is searched too: the table shows it, so a person types it.
  return [row.id, row.viewerId, row.title].some((text) => text?.toLowerCase().includes(needle) ?? false);
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
): readonly SessionRow[] {
  return sortedView(rows, filters, sort, sourceName).rows;
}

/** Rows in the order shown, and each one's sort value at the same position. */
export interface SortedView {
  readonly rows: readonly SessionRow[];
  readonly values: readonly SortValue[];
}

export function sortedView(
  rows: readonly SessionRow[],
  filters: Filters,
  sort: SortSpec,
  sourceName: (id: string) => string,
): SortedView {
  const compare = comparator(sort);
  const keyed = rows
    .filter((row) => matches(row, filters))
    .map((row): SortEntry => ({ row, value: sortValue(row, sort.column, sourceName) }));
  keyed.sort((a, b) => compare(a.value, a.row, b.value, b.row));
  const values = sortValues(keyed.length);
  keyed.forEach((entry, i) => (values[i] = entry.value));
  return { rows: keyed.map((entry) => entry.row), values };
}

/** The view a table showed, and the sessions it was made from. */
export interface ViewState extends SortedView {
  readonly sessions: readonly SessionRow[];
}

/** What came in and went out between two sessions arrays (see SessionsDelta in shared/model/sessions-draft). */
export interface RowChanges {
  readonly added: readonly SessionRow[];
  readonly removed: readonly SessionRow[];
}

/**
 * The same view as `sortedView(next, …)`, made from the previous one when the
 * filters and sort are unchanged: rows that went out (evicted, or replaced by
 * an updated copy) are dropped, the new ones sorted alone and merged in. An
 * update brings hundreds of sessions to a table of ten thousand; sorting them
 * all again each time cost most of a frame. `changes` is what the store
 * recorded when it applied the update; without it the arrays are compared.
 *
 * The sort values of the rows that stay are kept beside them (`values`), so
 * the merge reads a row only to look it up in the set of rows that went out,
 * or for its ids on a tie. Reading every row's sort value again, from 10,000
 * rows scattered over the heap, cost more than the merge itself.
 */
export function updateView(
  previous: ViewState,
  next: readonly SessionRow[],
  filters: Filters,
  sort: SortSpec,
  sourceName: (id: string) => string,
  changes: RowChanges = compareArrays(previous.sessions, next),
): SortedView {
  if (changes.added.length * 4 > next.length) return sortedView(next, filters, sort, sourceName);
  const compare = comparator(sort);
  const { rows: kept, values: keptValues } = previous;
  const gone = new Set(changes.removed);
  const fresh = sortedView(changes.added, filters, sort, sourceName);
  // Nothing shown changed: the same arrays, so the table does no work at all.
  // (Rows that went out but were not shown, hidden by the filters, change nothing on screen.)
  if (fresh.rows.length === 0 && (gone.size === 0 || !kept.some((row) => gone.has(row)))) return previous;
  const rows = new Array<SessionRow>(kept.length + fresh.rows.length);
  const values = sortValues(rows.length);
  let out = 0;
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < kept.length && gone.has(kept[i]!)) i++;
    const takeKept =
      i < kept.length &&
      (j === fresh.rows.length || compare(keptValues[i]!, kept[i]!, fresh.values[j]!, fresh.rows[j]!) <= 0);
    if (takeKept) {
      rows[out] = kept[i]!;
      values[out++] = keptValues[i++]!;
    } else if (j < fresh.rows.length) {
      rows[out] = fresh.rows[j]!;
      values[out++] = fresh.values[j++]!;
    } else break;
  }
  rows.length = out;
  values.length = out;
  return { rows, values };
}

/**
 * An array for sort values that holds anything from the start (null first).
 * Numbers stored into a fresh array would make V8 keep it as raw doubles, and
 * the first null would then box all 10,000 again: one array's worth of
 * garbage per update for nothing.
 */
function sortValues(length: number): SortValue[] {
  return new Array<SortValue>(length).fill(null);
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

type Comparator = (av: SortValue, a: SessionRow, bv: SortValue, b: SessionRow) => number;

/** Orders (value, row) pairs; the row is read only when the values tie. */
function comparator(sort: SortSpec): Comparator {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return (av, a, bv, b) => {
    if (av === null || bv === null) {
      if (av !== bv) return av === null ? 1 : -1;
    } else {
      const order = compareValues(av, bv);
      if (order !== 0) return sign * order;
    }
    return compareIds(a.sourceId, b.sourceId) || compareIds(a.id, b.id);
  };
}

function compareIds(a: string, b: string): number {
  // Equality first: rows of one source carry equal but distinct source-id strings, and === on them is one check.
  if (a === b) return 0;
  return a < b ? -1 : 1;
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

/**
 * The filters' choices kept up to date from each update's delta: how many
 * sessions have each device and video type, plus one for every row that came
 * in and minus one for every row that went out. An update touches 3,000 rows
 * instead of counting 10,000 again; without a delta from the sessions counted
 * last (the first snapshot, a skipped one), everything is counted.
 */
export class FacetCounter {
  private counted: { sessions: readonly SessionRow[]; devices: Counts; videoTypes: Counts; facets: Facets } | null =
    null;

  facets(sessions: readonly SessionRow[], delta: SessionsDelta | undefined): Facets {
    const last = this.counted;
    if (last?.sessions === sessions) return last.facets;
    const fromLast = last !== null && delta?.base === last.sessions;
    const devices = fromLast ? new Map(last.devices) : new Map<string, number>();
    const videoTypes = fromLast ? new Map(last.videoTypes) : new Map<string, number>();
    const count = (rows: readonly SessionRow[], by: number) => {
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        if (row.device) bump(devices, row.device, by);
        if (row.videoType) bump(videoTypes, row.videoType, by);
      }
    };
    if (fromLast) {
      count(delta.added, 1);
      count(delta.removed, -1);
    } else count(sessions, 1);
    const facets = { devices: [...devices.keys()].sort(byName), videoTypes: [...videoTypes.keys()].sort(byName) };
    this.counted = { sessions, devices, videoTypes, facets };
    return facets;
  }
}

type Counts = Map<string, number>;

function bump(counts: Counts, key: string, by: number): void {
  const n = (counts.get(key) ?? 0) + by;
  if (n > 0) counts.set(key, n);
  else counts.delete(key);
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

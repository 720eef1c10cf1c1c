import type { SessionRow } from '@shared/model/state';
import type { SessionsDelta } from '@shared/model/sessions-draft';
import { sessionTime } from '../overview/metrics';
import { deviceKind } from './device-kind';
import { sameItems } from '../../state/rows-memo';

/** The sessions table's columns, filters and filter choices; the sorted view itself is in sorted-view.ts. */
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

export type SortValue = string | number | null;

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

export function compareValues(a: SortValue, b: SortValue): number {
  // -1, 0 or 1, not a - b: a difference of two timestamps is a double V8 would box on return.
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  // Equal first: a sort by source, device or OS is mostly ties, and the collator costs a microsecond a call.
  if (a === b) return 0;
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
    // The lists held before, while they read the same: the memoised filters then skip the update.
    const facets = {
      devices: sameOr(last?.facets.devices, [...devices.keys()].sort(byName)),
      videoTypes: sameOr(last?.facets.videoTypes, [...videoTypes.keys()].sort(byName)),
    };
    this.counted = { sessions, devices, videoTypes, facets };
    return facets;
  }
}

type Counts = Map<string, number>;

function sameOr(before: readonly string[] | undefined, next: readonly string[]): readonly string[] {
  return before && sameItems(before, next) ? before : next;
}

function bump(counts: Counts, key: string, by: number): void {
  const n = (counts.get(key) ?? 0) + by;
  if (n > 0) counts.set(key, n);
  else counts.delete(key);
}

export function nextSort(current: SortSpec, column: ColumnId): SortSpec {
  if (current.column !== column) return { column, direction: column === 'time' ? 'desc' : 'asc' };
  return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
}

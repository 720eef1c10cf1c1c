import type { SessionRow } from '@shared/model/state';
import { compareValues, matches, sortValue, type Filters, type SortSpec, type SortValue } from './table-model';

/**
 * The sessions table's rows in order: sorted from scratch when the filters or
 * the sort change, and after an update made from the previous order by
 * merging in what came and dropping what went, pure so it can be tested on
 * 10,000 rows.
 */
/**
 * The rows to show, filtered then sorted. Unknown values sort last in both
 * directions (an operator sorting by startup time wants numbers first). Equal
 * rows keep one fixed order, so they never swap places between updates: by
 * source, then by a number made from the session's id (tieKey), then by the
 * ids themselves in the rare case two sessions' numbers are equal.
 */
export function viewRows(
  rows: readonly SessionRow[],
  filters: Filters,
  sort: SortSpec,
  sourceName: (id: string) => string,
): readonly SessionRow[] {
  return sortedView(rows, filters, sort, sourceName).rows;
}

/** Rows in the order shown, and each one's sort value and tie key at the same position. */
export interface SortedView {
  readonly rows: readonly SessionRow[];
  readonly values: readonly SortValue[];
  readonly ties: Float64Array;
}

export function sortedView(
  rows: readonly SessionRow[],
  filters: Filters,
  sort: SortSpec,
  sourceName: (id: string) => string,
): SortedView {
  const compare = comparator(sort);
  const shown = rows.filter((row) => matches(row, filters));
  const unsortedValues = sortValues(shown.length);
  const unsortedTies = new Float64Array(shown.length);
  const order = new Array<number>(shown.length);
  for (let i = 0; i < shown.length; i++) {
    unsortedValues[i] = sortValue(shown[i]!, sort.column, sourceName);
    unsortedTies[i] = tieKey(shown[i]!);
    order[i] = i;
  }
  const unsorted: SortedView = { rows: shown, values: unsortedValues, ties: unsortedTies };
  order.sort((x, y) => compare(unsorted, x, unsorted, y));
  const values = sortValues(order.length);
  const ties = new Float64Array(order.length);
  const sorted = new Array<SessionRow>(order.length);
  for (let i = 0; i < order.length; i++) {
    const from = order[i]!;
    sorted[i] = shown[from]!;
    values[i] = unsortedValues[from]!;
    ties[i] = unsortedTies[from]!;
  }
  return { rows: sorted, values, ties };
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
 * The rows that stay are not read: their sort values and tie keys are kept
 * beside them, and the rows that went out are found by their values, then by
 * identity among the rows with the same value. Reading 10,000 rows scattered
 * over the heap (to look each up in a set, or for its ids on a tie) cost more
 * than the merge itself.
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
  const { rows: kept, values: keptValues, ties: keptTies } = previous;
  const gone = positionsOf(previous, changes.removed, sort, (row) => sortValue(row, sort.column, sourceName));
  const fresh = sortedView(changes.added, filters, sort, sourceName);
  // Nothing shown changed: the same arrays, so the table does no work at all.
  if (gone.length === 0 && fresh.rows.length === 0) return previous;
  const size = kept.length - gone.length + fresh.rows.length;
  const rows = new Array<SessionRow>(size);
  const values = sortValues(size);
  const ties = new Float64Array(size);
  let out = 0;
  let i = 0;
  let j = 0;
  let g = 0;
  for (;;) {
    while (g < gone.length && gone[g] === i) {
      i++;
      g++;
    }
    const takeKept = i < kept.length && (j === fresh.rows.length || compare(previous, i, fresh, j) <= 0);
    if (takeKept) {
      rows[out] = kept[i]!;
      ties[out] = keptTies[i]!;
      values[out++] = keptValues[i++]!;
    } else if (j < fresh.rows.length) {
      rows[out] = fresh.rows[j]!;
      ties[out] = fresh.ties[j]!;
      values[out++] = fresh.values[j++]!;
    } else break;
  }
  return { rows, values, ties };
}

/** Rows with one sort value are looked through one by one up to this many; past it, by their tie keys. */
const RUN_SCAN = 64;

/**
 * Where the shown rows among `removed` stand in the view, ascending. A removed
 * row is looked up by its sort value (binary search over `values`, no row read),
 * then by identity among the rows with that value; a row the view did not show
 * (hidden by the filters) is not found and skipped.
 */
function positionsOf(
  view: SortedView,
  removed: readonly SessionRow[],
  sort: SortSpec,
  value: (row: SessionRow) => SortValue,
): number[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const compare = comparator(sort);
  const { rows, values } = view;
  const positions: number[] = [];
  for (let r = 0; r < removed.length; r++) {
    const row = removed[r]!;
    const v = value(row);
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareValuesOnly(values[mid]!, v, sign) < 0) lo = mid + 1;
      else hi = mid;
    }
    let k = lo;
    const scanEnd = Math.min(rows.length, lo + RUN_SCAN);
    while (k < scanEnd && rows[k] !== row && compareValuesOnly(values[k]!, v, sign) === 0) k++;
    if (k === scanEnd && k < rows.length && compareValuesOnly(values[k]!, v, sign) === 0) {
      // A long run of one value (a status, a device): the tie keys order it, so search it by them.
      const probe: SortedView = { rows: [row], values: [v], ties: Float64Array.of(tieKey(row)) };
      hi = rows.length;
      lo = k;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (compare(view, mid, probe, 0) < 0) lo = mid + 1;
        else hi = mid;
      }
      k = lo;
    }
    if (rows[k] === row) positions.push(k);
  }
  return positions.sort((a, b) => a - b);
}

/** The comparator's order of two sort values alone: unknown last, then by value in the sort's direction. */
function compareValuesOnly(a: SortValue, b: SortValue, sign: number): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return sign * compareValues(a, b);
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

/** Orders the row at `i` of one view against the row at `j` of another (or the same). */
type Comparator = (a: SortedView, i: number, b: SortedView, j: number) => number;

/**
 * Orders (value, tie key, row) triples; a row is read only when two tie keys
 * are equal, which is rare. It takes views and positions, not the values
 * themselves: a tie key is a double beyond a small integer's range, and V8
 * boxes such a double on the heap each time one is passed to a call. Passed
 * per comparison, that was about 60 % of what an update of the table
 * allocated (bench figure 3). It did not set the garbage collections' pauses:
 * those copy what survives, mostly the sessions themselves.
 */
function comparator(sort: SortSpec): Comparator {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return (a, i, b, j) => {
    const av = a.values[i]!;
    const bv = b.values[j]!;
    if (av === null || bv === null) {
      if (av !== bv) return av === null ? 1 : -1;
    } else {
      const order = compareValues(av, bv);
      if (order !== 0) return sign * order;
    }
    const at = a.ties[i]!;
    const bt = b.ties[j]!;
    if (at !== bt) return at < bt ? -1 : 1;
    return compareIds(a.rows[i]!.sourceId, b.rows[j]!.sourceId) || compareIds(a.rows[i]!.id, b.rows[j]!.id);
  };
}

/**
 * A session's place among rows with an equal sort value, as one number: its
 * source's hash (21 bits, so one source's rows stay together) above its id's
 * hash (32 bits), exact in a double. Comparing two of these reads no row;
 * comparing ids read two rows and two strings scattered over the heap, on
 * every tie, and sorting by status or device is mostly ties.
 */
export function tieKey(row: SessionRow): number {
  return (hash32(row.sourceId) >>> 11) * 2 ** 32 + hash32(row.id);
}

/** FNV-1a over the string's UTF-16 code units: cheap, and the same for the same text everywhere. */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function compareIds(a: string, b: string): number {
  // Equality first: rows of one source carry equal but distinct source-id strings, and === on them is one check.
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

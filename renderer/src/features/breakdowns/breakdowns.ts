import type { SessionRow, Snapshot, SourceState } from '@shared/model/state';
import type { Breakdown } from '@shared/model/samples';
import { sessionTime } from '../overview/metrics';
import type { RowsMemo } from '../../state/rows-memo';
import { rowsOf, sessionsBySource } from '../../state/sessions-by-source';

/**
 * Who is watching, by device, OS, country and CDN, per source. Two kinds of
 * numbers, never mixed: sessions counted from the session rows main holds
 * (over a time window), and the platform's own live breakdown (Conviva's
 * concurrent plays grouped by device), shown as the platform reported it.
 */
export type SessionDimension = 'device' | 'os' | 'country' | 'cdn';

export interface BarRow {
  readonly value: string;
  readonly count: number;
  readonly share: number;
}

export interface BreakdownGroup {
  readonly key: string;
  readonly title: string;
  /** What is counted: "sessions", or the platform's live measure ("concurrent plays"). */
  readonly measure: string;
  readonly origin: 'sessions' | 'platform';
  /** For platform breakdowns: when the platform computed it. */
  readonly at: number | null;
  readonly total: number;
  readonly rows: readonly BarRow[];
  /** Sessions that did not say (counted in the total, shown apart). */
  readonly unknown: number;
}

export interface SourceBreakdowns {
  readonly source: SourceState;
  readonly sessionCount: number;
  readonly groups: readonly BreakdownGroup[];
}

/** Longer lists end in "other": a bar list is for the big picture. */
export const MAX_ROWS = 8;
export const OTHER = 'other';

const TITLES: Record<SessionDimension, string> = { device: 'Device', os: 'OS', country: 'Country', cdn: 'CDN' };
const DIMENSIONS: readonly SessionDimension[] = ['device', 'os', 'country', 'cdn'];

/** A dimension's value as shown: trimmed, or null (unknown) when the session does not say. */
function shownValue(raw: unknown): string | null {
  return typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : null;
}

/** Counts into bars, biggest first (ties by name, so the order is stable), the tail folded into "other". */
export function toBars(counts: ReadonlyMap<string, number>, maxRows = MAX_ROWS): BarRow[] {
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  const sorted = [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const head = sorted.length > maxRows ? sorted.slice(0, maxRows - 1) : sorted;
  const tail = sorted.slice(head.length);
  const rows = head.map(([value, count]) => ({ value, count, share: total > 0 ? count / total : 0 }));
  if (tail.length > 0) {
    const count = tail.reduce((sum, [, n]) => sum + n, 0);
    rows.push({ value: `${OTHER} (${tail.length})`, count, share: total > 0 ? count / total : 0 });
  }
  return rows;
}

export function sessionGroups(rows: readonly SessionRow[]): BreakdownGroup[] {
  return countSessions(rows, null).groups;
}

type Tally = Map<unknown, { n: number }>;

function tally(counts: Tally, raw: unknown): void {
  const held = counts.get(raw);
  if (held) held.n++;
  else counts.set(raw, { n: 1 });
}

/**
 * The sessions since `since` (null: all), by each dimension. One pass over the
 * rows, each row's raw values looked up once: the thousands of rows of an
 * update share a few dozen values, so trimming and judging a value is done
 * once per distinct value afterwards, not once per row.
 */
function countSessions(rows: readonly SessionRow[], since: number | null): { count: number; groups: BreakdownGroup[] } {
  const device: Tally = new Map();
  const os: Tally = new Map();
  const country: Tally = new Map();
  const cdn: Tally = new Map();
  let count = 0;
  // Indexed: thousands of rows per update, for…of would allocate a result per step below V8's top tier.
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (since !== null && (sessionTime(row) ?? -Infinity) < since) continue;
    count++;
    tally(device, row.device);
    tally(os, row.os);
    tally(country, row.country);
    tally(cdn, row.attributes.cdn);
  }
  const tallies: Readonly<Record<SessionDimension, Tally>> = { device, os, country, cdn };
  const groups: BreakdownGroup[] = [];
  for (const dimension of DIMENSIONS) {
    const counts = new Map<string, number>();
    let unknown = 0;
    tallies[dimension].forEach(({ n }, raw) => {
      const value = shownValue(raw);
      if (value === null) unknown += n;
      else counts.set(value, (counts.get(value) ?? 0) + n);
    });
    // A dimension no session of this source reports is left out, not shown as 100 % unknown.
    if (counts.size === 0) continue;
    groups.push({
      key: `sessions-${dimension}`,
      title: TITLES[dimension],
      measure: 'sessions',
      origin: 'sessions',
      at: null,
      total: count,
      rows: toBars(counts),
      unknown,
    });
  }
  return { count, groups };
}

/**
 * A platform breakdown's group, kept for as long as the breakdown object itself
 * (a patch replaces it when the platform reports a new one): an update that
 * brings sessions makes no new groups, and their bar lists are not rendered again.
 */
const platformGroupOf = new WeakMap<Breakdown, { readonly unit: string; readonly group: BreakdownGroup }>();

function platformGroups(snapshot: Snapshot, source: SourceState): BreakdownGroup[] {
  return snapshot.breakdowns
    .filter((b) => b.sourceId === source.id && b.breakdown.rows.length > 0)
    .map(({ breakdown }) => {
      const held = platformGroupOf.get(breakdown);
      if (held && held.unit === source.metric.unit) return held.group;
      const counts = new Map<string, number>();
      for (const row of breakdown.rows) counts.set(row.value, (counts.get(row.value) ?? 0) + row.count);
      const bars = toBars(counts);
      const group: BreakdownGroup = {
        key: `platform-${breakdown.dimension}`,
        title: `${breakdown.dimension.charAt(0).toUpperCase()}${breakdown.dimension.slice(1)} · live`,
        measure: source.metric.unit,
        origin: 'platform' as const,
        at: breakdown.at,
        total: bars.reduce((sum, bar) => sum + bar.count, 0),
        rows: bars,
        unknown: 0,
      };
      platformGroupOf.set(breakdown, { unit: source.metric.unit, group });
      return group;
    });
}

/** Per-source session groups kept between renders, with the rows they counted. */
export type BreakdownsMemo = RowsMemo<SessionRow, number | null, { count: number; groups: BreakdownGroup[] }>;

/**
 * Every source's breakdowns. `since` limits the sessions counted (null: all
 * that main holds); platform breakdowns are always the latest one reported.
 */
export function breakdownsBySource(
  snapshot: Snapshot,
  since: number | null,
  memo?: BreakdownsMemo,
): SourceBreakdowns[] {
  const bySource = sessionsBySource(snapshot.sessions);
  const count = (rows: readonly SessionRow[]) => countSessions(rows, since);
  return snapshot.sources.map((source) => {
    const rows = rowsOf(bySource, source.id);
    const counted = memo ? memo.get(source.id, rows, since, () => count(rows)) : count(rows);
    return {
      source,
      sessionCount: counted.count,
      groups: [...platformGroups(snapshot, source), ...counted.groups],
    };
  });
}

import type { SessionRow } from '@shared/model/state';
import { sessionsDelta, type SessionsDelta } from './apply-patch';

/**
 * A snapshot's sessions grouped by source. After an update only the groups of
 * the sources it touched are rebuilt; the others are the very same arrays as
 * before, so per-source memos (RowsMemo) see at once that nothing changed.
 * Order inside a group is not meaningful: an updated session may move to
 * its group's end.
 */
export type SessionGroups = ReadonlyMap<string, readonly SessionRow[]>;

const NO_ROWS: readonly SessionRow[] = [];
const grouped = new WeakMap<readonly SessionRow[], SessionGroups>();

export function sessionsBySource(sessions: readonly SessionRow[]): SessionGroups {
  const held = grouped.get(sessions);
  if (held) return held;
  const delta = sessionsDelta(sessions);
  const before = delta ? grouped.get(delta.base) : undefined;
  const groups = before && delta ? regroup(before, delta) : groupAll(sessions);
  grouped.set(sessions, groups);
  return groups;
}

/** One source's rows, an empty array when it has none. */
export function rowsOf(groups: SessionGroups, sourceId: string): readonly SessionRow[] {
  return groups.get(sourceId) ?? NO_ROWS;
}

function groupAll(sessions: readonly SessionRow[]): SessionGroups {
  const groups = new Map<string, SessionRow[]>();
  for (const row of sessions) {
    const list = groups.get(row.sourceId);
    if (list) list.push(row);
    else groups.set(row.sourceId, [row]);
  }
  return groups;
}

function regroup(before: SessionGroups, delta: SessionsDelta): SessionGroups {
  const removed = new Map<string, Set<SessionRow>>();
  for (const row of delta.removed) {
    const set = removed.get(row.sourceId);
    if (set) set.add(row);
    else removed.set(row.sourceId, new Set([row]));
  }
  const added = new Map<string, SessionRow[]>();
  for (const row of delta.added) {
    const list = added.get(row.sourceId);
    if (list) list.push(row);
    else added.set(row.sourceId, [row]);
  }
  const groups = new Map(before);
  for (const sourceId of new Set([...removed.keys(), ...added.keys()])) {
    const gone = removed.get(sourceId);
    const kept = gone ? rowsOf(before, sourceId).filter((row) => !gone.has(row)) : rowsOf(before, sourceId);
    const rows = kept.concat(added.get(sourceId) ?? NO_ROWS);
    if (rows.length === 0) groups.delete(sourceId);
    else groups.set(sourceId, rows);
  }
  return groups;
}

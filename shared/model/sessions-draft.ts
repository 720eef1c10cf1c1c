import type { SessionRow } from './state';

/**
 * The sessions half of applying patches, built so that an update allocates
 * little: the renderer applies 1,500 new sessions to 10,000 every poll, and
 * what each update leaves behind is what the garbage collector later stops
 * the page for.
 *
 * - Sessions are held by source, then by id: a lookup builds no "source/id"
 *   string (an update looks up 3,000).
 * - Loops over whole collections use spread, concat and forEach, not for…of:
 *   a function run once per update seldom reaches V8's optimizing tier, and
 *   below it every step of for…of allocates an iterator result (10,000 rows,
 *   hundreds of KB of garbage per update).
 * - A sessions array made here is its groups laid end to end, one source
 *   after another. An updated session keeps its place in its source's group;
 *   a new one goes to the group's end. The groups of the sources an update
 *   did not touch are the very same arrays as before, so views that keep
 *   something per source (RowsMemo) see at once that nothing changed.
 * - The index is handed from one array to the next: a draft takes it over and
 *   the array it makes gets it. An older array keeps its groups; patched
 *   again, it rebuilds an index from its rows.
 */
export type SessionGroups = ReadonlyMap<string, readonly SessionRow[]>;

/**
 * What changed between two sessions arrays: rows that came in (new sessions
 * and updated copies) and rows that went out (evicted sessions and the copies
 * that were replaced). A row that came in and went out within one batch is in
 * neither. Views that derive something from 10,000 rows (the sorted table)
 * apply this instead of comparing the whole arrays again.
 */
export interface SessionsDelta {
  readonly base: readonly SessionRow[];
  readonly added: readonly SessionRow[];
  readonly removed: readonly SessionRow[];
}

type Index = Map<string, Map<string, SessionRow>>;

interface Made {
  index: Index | null;
  readonly groups: SessionGroups;
  delta: SessionsDelta | null;
}

const made = new WeakMap<readonly SessionRow[], Made>();

/** How `sessions` was made from an earlier array by one batch of patches; undefined for a snapshot from main. */
export function sessionsDelta(sessions: readonly SessionRow[]): SessionsDelta | undefined {
  return made.get(sessions)?.delta ?? undefined;
}

/** The array's rows by source. Worked out once per array; an array made by a draft has them already. */
export function sessionGroups(sessions: readonly SessionRow[]): SessionGroups {
  const held = made.get(sessions);
  if (held) return held.groups;
  const groups = new Map<string, SessionRow[]>();
  for (const row of sessions) {
    const group = groups.get(row.sourceId);
    if (group) group.push(row);
    else groups.set(row.sourceId, [row]);
  }
  made.set(sessions, { index: null, groups, delta: null });
  return groups;
}

export class SessionsDraft {
  private readonly index: Index;
  private readonly baseGroups: SessionGroups;
  /** Rows set by this batch and still held. */
  private readonly incoming = new Set<SessionRow>();
  /** Rows of the base that went out. */
  private readonly removed: SessionRow[] = [];

  constructor(private readonly base: SessionRow[]) {
    this.baseGroups = sessionGroups(base);
    const held = made.get(base)!;
    this.index = held.index ?? indexOf(this.baseGroups);
    held.index = null;
  }

  upsert(row: SessionRow): void {
    let rows = this.index.get(row.sourceId);
    const old = rows?.get(row.id);
    if (old === row) return;
    if (!rows) this.index.set(row.sourceId, (rows = new Map()));
    if (old !== undefined) this.forget(old);
    // set() on a held id keeps its place: an updated session does not move.
    rows.set(row.id, row);
    this.incoming.add(row);
  }

  evict(sourceId: string, id: string): void {
    const rows = this.index.get(sourceId);
    const row = rows?.get(id);
    if (!rows || row === undefined) return;
    rows.delete(id);
    if (rows.size === 0) this.index.delete(sourceId);
    this.forget(row);
  }

  removeSource(sourceId: string): void {
    const rows = this.index.get(sourceId);
    if (!rows) return;
    this.index.delete(sourceId);
    rows.forEach((row) => this.forget(row));
  }

  /** The new array, or the base itself when nothing changed. */
  finish(): SessionRow[] {
    // A session that came and went within the batch touched nothing: its source keeps its group.
    const touched = new Set<string>();
    this.incoming.forEach((row) => touched.add(row.sourceId));
    this.removed.forEach((row) => touched.add(row.sourceId));
    if (touched.size === 0) {
      made.get(this.base)!.index = this.index;
      return this.base;
    }
    const groups = new Map<string, readonly SessionRow[]>();
    this.index.forEach((rows, sourceId) =>
      groups.set(sourceId, touched.has(sourceId) ? [...rows.values()] : this.baseGroups.get(sourceId)!),
    );
    const sessions = ([] as SessionRow[]).concat(...groups.values());
    made.set(sessions, {
      index: this.index,
      groups,
      delta: { base: this.base, added: [...this.incoming], removed: this.removed },
    });
    // Only the newest step is kept: a chain of deltas would keep every earlier array alive.
    made.get(this.base)!.delta = null;
    return sessions;
  }

  /** A row leaving: removed, unless it only came in with this same batch. */
  private forget(row: SessionRow): void {
    if (!this.incoming.delete(row)) this.removed.push(row);
  }
}

function indexOf(groups: SessionGroups): Index {
  const index: Index = new Map();
  for (const [sourceId, rows] of groups) index.set(sourceId, new Map(rows.map((row) => [row.id, row])));
  return index;
}

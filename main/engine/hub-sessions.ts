import type { Session } from '@shared/model/samples';
import type { SessionRow } from '@shared/model/state';
import { sameData } from './same-data';

export interface SessionChanges {
  /** Rows that are new or differ from what was held, in the order they were applied. */
  readonly rows: SessionRow[];
  /** Held sessions that fell out because the store was full (oldest change first). */
  readonly evicted: Array<[string, string]>;
}

/**
 * Sessions keyed by (source, session id), bounded. The least recently
 * changed session is evicted first, so a live session that keeps changing
 * stays while ended ones age out. The store keeps each session twice by
 * reference: the full one (with events, for the detail view) and its row
 * (without events, for snapshots and patches); neither is copied again.
 */
export interface SessionStore {
  readonly size: number;
  upsert(sourceId: string, sessions: readonly Session[]): SessionChanges;
  get(sourceId: string, sessionId: string): Session | undefined;
  rows(): SessionRow[];
  removeSource(sourceId: string): void;
}

interface Held {
  readonly session: Session;
  readonly row: SessionRow;
}

// Source ids cannot contain NUL (see SourceIdSchema), so this key is unambiguous.
const keyOf = (sourceId: string, sessionId: string) => `${sourceId}\u0000${sessionId}`;

export function createSessionStore(capacity: number): SessionStore {
  if (!Number.isInteger(capacity) || capacity < 1)
    throw new RangeError(`Session capacity must be a positive integer, got ${capacity}.`);
  // Map order is change order: a changed session is deleted and set again, so it moves to the end.
  const held = new Map<string, Held>();

  return {
    get size() {
      return held.size;
    },
    upsert(sourceId, sessions) {
      const changed = new Map<string, SessionRow>();
      const addedNow = new Set<string>();
      for (const incoming of sessions) {
        const key = keyOf(sourceId, incoming.id);
        const before = held.get(key);
        const session = normalize(sourceId, incoming, before?.session);
        if (before !== undefined && sameData(before.session, session)) continue;
        if (before === undefined) addedNow.add(key);
        const row = toRow(session);
        held.delete(key);
        held.set(key, { session, row });
        changed.delete(key);
        changed.set(key, row);
      }
      const evicted: Array<[string, string]> = [];
      while (held.size > capacity) {
        const oldest = held.keys().next().value as string;
        const gone = held.get(oldest)!;
        held.delete(oldest);
        changed.delete(oldest);
        // A session that arrived and fell out in one batch was never shown: nothing to retract.
        if (!addedNow.has(oldest)) evicted.push([gone.session.sourceId, gone.session.id]);
      }
      return { rows: [...changed.values()], evicted };
    },
    get(sourceId, sessionId) {
      return held.get(keyOf(sourceId, sessionId))?.session;
    },
    rows() {
      const rows: SessionRow[] = new Array<SessionRow>(held.size);
      let i = 0;
      for (const entry of held.values()) rows[i++] = entry.row;
      return rows;
    },
    removeSource(sourceId) {
      for (const [key, entry] of held) if (entry.session.sourceId === sourceId) held.delete(key);
    },
  };
}

/**
 * A list poll often carries no events (api.video, Conviva) while a detail
 * fetch did: keep the events already held rather than wiping them.
 */
function normalize(sourceId: string, incoming: Session, before: Session | undefined): Session {
  let session = incoming.sourceId === sourceId ? incoming : { ...incoming, sourceId };
  if (session.events === null && before?.events) session = { ...session, events: before.events };
  return session;
}

export function toRow(session: Session): SessionRow {
  const { events, ...rest } = session;
  return { ...rest, eventCount: events === null ? null : events.length };
}

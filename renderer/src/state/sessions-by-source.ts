import type { SessionRow } from '@shared/model/state';
import { sessionGroups, type SessionGroups } from '@shared/model/sessions-draft';

export type { SessionGroups };

const NO_ROWS: readonly SessionRow[] = [];

/**
 * A snapshot's sessions grouped by source. After an update only the groups of
 * the sources it touched are new arrays; the others are the very same arrays
 * as before (shared/model/sessions-draft keeps them as it applies patches).
 */
export function sessionsBySource(sessions: readonly SessionRow[]): SessionGroups {
  return sessionGroups(sessions);
}

/** One source's rows, an empty array when it has none. */
export function rowsOf(groups: SessionGroups, sourceId: string): readonly SessionRow[] {
  return groups.get(sourceId) ?? NO_ROWS;
}

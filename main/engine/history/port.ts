import type { Incident } from '@shared/model/alerts';
import type { Retention, SessionsPage, StoredPoint, TierMs } from '@shared/model/history';
import type { Session, ViewerPoint } from '@shared/model/samples';
import type { Health } from '@shared/model/state';
import type { SessionsPageRequestSchema } from '@shared/model/history';
import type { z } from 'zod';

/** One flush of what the engine saw since the last one, written in one transaction. */
export interface HistoryBatch {
  readonly points: readonly { readonly sourceId: string; readonly points: readonly ViewerPoint[] }[];
  /** Full sessions, events included when known; upserted by source and id. */
  readonly sessions: readonly Session[];
  readonly health: readonly { readonly sourceId: string; readonly at: number; readonly health: Health }[];
  readonly incidents: readonly Incident[];
}

export interface HealthChange {
  readonly at: number;
  readonly health: Health;
}

/**
 * Where the engine keeps what it has seen, so a restart forgets nothing. The
 * engine knows only this port; the SQLite file behind it lives in main/history.
 * Every call is synchronous and short (a few milliseconds at most, measured in
 * the bench), so the engine calls it on its own thread.
 */
export interface HistoryStore {
  /** Throws on a write error (disk full, read-only); the recorder turns that into a status. */
  write(batch: HistoryBatch): void;
  /** Stored readings (tier 0) or buckets of a tier, oldest first, inside [from, to]. */
  series(sourceId: string, from: number, to: number, tierMs: TierMs): StoredPoint[];
  /** The newest sessions that started at or after `since`, newest first. */
  recentSessions(sourceId: string, since: number, limit: number): Session[];
  sessionsPage(request: z.output<typeof SessionsPageRequestSchema>): SessionsPage;
  healthChanges(sourceId: string, from: number, to: number): HealthChange[];
  /** Newest first. */
  incidents(limit: number): Incident[];
  /** Deletes about `batch` rows (at most four times that) older than the retention allows; returns how many went. */
  prune(retention: Retention, now: number, batch: number): number;
  deleteHistory(sourceId: string | null): void;
  /** Epoch ms of the oldest stored reading or bucket of a source, null when none. */
  oldestReading(sourceId: string): number | null;
  sizeBytes(): number;
  close(): void;
}

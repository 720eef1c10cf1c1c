import type { Database } from 'better-sqlite3';
import { IncidentSchema } from '@shared/model/alerts';
import { TIERS, type Retention, type StoredPoint, type TierMs } from '@shared/model/history';
import type { Session } from '@shared/model/samples';
import { decodeSession as decode, encodeSession } from './session-codec';
import { HealthSchema, type SessionRow } from '@shared/model/state';
import type { HistoryBatch, HistoryStore } from '../engine/history/port';

const DAY = 86_400_000;

/**
 * The history port on one SQLite database (a file, or memory for a run that
 * keeps nothing). Sessions are stored compressed (see session-codec.ts).
 */
export function sqliteHistory(db: Database, file: string | null): HistoryStore {
  const sql = prepareAll(db);

  /** Rebuilds the buckets a write touched from what is stored, so a corrected reading corrects its buckets too. */
  function rollUp(sourceId: string, ats: readonly number[]): void {
    const fiveMinute = new Set(ats.map((at) => Math.floor(at / TIERS.fiveMinutes) * TIERS.fiveMinutes));
    for (const bucket of fiveMinute) {
      sql.rollFromReadings.run({ source: sourceId, tier: TIERS.fiveMinutes, bucket, end: bucket + TIERS.fiveMinutes });
    }
    const hourly = new Set([...fiveMinute].map((at) => Math.floor(at / TIERS.hourly) * TIERS.hourly));
    for (const bucket of hourly) {
      sql.rollFromFiveMinutes.run({ source: sourceId, bucket, end: bucket + TIERS.hourly });
    }
  }

  const writeBatch = db.transaction((batch: HistoryBatch) => {
    for (const { sourceId, points } of batch.points) {
      for (const point of points) sql.putReading.run(sourceId, point.at, point.viewers);
      rollUp(
        sourceId,
        points.map((p) => p.at),
      );
    }
    for (const session of batch.sessions) {
      const at = session.startedAt ?? session.endedAt;
      if (at === null) continue; // a session with no time cannot be placed in any period
      sql.putSession.run(
        session.sourceId,
        session.id,
        at,
        session.failed === null ? null : session.failed ? 1 : 0,
        searchText(session),
        encodeSession(session, at),
      );
    }
    for (const { sourceId, at, health } of batch.health) {
      sql.putHealth.run(sourceId, at, health.status, JSON.stringify(health));
    }
    for (const incident of batch.incidents) {
      sql.putIncident.run(incident.id, incident.startedAt, incident.state, JSON.stringify(incident));
    }
  });

  const pruneBatch = db.transaction((retention: Retention, now: number, batch: number): number => {
    let deleted = 0;
    const sources = (sql.sources.all() as { source: string }[]).map((row) => row.source);
    for (const source of sources) {
      // Stop once a batch's worth is gone: one step stays a millisecond or two however many sources there are.
      if (deleted >= batch) return deleted;
      deleted += sql.pruneReadings.run({ source, before: now - retention.rawDays * DAY, batch }).changes;
      deleted += sql.pruneRollups.run({
        source,
        tier: TIERS.fiveMinutes,
        before: now - retention.fiveMinuteDays * DAY,
        batch,
      }).changes;
      deleted += sql.pruneRollups.run({
        source,
        tier: TIERS.hourly,
        before: now - retention.hourlyDays * DAY,
        batch,
      }).changes;
      // Outages are kept as long as the hourly line they explain.
      deleted += sql.pruneHealth.run({ source, before: now - retention.hourlyDays * DAY, batch }).changes;
    }
    if (deleted < batch) deleted += sql.pruneSessions.run(now - retention.sessionDays * DAY, batch).changes;
    return deleted;
  });

  return {
    write: (batch) => writeBatch(batch),
    series(sourceId, from, to, tierMs: TierMs): StoredPoint[] {
      if (tierMs === TIERS.raw) {
        return (sql.readings.all(sourceId, from, to) as { at: number; viewers: number }[]).map((row) => ({
          at: row.at,
          viewers: row.viewers,
          min: row.viewers,
          max: row.viewers,
        }));
      }
      // A bucket that began before `from` still covers part of the range.
      return sql.rollups.all(sourceId, tierMs, Math.floor(from / tierMs) * tierMs, to) as StoredPoint[];
    },
    recentSessions(sourceId, since, limit) {
      return (sql.recentSessions.all(sourceId, since, limit) as SessionRecord[]).flatMap(decodeSession);
    },
    sessionsPage(request) {
      const params = {
        from: request.from,
        to: request.to,
        source: request.sourceId,
        failedOnly: request.failedOnly ? 1 : 0,
        search: `%${request.search
          .trim()
          .toLowerCase()
          .replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      };
      const total = (sql.countPage.get(params) as { n: number }).n;
      const rows = (sql.page.all({ ...params, limit: request.limit, offset: request.offset }) as SessionRecord[])
        .flatMap(decodeSession)
        .map(toRow);
      return { total, rows };
    },
    healthChanges(sourceId, from, to) {
      return (sql.health.all(sourceId, from, to) as { at: number; body: string }[]).flatMap((row) => {
        const health = HealthSchema.safeParse(JSON.parse(row.body));
        return health.success ? [{ at: row.at, health: health.data }] : [];
      });
    },
    incidents(limit) {
      return (sql.incidents.all(limit) as { body: string }[]).flatMap((row) => {
        const incident = IncidentSchema.safeParse(JSON.parse(row.body));
        return incident.success ? [incident.data] : [];
      });
    },
    prune: (retention, now, batch) => pruneBatch(retention, now, batch),
    deleteHistory: db.transaction((sourceId: string | null) => {
      for (const table of ['readings', 'rollups', 'sessions', 'health']) {
        if (sourceId === null) db.prepare(`DELETE FROM ${table}`).run();
        else db.prepare(`DELETE FROM ${table} WHERE source = ?`).run(sourceId);
      }
      if (sourceId === null) db.prepare('DELETE FROM incidents').run();
    }),
    oldestReading(sourceId) {
      const row = sql.oldest.get(sourceId, sourceId) as { at: number | null };
      return row.at;
    },
    sizeBytes() {
      if (file === null) return 0;
      const pages = db.pragma('page_count', { simple: true }) as number;
      const size = db.pragma('page_size', { simple: true }) as number;
      return pages * size;
    },
    close() {
      if (!db.open) return;
      // Folds the write-ahead log back into the file, so what is left on disk is one file.
      if (file !== null) db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}

function prepareAll(db: Database) {
  const prepare = (text: string) => db.prepare(text);
  const pageWhere = `at >= @from AND at < @to AND (@source IS NULL OR source = @source)
    AND (@failedOnly = 0 OR failed = 1) AND (search LIKE @search ESCAPE '\\' OR lower(id) LIKE @search ESCAPE '\\')`;
  return {
    putReading: prepare('INSERT OR REPLACE INTO readings (source, at, viewers) VALUES (?, ?, ?)'),
    rollFromReadings: prepare(`INSERT OR REPLACE INTO rollups (source, tier, bucket, min, max, sum, count)
      SELECT @source, @tier, @bucket, min(viewers), max(viewers), sum(viewers), count(*)
      FROM readings WHERE source = @source AND at >= @bucket AND at < @end HAVING count(*) > 0`),
    rollFromFiveMinutes: prepare(`INSERT OR REPLACE INTO rollups (source, tier, bucket, min, max, sum, count)
      SELECT @source, ${TIERS.hourly}, @bucket, min(min), max(max), sum(sum), sum(count)
      FROM rollups WHERE source = @source AND tier = ${TIERS.fiveMinutes} AND bucket >= @bucket AND bucket < @end
      HAVING count(*) > 0`),
    putSession: prepare(
      'INSERT OR REPLACE INTO sessions (source, id, at, failed, search, body) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    putHealth: prepare('INSERT OR REPLACE INTO health (source, at, status, body) VALUES (?, ?, ?, ?)'),
    putIncident: prepare('INSERT OR REPLACE INTO incidents (id, started_at, state, body) VALUES (?, ?, ?, ?)'),
    readings: prepare('SELECT at, viewers FROM readings WHERE source = ? AND at >= ? AND at <= ? ORDER BY at'),
    rollups: prepare(`SELECT bucket AS at, sum / count AS viewers, min, max FROM rollups
      WHERE source = ? AND tier = ? AND bucket >= ? AND bucket <= ? ORDER BY bucket`),
    recentSessions: prepare(
      'SELECT source, id, at, body FROM sessions WHERE source = ? AND at >= ? ORDER BY at DESC LIMIT ?',
    ),
    countPage: prepare(`SELECT count(*) AS n FROM sessions WHERE ${pageWhere}`),
    page: prepare(
      `SELECT source, id, at, body FROM sessions WHERE ${pageWhere} ORDER BY at DESC, id LIMIT @limit OFFSET @offset`,
    ),
    health: prepare('SELECT at, body FROM health WHERE source = ? AND at >= ? AND at <= ? ORDER BY at'),
    incidents: prepare('SELECT body FROM incidents ORDER BY started_at DESC LIMIT ?'),
    // Distinct sources by stepping through the primary key (a plain DISTINCT reads every bucket).
    sources: prepare(`WITH RECURSIVE s(source) AS (
        SELECT min(source) FROM rollups
        UNION ALL SELECT (SELECT min(source) FROM rollups WHERE source > s.source) FROM s WHERE s.source IS NOT NULL
      ) SELECT source FROM s WHERE source IS NOT NULL`),
    pruneReadings: prepare(`DELETE FROM readings WHERE source = @source AND at IN
      (SELECT at FROM readings WHERE source = @source AND at < @before LIMIT @batch)`),
    pruneRollups: prepare(`DELETE FROM rollups WHERE source = @source AND tier = @tier AND bucket IN
      (SELECT bucket FROM rollups WHERE source = @source AND tier = @tier AND bucket < @before LIMIT @batch)`),
    pruneHealth: prepare(`DELETE FROM health WHERE source = @source AND at IN
      (SELECT at FROM health WHERE source = @source AND at < @before LIMIT @batch)`),
    pruneSessions: prepare(`DELETE FROM sessions WHERE rowid IN
      (SELECT rowid FROM sessions WHERE at < ? LIMIT ?)`),
    oldest: prepare(`SELECT min(at) AS at FROM (
      SELECT min(at) AS at FROM readings WHERE source = ?
      UNION ALL SELECT min(bucket) FROM rollups WHERE source = ?)`),
  };
}

function searchText(session: Session): string {
  // The id is searched in its own column, not copied here.
  return [session.title, session.viewerId, session.device, session.os, session.country]
    .filter((part) => part !== null)
    .join('\n')
    .toLowerCase();
}

function decodeSession(row: SessionRecord): Session[] {
  const session = decode(row.body, row.source, row.id, row.at);
  return session ? [session] : [];
}

interface SessionRecord {
  readonly source: string;
  readonly id: string;
  readonly at: number;
  readonly body: Buffer;
}

function toRow({ events, ...rest }: Session): SessionRow {
  return { ...rest, eventCount: events === null ? null : events.length };
}

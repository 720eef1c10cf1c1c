import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION, SessionsPageRequestSchema, TIERS, tierFor } from '@shared/model/history';
import { migrate, MIGRATIONS } from '../../../main/history/migrations';
import { sqliteHistory } from '../../../main/history/sqlite-store';
import type { HistoryBatch, HistoryStore } from '../../../main/engine/history/port';
import { point, session } from '../../support/samples';

const T = Date.parse('2026-03-02T00:00:00Z');
const MIN = 60_000;
const DAY = 86_400_000;

let db: Database.Database;
function store(): HistoryStore {
  db = new Database(':memory:');
  migrate(db);
  return sqliteHistory(db, null);
}
afterEach(() => db?.close());

const batch = (parts: Partial<HistoryBatch>): HistoryBatch => ({
  points: [],
  sessions: [],
  health: [],
  incidents: [],
  ...parts,
});

describe('history store', () => {
  it('rolls readings up into five-minute and hourly buckets as they arrive, and a corrected reading corrects its buckets', () => {
    const history = store();
    // Readings every minute for two hours: viewers = minute index.
    const points = Array.from({ length: 120 }, (_, i) => point(T + i * MIN, i));
    history.write(batch({ points: [{ sourceId: 'a', points: points.slice(0, 60) }] }));
    history.write(batch({ points: [{ sourceId: 'a', points: points.slice(60) }] }));

    const five = history.series('a', T, T + 2 * 3_600_000, TIERS.fiveMinutes);
    expect(five).toHaveLength(24);
    expect(five[0]).toEqual({ at: T, viewers: 2, min: 0, max: 4 });
    const hourly = history.series('a', T, T + 2 * 3_600_000, TIERS.hourly);
    expect(hourly).toEqual([
      { at: T, viewers: 29.5, min: 0, max: 59 },
      { at: T + 3_600_000, viewers: 89.5, min: 60, max: 119 },
    ]);

    history.write(batch({ points: [{ sourceId: 'a', points: [point(T + 3 * MIN, 1000)] }] }));
    expect(history.series('a', T, T, TIERS.fiveMinutes)[0]).toEqual({
      at: T,
      viewers: (0 + 1 + 2 + 1000 + 4) / 5,
      min: 0,
      max: 1000,
    });
    expect(history.series('a', T, T, TIERS.hourly)[0]!.max).toBe(1000);
    expect(history.series('a', T, T + 10 * MIN, TIERS.raw).map((p) => p.viewers)).toEqual([
      0, 1, 2, 1000, 4, 5, 6, 7, 8, 9, 10,
    ]);
  });

  it('reads a bucket that began before the range, since it covers part of it', () => {
    const history = store();
    history.write(batch({ points: [{ sourceId: 'a', points: [point(T + 10 * MIN, 7)] }] }));
    expect(history.series('a', T + 30 * MIN, T + 90 * MIN, TIERS.hourly)).toEqual([
      { at: T, viewers: 7, min: 7, max: 7 },
    ]);
  });

  it('chooses the tier a range is read from so a wide chart stays near a point per pixel', () => {
    expect(tierFor(60 * MIN)).toBe(TIERS.raw);
    expect(tierFor(DAY)).toBe(TIERS.fiveMinutes);
    expect(tierFor(7 * DAY)).toBe(TIERS.fiveMinutes);
    expect(tierFor(30 * DAY)).toBe(TIERS.hourly);
    expect(tierFor(90 * DAY)).toBe(TIERS.hourly);
  });

  it('prunes past the retention in batches of the given size, newest kept', () => {
    const history = store();
    const now = T + 100 * DAY;
    // One reading a day for 100 days: raw keeps 7 days, five-minute 90, hourly 730.
    const points = Array.from({ length: 100 }, (_, i) => point(T + i * DAY, i));
    history.write(batch({ points: [{ sourceId: 'a', points }] }));
    history.write(
      batch({
        sessions: [session('a', 'old', { startedAt: now - 40 * DAY }), session('a', 'new', { startedAt: now - DAY })],
      }),
    );

    const rounds: number[] = [];
    for (let deleted = -1; deleted !== 0;) rounds.push((deleted = history.prune(DEFAULT_RETENTION, now, 20)));
    expect(rounds.length).toBeGreaterThan(2); // 93 readings and 10 buckets do not go in one batch of 20
    expect(rounds.slice(0, -1).every((n) => n > 0 && n <= 20 * 4 + 20)).toBe(true);

    expect(history.series('a', 0, now, TIERS.raw).map((p) => p.viewers)).toEqual([93, 94, 95, 96, 97, 98, 99]);
    expect(history.series('a', 0, now, TIERS.fiveMinutes)[0]!.viewers).toBe(10);
    expect(history.series('a', 0, now, TIERS.hourly)).toHaveLength(100);
    expect(history.recentSessions('a', 0, 10).map((s) => s.id)).toEqual(['new']);
  });

  it('keeps sessions with their events, upserted by source and id, and pages them with filters', () => {
    const history = store();
    const events = [
      {
        at: T,
        type: 'play' as const,
        rawType: 'PLAY',
        durationMs: null,
        positionS: 0,
        fromS: null,
        toS: null,
        subject: null,
        details: {},
      },
    ];
    const sessions = Array.from({ length: 30 }, (_, i) =>
      session(i % 2 ? 'a' : 'b', `s${i}`, {
        startedAt: T + i * MIN,
        failed: i % 5 === 0,
        title: i === 7 ? 'Final match' : null,
        events,
      }),
    );
    history.write(batch({ sessions }));
    history.write(batch({ sessions: [session('a', 's1', { startedAt: T + MIN, device: 'TV', events })] }));

    const page = (request: Parameters<typeof SessionsPageRequestSchema.parse>[0]) =>
      history.sessionsPage(SessionsPageRequestSchema.parse(request));
    const all = page({ from: T, to: T + DAY, limit: 10 });
    expect(all.total).toBe(30);
    expect(all.rows.map((r) => r.id)).toEqual(['s29', 's28', 's27', 's26', 's25', 's24', 's23', 's22', 's21', 's20']);
    expect(all.rows[0]!.eventCount).toBe(1);
    expect(page({ from: T, to: T + DAY, offset: 28 }).rows.map((r) => r.id)).toEqual(['s1', 's0']);
    expect(page({ from: T, to: T + DAY, offset: 28 }).rows[0]!.device).toBe('TV');
    expect(page({ from: T, to: T + DAY, failedOnly: true }).total).toBe(6);
    expect(page({ from: T, to: T + DAY, sourceId: 'a', failedOnly: true }).rows.map((r) => r.id)).toEqual([
      's25',
      's15',
      's5',
    ]);
    expect(page({ from: T, to: T + DAY, search: 'FINAL' }).rows.map((r) => r.id)).toEqual(['s7']);
    expect(page({ from: T, to: T + DAY, search: '%' }).total).toBe(0); // a wildcard typed is a character searched
    expect(page({ from: T + 10 * MIN, to: T + 12 * MIN }).rows.map((r) => r.id)).toEqual(['s11', 's10']);
    expect(history.recentSessions('a', T, 1)[0]!.events).toEqual(events);
  });

  it('deletes one source’s history or all of it', () => {
    const history = store();
    history.write(
      batch({
        points: [
          { sourceId: 'a', points: [point(T, 1)] },
          { sourceId: 'b', points: [point(T, 2)] },
        ],
      }),
    );
    expect(history.oldestReading('a')).toBe(T);
    history.deleteHistory('a');
    expect(history.series('a', 0, T + DAY, TIERS.hourly)).toEqual([]);
    expect(history.oldestReading('a')).toBeNull();
    expect(history.series('b', 0, T + DAY, TIERS.raw)).toHaveLength(1);
    history.deleteHistory(null);
    expect(history.series('b', 0, T + DAY, TIERS.raw)).toEqual([]);
  });

  it('keeps health changes as an outage timeline and incidents newest first', () => {
    const history = store();
    const error = {
      status: 'error' as const,
      error: { kind: 'network' as const, message: 'Could not reach it.' },
      since: T,
    };
    history.write(
      batch({
        health: [
          { sourceId: 'a', at: T, health: error },
          { sourceId: 'a', at: T + MIN, health: { status: 'ok' } },
        ],
      }),
    );
    expect(history.healthChanges('a', T, T + MIN).map((c) => c.health.status)).toEqual(['error', 'ok']);
  });
});

describe('history migrations', () => {
  it('numbers the schema with user_version and runs only the missing steps on an older file', () => {
    const file = new Database(':memory:');
    migrate(file);
    expect(file.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    file.prepare("INSERT INTO readings VALUES ('a', 1, 5)").run();
    const next = [...MIGRATIONS, 'ALTER TABLE readings ADD COLUMN note TEXT'];
    migrate(file, next);
    migrate(file, next); // a second open runs nothing
    expect(file.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 1);
    expect(file.prepare('SELECT source, viewers, note FROM readings').get()).toEqual({
      source: 'a',
      viewers: 5,
      note: null,
    });
    file.close();
  });

  it('refuses a file written by a newer version, and leaves it as it was', () => {
    const file = new Database(':memory:');
    file.pragma(`user_version = ${MIGRATIONS.length + 3}`);
    expect(() => migrate(file)).toThrow(/written by a newer Streamwatch/);
    expect(file.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({ n: 0 });
    file.close();
  });

  it('rolls a failed step back whole: the version does not move past it', () => {
    const file = new Database(':memory:');
    expect(() => migrate(file, [...MIGRATIONS, 'CREATE TABLE x (a); CREATE TABLE x (a)'])).toThrow();
    expect(file.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(file.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'x'").get()).toEqual({ n: 0 });
    file.close();
  });
});

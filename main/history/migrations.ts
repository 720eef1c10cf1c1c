import type { Database } from 'better-sqlite3';

/**
 * The schema, one step per version. `user_version` says how many steps a file
 * has had; opening runs the missing ones in one transaction each, so a file is
 * always at a version this list knows. Never edit a step once released: add one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: readings, their rollups, sessions, health changes and incidents.
  `
  CREATE TABLE readings (
    source TEXT NOT NULL, at INTEGER NOT NULL, viewers REAL NOT NULL,
    PRIMARY KEY (source, at)
  ) WITHOUT ROWID;
  CREATE TABLE rollups (
    source TEXT NOT NULL, tier INTEGER NOT NULL, bucket INTEGER NOT NULL,
    min REAL NOT NULL, max REAL NOT NULL, sum REAL NOT NULL, count INTEGER NOT NULL,
    PRIMARY KEY (source, tier, bucket)
  ) WITHOUT ROWID;
  -- A rowid table: a session's body is hundreds of bytes, and a WITHOUT ROWID table would
  -- give each row an overflow page of its own (4 KB).
  CREATE TABLE sessions (
    source TEXT NOT NULL, id TEXT NOT NULL,
    at INTEGER NOT NULL, failed INTEGER, search TEXT NOT NULL, body BLOB NOT NULL,
    UNIQUE (source, id)
  );
  CREATE INDEX sessions_by_time ON sessions (at);
  CREATE TABLE health (
    source TEXT NOT NULL, at INTEGER NOT NULL, status TEXT NOT NULL, body TEXT NOT NULL,
    PRIMARY KEY (source, at)
  ) WITHOUT ROWID;
  CREATE TABLE incidents (
    id TEXT PRIMARY KEY, started_at INTEGER NOT NULL, state TEXT NOT NULL, body TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX incidents_by_start ON incidents (started_at);
  `,
];

export class NewerSchemaError extends Error {}

/** Brings a file up to the newest version; refuses a file written by a newer Streamwatch. */
export function migrate(db: Database, steps: readonly string[] = MIGRATIONS): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > steps.length) {
    throw new NewerSchemaError(
      `it was written by a newer Streamwatch (history version ${version}, this one knows ${steps.length})`,
    );
  }
  for (let next = version; next < steps.length; next++) {
    db.transaction(() => {
      db.exec(steps[next]!);
      db.pragma(`user_version = ${next + 1}`);
    })();
  }
}

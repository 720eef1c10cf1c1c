import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { HistoryStore } from '../engine/history/port';
import { migrate, NewerSchemaError } from './migrations';
import { sqliteHistory } from './sqlite-store';

export interface OpenedHistory {
  readonly store: HistoryStore;
  /** `saving`: to the file. `memory`: no file asked for. `failed`: a file was asked for and cannot be used. */
  readonly mode: 'saving' | 'memory' | 'failed';
  readonly file: string | null;
  /** "history is not being saved: <reason>", when mode is `failed`. */
  readonly problem: string | null;
  /** A damaged file was moved aside at this start. */
  readonly notice: string | null;
}

export interface OpenOptions {
  /** Null: keep history in memory for this run only. */
  readonly file: string | null;
  readonly now: () => number;
  /** Test seam: caps the file's pages, so "disk full" can be met without filling a disk. */
  readonly maxPageCount?: number;
}

/**
 * Opens the history file, ready to write: WAL journal (a killed process loses
 * at most the transaction it was in), schema migrated, and held exclusively.
 *
 * Two processes on one folder (the app and a headless run) get a clear refusal,
 * not shared writing: each would poll the same accounts and write the same
 * readings twice, and the lock SQLite takes in exclusive mode is released by
 * the operating system when a process dies, so a crash never leaves a stale lock.
 *
 * When the file cannot be used, monitoring goes on: history is kept in memory
 * for the run and `problem` says why, for the page, the tray and the log.
 */
export function openHistory(options: OpenOptions): OpenedHistory {
  if (options.file === null) return { ...inMemory(), mode: 'memory', file: null, problem: null, notice: null };
  const file = options.file;
  let notice: string | null = null;
  try {
    return { store: openFile(file, options.maxPageCount), mode: 'saving', file, problem: null, notice };
  } catch (error) {
    let failure = error;
    if (isDamaged(error)) {
      const aside = moveAside(file, options.now());
      notice = `The history file was damaged; it was moved aside as ${basename(aside)} and a new one was started. Settings and saved credentials are untouched.`;
      try {
        return { store: openFile(file, options.maxPageCount), mode: 'saving', file, problem: null, notice };
      } catch (again) {
        failure = again;
      }
    }
    return {
      ...inMemory(),
      mode: 'failed',
      file,
      problem: `history is not being saved: ${reason(failure, file)}`,
      notice,
    };
  }
}

function openFile(file: string, maxPageCount: number | undefined): HistoryStore {
  mkdirSync(dirname(file), { recursive: true });
  // timeout 0: another process holding the file is an answer now, not after a wait.
  const db = new Database(file, { timeout: 0 });
  try {
    // Exclusive before WAL: no shared-memory index, and the write below keeps the file locked until close.
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a killed process loses nothing committed; a power cut may lose the last commits.
    db.pragma('synchronous = NORMAL');
    // SQLite checkpoints the WAL inside whichever commit crosses this many pages, and that commit
    // pays for copying them all. At the default 1,000 pages a prune step that hit one took 6-12 ms
    // on the event loop; at 200 the copy is a fifth as long, and the extra fsyncs come minutes apart.
    db.pragma('wal_autocheckpoint = 200');
    if (maxPageCount !== undefined) db.pragma(`max_page_count = ${maxPageCount}`);
    db.exec('BEGIN IMMEDIATE; COMMIT');
    migrate(db);
    return sqliteHistory(db, file);
  } catch (error) {
    db.close();
    throw error;
  }
}

function inMemory(): { store: HistoryStore } {
  const db = new Database(':memory:');
  migrate(db);
  return { store: sqliteHistory(db, null) };
}

const code = (error: unknown): string => (error as { code?: unknown }).code?.toString() ?? '';

function isDamaged(error: unknown): boolean {
  return /^SQLITE_(NOTADB|CORRUPT)/.test(code(error));
}

function moveAside(file: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const aside = `${file}.damaged-${stamp}`;
  renameSync(file, aside);
  // A log or index left beside the damaged file belongs to it, not to the new one.
  for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  return aside;
}

/** The reason in words; never the raw error object, which can be long and says nothing to an operator. */
function reason(error: unknown, file: string): string {
  if (error instanceof NewerSchemaError) return `${file} cannot be used: ${error.message}.`;
  const c = code(error);
  if (c.startsWith('SQLITE_BUSY') || c.startsWith('SQLITE_LOCKED'))
    return `another Streamwatch (the app or a headless run) is using ${file}; this one keeps its history in memory until it stops.`;
  if (c.startsWith('SQLITE_FULL') || c === 'ENOSPC') return `the disk holding ${file} is full.`;
  // SQLite's codes, and the file system's when the folder itself cannot be made.
  if (/^(SQLITE_(READONLY|CANTOPEN|PERM)|EACCES|EPERM|EROFS|ENOTDIR|EEXIST)/.test(c))
    return `${file} cannot be written (a read-only folder or file, or no permission).`;
  const message = error instanceof Error ? error.message : String(error);
  return `${file} cannot be used (${message}).`;
}

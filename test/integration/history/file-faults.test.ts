import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { TIERS } from '@shared/model/history';
import { openHistory } from '../../../main/history/open-history';

const T = Date.parse('2026-01-01T00:00:00Z');
const dirs: string[] = [];
const children: ChildProcess[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sw-history-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  }
});

const reading = (at: number, viewers: number) => ({
  points: [{ sourceId: 'a', points: [{ at, viewers }] }],
  sessions: [],
  health: [],
  incidents: [],
});

/** Starts the writer child; resolves once it has written `atLeast` readings. */
function startWriter(file: string, atLeast: number): Promise<{ child: ChildProcess; written: number; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/history-writer.ts', file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const written = Number(/written (\d+)\n$/.exec(out)?.[1] ?? 0);
      if (written >= atLeast || out.startsWith('refused')) resolve({ child, written, out });
    });
    child.on('exit', () => resolve({ child, written: 0, out }));
    child.on('error', reject);
  });
}

describe('history file on a bad day', () => {
  it('a process killed in the middle of writing loses at most its last transaction; the file passes integrity_check', async () => {
    const file = join(tempDir(), 'history.sqlite');
    const { child, written } = await startWriter(file, 20_000);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const db = new Database(file);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const kept = (db.prepare('SELECT count(*) AS n FROM readings').get() as { n: number }).n;
    db.close();
    // Everything reported as written is there; at most the batches after the last report are not.
    expect(kept).toBeGreaterThanOrEqual(written);
    const reopened = openHistory({ file, now: () => T });
    expect(reopened.mode).toBe('saving');
    expect(reopened.store.series('a', 0, Number.MAX_SAFE_INTEGER, TIERS.raw).length).toBe(kept);
    reopened.store.close();
  });

  it('a second process on the same file is refused history with a sentence, keeps monitoring in memory, and the file is untouched', async () => {
    const dir = tempDir();
    const file = join(dir, 'history.sqlite');
    const first = openHistory({ file, now: () => T });
    first.store.write(reading(T, 5));
    const { out } = await startWriter(file, 1);
    expect(out).toMatch(
      /^refused history is not being saved: another Streamwatch \(the app or a headless run\) is using .*history\.sqlite; this one keeps its history in memory until it stops\.\n$/,
    );

    // And the other way round, in this process, while the first still holds it.
    const second = openHistory({ file, now: () => T });
    expect(second.mode).toBe('failed');
    second.store.write(reading(T + 1, 6)); // memory: works for the run
    expect(second.store.series('a', 0, T + 1, TIERS.raw)).toHaveLength(1);
    expect(first.store.series('a', 0, T + 1, TIERS.raw).map((p) => p.viewers)).toEqual([5]);

    // The lock goes with the process that held it: after close, the file opens again.
    first.store.close();
    const third = openHistory({ file, now: () => T });
    expect(third.mode).toBe('saving');
    expect(third.store.series('a', 0, T + 1, TIERS.raw).map((p) => p.viewers)).toEqual([5]);
    third.store.close();
  });

  it('a damaged file is moved aside with the time in its name, a new one starts, and the files beside it are untouched', () => {
    const dir = tempDir();
    const file = join(dir, 'history.sqlite');
    writeFileSync(file, 'this is not a database, it is what a bad disk left behind'.repeat(200));
    writeFileSync(join(dir, 'settings.json'), '{"version":2}');
    const opened = openHistory({ file, now: () => Date.parse('2026-12-05T07:38:00.123Z') });
    expect(opened.mode).toBe('saving');
    expect(opened.notice).toBe(
      'The history file was damaged; it was moved aside as history.sqlite.damaged-2026-12-05T07-38-00-123Z and a new one was started. Settings and saved credentials are untouched.',
    );
    opened.store.write(reading(T, 9));
    expect(opened.store.series('a', 0, T, TIERS.raw)).toHaveLength(1);
    opened.store.close();
    expect(readdirSync(dir).sort()).toEqual([
      'history.sqlite',
      'history.sqlite.damaged-2026-12-05T07-38-00-123Z',
      'settings.json',
    ]);
    expect(readFileSync(join(dir, 'history.sqlite.damaged-2026-12-05T07-38-00-123Z'), 'utf8')).toMatch(
      /^this is not a database/,
    );
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe('{"version":2}');
  });

  it('a file written by a newer Streamwatch is left alone and the run keeps history in memory', () => {
    const file = join(tempDir(), 'history.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    const opened = openHistory({ file, now: () => T });
    expect(opened.mode).toBe('failed');
    expect(opened.problem).toMatch(
      /history is not being saved: .*history\.sqlite cannot be used: it was written by a newer Streamwatch \(history version 99, this one knows 1\)\./,
    );
    expect(existsSync(`${file}.damaged`)).toBe(false);
  });

  it('a folder that cannot be written: history in memory, and the reason in words', () => {
    const dir = tempDir();
    // A file where the folder should be fails for every user, root included.
    writeFileSync(join(dir, 'data'), 'not a folder');
    const opened = openHistory({ file: join(dir, 'data', 'history.sqlite'), now: () => T });
    expect(opened.mode).toBe('failed');
    expect(opened.problem).toMatch(
      /^history is not being saved: .*data\/history\.sqlite cannot be written \(a read-only folder or file, or no permission\)\.$/,
    );
    opened.store.write(reading(T, 1));
    expect(opened.store.series('a', 0, T, TIERS.raw)).toHaveLength(1);
  });

  it.runIf(process.getuid?.() !== 0)(
    'a read-only folder (permissions; root ignores them, so this runs as a normal user only)',
    () => {
      const dir = tempDir();
      chmodSync(dir, 0o555);
      const opened = openHistory({ file: join(dir, 'history.sqlite'), now: () => T });
      expect(opened.problem).toMatch(/cannot be written \(a read-only folder or file, or no permission\)\.$/);
    },
  );

  it('a full disk: the write fails with SQLITE_FULL, what was written before stays readable', () => {
    const file = join(tempDir(), 'history.sqlite');
    // A page cap stands in for a full disk: SQLite answers exactly as it does when the disk is full.
    const opened = openHistory({ file, now: () => T, maxPageCount: 40 });
    expect(opened.mode).toBe('saving');
    let failure: unknown = null;
    let written = 0;
    for (let i = 0; i < 100_000 && failure === null; i++) {
      try {
        opened.store.write(reading(T + i * 1_000, i));
        written++;
      } catch (error) {
        failure = error;
      }
    }
    expect((failure as { code?: string }).code).toBe('SQLITE_FULL');
    expect(opened.store.series('a', 0, Number.MAX_SAFE_INTEGER, TIERS.raw)).toHaveLength(written);
    opened.store.close();
    const db = new Database(file);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});

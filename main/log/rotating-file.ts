import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, type LogSink } from './logger';

export interface RotatingFileOptions {
  readonly dir: string;
  /** A file grows to this size before it is rotated. */
  readonly maxBytes?: number;
  /** Older files kept next to the current one (streamwatch.1.log is the newest of them). */
  readonly keep?: number;
  readonly now?: () => number;
}

export const LOG_FILE_NAME = 'streamwatch.log';

/**
 * A log sink that appends to <dir>/streamwatch.log and, once that passes
 * maxBytes, shifts it to streamwatch.1.log (and .1 to .2 …, dropping the
 * oldest), so a monitor that runs for months never fills the disk. Writes are
 * synchronous: the lines around a crash are the ones most worth having.
 * A sink of our own rather than electron-log: the logger already routes every
 * line through one sink, and this is all of what the app needs from a file.
 */
export function rotatingFileSink(options: RotatingFileOptions): LogSink {
  const maxBytes = options.maxBytes ?? 1_000_000;
  const keep = options.keep ?? 3;
  const now = options.now ?? Date.now;
  const file = join(options.dir, LOG_FILE_NAME);
  const numbered = (n: number) => join(options.dir, `streamwatch.${n}.log`);
  mkdirSync(options.dir, { recursive: true });
  let size = sizeOf(file);

  const rotate = (): void => {
    rmSync(numbered(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) moveIfPresent(numbered(n), numbered(n + 1));
    moveIfPresent(file, numbered(1));
    size = 0;
  };

  return (level, message, detail) => {
    const line = `${new Date(now()).toISOString()} ${level} ${message}${detail === undefined ? '' : ` ${describe(detail)}`}\n`;
    try {
      if (size > 0 && size + Buffer.byteLength(line) > maxBytes) rotate();
      appendFileSync(file, line);
      size += Buffer.byteLength(line);
    } catch {
      // A full disk or a removed folder must not take the monitor down; stderr still has the line.
      process.stderr.write(line);
    }
  };
}

/** Every line to both sinks: the file for later, stderr for whoever started the app from a terminal. */
export function teeSink(...sinks: readonly LogSink[]): LogSink {
  return (level, message, detail) => {
    for (const sink of sinks) sink(level, message, detail);
  };
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function moveIfPresent(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch {
    // Not there yet: nothing to shift.
  }
}

import { inspect } from 'node:util';

/**
 * The one way main-side code logs. Lines go to stderr by default (headless keeps
 * stdout for the JSON a script reads); the app can point the sink elsewhere (a
 * rotating file). Callers pass what they know, never a secret.
 */
export type LogLevel = 'info' | 'warn' | 'error';
export type LogSink = (level: LogLevel, message: string, detail?: unknown) => void;

export const stderrSink: LogSink = (level, message, detail) => {
  process.stderr.write(`streamwatch ${level}: ${message}${detail === undefined ? '' : ` ${describe(detail)}`}\n`);
};

let sink: LogSink = stderrSink;

/** Replaces where lines go; returns a function that puts the previous sink back (for tests). */
export function setLogSink(next: LogSink): () => void {
  const previous = sink;
  sink = next;
  return () => {
    sink = previous;
  };
}

export const log = {
  info: (message: string, detail?: unknown): void => sink('info', message, detail),
  warn: (message: string, detail?: unknown): void => sink('warn', message, detail),
  error: (message: string, detail?: unknown): void => sink('error', message, detail),
};

/** An error as its message and stack; anything else as Node prints it, on one line. */
export function describe(detail: unknown): string {
  if (detail instanceof Error) return detail.stack ?? `${detail.name}: ${detail.message}`;
  return typeof detail === 'string' ? detail : inspect(detail, { breakLength: Infinity, depth: 4 });
}

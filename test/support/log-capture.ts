import { setLogSink, type LogLevel } from '../../main/log/logger';

export interface LoggedLine {
  readonly level: LogLevel;
  readonly message: string;
  readonly detail: unknown;
}

/** Collects what the code logs instead of printing it; `restore()` puts the real sink back. */
export function captureLog(): { readonly lines: LoggedLine[]; restore(): void } {
  const lines: LoggedLine[] = [];
  const restore = setLogSink((level, message, detail) => lines.push({ level, message, detail }));
  return { lines, restore };
}

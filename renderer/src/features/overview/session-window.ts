import {
  combineFigures,
  inWindow,
  sessionFigures,
  sessionTime,
  type CountedFigures,
  type SessionFigures,
} from '@shared/figures/session-figures';
import type { SessionRow } from '@shared/model/state';

/**
 * A source's sessions of the quality window and the tile figures over them,
 * and the all-sources figures combined from every source's.
 */
export const RECENT_SESSIONS_MS = 5 * 60_000;
/** Quality figures need more sessions than five minutes give on a quiet account. */
export const QUALITY_WINDOW_MS = 60 * 60_000;

export interface SessionStats {
  /** Sessions that started in the last five minutes. */
  readonly recent: number;
  /** Sessions in the quality window. */
  readonly inWindow: number;
  /** Null where no session in the window says whether it failed (api.video, Zoom). */
  readonly failedShare: number | null;
  readonly failedOf: number;
  readonly medianStartupMs: number | null;
  /** Defined with the other session figures, in shared/figures/session-figures.ts. */
  readonly rebufferingShare: number | null;
}

/** The sessions of the quality window, and how many of them started in the last five minutes. */
export interface SessionWindow {
  readonly rows: readonly SessionRow[];
  readonly recent: number;
  /** The figures over `rows`, counted once: the all-sources figures combine them. */
  readonly figures: CountedFigures;
}

export function sessionWindow(rows: readonly SessionRow[], now: number): SessionWindow {
  let recent = 0;
  // The bounds once, not per row: a timestamp computed in the loop is a new heap number per call.
  const from = now - QUALITY_WINDOW_MS;
  const recentFrom = now - RECENT_SESSIONS_MS;
  const rowsInWindow = rows.filter((row) => {
    if (!inWindow(row, from, now)) return false;
    if (sessionTime(row)! >= recentFrom) recent++;
    return true;
  });
  return { rows: rowsInWindow, recent, figures: sessionFigures(rowsInWindow) };
}

export function windowStats({ rows, recent, figures }: SessionWindow): SessionStats {
  return statsOf(figures, rows.length, recent);
}

function statsOf(figures: SessionFigures, inWindow: number, recent: number): SessionStats {
  return {
    recent,
    inWindow,
    failedShare: figures.failedShare,
    failedOf: figures.judged,
    medianStartupMs: figures.medianStartupMs,
    rebufferingShare: figures.rebufferingShare,
  };
}

export function sessionStats(rows: readonly SessionRow[], now: number): SessionStats {
  return windowStats(sessionWindow(rows, now));
}

/** The all-sources figures, combined from every source's own: the hour's sessions are not counted again. */
export function combinedStats(windows: readonly SessionWindow[]): SessionStats {
  return statsOf(
    combineFigures(windows.map((w) => w.figures)),
    windows.reduce((sum, w) => sum + w.rows.length, 0),
    windows.reduce((sum, w) => sum + w.recent, 0),
  );
}

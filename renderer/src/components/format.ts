/** Formatting shared by every view, so the same number reads the same everywhere. */

const countFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const timeFormat = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

export const DASH = '—';

export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? DASH : countFormat.format(value);
}

/** "14:03:10" in local time. */
export function formatClock(at: number | null | undefined): string {
  return at === null || at === undefined ? DASH : timeFormat.format(at);
}

export function formatDateTime(at: number | null | undefined): string {
  return at === null || at === undefined ? DASH : dateTimeFormat.format(at);
}

/**
 * Durations as an operator reads them: "850 ms", "2.4 s", "3 min 05 s", "1 h 02 min".
 * Rounded once, before the unit is chosen, so 59.6 s reads "1 min 00 s" as 60 s does, never "60 s".
 */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return DASH;
  if (Math.round(ms) < 1_000) return `${Math.round(ms)} ms`;
  const tenths = Math.round(ms / 100);
  if (tenths < 100) return `${(tenths / 10).toFixed(1)} s`;
  const totalSeconds = Math.round(ms / 1_000);
  if (totalSeconds < 60) return `${totalSeconds} s`;
  if (totalSeconds < 3_600) {
    return `${Math.floor(totalSeconds / 60)} min ${String(totalSeconds % 60).padStart(2, '0')} s`;
  }
  const totalMinutes = Math.round(totalSeconds / 60);
  return `${Math.floor(totalMinutes / 60)} h ${String(totalMinutes % 60).padStart(2, '0')} min`;
}

const dayTimeFormat = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** "14:03:10" for today (local), "Dec 3, 14:03" for another day: a time alone would hide the day. */
export function formatStarted(at: number | null | undefined, now: number): string {
  if (at === null || at === undefined) return DASH;
  return new Date(at).toDateString() === new Date(now).toDateString()
    ? timeFormat.format(at)
    : dayTimeFormat.format(at);
}

/** "12 s ago", "3 min ago", "2 h ago"; small negative ages (clock skew) read as "just now". */
export function formatAge(ms: number): string {
  if (ms < 1_500) return 'just now';
  const seconds = Math.round(ms / 1_000);
  if (seconds < 90) return `${seconds} s ago`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

export function formatPercent(share: number | null | undefined, digits = 1): string {
  return share === null || share === undefined ? DASH : `${(share * 100).toFixed(digits)} %`;
}

/** Media positions, "1:05" or "1:02:05". */
export function formatPosition(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return DASH;
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

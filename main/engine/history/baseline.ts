import { median } from '@shared/figures/session-figures';
import { TIERS } from '@shared/model/history';
import type { HistoryStore } from './port';

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;
/** How many past weeks a baseline looks at, and how many it needs before it says anything. */
export const BASELINE_WEEKS = 8;
export const BASELINE_MIN_WEEKS = 3;

export interface Baseline {
  /** The usual figure at this hour of the week: the median of the same hour in past weeks; null until enough weeks. */
  readonly usual: number | null;
  /** How many of the past weeks have a reading at this hour. */
  readonly weeks: number;
}

/**
 * The hour-of-week baseline: the hourly averages of the same hour (same
 * weekday, same UTC hour) in each of the last eight weeks, and their median.
 * A median, because one week with an outage or a big event must not move
 * "usual". Silent (null) until three weeks have a reading at that hour.
 */
export function hourOfWeekBaseline(store: HistoryStore, sourceId: string, now: number): Baseline {
  const values: number[] = [];
  for (let week = 1; week <= BASELINE_WEEKS; week++) {
    const bucket = Math.floor((now - week * WEEK) / HOUR) * HOUR;
    const row = store.series(sourceId, bucket, bucket, TIERS.hourly)[0];
    if (row && row.at === bucket) values.push(row.viewers);
  }
  return { usual: values.length >= BASELINE_MIN_WEEKS ? median(values) : null, weeks: values.length };
}

/** Baselines of every source, worked out once an hour (they only change when the hour does). */
export function baselineCache(storeOf: (sourceId: string) => HistoryStore) {
  const held = new Map<string, { hour: number; baseline: Baseline }>();
  return (sourceIds: readonly string[], now: number): Record<string, Baseline> => {
    const hour = Math.floor(now / HOUR);
    const out: Record<string, Baseline> = {};
    for (const id of sourceIds) {
      let entry = held.get(id);
      if (entry?.hour !== hour) {
        entry = { hour, baseline: hourOfWeekBaseline(storeOf(id), id, now) };
        held.set(id, entry);
      }
      out[id] = entry.baseline;
    }
    return out;
  };
}

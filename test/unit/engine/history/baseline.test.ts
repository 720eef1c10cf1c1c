import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { baselineCache, hourOfWeekBaseline } from '../../../../main/engine/history/baseline';
import { migrate } from '../../../../main/history/migrations';
import { sqliteHistory } from '../../../../main/history/sqlite-store';

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;
// A Tuesday, 20:30 UTC.
const NOW = Date.parse('2026-12-08T20:30:00Z');

let db: Database.Database;
afterEach(() => db?.close());
function storeWithWeeks(values: readonly (number | null)[]) {
  db = new Database(':memory:');
  migrate(db);
  const store = sqliteHistory(db, null);
  values.forEach((viewers, index) => {
    if (viewers === null) return;
    // Week index+1 ago, inside the same hour (20:00–21:00 UTC on a Tuesday).
    const at = NOW - (index + 1) * WEEK - 10 * 60_000;
    store.write({ points: [{ sourceId: 'a', points: [{ at, viewers }] }], sessions: [], health: [], incidents: [] });
  });
  return store;
}

describe('hour-of-week baseline', () => {
  it('is the median of the same hour in past weeks, so one odd week does not move it', () => {
    expect(hourOfWeekBaseline(storeWithWeeks([100, 120, 5000, 110]), 'a', NOW)).toEqual({ usual: 115, weeks: 4 });
  });

  it('stays silent until three weeks have a reading at that hour', () => {
    expect(hourOfWeekBaseline(storeWithWeeks([100, null, 120]), 'a', NOW)).toEqual({ usual: null, weeks: 2 });
    expect(hourOfWeekBaseline(storeWithWeeks([100, null, 120, null, 90]), 'a', NOW)).toEqual({ usual: 100, weeks: 3 });
  });

  it('is worked out once an hour per source', () => {
    const store = storeWithWeeks([100, 120, 110]);
    let reads = 0;
    const counted = {
      ...store,
      series: (...args: Parameters<typeof store.series>) => (reads++, store.series(...args)),
    };
    const baselines = baselineCache(() => counted);
    expect(baselines(['a'], NOW).a).toEqual({ usual: 110, weeks: 3 });
    baselines(['a'], NOW + 20 * 60_000);
    expect(reads).toBe(8);
    baselines(['a'], NOW + HOUR);
    expect(reads).toBe(16);
  });
});

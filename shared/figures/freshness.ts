/**
 * One freshness rule for every place that shows or judges a number: chips, chart
 * lines, tiles, the wall board and the alert rules.
 *
 * A source is fresh while its last good poll is recent (within twice its poll
 * interval). Its newest reading may lag behind that poll by the platform's own
 * reporting delay, which the provider declares: NAVER counts viewers per finished
 * minute, so its newest point is one to two minutes old right after a good poll,
 * and that is not stale.
 */
export const STALE_AFTER_INTERVALS = 2;

export interface FreshnessFacts {
  /** Epoch ms of the last successful poll. */
  readonly lastOkAt: number | null;
  /** The viewers endpoint's poll interval. */
  readonly intervalMs: number;
  /** How far behind the poll the platform's newest reading normally is. */
  readonly reportingDelayMs: number;
}

/** The last good poll is older than twice the interval (or there was none). */
export function isPollStale(source: FreshnessFacts, now: number): boolean {
  return source.lastOkAt === null || now - source.lastOkAt > STALE_AFTER_INTERVALS * source.intervalMs;
}

/**
 * A reading (the newest of a line, the number on a tile) is stale when the poll is,
 * or when it is older than the platform's reporting delay allows: the API answers,
 * but its numbers stopped moving.
 */
export function isReadingStale(source: FreshnessFacts, readingAt: number | null, now: number): boolean {
  if (isPollStale(source, now) || readingAt === null) return true;
  return now - readingAt > source.reportingDelayMs + STALE_AFTER_INTERVALS * source.intervalMs;
}

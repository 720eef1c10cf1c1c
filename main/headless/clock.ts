import type { Clock } from '../engine/types';
import { systemClock } from '../engine/system-clock';

/**
 * Test-only: STREAMWATCH_CLOCK_START=<ISO time> starts this headless run's
 * clock (engine, alerts and demo simulators alike) at that moment, and lets
 * it run at the real pace from there. It exists so the suites can run at a
 * time of day they choose (just after 00:00 UTC, say) instead of whenever
 * CI happens to run. Timers still wait real milliseconds.
 */
export const CLOCK_START_ENV = 'STREAMWATCH_CLOCK_START';

export function headlessClock(
  env: NodeJS.ProcessEnv = process.env,
  real: () => number = Date.now,
): { clock: Clock; note: string | null } | { error: string } {
  const text = env[CLOCK_START_ENV];
  if (text === undefined || text === '') return { clock: systemClock, note: null };
  const start = Date.parse(text);
  if (!/^\d{4}-\d\d-\d\dT/.test(text) || !Number.isFinite(start)) {
    return {
      error: `${CLOCK_START_ENV} must be an ISO 8601 time such as 2026-01-01T00:05:00Z, got ${JSON.stringify(text)}.`,
    };
  }
  const offset = start - real();
  return {
    clock: { ...systemClock, now: () => real() + offset },
    note: `TEST CLOCK: ${CLOCK_START_ENV} set, this run's clock starts at ${new Date(start).toISOString()}.`,
  };
}

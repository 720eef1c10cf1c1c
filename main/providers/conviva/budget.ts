import { perMinute, type BudgetPolicy, type LimitSettings } from '../request-budget';

/**
 * 3,000 requests per 5 minutes per IP (600/min) and 400 concurrent requests a minute
 * per account for historical and session calls → 100/min (1/6 and 1/4 of those), with
 * at most 2 at once.
 */
export const CONVIVA_BUDGET: LimitSettings = { maxConcurrent: 2, minTimeMs: perMinute(100) };

export function convivaBudget(): BudgetPolicy {
  return { account: CONVIVA_BUDGET, lane: () => null };
}

import type { BudgetPolicy, LimitSettings } from '../request-budget';

/**
 * NAVER documents no request limit. One request at a time per endpoint, so two
 * sources on one Company ID never hit the same endpoint at once; currentViewers
 * changes once a minute anyway.
 */
export const NAVER_BUDGET = {
  lane: { maxConcurrent: 1, minTimeMs: 0 },
  account: { maxConcurrent: null, minTimeMs: 0 },
} as const satisfies Record<string, LimitSettings>;

export function naverBudget(): BudgetPolicy {
  return {
    account: NAVER_BUDGET.account,
    // Every session detail shares one lane, not one lane per uuid.
    lane: (url) => ({
      key: url.pathname.replace(/\/sessionRecent\/[^/]+$/, '/sessionRecent/{uuid}'),
      limits: NAVER_BUDGET.lane,
    }),
  };
}

import { hostOf, perMinute, type BudgetPolicy, type LimitSettings } from '../request-budget';

export const API_VIDEO_BUDGET = {
  // Reads: 500/min in production → 250/min, one start every 240 ms.
  production: { maxConcurrent: 4, minTimeMs: perMinute(250) },
  // Reads: 100/min in the sandbox → 50/min, one start every 1.2 s.
  sandbox: { maxConcurrent: 2, minTimeMs: perMinute(50) },
} as const satisfies Record<string, LimitSettings>;

export function apiVideoBudget(baseUrl: string): BudgetPolicy {
  return {
    account: hostOf(baseUrl).startsWith('sandbox.') ? API_VIDEO_BUDGET.sandbox : API_VIDEO_BUDGET.production,
    lane: () => null,
  };
}

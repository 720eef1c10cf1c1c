import { perMinute, type BudgetPolicy } from '../../../main/providers/request-budget';

/** The made-up platform allows 20 requests a minute; we ask for at most half. */
export const EXAMPLE_BUDGET = { maxConcurrent: 1, minTimeMs: perMinute(10) };

export const exampleBudget = (): BudgetPolicy => ({ account: EXAMPLE_BUDGET, lane: () => null });

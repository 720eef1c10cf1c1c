import { perMinute, type BudgetPolicy, type LimitSettings } from '../request-budget';

export const ZOOM_BUDGET = {
  // Zoom's per-second limits for lighter calls are far above what a monitor needs;
  // 2 at once and 10/s keeps drill-downs polite.
  account: { maxConcurrent: 2, minTimeMs: 100 },
  // Listing sessions is "Resource-intensive": 10/min on Pro → 5/min, one every 12 s
  // (7,200/day, under half of the 30,000 daily cap shared with Heavy calls).
  listingPro: { maxConcurrent: 1, minTimeMs: perMinute(5) },
  // 20/min on Business and above → 10/min, one every 6 s.
  listingBusiness: { maxConcurrent: 1, minTimeMs: perMinute(10) },
} as const satisfies Record<string, LimitSettings>;

/** Zoom plans whose resource-intensive limit is 20/min rather than 10/min. */
const BUSINESS_PLANS = new Set(['business', 'business-plus', 'enterprise', 'education']);

/** Only session listing counts as resource-intensive; drill-downs into users and QoS do not. */
export function isZoomListing(url: URL): boolean {
  return url.pathname.includes('/videosdk/sessions') && !url.pathname.includes('/users');
}

export function zoomBudget(plan: string | undefined): BudgetPolicy {
  const listing =
    plan !== undefined && BUSINESS_PLANS.has(plan.toLowerCase()) ? ZOOM_BUDGET.listingBusiness : ZOOM_BUDGET.listingPro;
  return {
    account: ZOOM_BUDGET.account,
    lane: (url) => (isZoomListing(url) ? { key: 'resource-intensive', limits: listing } : null),
  };
}

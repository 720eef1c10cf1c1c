import type { ProviderKind } from '@shared/model/source';

/** One limiter's settings, in bottleneck's terms. */
export interface LimitSettings {
  /** Requests at once; null for no limit. */
  readonly maxConcurrent: number | null;
  /** Least time between the starts of two requests, which bounds the rate. */
  readonly minTimeMs: number;
}

/** A narrower limit some requests count against on top of the account's. */
export interface Lane {
  readonly key: string;
  readonly limits: LimitSettings;
}

export interface BudgetPolicy {
  readonly account: LimitSettings;
  /** The lane a request belongs to, or null when only the account limit applies. */
  lane(url: URL): Lane | null;
}

const MINUTE = 60_000;
/**
 * Spacing that allows at most `count` request starts in any minute. The extra
 * 1% absorbs timer lag, which could otherwise squeeze request count+1 into
 * the last millisecond of a minute.
 */
const perMinute = (count: number) => Math.ceil((MINUTE / count) * 1.01);

/**
 * Every request budget in one table, each at or under half of what the
 * platform documents (../shared/docs/providers.md), so a second app on the
 * same account, a manual refresh or a retry never pushes us over.
 */
export const BUDGETS = {
  // No documented limit. One request at a time per endpoint, so two sources on one
  // Company ID never hit the same endpoint at once; currentViewers changes once a minute anyway.
  naverLane: { maxConcurrent: 1, minTimeMs: 0 },
  naverAccount: { maxConcurrent: null, minTimeMs: 0 },
  // Reads: 500/min production → 250/min = one start every 240 ms.
  apiVideoProduction: { maxConcurrent: 4, minTimeMs: perMinute(250) },
  // Reads: 100/min sandbox → 50/min = one start every 1.2 s.
  apiVideoSandbox: { maxConcurrent: 2, minTimeMs: perMinute(50) },
  // 3000 per 5 min per IP (600/min) and 400 concurrent requests/min per account for
  // historical + sessions → 100/min (1/6 and 1/4 of those) with at most 2 at once.
  conviva: { maxConcurrent: 2, minTimeMs: perMinute(100) },
  // Zoom documents per-second limits for lighter calls that are far above what a monitor
  // needs; 2 at once and 10/s keeps drill-downs polite.
  zoomAccount: { maxConcurrent: 2, minTimeMs: 100 },
  // Listing sessions is "Resource-intensive": 10/min on Pro → 5/min = one every 12 s
  // (7,200/day, under half of the 30k daily cap shared with Heavy calls).
  zoomListingPro: { maxConcurrent: 1, minTimeMs: perMinute(5) },
  // 20/min on Business and above → 10/min = one every 6 s.
  zoomListingBusiness: { maxConcurrent: 1, minTimeMs: perMinute(10) },
} as const satisfies Record<string, LimitSettings>;

/** Zoom plans whose resource-intensive limit is 20/min rather than 10/min. */
const ZOOM_BUSINESS_PLANS = new Set(['business', 'business-plus', 'enterprise', 'education']);

/** Only session listing counts as resource-intensive; drill-downs into users and QoS do not. */
export function isZoomListing(url: URL): boolean {
  return url.pathname.includes('/videosdk/sessions') && !url.pathname.includes('/users');
}

/**
 * The policy for a source. `options` are the provider's parsed options; the
 * only one read here is Zoom's `plan`, when a provider offers it.
 */
export function budgetPolicyFor(kind: ProviderKind, baseUrl: string, options: unknown = {}): BudgetPolicy {
  switch (kind) {
    case 'naver-vpe':
      return {
        account: BUDGETS.naverAccount,
        // Every session detail shares one lane, not one lane per uuid.
        lane: (url) => ({
          key: url.pathname.replace(/\/sessionRecent\/[^/]+$/, '/sessionRecent/{uuid}'),
          limits: BUDGETS.naverLane,
        }),
      };
    case 'api-video':
      return {
        account: hostOf(baseUrl).startsWith('sandbox.') ? BUDGETS.apiVideoSandbox : BUDGETS.apiVideoProduction,
        lane: () => null,
      };
    case 'conviva':
      return { account: BUDGETS.conviva, lane: () => null };
    case 'zoom-video-sdk': {
      const plan = (options as { plan?: unknown } | null)?.plan;
      const listing =
        typeof plan === 'string' && ZOOM_BUSINESS_PLANS.has(plan.toLowerCase())
          ? BUDGETS.zoomListingBusiness
          : BUDGETS.zoomListingPro;
      return {
        account: BUDGETS.zoomAccount,
        lane: (url) => (isZoomListing(url) ? { key: 'resource-intensive', limits: listing } : null),
      };
    }
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

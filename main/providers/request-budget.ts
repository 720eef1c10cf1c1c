/**
 * How fast a platform account may be asked. Each provider declares its own policy
 * (its `requestBudget`), at or under half of what the platform documents, so a
 * second app on the same account, a manual refresh or a retry never pushes it over.
 * The engine enforces the policies (engine/budget.ts) without knowing any platform.
 */

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
export const perMinute = (count: number): number => Math.ceil((MINUTE / count) * 1.01);

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

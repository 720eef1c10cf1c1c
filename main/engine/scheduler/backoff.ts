import type { SourceError } from '@shared/model/errors';

/** When a chain polls next, decided from how the last poll ended. */
export type NextPoll =
  /** The usual case: after a delay (the interval with skew, or a backoff). */
  | { readonly kind: 'after'; readonly ms: number }
  /** The platform said when to come back (Retry-After, a daily limit's reset date). */
  | { readonly kind: 'until'; readonly at: number; readonly daily: boolean }
  /** Credentials were refused: retrying a wrong key only burns the budget. */
  | { readonly kind: 'halt' };

export interface BackoffPolicy {
  /** Upper bound of a backoff before jitter. */
  readonly capMs: number;
  /** Backoff delays vary by ± this share, so failing clients do not retry in step. */
  readonly jitter: number;
  /** Regular polls wait the interval plus up to this share of it. */
  readonly skew: number;
  /** A 429 without a Retry-After still waits at least this long (Conviva: "wait over a minute"). */
  readonly rateLimitedMinMs: number;
  /** A Retry-After is honoured plus up to this much, so clients told the same time do not return together. */
  readonly retrySpreadMs: number;
  /**
   * The longest wait a platform can impose. Daily limits reset within a day;
   * a date further off is a bug on one side or the other, and (past 24.8 days)
   * would overflow setTimeout into an immediate retry loop.
   */
  readonly longestWaitMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  capMs: 15 * 60_000,
  jitter: 0.2,
  skew: 0.1,
  rateLimitedMinMs: 60_000,
  retrySpreadMs: 1_000,
  longestWaitMs: 25 * 60 * 60_000,
};

/**
 * The interval is a floor, never shortened by the skew: platforms update at
 * their own cadence (NAVER once a minute) and the budgets assume it.
 */
export function successDelay(intervalMs: number, random: () => number, policy = DEFAULT_BACKOFF): number {
  return Math.round(intervalMs * (1 + policy.skew * random()));
}

/**
 * Capped exponential backoff: the first failure waits about one interval (a
 * single blip costs nothing extra), each further one doubles it, up to the
 * cap, then ± jitter around that value.
 */
export function failureDelay(
  intervalMs: number,
  failures: number,
  random: () => number,
  policy = DEFAULT_BACKOFF,
): number {
  const exponent = Math.max(0, failures - 1);
  const base = Math.min(policy.capMs, intervalMs * 2 ** Math.min(exponent, 30));
  return Math.round(base * (1 - policy.jitter + 2 * policy.jitter * random()));
}

/** `failures` counts consecutive failures including this one (0 after a success). */
export function decideNext(
  error: SourceError | null,
  failures: number,
  intervalMs: number,
  now: number,
  random: () => number,
  policy = DEFAULT_BACKOFF,
): NextPoll {
  if (error === null) return { kind: 'after', ms: successDelay(intervalMs, random, policy) };
  if (error.kind === 'auth') return { kind: 'halt' };
  if (error.retryAt !== undefined && error.retryAt > now) {
    const at = Math.min(error.retryAt, now + policy.longestWaitMs) + policy.retrySpreadMs * random();
    return { kind: 'until', at: Math.round(at), daily: error.daily === true };
  }
  const backoff = failureDelay(intervalMs, failures, random, policy);
  if (error.kind === 'rate-limited') return { kind: 'after', ms: Math.max(backoff, policy.rateLimitedMinMs) };
  return { kind: 'after', ms: backoff };
}

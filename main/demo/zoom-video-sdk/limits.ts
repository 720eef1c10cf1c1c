import { DAY, incidentActive, MINUTE, type Scenario } from '../scenario';
import type { SimResponse } from '../sim-server';
import { iso } from './users';

/**
 * Zoom's limits for one account, as the simulator models them:
 * - "Resource-intensive" calls (listing sessions): 10 a minute on Pro, 20 on
 *   Business+, over a sliding minute;
 * - a daily cap over Resource-intensive and "Heavy" calls together (30k / 60k),
 *   reset at 00:00 UTC, answered with `Retry-After` as an ISO date-time;
 * - per-second (QPS) 429s, switched on by hand or by a rate-limit-storm incident.
 * Only calls that were served count; refused ones do not.
 *
 * Assumed (Zoom does not document them for these endpoints): the success headers say
 * the daily budget (Type "Daily-limit", Limit, Remaining), and the per-minute
 * refusal is a QPS-type 429 with Retry-After in seconds.
 */

export type SimPlan = 'pro' | 'business';
export type Category = 'Resource-intensive' | 'Heavy';
export type ForcedThrottle = 'qps' | 'daily' | null;

export interface Limits {
  /** A 429 to answer instead of serving, or null; counts the call when it is served. */
  admit(category: Category, now: number): SimResponse | null;
  /** X-RateLimit-* headers for a served call (empty when switched off). */
  headers(category: Category, now: number): Record<string, string>;
  force(mode: ForcedThrottle): void;
  showHeaders(on: boolean): void;
}

export function createLimits(scenario: Scenario, plan: SimPlan, dailyCap?: number): Limits {
  const perMinute = plan === 'business' ? 20 : 10;
  const daily = dailyCap ?? (plan === 'business' ? 60_000 : 30_000);
  const recent: number[] = [];
  let day = -1;
  let usedToday = 0;
  let forced: ForcedThrottle = null;
  let withHeaders = true;

  function rollDay(now: number): void {
    const today = Math.floor(now / DAY);
    if (today !== day) {
      day = today;
      usedToday = 0;
    }
  }

  return {
    admit(category, now) {
      rollDay(now);
      if (forced === 'daily' || usedToday >= daily) return dailyLimit(category, daily, now);
      if (forced === 'qps' || incidentActive(scenario, 'rate-limit-storm', now)) return qps(category, null, perMinute);
      if (category === 'Resource-intensive') {
        while (recent.length > 0 && (recent[0] ?? 0) <= now - MINUTE) recent.shift();
        if (recent.length >= perMinute) {
          const waitS = Math.max(1, Math.ceil(((recent[0] ?? now) + MINUTE - now) / 1000));
          return qps(category, waitS, perMinute);
        }
        recent.push(now);
      }
      usedToday += 1;
      return null;
    },
    headers(category, now): Record<string, string> {
      rollDay(now);
      if (!withHeaders) return {};
      return {
        'x-ratelimit-category': category,
        'x-ratelimit-type': 'Daily-limit',
        'x-ratelimit-limit': String(daily),
        'x-ratelimit-remaining': String(Math.max(0, daily - usedToday)),
      };
    },
    force(mode) {
      forced = mode;
    },
    showHeaders(on) {
      withHeaders = on;
    },
  };
}

function qps(category: Category, retryAfterS: number | null, perMinute: number): SimResponse {
  return {
    status: 429,
    headers: {
      'x-ratelimit-category': category,
      'x-ratelimit-type': 'QPS',
      ...(retryAfterS === null ? {} : { 'retry-after': String(retryAfterS), 'x-ratelimit-limit': String(perMinute) }),
    },
    body: { code: 429, message: 'You have reached the maximum per-second rate limit for this API. Try again later.' },
  };
}

function dailyLimit(category: Category, daily: number, now: number): SimResponse {
  return {
    status: 429,
    headers: {
      'x-ratelimit-category': category,
      'x-ratelimit-type': 'Daily-limit',
      'x-ratelimit-limit': String(daily),
      'x-ratelimit-remaining': '0',
      // Not seconds: Zoom sends the moment the daily window reopens.
      'retry-after': iso((Math.floor(now / DAY) + 1) * DAY),
    },
    body: {
      code: 429,
      message:
        'You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.',
    },
  };
}

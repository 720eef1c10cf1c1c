import { z } from 'zod';

export const ZoomOptionsSchema = z.object({
  /** Decides the account's Resource-intensive budget: 10 listings a minute on Pro, 20 on Business and above. */
  plan: z.enum(['pro', 'business']).default('pro'),
  /**
   * How many days back the past listing reaches. At most 28: Zoom allows
   * `from`/`to` at most "one month" apart without saying whose month, and 28
   * days is within one month under any reading (February included).
   */
  pastDays: z.coerce.number().int().min(1).max(28).default(1),
  /** Zoom allows up to 300 (default 30); bigger pages mean fewer calls against the per-minute budget. */
  pageSize: z.coerce.number().int().min(1).max(300).default(300),
});
export type ZoomOptions = z.infer<typeof ZoomOptionsSchema>;
export type ZoomPlan = ZoomOptions['plan'];

/**
 * Listing sessions is "Resource-intensive" and the budget is shared by every
 * app on the Zoom account, so we take about a tenth of it:
 * - live: Pro allows 10 listings/min → one every 60 s is 1/min = 10 %;
 *   Business allows 20/min → one every 30 s is 2/min = 10 %.
 * - past: one listing every 10 min = 0.1/min (1 % of Pro), plus one call per
 *   extra page of 300 sessions, never more than 2 (Pro) or 4 (Business) in one poll.
 * Worst case on Pro: 1 live + 2 past = 3 of 10 in one minute, 1.2 per minute on
 * average, leaving ~88 % to the account's other apps. The daily cap (30k Pro / 60k Business, shared with
 * "Heavy" calls) sees 1,440 + 144 = 1,584 calls a day on Pro, about 5 %.
 */
export function liveIntervalMs(plan: ZoomPlan): number {
  return plan === 'business' ? 30_000 : 60_000;
}

export const PAST_INTERVAL_MS = 10 * 60_000;

/**
 * A long past listing (a month of busy sessions is a dozen pages of 300) would
 * burst through the per-minute budget, so one poll reads at most 2 pages on Pro
 * (4 on Business+) and the next poll continues from the saved token: 10 minutes
 * later, inside the token's 15-minute life.
 */
export function pastPagesPerPoll(plan: ZoomPlan): number {
  return plan === 'business' ? 4 : 2;
}

/** A saved token older than this is not worth trying: Zoom forgets it at 15 minutes. */
export const CURSOR_MAX_AGE_MS = 14 * 60_000;

const DAY_MS = 24 * 60 * 60_000;

/** `yyyy-mm-dd` in UTC. */
export function utcDate(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** The past listing's dates: `pastDays` back to today (UTC), always within Zoom's one-month, six-month rules. */
export function pastWindow(now: number, pastDays: number): { from: string; to: string } {
  const days = Math.min(28, Math.max(1, Math.floor(pastDays)));
  return { from: utcDate(now - days * DAY_MS), to: utcDate(now) };
}

import { z } from 'zod';

/**
 * How a desktop (or a headless client) following a team collector is linked
 * to it. Pushed to the page so it can say, in a banner, since when the
 * collector is unreachable and when the next try is.
 */
export const CollectorStatusSchema = z
  .object({
    state: z.enum(['connecting', 'open', 'closed']),
    /** When the collector was last reachable before the current outage; null while connected. */
    unreachableSince: z.number().nullable(),
    nextRetryAt: z.number().nullable(),
  })
  .strict();
export type CollectorStatus = z.infer<typeof CollectorStatusSchema>;

/** The banner's sentence, e.g. "Team collector unreachable since 14:02 — reconnecting, next try in 8 s." */
export function unreachableSentence(
  status: CollectorStatus,
  now: number,
  formatTime: (at: number) => string,
  fallbackRunning = false,
): string | null {
  if (status.state === 'open' || status.unreachableSince === null) return null;
  const since = `Team collector unreachable since ${formatTime(status.unreachableSince)}`;
  const retry =
    status.nextRetryAt === null || status.nextRetryAt <= now
      ? 'reconnecting now'
      : `reconnecting, next try in ${Math.ceil((status.nextRetryAt - now) / 1000)} s`;
  return `${since} — ${retry}${fallbackRunning ? '; polling locally meanwhile' : ''}.`;
}

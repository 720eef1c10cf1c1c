import type { CollectorStatus } from './collector-status';

/* Apart from collector-status.ts so the page's banner does not load zod for one sentence. */

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

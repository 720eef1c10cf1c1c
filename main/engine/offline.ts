import type { SourceError } from '@shared/model/errors';

/** How a source's latest poll went, as far as "is the network there?" goes. */
export type Reach = 'ok' | 'unreachable' | 'failed';

/** A refused connection and a poll that never finished both look like no network. */
export function reachOf(error: SourceError | null): Reach {
  if (error === null) return 'ok';
  return error.kind === 'network' || error.kind === 'timeout' ? 'unreachable' : 'failed';
}

/**
 * Offline means every source that polls could not reach its platform on its
 * latest poll: then the app shows one "offline" notice instead of one error
 * per source. Any answer from any platform (even an HTTP error) proves the
 * network is there and ends it.
 */
export function isOffline(latest: Iterable<Reach | undefined>): boolean {
  let any = false;
  for (const reach of latest) {
    if (reach !== 'unreachable') return false;
    any = true;
  }
  return any;
}

/** How often the first endpoint of each source probes while offline, so polling resumes promptly. */
export const OFFLINE_PROBE_MS = 10_000;

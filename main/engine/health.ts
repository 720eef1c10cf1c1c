import type { SourceError } from '@shared/model/errors';
import type { Health } from '@shared/model/state';
import type { NextPoll } from './scheduler/backoff';

/** How an endpoint's latest poll ended and what the scheduler does next. */
export interface EndpointState {
  readonly error: SourceError | null;
  readonly next: NextPoll;
}

export const AUTH_STOPPED = 'Polling stopped until the credentials change.';

/**
 * A source's health from the latest answer of each of its endpoints
 * (undefined: not answered yet). Refused credentials outrank a daily limit,
 * which outranks any other failure; the first failing endpoint (the viewers
 * one) names the error so the sentence does not flap between endpoints.
 * `since` is kept from the first failure of a run, so "failing for 2 h" is true.
 */
export function healthOf(latest: readonly (EndpointState | undefined)[], previous: Health, now: number): Health {
  const answered = latest.filter((state): state is EndpointState => state !== undefined);
  const since = previous.status === 'error' ? previous.since : now;
  const halted = answered.find((state) => state.next.kind === 'halt' && state.error !== null);
  if (halted?.error)
    return { status: 'error', error: { ...halted.error, message: `${halted.error.message} ${AUTH_STOPPED}` }, since };
  for (const state of answered) {
    if (state.next.kind === 'until' && state.next.daily && state.error !== null) {
      return {
        status: 'paused',
        reason: `${state.error.message} Polling resumes at ${utcMinute(state.next.at)} UTC.`,
        until: state.next.at,
      };
    }
  }
  const failing = answered.find((state) => state.error !== null);
  if (failing?.error) return { status: 'error', error: failing.error, since };
  return answered.length > 0 ? { status: 'ok' } : previous;
}

/** A setup failure (unknown provider, bad option, missing secret), with `since` kept like any failure. */
export function configHealth(error: SourceError, previous: Health, now: number): Health {
  return { status: 'error', error, since: previous.status === 'error' ? previous.since : now };
}

function utcMinute(at: number): string {
  return new Date(at).toISOString().slice(0, 16).replace('T', ' ');
}

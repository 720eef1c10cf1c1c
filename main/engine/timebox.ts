import { sourceError, type SourceError } from '@shared/model/errors';
import { err, type Result } from '@shared/result';
import type { Clock, TimerHandle } from './types';

/** What the requests of one call have been doing, as the budget layer saw them. */
export interface CallActivity {
  /** Requests queued for the request budget, not yet sent. */
  readonly queued: number;
  /** Last time a request of the call was queued, sent or answered (epoch ms). */
  readonly lastAt: number;
}

/** Looks up a call's activity by the AbortSignal its requests carry. */
export type ActivityOf = (signal: AbortSignal) => CallActivity | undefined;

/**
 * Runs one call to a platform with a deadline on the injected clock. It
 * races the call against the deadline and against cancellation, so a
 * provider that ignores its AbortSignal (or a server that accepts and never
 * answers) cannot hold anything up. `controller` is the caller's, so it can
 * cancel (stop, suspend) as well.
 *
 * The deadline counts time without progress, not the whole call: time queued
 * for the request budget is ours, not the platform's (a Zoom poll of three
 * pages waits 36 s for its listing budget by design), and a paged poll whose
 * pages keep arriving is slow, not hung. Each request has its own timeout in
 * http.ts, so progress cannot stall on one request for long.
 */
export async function timeboxed<T>(
  clock: Clock,
  timeoutMs: number,
  label: string,
  controller: AbortController,
  call: (signal: AbortSignal) => Promise<Result<T, SourceError>>,
  activityOf: ActivityOf = () => undefined,
): Promise<Result<T, SourceError>> {
  let handle: TimerHandle | undefined;
  const timedOut = new Promise<Result<T, SourceError>>((resolve) => {
    const expire = () => {
      const activity = activityOf(controller.signal);
      const idle = activity === undefined ? timeoutMs : clock.now() - activity.lastAt;
      if (activity !== undefined && (activity.queued > 0 || idle < timeoutMs)) {
        handle = clock.setTimeout(expire, activity.queued > 0 ? timeoutMs : timeoutMs - idle);
        return;
      }
      resolve(
        err(
          sourceError(
            'timeout',
            `${label} did not answer within ${Math.round(timeoutMs / 1000)} s; the poll was abandoned.`,
          ),
        ),
      );
      controller.abort();
    };
    handle = clock.setTimeout(expire, timeoutMs);
  });
  const cancelled = new Promise<Result<T, SourceError>>((resolve) => {
    const onAbort = () => resolve(err(sourceError('network', `${label}: the request was cancelled.`)));
    if (controller.signal.aborted) onAbort();
    else controller.signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([guarded(label, controller.signal, call), timedOut, cancelled]);
  } finally {
    clock.clearTimeout(handle);
  }
}

async function guarded<T>(
  label: string,
  signal: AbortSignal,
  call: (signal: AbortSignal) => Promise<Result<T, SourceError>>,
): Promise<Result<T, SourceError>> {
  try {
    return await call(signal);
  } catch (cause) {
    // Providers return errors as values, so a throw is a bug; its text may hold request details, so it goes to the log only.
    console.error(`[engine] ${label} threw`, cause);
    return err(sourceError('provider', `${label} failed unexpectedly; the details are in the log.`));
  }
}

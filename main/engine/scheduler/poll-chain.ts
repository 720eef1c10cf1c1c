import type { SourceError } from '@shared/model/errors';
import type { Sample } from '@shared/model/samples';
import type { Result } from '@shared/result';
import type { Endpoint } from '../../providers/provider';
import { timeboxed, type ActivityOf } from '../timebox';
import type { Clock, TimerHandle } from '../types';
import { decideNext, type BackoffPolicy, type NextPoll } from './backoff';

export interface PollAnswer {
  readonly result: Result<Sample, SourceError>;
  readonly next: NextPoll;
  readonly startedAt: number;
  readonly at: number;
}

/** What a chain needs from the scheduler that owns it. */
export interface ChainHost {
  readonly clock: Clock;
  readonly random: () => number;
  readonly timeoutMs: number;
  readonly backoff: BackoffPolicy;
  /** Started and not paused: may the chain set its next timer? */
  running(): boolean;
  /** While offline: the longest a probe chain waits after a network failure. */
  probeMs(): number | null;
  /** Progress of a poll's requests, so the deadline counts idle time only. */
  readonly activityOf?: ActivityOf;
  answered(answer: PollAnswer): void;
}

export interface PollChain {
  readonly endpoint: Endpoint;
  readonly failures: number;
  readonly lastError: SourceError | null;
  readonly halted: boolean;
  /** Polls now and resolves when answered; joins a poll in flight rather than overlapping it. Skips a halted chain or one told to wait. */
  pollNow(): Promise<void>;
  /** Fire-and-forget pollNow, except that a poll in flight is left to bring the fresh answer. */
  refresh(): void;
  /** Sets the timer from the chain's state: a wait the platform asked for is kept, anything else polls now. */
  resume(): void;
  /** Clears the timer; with `abort`, also cancels the poll in flight and ignores its answer. */
  suspend(abort: boolean): void;
  /** Stops for good (source removed, credentials refused). */
  halt(): void;
  /** Offline probing: after a network failure, poll again within `ms`. */
  capWait(ms: number): void;
  /** Resolves when no poll of this chain is running (an aborted one settles at once). */
  idle(): Promise<void>;
}

const unreachable = (error: SourceError | null) => error?.kind === 'network' || error?.kind === 'timeout';

/**
 * One setTimeout chain for one endpoint of one source: the next timer is set
 * only after the answer (so polls never overlap, however slow), and the
 * chain checks after every await that it was not stopped meanwhile.
 */
export function createPollChain(host: ChainHost, endpoint: Endpoint, label: string, probe: boolean): PollChain {
  const { clock } = host;
  let timer: TimerHandle | null = null;
  let timerDueAt = 0;
  let current: Promise<void> | null = null;
  let controller: AbortController | null = null;
  const running = new Set<Promise<void>>();
  // Bumped by every cancel: a poll that finds a different number was cancelled and drops its answer.
  let generation = 0;
  let halted = false;
  let failures = 0;
  let lastError: SourceError | null = null;
  let waitUntil: number | null = null;

  function clearTimer(): void {
    if (timer === null) return;
    clock.clearTimeout(timer);
    timer = null;
  }

  function setTimer(ms: number): void {
    clearTimer();
    if (halted || !host.running()) return;
    const delay = Math.max(0, Math.round(ms));
    timerDueAt = clock.now() + delay;
    timer = clock.setTimeout(() => {
      timer = null;
      void poll();
    }, delay);
  }

  function schedule(next: NextPoll): void {
    switch (next.kind) {
      case 'after': {
        const cap = host.probeMs();
        setTimer(probe && cap !== null && unreachable(lastError) ? Math.min(next.ms, cap) : next.ms);
        return;
      }
      case 'until':
        setTimer(next.at - clock.now());
        return;
      case 'halt':
        return;
    }
  }

  function cancel(): void {
    clearTimer();
    generation += 1;
    controller?.abort();
    controller = null;
    current = null;
  }

  function poll(): Promise<void> {
    if (current !== null) return current;
    if (halted) return Promise.resolve();
    clearTimer();
    const mine = generation;
    const abort = new AbortController();
    controller = abort;
    const startedAt = clock.now();
    const run = (async () => {
      const result = await timeboxed(
        clock,
        host.timeoutMs,
        label,
        abort,
        (signal) => endpoint.poll(signal),
        host.activityOf,
      );
      if (halted || mine !== generation) return;
      failures = result.ok ? 0 : failures + 1;
      lastError = result.ok ? null : result.error;
      const now = clock.now();
      const next = decideNext(lastError, failures, endpoint.intervalMs, now, host.random, host.backoff);
      waitUntil = next.kind === 'until' ? next.at : null;
      if (next.kind === 'halt') halted = true;
      try {
        host.answered({ result, next, startedAt, at: now });
      } catch (cause) {
        // A bug in turning the answer into state must not end the chain: the next poll may well work.
        console.error(`[scheduler] handling the answer of ${label} failed`, cause);
      }
      if (halted || mine !== generation) return;
      schedule(next);
    })();
    const settled: Promise<void> = run.finally(() => {
      running.delete(settled);
      if (current === settled) current = null;
      if (controller === abort) controller = null;
    });
    running.add(settled);
    current = settled;
    return settled;
  }

  const told = () => waitUntil !== null && waitUntil > clock.now();

  return {
    endpoint,
    get failures() {
      return failures;
    },
    get lastError() {
      return lastError;
    },
    get halted() {
      return halted;
    },
    pollNow: () => (halted || (current === null && told()) ? Promise.resolve() : poll()),
    refresh() {
      if (halted || current !== null || told()) return;
      void poll();
    },
    resume() {
      if (halted || current !== null) return;
      if (told()) setTimer(waitUntil! - clock.now());
      else void poll();
    },
    suspend(abort) {
      if (abort) cancel();
      else clearTimer();
    },
    halt() {
      halted = true;
      cancel();
    },
    capWait(ms) {
      if (timer !== null && timerDueAt - clock.now() > ms && unreachable(lastError) && !told()) setTimer(ms);
    },
    idle: async () => {
      await Promise.all([...running]);
    },
  };
}

import type { Endpoint } from '../../providers/provider';
import type { ActivityOf } from '../timebox';
import type { Clock } from '../types';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { createPollChain, type ChainHost, type PollAnswer, type PollChain } from './poll-chain';

/** Why polling is paused; polling runs only when no reason holds. */
/** 'collector': the desktop follows a team collector, which polls for it. */
export type PauseReason = 'user' | 'suspend' | 'lock' | 'collector';

export const DEFAULT_POLL_TIMEOUT_MS = 20_000;

export interface SchedulerOptions {
  readonly clock: Clock;
  readonly random: () => number;
  readonly timeoutMs?: number;
  readonly backoff?: BackoffPolicy;
  /** Progress of a poll's requests (the budget layer knows): a poll is abandoned after `timeoutMs` without any. */
  readonly activityOf?: ActivityOf;
  /** Every answer of every chain, after the chain updated its own state and before it sets its next timer. */
  readonly onAnswer: (sourceId: string, endpointIndex: number, answer: PollAnswer) => void;
}

export interface Scheduler {
  readonly paused: boolean;
  /** Adds (or replaces) a source's chains; they poll at once when the scheduler runs. */
  add(sourceId: string, label: string, endpoints: readonly Endpoint[]): void;
  remove(sourceId: string): void;
  has(sourceId: string): boolean;
  chains(sourceId: string): readonly PollChain[];
  start(): void;
  /** Clears every timer and aborts every poll in flight; resolves when they have settled. */
  stop(): Promise<void>;
  setPaused(reason: PauseReason, paused: boolean): void;
  refresh(sourceId?: string): void;
  /** Every chain once, in parallel (joining polls in flight); resolves when all have answered. */
  pollOnce(): Promise<void>;
  /** Offline: the first endpoint of each source probes at least this often; null ends probing. */
  setProbe(ms: number | null): void;
  /** Polls now every chain that is backing off after a failure (the network came back). */
  retryFailing(): void;
}

/**
 * One timer chain per (source, endpoint). The scheduler owns the shared
 * conditions (started, paused, offline probing); each chain owns its timer,
 * its backoff and its poll in flight.
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const groups = new Map<string, readonly PollChain[]>();
  const pauses = new Set<PauseReason>();
  let started = false;
  let probe: number | null = null;

  const all = () => [...groups.values()].flat();
  const running = () => started && pauses.size === 0;

  function hostFor(sourceId: string, index: number): ChainHost {
    return {
      clock: options.clock,
      random: options.random,
      timeoutMs: options.timeoutMs ?? DEFAULT_POLL_TIMEOUT_MS,
      backoff: options.backoff ?? DEFAULT_BACKOFF,
      running,
      probeMs: () => probe,
      activityOf: options.activityOf,
      answered(answer) {
        // Refused credentials stop the whole source, not just the endpoint that noticed.
        if (answer.next.kind === 'halt') for (const chain of groups.get(sourceId) ?? []) chain.halt();
        options.onAnswer(sourceId, index, answer);
      },
    };
  }

  function remove(sourceId: string): void {
    for (const chain of groups.get(sourceId) ?? []) chain.halt();
    groups.delete(sourceId);
  }

  return {
    get paused() {
      return pauses.size > 0;
    },
    add(sourceId, label, endpoints) {
      remove(sourceId);
      const chains = endpoints.map((endpoint, index) =>
        createPollChain(hostFor(sourceId, index), endpoint, `${label} · ${endpoint.name}`, index === 0),
      );
      groups.set(sourceId, chains);
      if (running()) for (const chain of chains) chain.resume();
    },
    remove,
    has: (sourceId) => groups.has(sourceId),
    chains: (sourceId) => groups.get(sourceId) ?? [],
    start() {
      if (started) return;
      started = true;
      if (running()) for (const chain of all()) chain.resume();
    },
    async stop() {
      started = false;
      const chains = all();
      for (const chain of chains) chain.suspend(true);
      await Promise.all(chains.map((chain) => chain.idle()));
    },
    setPaused(reason, paused) {
      const was = running();
      if (paused) {
        pauses.add(reason);
        // A user pause lets the answer on its way arrive; a sleeping or locked machine cancels it.
        for (const chain of all()) chain.suspend(reason !== 'user');
      } else {
        pauses.delete(reason);
        if (!was && running()) for (const chain of all()) chain.resume();
      }
    },
    refresh(sourceId) {
      const chains = sourceId === undefined ? all() : (groups.get(sourceId) ?? []);
      for (const chain of chains) chain.refresh();
    },
    async pollOnce() {
      await Promise.all(all().map((chain) => chain.pollNow()));
    },
    setProbe(ms) {
      probe = ms;
      if (ms !== null) for (const chains of groups.values()) chains[0]?.capWait(ms);
    },
    retryFailing() {
      for (const chain of all()) if (chain.failures > 0) chain.refresh();
    },
  };
}

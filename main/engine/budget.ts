import Bottleneck from 'bottleneck';
import { sourceError, type SourceError } from '@shared/model/errors';
import type { RateLimit } from '@shared/model/samples';
import { err, type Result } from '@shared/result';
import { parseRetryAfter, type AnswerHeaders, type Http, type HttpAnswer, type HttpRequest } from '../providers/http';
import type { BudgetPolicy, LimitSettings } from '../providers/request-budget';
import type { ActivityOf } from './timebox';
import { log } from '../log/logger';

export interface BudgetStats {
  /** Requests handed to the platform. */
  readonly sent: number;
  readonly byLane: Readonly<Record<string, number>>;
  /** Requests answered locally because the platform had asked us to wait. */
  readonly held: number;
  /** The account limiter's current spacing between request starts. */
  readonly minTimeMs: number;
  readonly slowed: boolean;
  readonly blockedUntil: number | null;
}

export interface Budgets {
  /** Wraps one source's client; sources with the same account key share the limiters. */
  wrap(http: Http, account: string, policy: BudgetPolicy): Http;
  /** What the requests carrying this signal (one poll's) are doing: the poll deadline counts only idle time. */
  activityOf: ActivityOf;
  /** A poll's rate-limit report: slow down when little budget remains. */
  observe(account: string, rateLimit: RateLimit): void;
  stats(account: string): BudgetStats | undefined;
  /** Stops every limiter and drops waiting requests; limiters are made again on next use. */
  close(): Promise<void>;
}

export interface BudgetOptions {
  readonly now: () => number;
  /** Below this share of the limit remaining, requests are spread out until the reset. */
  readonly lowShare?: number;
}

const MINUTE = 60_000;
const LONGEST_SPACING_MS = 15 * MINUTE;

interface Gate {
  readonly base: LimitSettings;
  limiter: Bottleneck | null;
  minTimeMs: number;
  blockedUntil: number;
}

interface Account {
  readonly policy: BudgetPolicy;
  readonly main: Gate;
  readonly lanes: Map<string, Gate>;
  sent: number;
  held: number;
  readonly byLane: Record<string, number>;
}

const gate = (base: LimitSettings): Gate => ({ base, limiter: null, minTimeMs: base.minTimeMs, blockedUntil: 0 });

/**
 * Request budgets per platform account (bottleneck limiters). Keys come
 * from accountKey(), so sources on one account share them. Besides the
 * fixed spacing, the budget reacts to what the platform says: low
 * X-RateLimit-Remaining spreads requests until the reset, and a 429 holds
 * every request of that account (or lane) until its Retry-After.
 */
export function createBudgets(options: BudgetOptions): Budgets {
  const lowShare = options.lowShare ?? 0.1;
  const accounts = new Map<string, Account>();
  // Keyed by the poll's signal, which providers pass on to every request; gone with the poll.
  const activity = new WeakMap<AbortSignal, { queued: number; lastAt: number }>();

  function touch(signal: AbortSignal | undefined, queued: number): void {
    if (signal === undefined) return;
    const entry = activity.get(signal) ?? { queued: 0, lastAt: 0 };
    entry.queued += queued;
    entry.lastAt = options.now();
    activity.set(signal, entry);
  }

  function limiterOf(g: Gate): Bottleneck {
    g.limiter ??= new Bottleneck({ maxConcurrent: g.base.maxConcurrent, minTime: g.minTimeMs });
    return g.limiter;
  }

  function setSpacing(g: Gate, minTimeMs: number): void {
    if (g.minTimeMs === minTimeMs) return;
    g.minTimeMs = minTimeMs;
    g.limiter?.updateSettings({ minTime: minTimeMs });
  }

  function adjust(g: Gate, rateLimit: RateLimit): void {
    const { limit, remaining, resetAt } = rateLimit;
    if (limit === null || remaining === null || limit <= 0) return;
    if (remaining >= limit * lowShare) {
      setSpacing(g, g.base.minTimeMs);
      return;
    }
    const now = options.now();
    const window = resetAt !== null && resetAt > now ? resetAt - now : MINUTE;
    const spread = Math.ceil(window / Math.max(1, remaining));
    setSpacing(g, Math.min(LONGEST_SPACING_MS, Math.max(2 * g.base.minTimeMs, spread)));
  }

  function afterAnswer(g: Gate, answer: HttpAnswer): void {
    const now = options.now();
    const limit = numberHeader(answer.headers, 'x-ratelimit-limit');
    const remaining = numberHeader(answer.headers, 'x-ratelimit-remaining');
    const resetAfter = numberHeader(answer.headers, 'x-ratelimit-retry-after');
    adjust(g, { limit, remaining, resetAt: resetAfter === null ? null : now + resetAfter * 1000 });
    if (answer.status === 429) {
      const retryAt =
        parseRetryAfter(answer.headers.get('retry-after'), now) ??
        parseRetryAfter(answer.headers.get('x-ratelimit-retry-after'), now) ??
        now + MINUTE;
      g.blockedUntil = Math.max(g.blockedUntil, retryAt);
    }
  }

  /** The platform's own "wait until", or null when requests may go. */
  function heldUntil(account: Account, laneGate: Gate | undefined): number | null {
    const until = Math.max(account.main.blockedUntil, laneGate?.blockedUntil ?? 0);
    return until > options.now() ? until : null;
  }

  function held(account: Account, host: string, until: number): Result<HttpAnswer, SourceError> {
    account.held += 1;
    const when = new Date(until).toISOString().slice(11, 19);
    return err(
      sourceError('rate-limited', `${host} asked us to wait; no requests until ${when} UTC.`, { retryAt: until }),
    );
  }

  function send(inner: Http, account: Account, request: HttpRequest): Promise<Result<HttpAnswer, SourceError>> {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return inner.send(request); // let the client classify a malformed URL
    }
    const lane = account.policy.lane(url);
    let laneGate: Gate | undefined;
    if (lane !== null) {
      laneGate = account.lanes.get(lane.key) ?? gate(lane.limits);
      account.lanes.set(lane.key, laneGate);
    }
    const before = heldUntil(account, laneGate);
    if (before !== null) return Promise.resolve(held(account, url.host, before));
    let queued = true;
    const dequeue = () => {
      if (queued) touch(request.signal, -1);
      queued = false;
    };
    touch(request.signal, +1);
    const job = async (): Promise<Result<HttpAnswer, SourceError>> => {
      dequeue();
      // While this request waited its turn, the poll may have timed out or a 429 may have come back.
      if (request.signal?.aborted) return err(sourceError('network', `The request to ${url.host} was cancelled.`));
      const until = heldUntil(account, laneGate);
      if (until !== null) return held(account, url.host, until);
      account.sent += 1;
      if (lane !== null) account.byLane[lane.key] = (account.byLane[lane.key] ?? 0) + 1;
      const answer = await inner.send(request);
      touch(request.signal, 0);
      if (answer.ok) afterAnswer(laneGate ?? account.main, answer.value);
      return answer;
    };
    const viaAccount = () => limiterOf(account.main).schedule(job);
    const scheduled = laneGate === undefined ? viaAccount() : limiterOf(laneGate).schedule(viaAccount);
    return scheduled.catch((cause: unknown) => {
      dequeue();
      // A limiter stopped by close() rejects what was waiting; anything else is a bug in a client.
      if (cause instanceof Bottleneck.BottleneckError) {
        return err(sourceError('network', `The request to ${url.host} was cancelled because polling stopped.`));
      }
      log.error(`[budget] a request to ${url.host} failed unexpectedly`, cause);
      return err(sourceError('network', `The request to ${url.host} failed unexpectedly; the details are in the log.`));
    });
  }

  return {
    wrap(inner, key, policy) {
      let account = accounts.get(key);
      if (account === undefined) {
        account = { policy, main: gate(policy.account), lanes: new Map(), sent: 0, held: 0, byLane: {} };
        accounts.set(key, account);
      }
      const shared = account;
      return { send: (request) => send(inner, shared, request) };
    },
    activityOf: (signal) => activity.get(signal),
    observe(key, rateLimit) {
      const account = accounts.get(key);
      if (account === undefined) return;
      // A poll's report does not say which lane it concerns: slow them all, the careful reading.
      for (const g of [account.main, ...account.lanes.values()]) adjust(g, rateLimit);
    },
    stats(key) {
      const account = accounts.get(key);
      if (account === undefined) return undefined;
      const blockedUntil = Math.max(
        account.main.blockedUntil,
        ...[...account.lanes.values()].map((g) => g.blockedUntil),
      );
      return {
        sent: account.sent,
        byLane: { ...account.byLane },
        held: account.held,
        minTimeMs: account.main.minTimeMs,
        slowed: [account.main, ...account.lanes.values()].some((g) => g.minTimeMs > g.base.minTimeMs),
        blockedUntil: blockedUntil > 0 ? blockedUntil : null,
      };
    },
    async close() {
      const gates = [...accounts.values()].flatMap((account) => [account.main, ...account.lanes.values()]);
      // stop() also waits for requests already sent; the engine aborted those first, so that is quick.
      const stopping = gates.flatMap((g) => (g.limiter ? [g.limiter.stop({ dropWaitingJobs: true })] : []));
      for (const g of gates) g.limiter = null;
      await Promise.allSettled(stopping);
    },
  };
}

function numberHeader(headers: AnswerHeaders, name: string): number | null {
  const value = headers.get(name);
  if (value === null || value.trim() === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

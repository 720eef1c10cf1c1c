import type { Incident, Severity } from '@shared/model/alerts';
import type { DeliveryLogEntry } from '@shared/model/receivers';

export type { DeliveryLogEntry };
import type { CredentialStore } from '../credentials/credential-store';
import type { Clock, TimerHandle } from '../engine/types';
import { buildRequest, type RouteEvent } from './payloads';
import { receiverAccount, SECRET_FIELD, type ReceiverConfig } from './receiver-config';
import { checkReceiverUrl } from './url-policy';
import { log } from '../log/logger';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface Backoff {
  readonly baseMs: number;
  readonly maxMs: number;
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 5_000, maxMs: 5 * 60_000, maxAttempts: 8 };

export interface RouterDeps {
  readonly clock: Clock;
  readonly fetch: FetchLike;
  readonly receivers: () => readonly ReceiverConfig[];
  readonly secrets: CredentialStore;
  /** Quiet hours: whether an incident of this severity may be sent now. */
  readonly mayRoute: (severity: Severity, now: number) => boolean;
  readonly backoff?: Backoff;
  readonly timeoutMs?: number;
}

export interface RoutingInput {
  readonly firing: readonly Incident[];
  readonly snoozeAllUntil: number | null;
}

export interface Router {
  /** Compares the firing incidents with what was sent, and queues triggers and resolves; call on every alerts change. */
  reconcile(input: RoutingInput): void;
  deliveryLog(incidentId: string): readonly DeliveryLogEntry[];
  /** Resolves once nothing is being sent (tests, and a clean shutdown). */
  idle(): Promise<void>;
  stop(): void;
}

interface Job {
  readonly id: string;
  readonly event: RouteEvent;
  readonly incident: Incident;
  readonly receiverId: string;
  attempt: number;
  dueAt: number;
  state: 'queued' | 'sending' | 'delivered' | 'failed';
}

const KEPT_LOGS = 500;

/**
 * Sends incidents to the team's receivers, once: each (incident, event,
 * receiver) is one job with one id, sent until a receiver accepts it and
 * never again after; a failed attempt (network, 408, 429, 5xx) is retried
 * with growing waits. A resolve waits for its trigger, and is sent only
 * where the trigger was, so a receiver never sees a resolve for nothing.
 */
export function createRouter(deps: RouterDeps): Router {
  const backoff = deps.backoff ?? DEFAULT_BACKOFF;
  const timeoutMs = deps.timeoutMs ?? 15_000;
  const jobs = new Map<string, Job>();
  /** Incidents whose trigger was queued, and to which receivers. */
  const triggered = new Map<string, { incident: Incident; receivers: Set<string> }>();
  const logs = new Map<string, DeliveryLogEntry[]>();
  const inFlight = new Set<Promise<void>>();
  let timer: TimerHandle | null = null;
  let stopped = false;

  const receiverOf = (id: string) => deps.receivers().find((r) => r.id === id);

  function record(
    job: Job,
    entry: Omit<DeliveryLogEntry, 'at' | 'receiverId' | 'receiverName' | 'kind' | 'event' | 'attempt'>,
  ): void {
    const receiver = receiverOf(job.receiverId);
    const list = logs.get(job.incident.id) ?? [];
    list.push({
      at: deps.clock.now(),
      receiverId: job.receiverId,
      receiverName: receiver?.name ?? job.receiverId,
      kind: receiver?.kind ?? 'webhook',
      event: job.event,
      attempt: job.attempt,
      ...entry,
    });
    logs.delete(job.incident.id);
    logs.set(job.incident.id, list);
    // Oldest incidents' logs go first; the history file keeps the incidents themselves.
    if (logs.size > KEPT_LOGS) logs.delete(logs.keys().next().value!);
  }

  function enqueue(event: RouteEvent, incident: Incident, receiverId: string): void {
    const id = `${incident.id}:${event}:${receiverId}`;
    if (jobs.has(id)) return;
    jobs.set(id, { id, event, incident, receiverId, attempt: 0, dueAt: deps.clock.now(), state: 'queued' });
  }

  /** A resolve goes out only after its trigger is settled (delivered or given up). */
  function ready(job: Job, now: number): boolean {
    if (job.state !== 'queued' || job.dueAt > now) return false;
    if (job.event === 'trigger') return true;
    const trigger = jobs.get(`${job.incident.id}:trigger:${job.receiverId}`);
    return trigger === undefined || trigger.state === 'delivered' || trigger.state === 'failed';
  }

  function pump(): void {
    if (stopped) return;
    const now = deps.clock.now();
    for (const job of jobs.values()) {
      if (!ready(job, now)) continue;
      const sending = send(job)
        .catch((cause: unknown) => {
          // A bug here must not become an unhandled rejection in main, nor leave the job "sending" forever.
          log.error('[routing] a delivery failed unexpectedly', cause);
          job.state = 'failed';
          record(job, {
            outcome: 'failed',
            status: null,
            message: 'Not sent: an internal error; the details are in the log.',
          });
        })
        .finally(() => {
          inFlight.delete(sending);
          forgetSettled(job);
          pump();
        });
      inFlight.add(sending);
    }
    schedule();
  }

  /** A settled resolve ends the story for its receiver: both jobs go (their outcome stays in the log). */
  function forgetSettled(job: Job): void {
    if (job.event !== 'resolve' || job.state === 'queued') return;
    jobs.delete(job.id);
    jobs.delete(`${job.incident.id}:trigger:${job.receiverId}`);
  }

  function schedule(): void {
    if (timer !== null) deps.clock.clearTimeout(timer);
    timer = null;
    // Only jobs waiting for time need a timer; a resolve waiting for its trigger is pumped when that settles.
    const now = deps.clock.now();
    const waiting = [...jobs.values()].filter((j) => j.state === 'queued' && j.dueAt > now).map((j) => j.dueAt);
    if (waiting.length === 0) return;
    const wait = Math.min(...waiting) - now;
    timer = deps.clock.setTimeout(() => {
      timer = null;
      pump();
    }, wait);
  }

  async function send(job: Job): Promise<void> {
    job.state = 'sending';
    job.attempt += 1;
    const receiver = receiverOf(job.receiverId);
    if (receiver === undefined) {
      job.state = 'failed';
      return record(job, {
        outcome: 'failed',
        status: null,
        message: 'The receiver was removed before this could be sent.',
      });
    }
    const secret = await deps.secrets.get(receiverAccount(receiver.id), SECRET_FIELD[receiver.kind]);
    if (!secret.ok || !secret.value) {
      job.state = 'failed';
      const why = secret.ok ? `no ${SECRET_FIELD[receiver.kind]} is stored for it` : secret.error.message;
      return record(job, { outcome: 'failed', status: null, message: `Not sent: ${why}.` });
    }
    const request = buildRequest({
      deliveryId: job.id,
      event: job.event,
      incident: job.incident,
      receiver,
      secret: secret.value,
      now: deps.clock.now(),
    });
    const checked = checkReceiverUrl(request.url);
    if (!checked.ok) {
      job.state = 'failed';
      return record(job, { outcome: 'failed', status: null, message: `Not sent: ${checked.message}` });
    }
    const host = checked.url.host;
    const abort = new AbortController();
    const deadline = deps.clock.setTimeout(() => abort.abort(), timeoutMs);
    let status: number | null = null;
    let retryAfterMs: number | null = null;
    let problem: string;
    try {
      const response = await deps.fetch(request.url, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
        signal: abort.signal,
        redirect: 'error',
      });
      status = response.status;
      retryAfterMs = retryAfter(response.headers.get('retry-after'));
      await response.body?.cancel();
      if (response.ok) {
        job.state = 'delivered';
        return record(job, { outcome: 'delivered', status, message: `${host} accepted it (HTTP ${status}).` });
      }
      problem = `${host} answered HTTP ${status}`;
    } catch {
      problem = abort.signal.aborted
        ? `${host} did not answer within ${Math.round(timeoutMs / 1000)} s`
        : `could not reach ${host}`;
    } finally {
      deps.clock.clearTimeout(deadline);
    }
    const retryable = status === null || status === 408 || status === 429 || status >= 500;
    if (!retryable || job.attempt >= backoff.maxAttempts) {
      job.state = 'failed';
      const why = retryable ? `gave up after ${job.attempt} attempts` : 'not retried: the receiver refused the request';
      return record(job, { outcome: 'failed', status, message: `${problem}; ${why}.` });
    }
    const wait = Math.min(backoff.maxMs, Math.max(retryAfterMs ?? 0, backoff.baseMs * 2 ** (job.attempt - 1)));
    job.dueAt = deps.clock.now() + wait;
    job.state = 'queued';
    record(job, { outcome: 'retrying', status, message: `${problem}; retrying in ${Math.round(wait / 1000)} s.` });
  }

  return {
    reconcile({ firing, snoozeAllUntil }) {
      if (stopped) return;
      const now = deps.clock.now();
      const receivers = deps.receivers().filter((r) => r.enabled);
      for (const incident of firing) {
        const silenced =
          incident.acknowledged ||
          (incident.snoozedUntil ?? 0) > now ||
          (snoozeAllUntil ?? 0) > now ||
          !deps.mayRoute(incident.severity, now);
        const entry = triggered.get(incident.id);
        if (entry) entry.incident = incident;
        // Silenced now: nothing new goes out; once the snooze or the quiet hours end, the trigger follows.
        if (silenced) continue;
        const sentTo = entry?.receivers ?? new Set<string>();
        triggered.set(incident.id, { incident, receivers: sentTo });
        for (const receiver of receivers) {
          if (sentTo.has(receiver.id)) continue;
          sentTo.add(receiver.id);
          enqueue('trigger', incident, receiver.id);
        }
      }
      const still = new Set(firing.map((i) => i.id));
      for (const [id, entry] of triggered) {
        if (still.has(id)) continue;
        triggered.delete(id);
        const resolved: Incident = { ...entry.incident, state: 'resolved', endedAt: entry.incident.endedAt ?? now };
        for (const receiverId of entry.receivers) enqueue('resolve', resolved, receiverId);
      }
      pump();
    },
    deliveryLog: (incidentId) => logs.get(incidentId) ?? [],
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    stop() {
      stopped = true;
      if (timer !== null) deps.clock.clearTimeout(timer);
      timer = null;
    },
  };
}

function retryAfter(value: string | null): number | null {
  if (value === null) return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}

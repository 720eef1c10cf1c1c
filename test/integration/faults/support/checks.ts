import { expect } from 'vitest';
import { decideNext } from '../../../../main/engine/scheduler/backoff';
import type { ErrorKind } from '@shared/model/errors';
import type { Fleet } from './fleet';
import type { Exchange } from './metered-fetch';
import type { PollRecord } from './poll-log';

export const SECOND = 1_000;
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** The same pinned jitter the fleet gives the engine. */
const MIDDLE = () => 0.5;

export const healthy = (fleet: Fleet, id: string) => fleet.watch.health(id).status === 'ok';
export const allHealthy = (fleet: Fleet) => [...fleet.stations.keys()].every((id) => healthy(fleet, id));

/** Every source polled successfully, then a few more minutes so rates and ages mean something. */
export async function warmUp(fleet: Fleet): Promise<void> {
  await fleet.driver.until(() => allHealthy(fleet), 3 * MINUTE, 'every source healthy at start');
  await fleet.driver.run(2 * MINUTE);
  fleet.watch.resetAges();
}

/** What the source's row says: an error of this kind, in words a person can act on. */
export function expectError(fleet: Fleet, id: string, kind: ErrorKind, text: RegExp): void {
  const health = fleet.watch.health(id);
  expect(health.status, `${id}: ${JSON.stringify(health)}`).toBe('error');
  if (health.status !== 'error') return;
  expect(health.error.kind).toBe(kind);
  expect(health.error.message).toMatch(text);
  expect(health.error.message).not.toMatch(/undefined|\[object|NaN/);
}

/**
 * The sources without the fault kept updating: healthy now, and at no step
 * was their last good poll older than twice their interval (what the UI
 * greys out as stale), so not one of their polls was missed.
 */
export function expectOthersOnTime(fleet: Fleet, faulty: readonly string[]): void {
  for (const id of fleet.stations.keys()) {
    if (faulty.includes(id)) continue;
    const interval = fleet.engine.hub.source(id)!.intervalMs;
    expect(fleet.watch.health(id), id).toEqual({ status: 'ok' });
    expect(fleet.watch.worstAge(id), `${id}: oldest "last updated"`).toBeLessThan(2 * interval);
  }
}

/** What left the engine for one source's simulator, oldest first. */
export function exchangesTo(fleet: Fleet, sourceId: string, from = -Infinity, to = Infinity): Exchange[] {
  const origin = new URL(fleet.station(sourceId).server.url).origin;
  return fleet.net.log.filter((e) => e.origin === origin && e.startedAt >= from && e.startedAt < to);
}

/** The documented limits of providers.md, halved: the team's budgets, checked at the simulators' doors. */
const PER_MINUTE_BUDGET: Readonly<Record<string, number>> = {
  'api-video': 250,
  conviva: 100,
  // Listing sessions is Resource-intensive: 10/min on Pro, so 5.
  'zoom-video-sdk': 5,
};

/**
 * Requests stay within the budgets: per simulator, no minute holds more than
 * half the documented limit; NAVER (no documented limit) never has two
 * requests to one endpoint at once; and while failing, no endpoint of the
 * faulty source polled more often than its interval allows.
 */
export function expectWithinBudget(fleet: Fleet, faulty: string, from: number, to: number): void {
  for (const [id, station] of fleet.stations) {
    const exchanges = exchangesTo(fleet, id);
    // The served count agrees with what left the engine (refused connections never reach a server).
    const reached = exchanges.filter((exchange) => exchange.outcome !== 'refused').length;
    expect(station.server.totalRequests(), `${id}: requests counted at the simulator`).toBe(reached);
    const budget = PER_MINUTE_BUDGET[station.config.provider];
    if (budget !== undefined)
      expect(busiestMinute(exchanges.map((e) => e.startedAt)), `${id}: requests in one minute`).toBeLessThanOrEqual(
        budget,
      );
    if (station.config.provider === 'naver-vpe') {
      for (const path of new Set(exchanges.map((e) => e.path))) {
        expect(mostAtOnce(exchanges.filter((e) => e.path === path)), `${id} ${path}: at once`).toBeLessThanOrEqual(1);
      }
    }
  }
  for (const endpoint of fleet.polls.endpoints(faulty)) {
    const polls = fleet.polls.of(faulty, endpoint).filter((poll) => poll.startedAt >= from && poll.startedAt < to);
    const interval = polls[0]?.intervalMs ?? MINUTE;
    expect(polls.length, `${faulty} ${endpoint}: polls while failing`).toBeLessThanOrEqual(
      Math.floor((to - from) / interval) + 1,
    );
  }
}

/**
 * Runs until the source is healthy again and checks it happened in time: each
 * endpoint's first good poll after the fault was cleared came within one
 * interval of the end of the backoff its failures had earned (the engine's
 * own policy, with the jitter pinned), and no sooner than that backoff allowed.
 */
export async function expectRecovery(fleet: Fleet, id: string, clearedAt: number): Promise<number> {
  const failing = fleet.polls
    .endpoints(id)
    .filter((endpoint) => failingAt(fleet.polls.of(id, endpoint), clearedAt).length > 0);
  expect(failing, `${id}: endpoints failing when the fault was cleared`).not.toEqual([]);
  let deadline = clearedAt;
  for (const endpoint of failing) {
    const polls = fleet.polls.of(id, endpoint);
    deadline = Math.max(deadline, dueAfter(failingAt(polls, clearedAt)) + polls[0]!.intervalMs);
  }
  await fleet.driver.until(() => healthy(fleet, id), deadline - fleet.clock.now() + MINUTE, `${id} healthy again`);
  const recoveredAt = fleet.clock.now();
  for (const endpoint of failing) {
    const polls = fleet.polls.of(id, endpoint);
    const first = polls.findIndex((poll) => poll.endedAt !== null && poll.endedAt >= clearedAt && poll.error === null);
    expect(first, `${id} ${endpoint}: a good poll after the fault`).toBeGreaterThanOrEqual(0);
    const due = dueAfter(trailingFailures(polls.slice(0, first)));
    const good = polls[first]!;
    expect(good.startedAt, `${id} ${endpoint}: waited out its backoff`).toBeGreaterThanOrEqual(due - 1);
    expect(good.endedAt, `${id} ${endpoint}: recovered within an interval of its backoff`).toBeLessThanOrEqual(
      Math.max(due, clearedAt) + good.intervalMs,
    );
  }
  expect(recoveredAt, `${id}: healthy by the latest endpoint's deadline`).toBeLessThanOrEqual(deadline);
  return recoveredAt - clearedAt;
}

/** The failures an endpoint had in a row when the fault was cleared (none: it was fine). */
function failingAt(polls: readonly PollRecord[], clearedAt: number): PollRecord[] {
  return trailingFailures(polls.filter((poll) => poll.endedAt !== null && poll.endedAt <= clearedAt));
}

/** When the endpoint's next poll falls due after its last failure, by the engine's policy; -Infinity when it had not failed. */
function dueAfter(failed: readonly PollRecord[]): number {
  const last = failed.at(-1);
  if (last === undefined || last.endedAt === null) return -Infinity;
  const next = decideNext(last.error, failed.length, last.intervalMs, last.endedAt, MIDDLE);
  switch (next.kind) {
    case 'after':
      return last.endedAt + next.ms;
    case 'until':
      return next.at;
    case 'halt':
      return Infinity;
  }
}

function trailingFailures(polls: readonly PollRecord[]): PollRecord[] {
  let start = polls.length;
  while (start > 0 && polls[start - 1]!.error !== null) start -= 1;
  return polls.slice(start);
}

function busiestMinute(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= MINUTE) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

function mostAtOnce(exchanges: ReadonlyArray<{ startedAt: number; endedAt: number | null }>): number {
  const edges = exchanges.flatMap((e) => [
    [e.startedAt, 1],
    [e.endedAt ?? Infinity, -1],
  ]) as Array<[number, number]>;
  // An end and a start at the same instant are one after the other, not overlapping.
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let most = 0;
  for (const [, delta] of edges) most = Math.max(most, (open += delta));
  return most;
}

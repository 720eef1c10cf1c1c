import { sourceError, type SourceError } from '@shared/model/errors';
import type { Session } from '@shared/model/samples';
import { err, ok, type Result } from '@shared/result';
import type { Endpoint } from '../provider';
import { getParsed, PATHS, type ConvivaClient } from './client';
import { formatWindow, isLimitRefusal, LABEL } from './errors';
import { sessionFilterParams, type ConvivaOptions } from './options';
import { SessionsBodySchema, type RawSession } from './schema';
import { toSession } from './to-model';
import {
  DEFAULT_PLANNER_LIMITS,
  planWindows,
  recentWindows,
  windowAround,
  type PlannerLimits,
  type TimeWindow,
} from './window-planner';

/** What older Conviva notes give as the maximum; accounts still on it refuse more. */
export const FALLBACK_LIMIT = 500;
const MIN_LIMIT = 50;
/**
 * A hard bound on the ids remembered per source, whatever their times; oldest
 * forgotten first. Pruning by time (below) normally keeps far fewer.
 */
const KNOWN_SESSIONS_CAP = 20_000;
/** A session of unknown time is looked for in this many recent 3-hour windows (12 hours). */
const DETAIL_SCAN_WINDOWS = 4;

/** Per-connection state: lives as long as the Connection, so it survives polls but not restarts. */
export interface SessionsState {
  /** The first instant not yet fetched; null before the first poll. */
  cursor: number | null;
  /** Lowered for good once the account refuses a larger one. */
  limit: number;
  /** id → when it ended (or started), for de-duplication and `sessionDetail`. */
  readonly known: Map<string, number | null>;
}

export interface SessionsDeps {
  readonly client: ConvivaClient;
  readonly options: ConvivaOptions;
  readonly sourceId: string;
  readonly now: () => number;
  readonly limits?: PlannerLimits;
}

export function createSessionsState(options: ConvivaOptions): SessionsState {
  return { cursor: null, limit: options.limit, known: new Map() };
}

export function sessionsEndpoint(deps: SessionsDeps, state: SessionsState): Endpoint {
  const limits = deps.limits ?? DEFAULT_PLANNER_LIMITS;
  return {
    name: 'sessions',
    intervalMs: 5 * 60_000,
    async poll(signal) {
      const plan = planWindows(state.cursor, deps.now(), limits);
      const notes: string[] = [];
      if (plan.skipped) {
        const skipped = formatWindow(plan.skipped);
        notes.push(`${LABEL} sessions from ${skipped} were not fetched: Conviva keeps only the last 31 days.`);
      }
      const sessions: Session[] = [];
      let cursor = plan.skipped ? plan.skipped.end : state.cursor;
      let delivered = 0;
      for (const window of plan.windows) {
        const fetched = await fetchWindow(deps, state, window, signal);
        if (!fetched.ok) {
          // Nothing delivered yet: report the failure and keep the cursor, so the window is asked for again.
          if (delivered === 0) return fetched;
          notes.push(`${LABEL} sessions for ${formatWindow(window)} will be asked for again: ${fetched.error.message}`);
          break;
        }
        notes.push(...fetched.value.notes);
        sessions.push(...remember(deps.sourceId, state, fetched.value.raw));
        cursor = window.end;
        delivered += 1;
      }
      state.cursor = cursor;
      if (cursor !== null) forgetBefore(state, cursor - limits.maxWindowMs);
      return ok({ sessions, ...(notes.length > 0 ? { notes } : {}) });
    },
  };
}

interface WindowResult {
  readonly raw: readonly RawSession[];
  readonly notes: readonly string[];
}

/** One window, with the account's limit found on the way: refused limit → 500, too large (413) → half. */
async function fetchWindow(
  deps: SessionsDeps,
  state: SessionsState,
  window: TimeWindow,
  signal: AbortSignal,
): Promise<Result<WindowResult, SourceError>> {
  const notes: string[] = [];
  for (;;) {
    const params = { ...sessionFilterParams(deps.options), ...windowParams(window), limit: String(state.limit) };
    const answer = await deps.client.get(PATHS.contentSessions, params, signal);
    if (!answer.ok) return answer;
    if (isLimitRefusal(answer.value) && state.limit > FALLBACK_LIMIT) {
      notes.push(`${LABEL} refused limit=${state.limit} for this account; using ${FALLBACK_LIMIT} from now on.`);
      state.limit = FALLBACK_LIMIT;
      continue;
    }
    if (answer.value.status === 413 && state.limit > MIN_LIMIT) {
      const lower = Math.max(MIN_LIMIT, Math.floor(state.limit / 2));
      notes.push(`${LABEL}'s answer with limit=${state.limit} was too large (413); using ${lower} from now on.`);
      state.limit = lower;
      continue;
    }
    const body = deps.client.read(answer.value, SessionsBodySchema, { feature: 'sessions', params, window });
    if (!body.ok) return body;
    if (body.value.sessions.length >= state.limit) {
      notes.push(`${LABEL} returned its maximum of ${state.limit} sampled sessions for ${formatWindow(window)}.`);
    }
    return ok({ raw: body.value.sessions, notes });
  }
}

/**
 * Windows only move forward and Conviva returns ended sessions, so a session
 * that ended before the cursor can never come back: its id is only kept
 * (a window's length more, for sessions straddling an edge) to find its
 * detail quickly. Without this the map grew through a whole day of polls.
 */
function forgetBefore(state: SessionsState, horizon: number): void {
  for (const [id, at] of state.known) {
    if (at !== null && at < horizon) state.known.delete(id);
  }
}

/** Maps the sessions not seen before, and remembers them (bounded). */
function remember(sourceId: string, state: SessionsState, raw: readonly RawSession[]): Session[] {
  const fresh: Session[] = [];
  for (const item of raw) {
    if (state.known.has(item.session_id)) continue;
    const session = toSession(sourceId, item);
    state.known.set(session.id, session.endedAt ?? session.startedAt);
    fresh.push(session);
  }
  // Maps iterate in insertion order, so the first keys are the oldest.
  for (const id of state.known.keys()) {
    if (state.known.size <= KNOWN_SESSIONS_CAP) break;
    state.known.delete(id);
  }
  return fresh;
}

function windowParams(window: TimeWindow): Record<string, string> {
  return { start_epoch_ms: String(window.start), end_epoch_ms: String(window.end) };
}

/**
 * One session by id. Conviva has no per-id endpoint, only the `session_id`
 * filter inside a time window, so: the window around a session seen before,
 * else a few recent windows, newest first.
 */
export async function fetchSessionDetail(
  deps: SessionsDeps,
  state: SessionsState,
  sessionId: string,
  signal: AbortSignal,
): Promise<Result<Session, SourceError>> {
  const now = deps.now();
  const limits = deps.limits ?? DEFAULT_PLANNER_LIMITS;
  const anchor = state.known.get(sessionId);
  const around = typeof anchor === 'number' ? windowAround(anchor, now, limits) : null;
  const windows = around ? [around] : recentWindows(now, DETAIL_SCAN_WINDOWS, limits);
  for (const window of windows) {
    const params = { session_id: sessionId, ...windowParams(window), limit: '1' };
    const body = await getParsed(
      deps.client,
      PATHS.contentSessions,
      SessionsBodySchema,
      { feature: 'sessions', params, window },
      signal,
    );
    if (!body.ok) return body;
    const raw = body.value.sessions.find((item) => item.session_id === sessionId);
    if (raw) return ok(toSession(deps.sourceId, raw));
  }
  const where = around ? formatWindow(around) : 'the last 12 hours';
  return err(
    sourceError('provider', `${LABEL} has no content session ${sessionId} in ${where}.`, { code: 'not-found' }),
  );
}

/** A one-session request over the last minutes: proves the account may read sessions (403 otherwise). */
export async function probeSessions(deps: SessionsDeps, signal: AbortSignal): Promise<Result<number, SourceError>> {
  const [window] = recentWindows(deps.now(), 1, {
    ...(deps.limits ?? DEFAULT_PLANNER_LIMITS),
    maxWindowMs: 10 * 60_000,
  });
  if (!window) return ok(0);
  const params = { ...windowParams(window), limit: '1' };
  const body = await getParsed(
    deps.client,
    PATHS.contentSessions,
    SessionsBodySchema,
    { feature: 'sessions', params, window },
    signal,
  );
  return body.ok ? ok(body.value.sessions.length) : body;
}

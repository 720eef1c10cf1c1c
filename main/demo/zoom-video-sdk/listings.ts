import type { Scenario } from '../scenario';
import type { SimResponse } from '../sim-server';
import { checkDates, utcDate, validationError } from './dates';
import { page, type PageStore } from './paging';
import { findSession, liveSessions, sessionsStartedIn, type SimSession } from './sessions';
import { iso, qosJson, userJson, usersOf } from './users';

/** The three listings: sessions, a session's users, and their QoS, each paged with expiring tokens. */

export interface ListingContext {
  readonly scenario: Scenario;
  readonly pages: PageStore;
  readonly now: number;
  readonly query: URLSearchParams;
}

const DEFAULT_PAGE_SIZE = 30;
const MAX_PAGE_SIZE = 300;
const EXPIRED_TOKEN = validationError('The next page token is invalid or expired.');

export function listSessions(context: ListingContext): SimResponse {
  const { scenario, pages, now, query } = context;
  const common = readCommon(query);
  if ('status' in common) return common;
  const { type, pageSize, token } = common;
  const dates = checkDates(query.get('from'), query.get('to'), now, type === 'past');
  if (dates.error) return dates.error;
  const range = dates.range;
  const listing = `sessions:${type}:${range?.from}:${range?.to}:${pageSize}`;
  const at = pages.resolve(token, listing, now);
  if (!at) return EXPIRED_TOKEN;
  // Live sessions are listed whatever the dates (our assumption); past ones by start date, once ended.
  const found =
    type === 'live'
      ? liveSessions(scenario, at.asOf)
      : sessionsStartedIn(scenario, range?.fromMs ?? 0, Math.min(range?.untilMs ?? 0, at.asOf)).filter(
          (s) => s.end <= at.asOf,
        );
  const { items, next_page_token } = page(pages, found, at, pageSize, listing, now);
  return {
    status: 200,
    body: {
      from: range?.from ?? utcDate(now),
      to: range?.to ?? utcDate(now),
      page_size: pageSize,
      next_page_token,
      sessions: items.map((session) => sessionJson(scenario, session, at.asOf)),
    },
  };
}

export function listUsers(context: ListingContext, sessionId: string, withQos: boolean): SimResponse {
  const { scenario, pages, now, query } = context;
  const common = readCommon(query);
  if ('status' in common) return common;
  const { type, pageSize, token } = common;
  const session = findSession(scenario, sessionId);
  const live = session !== null && session.start <= now && now < session.end;
  const ended = session !== null && session.end <= now;
  // Assumed: a session asked for as the wrong type is as unknown as a missing one.
  if (!session || (type === 'live' ? !live : !ended)) {
    return { status: 404, body: { code: 3001, message: 'Session does not exist.' } };
  }
  const listing = `users:${withQos}:${sessionId}:${type}:${pageSize}`;
  const at = pages.resolve(token, listing, now);
  if (!at) return EXPIRED_TOKEN;
  const users = usersOf(scenario, session).filter((user) => user.join <= at.asOf);
  const { items, next_page_token } = page(pages, users, at, pageSize, listing, now);
  return {
    status: 200,
    body: {
      page_size: pageSize,
      next_page_token,
      users: items.map((user) => (withQos ? qosJson(scenario, user, at.asOf) : userJson(user, at.asOf))),
    },
  };
}

export function sessionJson(scenario: Scenario, session: SimSession, at: number): Record<string, unknown> {
  const live = session.end > at;
  const present = usersOf(scenario, session).filter((user) => user.join <= at && at < user.leave).length;
  return {
    id: session.id,
    session_name: session.name,
    start_time: iso(session.start),
    ...(live ? {} : { end_time: iso(session.end) }),
    duration: clock((live ? at : session.end) - session.start),
    user_count: live ? present : session.size,
    has_voip: session.flags.voip,
    has_video: session.flags.video,
    has_screen_share: session.flags.screenShare,
    has_recording: session.flags.recording,
    has_pstn: session.flags.pstn,
    session_key: session.key,
  };
}

function readCommon(
  query: URLSearchParams,
): SimResponse | { type: 'live' | 'past'; pageSize: number; token: string | null } {
  const type = query.get('type') ?? 'live';
  if (type !== 'live' && type !== 'past')
    return validationError('Validation Failed.', [{ field: 'type', message: "Use 'live' or 'past'." }]);
  const sizeText = query.get('page_size');
  const pageSize = sizeText === null ? DEFAULT_PAGE_SIZE : Number(sizeText);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    return validationError('Validation Failed.', [{ field: 'page_size', message: `Use 1 to ${MAX_PAGE_SIZE}.` }]);
  }
  return { type, pageSize, token: query.get('next_page_token') || null };
}

/** Zoom's "30:00"-style duration: minutes:seconds, hours in front when there are any. */
function clock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

import { MINUTE, type Scenario } from '../scenario';
import {
  decodeUuid,
  MAX_SESSION_MS,
  sessionAt,
  startsInMinute,
  type SimDevice,
  type SimLogEntry,
  type SimSession,
  type SimVideoType,
} from './sessions';

/** Which sessions sessionRecent answers with: the filters, the limit, "most recent first". */

export interface SimFilter {
  readonly devices: ReadonlySet<SimDevice>;
  readonly videoTypes: ReadonlySet<SimVideoType>;
}

/** A session as seen at some moment: its log cut at "now". */
export interface VisibleSession {
  readonly session: SimSession;
  readonly log: readonly SimLogEntry[];
  readonly lastAt: number;
}

/** sessionRecent answers from the last day ("sessionRecent (1d)"). */
const LOOKBACK_MINUTES = 24 * 60;

/** `device=PC,Mobile` and `videoType=VOD,LIVE` are comma lists; absent or unusable means both. */
export function parseFilter(query: URLSearchParams): SimFilter {
  const pick = <T extends string>(raw: string | null, allowed: readonly T[]): Set<T> => {
    const chosen = (raw ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter((part): part is T => (allowed as readonly string[]).includes(part));
    return new Set(chosen.length > 0 ? chosen : allowed);
  };
  return {
    devices: pick(query.get('device'), ['PC', 'Mobile']),
    videoTypes: pick(query.get('videoType'), ['VOD', 'LIVE']),
  };
}

function visible(session: SimSession, now: number): VisibleSession | null {
  const log = session.log.filter((entry) => entry.at <= now);
  const last = log.at(-1);
  return last ? { session, log, lastAt: last.at } : null;
}

/** The `limit` most recently active sessions, newest first. */
export function recentSessions(
  scenario: Scenario,
  now: number,
  filter: SimFilter,
  limit: number,
  notBefore = 0,
): VisibleSession[] {
  const found: VisibleSession[] = [];
  const nowMinute = Math.floor(now / MINUTE);
  for (let minute = nowMinute; minute > nowMinute - LOOKBACK_MINUTES && (minute + 1) * MINUTE > notBefore; minute--) {
    // Nothing that started this minute or earlier is active after `horizon`: once `limit`
    // sessions are, the older minutes cannot change the answer.
    const horizon = (minute + 1) * MINUTE + MAX_SESSION_MS;
    if (horizon <= now && found.filter((seen) => seen.lastAt >= horizon).length >= limit) break;
    const starts = startsInMinute(scenario, minute);
    for (let index = 0; index < starts; index++) {
      const session = sessionAt(scenario, minute, index);
      if (
        session.startAt < notBefore ||
        !filter.devices.has(session.device) ||
        !filter.videoTypes.has(session.videoType)
      )
        continue;
      const seen = visible(session, now);
      if (seen) found.push(seen);
    }
  }
  found.sort((a, b) => b.lastAt - a.lastAt || b.session.startAt - a.session.startAt);
  return found.slice(0, limit);
}

export function findSession(scenario: Scenario, now: number, uuid: string): VisibleSession | null {
  const place = decodeUuid(scenario.seed, uuid);
  if (!place || place.index >= startsInMinute(scenario, place.minute)) return null;
  if (place.minute * MINUTE < now - LOOKBACK_MINUTES * MINUTE) return null;
  return visible(sessionAt(scenario, place.minute, place.index), now);
}

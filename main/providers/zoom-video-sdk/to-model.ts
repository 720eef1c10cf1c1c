import type { RateLimit, Sample, Session, SessionEvent } from '@shared/model/samples';
import { latestQosDetails, type Detail } from './qos';
import { fastIsoUtc } from '../date-digits';
import type { RawQosUser, RawSession, RawUser } from './schema';

/** Pure mapping from Zoom's raw payloads to the shared model. */

/** Zoom's times are ISO 8601 in UTC ("2021-12-07T05:42:28Z"); anything else is unknown, not a guess. */
export function parseZoomTime(text: string | null | undefined): number | null {
  if (!text) return null;
  // The exact form, read by character codes (a page has hundreds); other ISO forms go the long way.
  const fast = fastIsoUtc(text);
  if (fast !== null) return fast;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : at;
}

/**
 * A session's id, or for one listed without (the spec makes it optional) a
 * stand-in built from what tells it apart: its key or name and its start.
 */
export function sessionIdOf(raw: RawSession): string {
  return raw.id ?? `${raw.session_key ?? raw.session_name ?? ''}@${raw.start_time ?? ''}`;
}

export function toSession(sourceId: string, raw: RawSession): Session {
  const startedAt = parseZoomTime(raw.start_time);
  const endedAt = parseZoomTime(raw.end_time);
  return {
    sourceId,
    id: sessionIdOf(raw),
    startedAt,
    endedAt,
    device: null,
    os: null,
    videoType: null,
    // Zoom says nothing about a session failing.
    failed: null,
    failures: [],
    startupTimeMs: null,
    rebufferingMs: null,
    // The session's length, computed from its times: Zoom's own `duration` ("30:00") does not say its unit.
    playingMs: startedAt !== null && endedAt !== null && endedAt >= startedAt ? endedAt - startedAt : null,
    viewerId: null,
    title: raw.session_name ?? null,
    country: null,
    participants: raw.user_count ?? null,
    attributes: {
      has_voip: raw.has_voip ?? null,
      has_video: raw.has_video ?? null,
      has_screen_share: raw.has_screen_share ?? null,
      has_recording: raw.has_recording ?? null,
      has_pstn: raw.has_pstn ?? null,
      session_key: raw.session_key ?? null,
      duration: raw.duration == null ? null : String(raw.duration),
    },
    events: null,
  };
}

/** Participants now: the sum of `user_count` over live sessions, one point at the poll's time. */
export function toLiveSample(
  sourceId: string,
  sessions: readonly RawSession[],
  now: number,
  rateLimit: RateLimit | null,
  notes: readonly string[] = [],
): Sample {
  // Live sessions have no end yet, whatever a payload says.
  const mapped = sessions.map((raw) => ({ ...toSession(sourceId, raw), endedAt: null, playingMs: null }));
  const participants = mapped.reduce((sum, session) => sum + (session.participants ?? 0), 0);
  return {
    viewers: [{ at: now, viewers: participants }],
    sessions: mapped,
    ...(rateLimit ? { rateLimit } : {}),
    ...(notes.length > 0 ? { notes } : {}),
  };
}

export function toPastSample(
  sourceId: string,
  sessions: readonly RawSession[],
  rateLimit: RateLimit | null,
  notes: readonly string[] = [],
): Sample {
  return {
    sessions: sessions.map((raw) => toSession(sourceId, raw)),
    ...(rateLimit ? { rateLimit } : {}),
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/**
 * Each user's join and leave as events, oldest first. The join carries the
 * user's device, network and location and their newest QoS (matched by user id,
 * else by name), so one line says who came, from where, and how it went.
 */
export function toEvents(users: readonly RawUser[], qosUsers: readonly RawQosUser[]): SessionEvent[] {
  const events: SessionEvent[] = [];
  for (const user of users) {
    const qos = qosUsers.find((candidate) => matches(candidate, user));
    const about: Record<string, Detail> = {
      device: user.device ?? null,
      network_type: user.network_type ?? null,
      location: user.location ?? null,
    };
    const joinedAt = parseZoomTime(user.join_time);
    const leftAt = parseZoomTime(user.leave_time);
    if (joinedAt !== null)
      events.push(event(joinedAt, 'join', user, { ...about, ...latestQosDetails(qos?.user_qos ?? []) }));
    if (leftAt !== null) events.push(event(leftAt, 'leave', user, about));
  }
  return events.sort((a, b) => a.at - b.at);
}

/** The worst of everyone's newest QoS, for the session's own line. */
export function qosSummary(qosUsers: readonly RawQosUser[]): Record<string, Detail> {
  let worstLoss: number | null = null;
  let worstLatency: number | null = null;
  for (const user of qosUsers) {
    const details = latestQosDetails(user.user_qos);
    for (const [key, value] of Object.entries(details)) {
      if (typeof value !== 'number') continue;
      if (key.endsWith('_avg_loss_pct')) worstLoss = Math.max(worstLoss ?? 0, value);
      if (key.endsWith('_latency_ms')) worstLatency = Math.max(worstLatency ?? 0, value);
    }
  }
  return { qos_users: qosUsers.length, qos_worst_avg_loss_pct: worstLoss, qos_worst_latency_ms: worstLatency };
}

/** A session known only from its users (asked for by id before any listing held it). */
export function sessionFromUsers(sourceId: string, id: string, users: readonly RawUser[], live: boolean): Session {
  const joins = users.map((user) => parseZoomTime(user.join_time)).filter((at): at is number => at !== null);
  const leaves = users.map((user) => parseZoomTime(user.leave_time)).filter((at): at is number => at !== null);
  const startedAt = joins.length > 0 ? Math.min(...joins) : null;
  const endedAt = !live && leaves.length > 0 ? Math.max(...leaves) : null;
  const present = live ? users.filter((user) => parseZoomTime(user.leave_time) === null).length : users.length;
  const base = toSession(sourceId, { id, user_count: present } as RawSession);
  return {
    ...base,
    startedAt,
    endedAt,
    playingMs: startedAt !== null && endedAt !== null ? endedAt - startedAt : null,
  };
}

function matches(candidate: RawQosUser, user: RawUser): boolean {
  if (candidate.id && user.id) return candidate.id === user.id;
  return !!candidate.name && candidate.name === user.name;
}

function event(at: number, type: 'join' | 'leave', user: RawUser, details: Record<string, Detail>): SessionEvent {
  return {
    at,
    type,
    rawType: type,
    durationMs: null,
    positionS: null,
    fromS: null,
    toS: null,
    subject: user.name ?? user.id ?? null,
    details,
  };
}

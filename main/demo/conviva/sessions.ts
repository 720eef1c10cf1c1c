import { failureRateAt, MINUTE, noise, viewersAt, type Scenario } from '../scenario';

/**
 * Simulated Conviva content sessions: a pure function of the scenario, so a
 * window asked for twice gets the same sessions. Each minute of the scenario
 * has a number of sessions that ended in it (a share of the audience), and a
 * session id encodes its minute and index, so a `session_id` look-up needs no
 * stored state.
 */

const PER_MINUTE_CAP = 10_000;

interface DeviceProfile {
  readonly hardware: string;
  readonly model: string;
  readonly os: string;
  readonly osVersion: string;
  readonly browser: string | null;
}

export const DEVICES: readonly DeviceProfile[] = [
  { hardware: 'Mobile', model: 'iPhone', os: 'iOS', osVersion: '17.5', browser: null },
  { hardware: 'Mobile', model: 'Galaxy S23', os: 'Android', osVersion: '14', browser: null },
  { hardware: 'Desktop', model: 'PC', os: 'Windows', osVersion: '11', browser: 'Chrome' },
  { hardware: 'Desktop', model: 'Mac', os: 'macOS', osVersion: '14.5', browser: 'Safari' },
  { hardware: 'Smart TV', model: 'Roku Ultra', os: 'Roku OS', osVersion: '13', browser: null },
  { hardware: 'Tablet', model: 'iPad', os: 'iPadOS', osVersion: '17.5', browser: null },
];
const ASSETS = ['Evening News', 'Match Day Live', 'The Long Road S2E4', 'Cooking Basics', 'Night Drive'];
const CDNS = ['Akamai', 'Fastly', 'CloudFront'];
const COUNTRIES = ['US', 'GB', 'DE', 'KR', 'BR'];
const LEAGUES = ['premier', 'champions', 'cup'];

export interface SimSession {
  readonly id: string;
  readonly clientId: string;
  readonly viewerId: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly asset: string;
  readonly isLive: boolean;
  readonly device: DeviceProfile;
  readonly cdn: string;
  readonly country: string;
  readonly league: string;
  readonly startupMs: number | null;
  readonly playingMs: number;
  readonly rebufferingMs: number;
  readonly bitrateBps: number | null;
  readonly flags: Readonly<Record<FailureFlag, boolean>>;
  /** How this one is written on the wire: Conviva mixes types. */
  readonly stringFlags: boolean;
  readonly stringNumbers: boolean;
}

export type FailureFlag =
  | 'is_video_start_failure'
  | 'is_video_start_failure_business'
  | 'is_video_start_failure_tech'
  | 'is_video_playback_failure'
  | 'is_video_playback_failure_business'
  | 'is_video_playback_failure_tech'
  | 'is_exit_before_video_start';

export interface SessionModel {
  readonly scenario: Scenario;
  /** Share of the concurrent audience whose session ends in each minute. */
  readonly endRatePerMinute: number;
  readonly viewerKey: string | number;
}

function endedInMinute(model: SessionModel, minute: number): number {
  const viewers = viewersAt(model.scenario, minute * MINUTE, model.viewerKey);
  return Math.min(PER_MINUTE_CAP, Math.round(viewers * model.endRatePerMinute));
}

/** Every session that ended in [start, end) and by `now` (only ended sessions exist). */
export function sessionsEndedIn(model: SessionModel, start: number, end: number, now: number): SimSession[] {
  const last = Math.min(end, now);
  const sessions: SimSession[] = [];
  for (let minute = Math.floor(start / MINUTE); minute * MINUTE < last; minute++) {
    const count = endedInMinute(model, minute);
    for (let index = 0; index < count; index++) {
      const session = sessionAt(model, minute, index);
      if (session.endMs >= start && session.endMs < last) sessions.push(session);
    }
  }
  return sessions;
}

/** The session with this id, if the id is one the scenario produced and it has ended. */
export function sessionById(model: SessionModel, id: string, now: number): SimSession | null {
  if (!/^\d{1,15}$/.test(id)) return null;
  const code = Number(id);
  const minute = Math.floor(code / PER_MINUTE_CAP);
  const index = code % PER_MINUTE_CAP;
  if (index >= endedInMinute(model, minute)) return null;
  const session = sessionAt(model, minute, index);
  return session.endMs <= now ? session : null;
}

export function sessionAt(model: SessionModel, minute: number, index: number): SimSession {
  const { scenario } = model;
  const n = (name: string) => noise(scenario.seed, 'conviva-session', minute, index, name);
  const endMs = minute * MINUTE + Math.floor(n('end') * MINUTE);
  const durationMs = 20_000 + Math.floor(n('duration') ** 2 * 90 * MINUTE);
  const startMs = endMs - durationMs;
  const asset = pick(ASSETS, n('asset'));
  const flags = failureFlags(n('fail') < failureRateAt(scenario, startMs), n('kind'), n('business') < 0.3);
  const neverStarted = flags.is_video_start_failure || flags.is_exit_before_video_start;
  const startupMs = neverStarted ? null : 400 + Math.round(n('startup') ** 2 * 6_000);
  const rebufferingMs = neverStarted || n('rebuffers') < 0.7 ? 0 : Math.round(n('rebuffering') * 0.05 * durationMs);
  const playingMs = neverStarted ? 0 : Math.max(0, durationMs - (startupMs ?? 0) - rebufferingMs);
  return {
    id: String(minute * PER_MINUTE_CAP + index),
    clientId: `${Math.floor(n('client') * 1e9)}.${Math.floor(n('client2') * 1e9)}`,
    viewerId: `viewer-${Math.floor(n('viewer') * 5_000)}`,
    startMs,
    endMs,
    asset,
    isLive: asset === 'Evening News' || asset === 'Match Day Live',
    device: pick(DEVICES, n('device')),
    cdn: pick(CDNS, n('cdn')),
    country: pick(COUNTRIES, n('country')),
    league: pick(LEAGUES, n('league')),
    startupMs,
    playingMs,
    rebufferingMs,
    bitrateBps: neverStarted ? null : 800_000 + Math.round(n('bitrate') * 7_200_000),
    flags,
    stringFlags: n('string-flags') < 0.35,
    stringNumbers: n('string-numbers') < 0.25,
  };
}

/** Start failures 40 %, playback failures 35 %, exits before start 25 %; a split flag implies its umbrella. */
function failureFlags(failed: boolean, kind: number, business: boolean): Record<FailureFlag, boolean> {
  const start = failed && kind < 0.4;
  const playback = failed && kind >= 0.4 && kind < 0.75;
  return {
    is_video_start_failure: start,
    is_video_start_failure_business: start && business,
    is_video_start_failure_tech: start && !business,
    is_video_playback_failure: playback,
    is_video_playback_failure_business: playback && business,
    is_video_playback_failure_tech: playback && !business,
    is_exit_before_video_start: failed && kind >= 0.75,
  };
}

function pick<T>(items: readonly T[], at: number): T {
  return items[Math.min(items.length - 1, Math.floor(at * items.length))] as T;
}

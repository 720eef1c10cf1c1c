import { DAY, HOUR, noise } from '../scenario';
import type { SimResponse } from '../sim-server';
import { sessionById, sessionsEndedIn, type FailureFlag, type SessionModel, type SimSession } from './sessions';

/** `GET /sessions/content` as Conviva's API reference describes it: ≤ 3 h windows starting within 31 days, limit 1–1500, filters. */

export type LimitMode = 'standard' | 'max-500';

export interface SessionQuery {
  readonly start: number;
  readonly end: number;
  readonly limit: number;
}

const FLAGS: readonly FailureFlag[] = [
  'is_video_start_failure',
  'is_video_start_failure_business',
  'is_video_start_failure_tech',
  'is_video_playback_failure',
  'is_video_playback_failure_business',
  'is_video_playback_failure_tech',
  'is_exit_before_video_start',
];

/** Dimension filters the simulator knows, and where each reads from a session. */
const DIMENSIONS: Record<string, (s: SimSession) => string> = {
  asset_name: (s) => s.asset,
  device_os: (s) => s.device.os,
  device_hardware_type: (s) => s.device.hardware,
  device_model: (s) => s.device.model,
  cdn: (s) => s.cdn,
  country: (s) => s.country,
  client_id: (s) => s.clientId,
  tag_league: (s) => s.league,
};
const TIME_PARAMS = ['start_date', 'end_date', 'start_epoch', 'end_epoch', 'start_epoch_ms', 'end_epoch_ms'];

export interface SessionsRouteOptions {
  readonly model: SessionModel;
  readonly now: number;
  readonly limitMode: LimitMode;
  readonly viewerModule: boolean;
}

export function answerSessions(
  query: URLSearchParams,
  options: SessionsRouteOptions,
): { response: SimResponse; logged: SessionQuery | null } {
  const bad = (status: number, message: string) => ({ response: { status, body: { message } }, logged: null });
  const unknown = [...query.keys()].find((name) => !isKnownParam(name));
  if (unknown !== undefined) return bad(400, `Unknown parameter: ${unknown}`);
  const start = timeParam(query, 'start') ?? options.now - HOUR;
  const end = timeParam(query, 'end') ?? options.now;
  if (Number.isNaN(start) || Number.isNaN(end)) return bad(400, 'Invalid date-time in start or end parameter');
  if (end <= start) return bad(422, 'The end of the time range must be after its start');
  if (end - start > 3 * HOUR) return bad(422, 'The maximum query time range is 3 hours');
  if (start < options.now - 31 * DAY) return bad(422, 'The query start timestamp must be within the last 31 days');

  const limitText = query.get('limit') ?? '50';
  const limit = /^\d+$/.test(limitText) ? Number(limitText) : NaN;
  if (!(limit >= 1 && limit <= 1500)) return bad(400, 'Invalid parameter limit: must be an integer between 1 and 1500');
  if (options.limitMode === 'max-500' && limit > 500) {
    return bad(400, 'Invalid parameter limit: this account allows at most 500');
  }

  const wantedFlags: Array<[FailureFlag, boolean]> = [];
  for (const flag of FLAGS) {
    const value = query.get(flag);
    if (value === null) continue;
    if (value !== 'true' && value !== 'false') return bad(400, `Invalid parameter ${flag}: expected true or false`);
    wantedFlags.push([flag, value === 'true']);
  }
  const id = query.get('session_id');
  const candidates =
    id !== null
      ? [sessionById(options.model, id, options.now)].filter((s): s is SimSession => s !== null)
      : sessionsEndedIn(options.model, start, end, options.now);
  const matching = candidates.filter(
    (s) =>
      s.endMs >= start &&
      s.endMs < end &&
      wantedFlags.every(([flag, value]) => s.flags[flag] === value) &&
      Object.entries(DIMENSIONS).every(([name, read]) => !query.has(name) || read(s) === query.get(name)),
  );
  // Conviva returns a sample, not the first N: pick a repeatable sample, then order by end time.
  const seed = options.model.scenario.seed;
  const sample =
    matching.length <= limit
      ? matching
      : [...matching].sort((a, b) => noise(seed, 'sample', a.id) - noise(seed, 'sample', b.id)).slice(0, limit);
  sample.sort((a, b) => a.endMs - b.endMs);
  return {
    response: { status: 200, body: { sessions: sample.map((s) => toWire(s, options.viewerModule)) } },
    logged: { start, end, limit },
  };
}

function isKnownParam(name: string): boolean {
  return (
    TIME_PARAMS.includes(name) ||
    name === 'limit' ||
    name === 'session_id' ||
    FLAGS.includes(name as FailureFlag) ||
    name in DIMENSIONS
  );
}

function timeParam(query: URLSearchParams, edge: 'start' | 'end'): number | undefined {
  const ms = query.get(`${edge}_epoch_ms`);
  if (ms !== null) return /^\d+$/.test(ms) ? Number(ms) : NaN;
  const seconds = query.get(`${edge}_epoch`);
  if (seconds !== null) return /^\d+$/.test(seconds) ? Number(seconds) * 1000 : NaN;
  const date = query.get(`${edge}_date`);
  return date !== null ? Date.parse(date) : undefined;
}

/**
 * The body the provider's schema assumes, with Conviva's mixed types: some
 * flags as "true"/"false", some numbers as strings, and fields nobody asked for.
 */
function toWire(s: SimSession, viewerModule: boolean): Record<string, unknown> {
  const num = (value: number | null) => (value !== null && s.stringNumbers ? String(value) : value);
  const flags = Object.fromEntries(
    Object.entries(s.flags).map(([name, value]) => [name, s.stringFlags ? String(value) : value]),
  );
  const total = s.playingMs + s.rebufferingMs;
  return {
    session_id: s.id,
    client_id: s.clientId,
    ...(viewerModule ? { viewer_id: s.viewerId } : {}),
    start_time: num(s.startMs),
    end_time: num(s.endMs),
    content_info: {
      asset_name: s.asset,
      is_live: s.stringFlags ? String(s.isLive) : s.isLive,
      stream_url: `https://cdn.example/${s.id}.m3u8`,
    },
    device_info: {
      device_os: s.device.os,
      device_os_version: s.device.osVersion,
      device_hardware_type: s.device.hardware,
      device_model: s.device.model,
      browser_name: s.device.browser,
      device_manufacturer: s.device.model === 'PC' ? 'Generic' : 'Simulated',
    },
    network_info: { cdn: s.cdn, isp: 'Example ISP', ip: '203.0.113.7' },
    geo_info: { country: s.country, city: 'Simville' },
    metrics: {
      video_start_time: num(s.startupMs),
      playing_time: num(s.playingMs),
      rebuffering_time: num(s.rebufferingMs),
      rebuffering_ratio: total > 0 ? num(Math.round((s.rebufferingMs / total) * 10_000) / 10_000) : null,
      average_bitrate: num(s.bitrateBps),
      bitrate_switches: 2,
    },
    ...flags,
    session_tags: { league: s.league },
    cirr_interrupt_count: 0,
  };
}

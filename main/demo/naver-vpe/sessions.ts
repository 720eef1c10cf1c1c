import { failureRateAt, incidentActive, MINUTE, noise, viewersAt, type Scenario } from '../scenario';

/**
 * Playback sessions of the simulated NAVER account, derived from the scenario
 * clock alone: session `index` of minute `minute` is always the same session,
 * with the same log, whenever and however often it is asked for. Nothing is
 * stored, so the detail endpoint can rebuild a session from its uuid.
 */

export type SimDevice = 'PC' | 'Mobile';
export type SimVideoType = 'VOD' | 'LIVE';

export interface SimLogEntry {
  /** When the player reported the action (epoch ms): on completion, as NAVER's example shows. */
  readonly at: number;
  readonly videoTimeS: number;
  readonly actionType: string;
  /** Milliseconds, as NAVER actually sends it (30057 for 30 s of playing). */
  readonly durationMs: number;
}

export interface SimSession {
  readonly uuid: string;
  readonly no: number;
  readonly startAt: number;
  readonly device: SimDevice;
  readonly videoType: SimVideoType;
  readonly profile: number;
  readonly title: string;
  readonly errorCode: string | null;
  /** The whole life of the session, future entries included; callers cut it at "now". */
  readonly log: readonly SimLogEntry[];
}

/** Share of the audience by device and by type; the viewer counts use the same shares. */
export const MOBILE_SHARE = 0.55;
export const LIVE_SHARE = 0.3;
/** No session outlives this, which bounds how far back "most recent" must look. */
export const MAX_SESSION_MS = 25 * MINUTE;
export const VIEWER_KEY = 'naver-vpe';
const MAX_STARTS_PER_MINUTE = 60;
/** About one new session a minute for every 30 viewers (sessions last ~10 minutes, many viewers stay longer). */
const STARTS_PER_VIEWER = 1 / 30;

/**
 * During an error spike players retry failed starts, so starts at least double, and never fall
 * below a handful a minute even in the small night audience: enough that a spike always passes
 * the default failure rule's "at least 20 sessions in 5 minutes".
 */
const SPIKE_MIN_STARTS_PER_MINUTE = 6;

export function startsInMinute(scenario: Scenario, minute: number): number {
  const base = viewersAt(scenario, minute * MINUTE, VIEWER_KEY) * STARTS_PER_VIEWER;
  const spike = incidentActive(scenario, 'error-spike', minute * MINUTE);
  const expected = spike ? Math.max(2 * base, SPIKE_MIN_STARTS_PER_MINUTE) : base;
  return Math.min(MAX_STARTS_PER_MINUTE, Math.floor(expected + noise(scenario.seed, 'starts', minute)));
}

// The uuid carries (minute, index), scrambled by an odd multiplier (invertible mod 2^32).
const SCRAMBLE = 0x9e3779b1;
const UNSCRAMBLE = (() => {
  let inverse = SCRAMBLE;
  for (let i = 0; i < 5; i++) inverse = Math.imul(inverse, 2 - Math.imul(SCRAMBLE, inverse));
  return inverse >>> 0;
})();

function hex(value: number, digits: number): string {
  return (value >>> 0).toString(16).padStart(8, '0').slice(-digits);
}

export function uuidFor(seed: number, minute: number, index: number): string {
  const word = (k: number) => Math.floor(noise(seed, 'uuid', minute, index, k) * 0x1_0000_0000);
  const mixed = (Math.imul((minute ^ seed) >>> 0, SCRAMBLE) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  const variant = (8 + (word(3) & 3)).toString(16);
  return `${hex(word(1), 8)}-${hex(word(2), 4)}-4${hex(word(2) >>> 16, 3)}-${variant}${hex(word(3) >>> 8, 3)}-${hex(index ^ (seed & 0xff), 2)}${hex(word(4), 2)}${hex(mixed, 8)}`;
}

export function decodeUuid(seed: number, uuid: string): { minute: number; index: number } | null {
  const match = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-([0-9a-f]{2})[0-9a-f]{2}([0-9a-f]{8})$/.exec(
    uuid,
  );
  if (!match) return null;
  const index = (parseInt(match[1]!, 16) ^ (seed & 0xff)) & 0xff;
  const scrambled = (parseInt(match[2]!, 16) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  const minute = ((Math.imul(scrambled, UNSCRAMBLE) >>> 0) ^ seed) >>> 0;
  return uuidFor(seed, minute, index) === uuid ? { minute, index } : null;
}

export function sessionAt(scenario: Scenario, minute: number, index: number): SimSession {
  const seed = scenario.seed;
  const pick = (key: string) => noise(seed, 'session', minute, index, key);
  const startAt = minute * MINUTE + Math.floor(pick('offset') * MINUTE);
  const videoType: SimVideoType = pick('type') < LIVE_SHARE ? 'LIVE' : 'VOD';
  const failed = pick('fail') < failureRateAt(scenario, startAt);
  const errorCode = failed ? (pick('code') < 0.7 ? 'E0003' : 'E0004') : null;
  return {
    uuid: uuidFor(seed, minute, index),
    no: minute * MAX_STARTS_PER_MINUTE + index,
    startAt,
    device: pick('device') < MOBILE_SHARE ? 'Mobile' : 'PC',
    videoType,
    profile: Math.floor(pick('profile') * 1000),
    title: `${videoType === 'LIVE' ? 'Live channel' : 'Episode'} ${1 + Math.floor(pick('title') * 40)}`,
    errorCode,
    log: playbackLog(scenario, startAt, videoType, failed, (step) => noise(seed, 'log', minute, index, step)),
  };
}

/**
 * A player's action cycle: player_start, startup, a `playing` report every 60 s
 * (earlier when another action interrupts), now and then a pause, seek,
 * rebuffering or track change, and an `ended` or `error` at the end.
 */
function playbackLog(
  scenario: Scenario,
  startAt: number,
  videoType: SimVideoType,
  failed: boolean,
  random: (step: number) => number,
): SimLogEntry[] {
  let step = 0;
  const next = () => random(step++);
  const log: SimLogEntry[] = [];
  let t = startAt;
  let positionMs = 0;
  const push = (actionType: string, durationMs: number) =>
    log.push({ at: t, videoTimeS: Math.floor(positionMs / 1000), actionType, durationMs });
  const mediaLengthMs = () =>
    videoType === 'VOD' ? (60 + Math.floor(next() * 1800)) * 1000 : Number.POSITIVE_INFINITY;

  const ready = 3 + Math.floor(next() * 60);
  t += ready;
  push('player_start', ready);
  if (failed && next() < 0.4) {
    t += 500 + Math.floor(next() * 4000);
    push('error', 0);
    return log;
  }
  const spike = incidentActive(scenario, 'error-spike', startAt);
  const startup = () => {
    const took = 150 + Math.floor(next() ** 2 * (spike ? 6000 : 2500));
    t += took;
    push('startup', took);
  };
  startup();
  let mediaMs = mediaLengthMs();
  const leaveAt = Math.min(
    startAt + 30_000 + Math.floor(next() ** 2 * 22 * MINUTE),
    startAt + MAX_SESSION_MS - 3 * MINUTE,
  );
  const failAt = failed ? startAt + Math.floor(next() * (leaveAt - startAt)) : Number.POSITIVE_INFINITY;

  for (;;) {
    const roll = next();
    const interrupt =
      roll < 0.04
        ? 'paused'
        : roll < 0.07
          ? 'seeking'
          : roll < (spike ? 0.16 : 0.1)
            ? 'rebuffering'
            : roll < (spike ? 0.175 : 0.115)
              ? 'track'
              : null;
    // "reports events every 60 seconds": a player's timer, so a few ms either way.
    const beat = 59_960 + Math.floor(next() * 100);
    let span = Math.min(beat, mediaMs - positionMs, leaveAt - t, failAt - t);
    if (interrupt) span = Math.floor(span * next());
    if (span > 0) {
      t += span;
      positionMs += span;
      push('playing', span);
    }
    if (t >= failAt) {
      push('error', 0);
      return log;
    }
    if (positionMs >= mediaMs) {
      push('ended', 0);
      return log;
    }
    if (t >= leaveAt) return log; // the viewer closed the page: the last report is a `playing`
    if (interrupt === 'paused') {
      const held = 2000 + Math.floor(next() * 60_000);
      t += held;
      push('paused', held);
    } else if (interrupt === 'seeking') {
      const took = 100 + Math.floor(next() * 1400);
      t += took;
      if (Number.isFinite(mediaMs)) positionMs = Math.floor(next() * (mediaMs - 5000));
      push('seeking', took);
    } else if (interrupt === 'rebuffering') {
      const took = 300 + Math.floor(next() * (spike ? 9000 : 4000));
      t += took;
      push('rebuffering', took);
    } else if (interrupt === 'track') {
      push(next() < 0.3 ? 'prev_tarck' : 'next_track', 0); // NAVER's own spelling of "prev_track"
      positionMs = 0;
      mediaMs = mediaLengthMs();
      startup();
    }
  }
}

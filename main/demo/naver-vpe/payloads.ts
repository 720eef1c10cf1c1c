import { MINUTE, viewersAt, type Scenario } from '../scenario';
import { LIVE_SHARE, MOBILE_SHARE, VIEWER_KEY, type SimLogEntry, type SimSession } from './sessions';
import type { SimFilter, VisibleSession } from './recent';

/** Wire shapes of the simulated Media Analytics API, field for field as in NAVER's examples. */

/** NAVER's "YYYY-MM-DD HH:mm:ss", in UTC, no zone. */
export function formatUtc(at: number): string {
  return new Date(at).toISOString().slice(0, 19).replace('T', ' ');
}

function videoTime(seconds: number): string {
  const pad = (n: number) => String(Math.floor(n)).padStart(2, '0');
  return `${pad(seconds / 3600)}:${pad((seconds % 3600) / 60)}:${pad(seconds % 60)}`;
}

/** Seconds with NAVER's fractions ("playingTime": 244.624). */
const seconds = (ms: number) => Math.round(ms) / 1000;

function share(filter: SimFilter): number {
  const device = (filter.devices.has('Mobile') ? MOBILE_SHARE : 0) + (filter.devices.has('PC') ? 1 - MOBILE_SHARE : 0);
  const type = (filter.videoTypes.has('LIVE') ? LIVE_SHARE : 0) + (filter.videoTypes.has('VOD') ? 1 - LIVE_SHARE : 0);
  return device * type;
}

/** 60 per-minute points, newest first, ending with the last complete minute. */
export function viewerPoints(
  scenario: Scenario,
  now: number,
  filter: SimFilter,
): Array<{ currentViewerCnt: number; logDate: string }> {
  const newest = Math.floor(now / MINUTE) * MINUTE - MINUTE;
  return Array.from({ length: 60 }, (_, i) => {
    const at = newest - i * MINUTE;
    return {
      currentViewerCnt: Math.round(viewersAt(scenario, at, VIEWER_KEY) * share(filter)),
      logDate: formatUtc(at),
    };
  });
}

const PROFILES = {
  PC: {
    os: ['Windows / 10', 'Mac OS / 10.15.7 ↑', 'Windows / 11', 'Linux / x86_64'],
    browser: ['Chrome / 141.0', 'Edge / 141.0', 'Safari / 18.6', 'Firefox / 143.0'],
    screen: '1920x1080',
    origin: 'https://tv.example.com',
  },
  Mobile: {
    os: ['iOS / 18.6', 'Android / 15', 'Android / 14'],
    browser: ['Mobile Safari / 18.6', 'Chrome Mobile / 141.0', 'Samsung Internet / 28.0'],
    screen: '390x844',
    origin: 'https://m.tv.example.com',
  },
} as const;
const ISPS = ['KT', 'SK Broadband', 'LG U+', 'KT', 'SK Broadband', 'NTT', 'Comcast'];

function profileOf(session: SimSession) {
  const profile = PROFILES[session.device];
  const n = session.profile;
  const isp = ISPS[n % ISPS.length]!;
  return {
    os: profile.os[n % profile.os.length]!,
    browser: profile.browser[(n >> 3) % profile.browser.length]!,
    screen: profile.screen,
    origin: profile.origin,
    isp,
    nation: isp === 'NTT' ? 'JP' : isp === 'Comcast' ? 'US' : 'KR',
  };
}

const maskedUuid = (uuid: string) => `${uuid.slice(0, 8)}-****-****-****-${uuid.slice(-12)}`;
const sumOf = (log: readonly SimLogEntry[], ...types: string[]) =>
  log.filter((entry) => types.includes(entry.actionType)).reduce((sum, entry) => sum + entry.durationMs, 0);

function logPayload(seen: VisibleSession) {
  return seen.log.map((entry) => ({
    logDate: formatUtc(entry.at),
    videoTime: videoTime(entry.videoTimeS),
    actionType: entry.actionType,
    actionDuration: entry.durationMs,
    uuid: maskedUuid(seen.session.uuid),
  }));
}

/** One sessionRecent item; `no` is a string and the times are fractional seconds, as NAVER sends them. */
export function sessionItem(seen: VisibleSession) {
  const { session, log } = seen;
  const profile = profileOf(session);
  return {
    logDate: formatUtc(seen.lastAt),
    no: String(session.no),
    uuid: session.uuid,
    origin: profile.origin,
    os: profile.os,
    device: session.device,
    totalStartTime: seconds(sumOf(log, 'player_start', 'startup')),
    rebufferingTime: seconds(sumOf(log, 'rebuffering')),
    playingTime: seconds(sumOf(log, 'playing')),
    isError: log.some((entry) => entry.actionType === 'error'),
    sessionLog: logPayload(seen),
  };
}

/** sessionRecent/{uuid}: the documented sections (the field names inside `error` and `media` are not documented). */
export function sessionDetail(seen: VisibleSession) {
  const { session, log } = seen;
  const profile = profileOf(session);
  const failure = log.find((entry) => entry.actionType === 'error');
  return {
    startTime: {
      playerStartTimeSum: seconds(sumOf(log, 'player_start')),
      videoStartTimeSum: seconds(sumOf(log, 'startup')),
      totalStartTimeSum: seconds(sumOf(log, 'player_start', 'startup')),
    },
    user: {
      os: profile.os,
      isp: profile.isp,
      nation: profile.nation,
      address: profile.nation === 'KR' ? 'Seoul' : '',
      browser: profile.browser,
      ip: `203.0.113.${session.profile % 250}`,
      device: session.device,
      screen: profile.screen,
      lang: profile.nation === 'KR' ? 'ko-KR' : 'en-US',
      visitedPage: `${profile.origin}/watch`,
    },
    player: { playerName: 'VPE player', playerVersion: '1.4.2' },
    error:
      failure && session.errorCode
        ? {
            errorCode: session.errorCode,
            errorMessage: session.errorCode === 'E0003' ? 'network error' : 'cannot play',
            logDate: formatUtc(failure.at),
          }
        : {},
    sessionLog: logPayload(seen),
    media: { title: session.title, videoType: session.videoType },
  };
}

import { incidentActive, MINUTE, noise, type Scenario } from '../scenario';
import type { SimSession } from './sessions';

/**
 * Who takes part in a simulated session, and the QoS Zoom would report for
 * them, as Zoom's JSON (strings with units, some empty, some in other units).
 * A viewer-drop incident makes most people leave when it begins; an
 * error-spike incident makes everyone's network worse while it lasts.
 */

export interface SimUser {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly device: string;
  readonly networkType: string;
  readonly location: string;
  readonly join: number;
  readonly leave: number;
}

const NAMES = ['Ana', 'Bo', 'Chen', 'Dara', 'Eli', 'Farah', 'Goran', 'Hana', 'Ines', 'Jun', 'Kofi', 'Lena'];
const DEVICES = ['Windows', 'Mac', 'iOS', 'Android', 'Web'];
const NETWORKS = ['Wired', 'Wifi', 'Wifi', 'Cellular', 'Others'];
const LOCATIONS = ['San Jose (US)', 'Frankfurt (DE)', 'Tokyo (JP)', 'São Paulo (BR)', 'Sydney (AU)'];

export function usersOf(scenario: Scenario, session: SimSession): SimUser[] {
  const length = session.end - session.start;
  return Array.from({ length: session.size }, (_, index) => {
    const r = (what: string) => noise(scenario.seed, 'zoom-user', what, session.id, index);
    // The first user is the host, there from start to end; others come late or leave early.
    const join = index === 0 ? session.start : session.start + seconds(r('join') * 0.3 * length);
    const planned = index === 0 || r('stays') < 0.5 ? session.end : session.end - seconds(r('leave') * 0.3 * length);
    const drop = index === 0 ? null : dropDuring(scenario, join, planned);
    return {
      index,
      id: String(16_700_000 + Math.floor(r('id') * 1_000_000)),
      name: `${NAMES[(index + session.room) % NAMES.length]} ${String.fromCharCode(65 + index)}.`,
      device: pick(DEVICES, r('device')),
      networkType: pick(NETWORKS, r('network')),
      location: pick(LOCATIONS, r('location')),
      join,
      leave: drop !== null && r('drops') < 0.75 ? drop : planned,
    };
  });
}

export function userJson(user: SimUser, now: number): Record<string, unknown> {
  return {
    id: user.id,
    name: user.name,
    device: user.device,
    ip_address: `192.0.2.${(user.index * 37) % 250}`,
    location: user.location,
    network_type: user.networkType,
    data_center: 'SC',
    connection_type: user.index % 3 === 0 ? 'P2P' : 'UDP',
    join_time: iso(user.join),
    // A user still in a live session has no leave time yet.
    ...(user.leave <= now ? { leave_time: iso(user.leave) } : {}),
    user_key: `user-${user.index + 1}`,
  };
}

/** The last three one-minute QoS samples up to now (or until the user left). */
export function qosJson(scenario: Scenario, user: SimUser, now: number): Record<string, unknown> {
  const until = Math.min(now, user.leave);
  const samples = [];
  for (let at = Math.floor(until / MINUTE) * MINUTE, n = 0; at >= user.join && n < 3; at -= MINUTE, n++) {
    samples.unshift(qosSample(scenario, user, at));
  }
  return { ...userJson(user, now), user_qos: samples };
}

function qosSample(scenario: Scenario, user: SimUser, at: number): Record<string, unknown> {
  const r = (what: string) => noise(scenario.seed, 'zoom-qos', what, user.id, at);
  const bad = incidentActive(scenario, 'error-spike', at) ? 4 : 1;
  const mobile = user.networkType === 'Cellular' ? 2 : 1;
  const latency = Math.round((40 + 120 * r('latency')) * bad * mobile);
  const loss = Math.round(r('loss') * 10 * bad * mobile) / 10;
  const audio = {
    bitrate: `${20 + Math.round(r('ab') * 40)} kbps`,
    latency: `${latency} ms`,
    jitter: `${Math.round(r('jitter') * 20)} ms`,
    avg_loss: `${loss}%`,
    max_loss: `${Math.round(loss * 30) / 10}%`,
  };
  // Some users' cameras are off (Zoom then sends empty strings), and some
  // report video bitrates in Mbps rather than kbps: both happen upstream.
  const cameraOff = user.index % 7 === 4;
  const kbps = 300 + Math.round(r('vb') * 1500);
  const video = cameraOff
    ? { bitrate: '', latency: '', jitter: '', avg_loss: '', max_loss: '', resolution: '', frame_rate: '' }
    : {
        bitrate: user.index % 5 === 3 ? `${(kbps / 1000).toFixed(1)} Mbps` : `${kbps} kbps`,
        latency: `${latency + 10} ms`,
        jitter: `${Math.round(r('vjitter') * 30)} ms`,
        avg_loss: `${loss}%`,
        max_loss: `${Math.round(loss * 25) / 10}%`,
        resolution: r('res') < 0.6 ? '1280*720' : '640*360',
        frame_rate: `${r('fps') < 0.7 ? 25 : 15} fps`,
      };
  return { date_time: iso(at), audio_input: audio, audio_output: audio, video_input: video, video_output: video };
}

/** The minute a viewer-drop incident begins while the user is there, if one does. */
function dropDuring(scenario: Scenario, from: number, to: number): number | null {
  for (let at = Math.ceil(from / MINUTE) * MINUTE; at < to; at += MINUTE) {
    if (incidentActive(scenario, 'viewer-drop', at) && !incidentActive(scenario, 'viewer-drop', at - MINUTE)) return at;
  }
  return null;
}

function pick<T>(list: readonly T[], r: number): T {
  return list[Math.floor(r * list.length)] as T;
}

function seconds(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

export function iso(at: number): string {
  return new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

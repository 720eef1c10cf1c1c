import { MINUTE, noise, type Scenario } from '../scenario';
import { isBroadcasting, mediaViewersAt, type BroadcastOverrides, type SimMedia, type World } from './world';

/**
 * Player sessions, derived from the audience: every 15-minute slot of a
 * medium holds 0–3 sessions, more when more people watch. A session's id
 * encodes (medium, slot, k), so the events endpoint can rebuild any session
 * from its id alone without the simulator remembering anything.
 */

export const SLOT_MS = 15 * MINUTE;
const MAX_PER_SLOT = 3;

export interface SimPlayerSession {
  readonly sessionId: string;
  readonly media: SimMedia;
  readonly loadedAt: number;
  readonly endedAt: number | null;
}

export interface SessionWorld {
  readonly scenario: Scenario;
  readonly world: World;
  readonly overrides: BroadcastOverrides;
}

function sessionId(media: SimMedia, slot: number, k: number): string {
  return `ps${media.index.toString(36).padStart(2, '0')}${k}${slot.toString(36)}`;
}

export function slotSessionCount(w: SessionWorld, media: SimMedia, slot: number): number {
  const start = slot * SLOT_MS;
  const luck = noise(w.scenario.seed, 'sessions', media.id, slot);
  if (media.type === 'video') return luck < 0.3 ? 1 : 0;
  if (!isBroadcasting(media, start, w.overrides)) return 0;
  const share =
    mediaViewersAt(w.scenario, media, start, w.overrides) / Math.max(1, w.scenario.peakViewers * media.weight);
  return Math.min(MAX_PER_SLOT, Math.floor(MAX_PER_SLOT * share + luck));
}

function sessionAt(w: SessionWorld, media: SimMedia, slot: number, k: number, now: number): SimPlayerSession {
  const seed = w.scenario.seed;
  const loadedAt = slot * SLOT_MS + Math.floor(noise(seed, 'load', media.id, slot, k) * SLOT_MS);
  // Most sessions last minutes; one in ten stays for hours and collects more than a page of events.
  const long = noise(seed, 'long', media.id, slot, k) < 0.1;
  const minutes = long
    ? 60 + noise(seed, 'duration', media.id, slot, k) * 120
    : 1 + noise(seed, 'duration', media.id, slot, k) * 29;
  const durationMs = Math.round(minutes * MINUTE);
  const end = loadedAt + durationMs;
  return { sessionId: sessionId(media, slot, k), media, loadedAt, endedAt: end <= now ? end : null };
}

/** Sessions loaded in [from, to), none after `now`, oldest first. */
export function sessionsIn(
  w: SessionWorld,
  media: SimMedia,
  from: number,
  to: number,
  now: number,
): SimPlayerSession[] {
  const found: SimPlayerSession[] = [];
  const until = Math.min(to, now + 1);
  for (let slot = Math.floor(from / SLOT_MS); slot * SLOT_MS < until; slot++) {
    const count = slotSessionCount(w, media, slot);
    for (let k = 0; k < count; k++) {
      const session = sessionAt(w, media, slot, k, now);
      if (session.loadedAt >= from && session.loadedAt < until) found.push(session);
    }
  }
  return found.sort((a, b) => a.loadedAt - b.loadedAt);
}

/** The session behind an id, if that id could have been handed out by now. */
export function findSession(w: SessionWorld, id: string, now: number): SimPlayerSession | null {
  const match = /^ps([0-9a-z]{2})(\d)([0-9a-z]+)$/.exec(id);
  if (!match) return null;
  const media = w.world.media[parseInt(match[1]!, 36)];
  const k = Number(match[2]);
  const slot = parseInt(match[3]!, 36);
  if (!media || k >= slotSessionCount(w, media, slot)) return null;
  const session = sessionAt(w, media, slot, k, now);
  return session.loadedAt <= now ? session : null;
}

const DEVICES = [
  { type: 'computer', vendor: '', model: '' },
  { type: 'phone', vendor: 'Apple', model: 'iPhone' },
  { type: 'phone', vendor: 'Samsung', model: 'Galaxy S23' },
  { type: 'tablet', vendor: 'Apple', model: 'iPad' },
  { type: 'tv', vendor: 'LG', model: 'webOS TV' },
];
const SYSTEMS = [
  { name: 'Windows', shortname: 'WIN', version: '11' },
  { name: 'iOS', shortname: 'IOS', version: '17.4' },
  { name: 'Android', shortname: 'AND', version: '14' },
  { name: 'iOS', shortname: 'IOS', version: '17.2' },
  { name: 'webOS', shortname: 'WOS', version: '6.0' },
];
const CLIENTS = [
  { type: 'browser', name: 'Chrome', version: '124.0' },
  { type: 'browser', name: 'Safari', version: '17.4' },
  { type: 'browser', name: 'Firefox', version: '125.0' },
];
const PLACES = [
  { country: 'France', city: 'Paris' },
  { country: 'Germany', city: 'Berlin' },
  { country: 'United States', city: 'Chicago' },
  { country: 'Japan', city: 'Osaka' },
];

function pick<T>(list: readonly T[], r: number): T {
  return list[Math.floor(r * list.length) % list.length]!;
}

/** api.video's legacy analytics wrote offsets as "+00"; the provider must cope, so the simulator does it too. */
function legacyDate(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+00');
}

/** The JSON of one player session, shaped as the legacy analytics API describes it. */
export function playerSessionJson(w: SessionWorld, session: SimPlayerSession): Record<string, unknown> {
  const r = (what: string) => noise(w.scenario.seed, what, session.sessionId);
  const device = Math.floor(r('device') * DEVICES.length);
  return {
    session: {
      sessionId: session.sessionId,
      loadedAt: legacyDate(session.loadedAt),
      ...(session.endedAt === null ? {} : { endedAt: legacyDate(session.endedAt) }),
      metadata: [],
    },
    location: pick(PLACES, r('place')),
    referrer: { url: 'https://example.com/watch', medium: 'unknown', source: 'unknown', searchTerm: '' },
    device: DEVICES[device],
    os: SYSTEMS[device],
    client: pick(CLIENTS, r('client')),
  };
}

import { dailyShape, MINUTE, noise, viewersAt, type Scenario } from '../scenario';

/**
 * The simulated account's sessions, a pure function of (scenario, time): in
 * each 15-minute slot, each of a few "rooms" may start a session lasting 10 to
 * 90 minutes, more often at busy hours. Sizes follow the scenario's audience
 * curve, scaled down to meeting sizes (2 to 12 people).
 *
 * Ids look like Zoom's base64 ids ending in "==" and always contain "/": room
 * 0's begin with "/" and room 1's contain "//" (the two shapes Zoom wants
 * encoded twice), so every demo exercises the double-encoding rule. The slot
 * and room are written into the id, so a drill-down finds its session again.
 */

export const SLOT_MS = 15 * MINUTE;
export const MAX_DURATION_MS = 90 * MINUTE;
export const ROOMS = 6;

const ROOM_NAMES = ['Daily stand-up', 'Office hours', 'Support call', 'Workshop', 'Product demo', 'Town hall'];
/** Base64's alphabet without "/", so "/" appears only where we put it. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+';
const SLOT_DIGITS = 5;

export interface SimSession {
  readonly id: string;
  readonly slot: number;
  readonly room: number;
  readonly name: string;
  readonly key: string;
  readonly start: number;
  readonly end: number;
  /** Everyone who takes part over the whole session. */
  readonly size: number;
  readonly flags: {
    readonly voip: boolean;
    readonly video: boolean;
    readonly screenShare: boolean;
    readonly recording: boolean;
    readonly pstn: boolean;
  };
}

export function sessionAt(scenario: Scenario, slot: number, room: number): SimSession | null {
  const { seed } = scenario;
  const slotStart = slot * SLOT_MS;
  const chance = 0.1 + 0.5 * dailyShape(slotStart);
  if (room < 0 || room >= ROOMS || noise(seed, 'zoom-starts', slot, room) >= chance) return null;
  const start = slotStart + Math.floor((noise(seed, 'zoom-offset', slot, room) * SLOT_MS) / 1000) * 1000;
  const length = 10 * MINUTE + Math.floor((noise(seed, 'zoom-length', slot, room) * 80 * MINUTE) / 1000) * 1000;
  const audience = scenario.peakViewers > 0 ? viewersAt(scenario, start, 'zoom') / scenario.peakViewers : 0;
  const scale = 0.4 + 0.6 * noise(seed, 'zoom-size', slot, room);
  const pick = (what: string) => noise(seed, 'zoom-flag', what, slot, room);
  return {
    id: sessionId(seed, slot, room),
    slot,
    room,
    name: `${ROOM_NAMES[room]} ${new Date(start).toISOString().slice(11, 16)}`,
    key: `room-${room + 1}`,
    start,
    end: start + length,
    size: 2 + Math.round(10 * scale * Math.min(1, audience)),
    flags: {
      voip: true,
      video: pick('video') < 0.9,
      screenShare: pick('share') < 0.5,
      recording: pick('recording') < 0.3,
      pstn: pick('pstn') < 0.1,
    },
  };
}

/** Sessions that started in [from, to), oldest first. */
export function sessionsStartedIn(scenario: Scenario, from: number, to: number): SimSession[] {
  const found: SimSession[] = [];
  for (let slot = Math.floor(from / SLOT_MS); slot * SLOT_MS < to; slot++) {
    for (let room = 0; room < ROOMS; room++) {
      const session = sessionAt(scenario, slot, room);
      if (session && session.start >= from && session.start < to) found.push(session);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

export function liveSessions(scenario: Scenario, at: number): SimSession[] {
  return sessionsStartedIn(scenario, at - MAX_DURATION_MS, at + 1).filter((session) => session.end > at);
}

/** Undoes `sessionId`: the slot and room it names, if the id is one of ours. */
export function findSession(scenario: Scenario, id: string): SimSession | null {
  const body = id.startsWith('/') ? id.slice(1) : id;
  let slot = 0;
  for (const char of body.slice(0, SLOT_DIGITS)) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) return null;
    slot = slot * ALPHABET.length + digit;
  }
  const room = ALPHABET.indexOf(body.charAt(SLOT_DIGITS));
  const session = room < 0 ? null : sessionAt(scenario, slot, room);
  return session?.id === id ? session : null;
}

function sessionId(seed: number, slot: number, room: number): string {
  let digits = '';
  for (let rest = slot, i = 0; i < SLOT_DIGITS; i++, rest = Math.floor(rest / ALPHABET.length)) {
    digits = ALPHABET.charAt(rest % ALPHABET.length) + digits;
  }
  const filler = (count: number, part: number) =>
    Array.from({ length: count }, (_, i) =>
      ALPHABET.charAt(Math.floor(noise(seed, 'zoom-id', slot, room, part, i) * ALPHABET.length)),
    ).join('');
  const head = `${digits}${ALPHABET.charAt(room)}`;
  if (room === 0) return `/${head}${filler(15, 0)}==`;
  if (room === 1) return `${head}//${filler(14, 0)}==`;
  return `${head}${filler(3, 0)}/${filler(12, 1)}==`;
}

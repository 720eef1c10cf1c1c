import { MINUTE, noise, viewersAt, type Scenario } from '../scenario';

/**
 * The simulated api.video account: live streams that go on and off air on the
 * scenario clock, a few videos, and who watches them. Everything is a pure
 * function of (scenario, time), so any request can be answered at any moment
 * and two requests about the same minute agree.
 */

export interface SimMedia {
  readonly id: string;
  readonly type: 'live-stream' | 'video';
  readonly name: string;
  /** Position in the world's media list, encoded into session ids. */
  readonly index: number;
  /** Share of the scenario's audience this medium gets while it is on. */
  readonly weight: number;
  /** Live streams: the broadcast cycle. Stream 0 never stops (a 24/7 channel). */
  readonly cycleMs: number;
  readonly onMs: number;
  readonly offsetMs: number;
}

export interface World {
  readonly media: readonly SimMedia[];
}

export interface WorldOptions {
  readonly liveStreams?: number;
  readonly videos?: number;
}

const STREAM_NAMES = ['Main channel', 'Studio B', 'Match day', 'Night show', 'Backstage'];
const VIDEO_NAMES = ['Product tour', 'Keynote replay', 'How-to: setup', 'Trailer'];

/** Ids shaped like api.video's ("li…" for live streams, "vi…" for videos), stable for a seed. */
function mediaId(prefix: string, seed: number, index: number): string {
  const tail = Math.floor(noise(seed, prefix, index) * 36 ** 8)
    .toString(36)
    .padStart(8, '0');
  return `${prefix}${index.toString(36)}${tail}`;
}

export function createWorld(seed: number, options: WorldOptions = {}): World {
  const streams = options.liveStreams ?? 3;
  const videos = options.videos ?? 2;
  const harmonic = Array.from({ length: streams }, (_, i) => 1 / (i + 1)).reduce((a, b) => a + b, 0);
  const media: SimMedia[] = [];
  for (let i = 0; i < streams; i++) {
    const cycleMs = (60 + 30 * i) * MINUTE;
    media.push({
      id: mediaId('li', seed, i),
      type: 'live-stream',
      name: STREAM_NAMES[i % STREAM_NAMES.length]! + (i >= STREAM_NAMES.length ? ` ${i + 1}` : ''),
      index: media.length,
      weight: 1 / (i + 1) / harmonic,
      cycleMs,
      onMs: i === 0 ? cycleMs : Math.round(cycleMs * 0.6),
      offsetMs: Math.floor(noise(seed, 'offset', i) * cycleMs),
    });
  }
  for (let i = 0; i < videos; i++) {
    media.push({
      id: mediaId('vi', seed, i),
      type: 'video',
      name: VIDEO_NAMES[i % VIDEO_NAMES.length]!,
      index: media.length,
      weight: 0.03,
      cycleMs: 0,
      onMs: 0,
      offsetMs: 0,
    });
  }
  return { media };
}

/** Overrides set by a control (tests, demos) win over the schedule. */
export type BroadcastOverrides = ReadonlyMap<string, boolean>;

export function isBroadcasting(media: SimMedia, at: number, overrides: BroadcastOverrides = new Map()): boolean {
  if (media.type !== 'live-stream') return false;
  const forced = overrides.get(media.id);
  if (forced !== undefined) return forced;
  if (media.onMs >= media.cycleMs) return true;
  const phase = (((at + media.offsetMs) % media.cycleMs) + media.cycleMs) % media.cycleMs;
  return phase < media.onMs;
}

/** Concurrent viewers of one medium at a time; a live stream off air has none. */
export function mediaViewersAt(
  scenario: Scenario,
  media: SimMedia,
  at: number,
  overrides: BroadcastOverrides = new Map(),
): number {
  if (media.type === 'live-stream' && !isBroadcasting(media, at, overrides)) return 0;
  return Math.round(viewersAt(scenario, at, media.id) * media.weight);
}

export function findMedia(world: World, id: string, type?: SimMedia['type']): SimMedia | undefined {
  return world.media.find((media) => media.id === id && (type === undefined || media.type === type));
}

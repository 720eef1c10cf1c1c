import type { EventType, Session, SessionEvent, ViewerPoint } from '@shared/model/samples';
import type { RawEvent, RawLiveStream, RawPlayerSession, TimeseriesPoint } from './schema';

/** Pure mapping from parsed api.video payloads to the shared model. No I/O, no clock. */

const MINUTE = 60_000;

const EVENT_TYPES: Readonly<Record<string, EventType>> = {
  ready: 'ready',
  play: 'play',
  pause: 'pause',
  resume: 'resume',
  'seek.forward': 'seek',
  'seek.backward': 'seek',
  end: 'end',
};

export function toEventType(rawType: string): EventType {
  return EVENT_TYPES[rawType] ?? 'unknown';
}

/** `at` is the player position in seconds; seeks have no `at` but say where from and where to. */
export function toSessionEvent(raw: RawEvent): SessionEvent {
  return {
    at: raw.emittedAt,
    type: toEventType(raw.type),
    rawType: raw.type,
    durationMs: null,
    positionS: raw.at ?? null,
    fromS: raw.from ?? null,
    toS: raw.to ?? null,
    subject: null,
    details: {},
  };
}

export type MediaType = 'live-stream' | 'video';

export interface Media {
  readonly id: string;
  readonly type: MediaType;
  readonly name: string | null;
}

function joined(...parts: Array<string | null | undefined>): string | null {
  const text = parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '').join(' ');
  return text === '' ? null : text;
}

/** A player session as listed. api.video says nothing about failure, startup or rebuffering: those stay null. */
export function toSession(sourceId: string, raw: RawPlayerSession, media: Media): Session {
  const device = raw.device;
  const deviceModel = joined(device?.vendor, device?.model);
  return {
    sourceId,
    id: raw.session.sessionId,
    startedAt: raw.session.loadedAt ?? null,
    endedAt: raw.session.endedAt ?? null,
    device: joined(device?.type, deviceModel ? `(${deviceModel})` : null),
    os: joined(raw.os?.name, raw.os?.version),
    videoType: media.type === 'live-stream' ? 'live' : 'vod',
    failed: null,
    failures: [],
    startupTimeMs: null,
    rebufferingMs: null,
    playingMs: null,
    viewerId: null,
    title: media.name,
    country: raw.location?.country ?? null,
    participants: null,
    attributes: {
      mediaType: media.type,
      mediaId: media.id,
      city: raw.location?.city ?? null,
      client: joined(raw.client?.name, raw.client?.version),
      referrer: raw.referrer?.url ?? null,
    },
    events: null,
  };
}

/**
 * A session rebuilt from its events alone: the events endpoint does not repeat
 * the session's metadata, so start and end come from the events themselves.
 */
export function toSessionWithEvents(
  sourceId: string,
  sessionId: string,
  raw: readonly RawEvent[],
  note: string | null,
): Session {
  const events = raw.map(toSessionEvent);
  const times = events.map((event) => event.at);
  const ends = events.filter((event) => event.type === 'end').map((event) => event.at);
  return {
    sourceId,
    id: sessionId,
    startedAt: times.length > 0 ? Math.min(...times) : null,
    endedAt: ends.length > 0 ? Math.max(...ends) : null,
    device: null,
    os: null,
    videoType: null,
    failed: null,
    failures: [],
    startupTimeMs: null,
    rebufferingMs: null,
    playingMs: null,
    viewerId: null,
    title: null,
    country: null,
    participants: null,
    attributes: note ? { note } : {},
    events,
  };
}

/**
 * The per-minute ccv-peak series plus the live ccv as the newest point. The
 * live value is placed at the start of the current minute so the series stays
 * one point per minute: the next poll's ccv-peak for that minute replaces it.
 */
export function toViewerPoints(
  series: readonly TimeseriesPoint[],
  viewersNow: number | null,
  now: number,
): ViewerPoint[] {
  const currentMinute = Math.floor(now / MINUTE) * MINUTE;
  const points = new Map<number, number>();
  for (const point of series) {
    if (point.metricValue === null) continue;
    if (viewersNow !== null && point.emittedAt >= currentMinute) continue;
    points.set(point.emittedAt, point.metricValue);
  }
  if (viewersNow !== null) points.set(currentMinute, viewersNow);
  return [...points.entries()].sort(([a], [b]) => a - b).map(([at, viewers]) => ({ at, viewers }));
}

/** The testConnection sentence: "3 live streams (1 broadcasting), 41 viewers now". */
export function describeAccount(streams: readonly RawLiveStream[] | null, viewersNow: number | null): string {
  const parts: string[] = [];
  if (streams) {
    const live = streams.filter((stream) => stream.broadcasting === true).length;
    parts.push(`${plural(streams.length, 'live stream')} (${live} broadcasting)`);
  }
  parts.push(viewersNow === null ? 'no viewer data yet' : `${plural(viewersNow, 'viewer')} now`);
  return parts.join(', ');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

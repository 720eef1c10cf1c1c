import type { EventType, Session, SessionEvent, ViewerPoint } from '@shared/model/samples';
import type { RawEvent, RawLiveStream, RawPlayerSession, TimeseriesPoint } from './schema';
import { plural } from '../loose-values';

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

/**
 * Like joined, but "unknown" (the spec's own example value for device and OS
 * fields) is said once at most: "desktop (unknown unknown)" becomes "desktop".
 */
function joinedKnown(...parts: Array<string | null | undefined>): string | null {
  const isUnknown = (part: string | null | undefined) => part?.trim().toLowerCase() === 'unknown';
  const known = joined(...parts.filter((part) => !isUnknown(part)));
  return known ?? (parts.some(isUnknown) ? 'unknown' : null);
}

/** A player session as listed. api.video says nothing about failure, startup or rebuffering: those stay null. */
export function toSession(sourceId: string, raw: RawPlayerSession, media: Media): Session {
  const device = raw.device;
  const deviceModel = joinedKnown(device?.vendor, device?.model);
  return {
    sourceId,
    // A session listed without its id gets a stand-in from its medium and load time (it has no events view).
    id: raw.session.sessionId ?? `${media.id}@${new Date(raw.session.loadedAt ?? 0).toISOString()}`,
    startedAt: raw.session.loadedAt ?? null,
    endedAt: raw.session.endedAt ?? null,
    device: joinedKnown(device?.type, deviceModel && deviceModel !== 'unknown' ? `(${deviceModel})` : deviceModel),
    os: joinedKnown(raw.os?.name, raw.os?.version),
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
  // One pass for the first event and the last end, with no arrays made for two numbers.
  let startedAt: number | null = null;
  let endedAt: number | null = null;
  for (const event of events) {
    if (startedAt === null || event.at < startedAt) startedAt = event.at;
    if (event.type === 'end' && (endedAt === null || event.at > endedAt)) endedAt = event.at;
  }
  return {
    sourceId,
    id: sessionId,
    startedAt,
    endedAt,
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
    if (point.metricValue == null) continue;
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
  // ccv may be fractional (the spec's example is 346.5): a sentence shows it whole.
  parts.push(viewersNow === null ? 'no viewer data yet' : `${plural(Math.round(viewersNow), 'viewer')} now`);
  return parts.join(', ');
}

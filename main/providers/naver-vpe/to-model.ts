import type { EventType, Session, SessionEvent, ViewerPoint } from '@shared/model/samples';
import { parseLogDate, parseVideoTime } from './log-date';
import type { ErrorInfoRaw, SessionDetailRaw, SessionItemRaw, SessionLogEntryRaw, ViewerPointRaw } from './schema';

/** What the mapper needs besides the payload; all of it comes from the source's settings. */
export interface MapContext {
  readonly sourceId: string;
  /** IANA zone NAVER's zone-less `logDate` strings are read in. */
  readonly timeZone: string;
  /** The source asks for one video type only ('VOD' or 'LIVE'): then every session is of that type. */
  readonly videoType: string | null;
}

type Scalar = string | number | boolean | null;

/**
 * The one place that decides units. `totalStartTime`, `rebufferingTime`,
 * `playingTime` and the detail's `*StartTimeSum` are seconds (with fractions,
 * `"playingTime": 244.624`). `actionDuration` is documented as seconds too, but
 * NAVER's own example reports a 30-second `playing` span as 30057: it is
 * milliseconds, and is read as such.
 */
export function secondsToMs(seconds: number | null | undefined): number | null {
  return typeof seconds === 'number' && Number.isFinite(seconds) ? Math.round(seconds * 1000) : null;
}
function actionDurationToMs(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** NAVER's log entries carry no details: one frozen empty record serves all 6,000 events of a page. */
const NO_DETAILS: Readonly<Record<string, never>> = Object.freeze({});

/** NAVER's action words. `prev_tarck` is NAVER's spelling (sic) and is matched exactly. */
const ACTION_TYPES: Readonly<Record<string, EventType>> = {
  player_start: 'ready',
  startup: 'startup',
  playing: 'playing',
  paused: 'pause',
  seeking: 'seek',
  rebuffering: 'rebuffering',
  prev_tarck: 'track-change',
  next_track: 'track-change',
  ended: 'end',
  error: 'error',
};

export function eventTypeOf(actionType: string): EventType {
  return Object.hasOwn(ACTION_TYPES, actionType) ? ACTION_TYPES[actionType]! : 'unknown';
}

/** Player error codes listed in NAVER's player documentation. */
const PLAYER_ERRORS: Readonly<Record<string, string>> = {
  E0001: 'access denied',
  E0002: 'not authorized',
  E0003: 'network error',
  E0004: 'cannot play',
  E0005: 'invalid license',
  E0006: 'monthly limit reached',
};

export function toViewerPoints(raw: readonly ViewerPointRaw[], timeZone: string): ViewerPoint[] {
  const points: ViewerPoint[] = [];
  for (const point of raw) {
    const at = parseLogDate(point.logDate, timeZone);
    if (at !== null) points.push({ at, viewers: point.currentViewerCnt });
  }
  // NAVER sends newest first; the model's series runs forward in time.
  return points.sort((a, b) => a.at - b.at);
}

export function toEvents(log: readonly SessionLogEntryRaw[], timeZone: string): SessionEvent[] {
  const events: SessionEvent[] = [];
  for (const entry of log) {
    const at = parseLogDate(entry.logDate, timeZone);
    if (at === null) continue;
    events.push({
      at,
      type: eventTypeOf(entry.actionType),
      rawType: entry.actionType,
      durationMs: actionDurationToMs(entry.actionDuration),
      positionS: parseVideoTime(entry.videoTime),
      fromS: null,
      toS: null,
      subject: null,
      details: NO_DETAILS,
    });
  }
  // Stable: entries logged in the same second keep NAVER's order (player_start before startup).
  return events.sort((a, b) => a.at - b.at);
}

export function toSession(item: SessionItemRaw, context: MapContext): Session {
  const events = toEvents(item.sessionLog, context.timeZone);
  const itemAt = item.logDate ? parseLogDate(item.logDate, context.timeZone) : null;
  const failed = failedFrom(item.isError, events);
  return {
    sourceId: context.sourceId,
    id: item.uuid,
    startedAt: events[0]?.at ?? itemAt,
    endedAt: events.at(-1)?.at ?? itemAt,
    device: item.device ?? null,
    os: item.os ?? null,
    videoType: context.videoType,
    failed,
    failures: failed ? [{ kind: 'error', label: 'The player reported an error' }] : [],
    startupTimeMs: secondsToMs(item.totalStartTime),
    rebufferingMs: secondsToMs(item.rebufferingTime),
    playingMs: secondsToMs(item.playingTime),
    viewerId: null,
    title: null,
    country: null,
    participants: null,
    attributes: compact({ origin: item.origin, no: item.no }),
    events,
  };
}

/** The detail of one session; `uuid` is the id it was asked for (the detail does not repeat it). */
export function toSessionDetail(
  uuid: string,
  detail: SessionDetailRaw | null | undefined,
  context: MapContext,
): Session {
  const events = toEvents(detail?.sessionLog ?? [], context.timeZone);
  const failures = (detail?.error ?? []).map(failureOf).filter((failure) => failure !== null);
  const hasErrorEvent = events.some((event) => event.type === 'error');
  const user = detail?.user;
  const media = detail?.media ?? {};
  const startTime = detail?.startTime;
  const mediaType = textOf(media.videoType ?? media.type);
  return {
    sourceId: context.sourceId,
    id: uuid,
    startedAt: events[0]?.at ?? null,
    endedAt: events.at(-1)?.at ?? null,
    device: user?.device ?? null,
    os: user?.os ?? null,
    videoType: mediaType === 'VOD' || mediaType === 'LIVE' ? mediaType : context.videoType,
    failed: failures.length > 0 || hasErrorEvent ? true : events.length > 0 ? false : null,
    failures:
      failures.length === 0 && hasErrorEvent ? [{ kind: 'error', label: 'The player reported an error' }] : failures,
    startupTimeMs: secondsToMs(startTime?.totalStartTimeSum),
    rebufferingMs: sumDurations(events, 'rebuffering'),
    playingMs: sumDurations(events, 'playing'),
    viewerId: null,
    title: textOf(media.title ?? media.mediaTitle ?? media.name) ?? null,
    country: user?.nation ?? null,
    participants: null,
    attributes: compact({
      isp: user?.isp,
      browser: user?.browser,
      screen: user?.screen,
      language: user?.lang,
      page: user?.visitedPage,
      playerStartMs: secondsToMs(startTime?.playerStartTimeSum),
      videoStartMs: secondsToMs(startTime?.videoStartTimeSum),
      ...prefixed('player', detail?.player ?? {}),
      ...prefixed('media', media),
    }),
    events,
  };
}

function failedFrom(isError: boolean | null | undefined, events: readonly SessionEvent[]): boolean | null {
  if (isError === true || events.some((event) => event.type === 'error')) return true;
  return isError === false || events.length > 0 ? false : null;
}

function failureOf(info: ErrorInfoRaw): { kind: string; label: string } | null {
  const code = info.errorCode ?? info.code ?? null;
  const said = info.errorMessage ?? info.message ?? null;
  if (code === null && said === null) return null;
  const known = code !== null ? PLAYER_ERRORS[code.toUpperCase()] : undefined;
  const label = [code, said ?? known].filter((part) => part).join(' ');
  return { kind: code ?? 'error', label };
}

function sumDurations(events: readonly SessionEvent[], type: EventType): number | null {
  if (events.length === 0) return null;
  return events.filter((event) => event.type === type).reduce((sum, event) => sum + (event.durationMs ?? 0), 0);
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== ''
    ? value
    : typeof value === 'number'
      ? String(value)
      : undefined;
}

/** Scalars of an undocumented section, as "player.playerName" and the like; nested values are skipped. */
function prefixed(prefix: string, section: Readonly<Record<string, unknown>>): Record<string, Scalar> {
  const out: Record<string, Scalar> = {};
  for (const [key, value] of Object.entries(section)) {
    if (
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value))
    ) {
      out[`${prefix}.${key}`] = value;
    }
  }
  return out;
}

function compact(values: Readonly<Record<string, Scalar | undefined>>): Record<string, Scalar> {
  const out: Record<string, Scalar> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== null) out[key] = value;
  return out;
}

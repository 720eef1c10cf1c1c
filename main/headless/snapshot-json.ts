import type { SourceError } from '@shared/model/errors';
import type { Session, SessionEvent } from '@shared/model/samples';
import type { Health, Snapshot, SourceState } from '@shared/model/state';

/**
 * The JSON that `headless --once` and `--session` print. This is a public
 * scripting interface (documented in the README): keys and meanings stay
 * stable, times are ISO 8601 UTC strings, and an unknown value is null,
 * never a missing key. Pure functions, so the format is pinned by unit tests.
 */

export interface SnapshotJson {
  readonly generatedAt: string;
  /** True when any data comes from the built-in simulators, not a real account. */
  readonly demo: boolean;
  readonly sources: readonly SourceJson[];
  readonly viewers: readonly ViewerJson[];
  readonly sessions: readonly SessionJson[];
}

export interface SourceJson {
  readonly id: string;
  readonly provider: string;
  /** True for a built-in simulator's source. */
  readonly demo: boolean;
  readonly health: 'ok' | 'error';
  readonly error: { readonly kind: string; readonly message: string } | null;
}

export interface ViewerJson {
  readonly sourceId: string;
  readonly at: string;
  readonly viewers: number;
}

export interface EventJson {
  readonly at: string;
  readonly type: string;
  readonly rawType: string;
}

export interface SessionJson {
  readonly sourceId: string;
  readonly id: string;
  readonly startedAt: string | null;
  readonly endedAt: string | null;
  readonly device: string | null;
  readonly os: string | null;
  readonly failed: boolean | null;
  readonly startupTimeMs: number | null;
  readonly rebufferingMs: number | null;
  readonly playingMs: number | null;
  /** Null where the platform does not give events with its session list. */
  readonly events: readonly EventJson[] | null;
}

/** `--session`: the same session keys, plus what the detail view knows, and every event in full. */
export interface SessionDetailJson extends Omit<SessionJson, 'events'> {
  readonly videoType: string | null;
  readonly failures: readonly { readonly kind: string; readonly label: string }[];
  readonly viewerId: string | null;
  readonly title: string | null;
  readonly country: string | null;
  readonly participants: number | null;
  readonly attributes: Readonly<Record<string, string | number | boolean | null>>;
  readonly events: readonly EventDetailJson[] | null;
}

export interface EventDetailJson extends EventJson {
  readonly durationMs: number | null;
  readonly positionS: number | null;
  readonly fromS: number | null;
  readonly toS: number | null;
  readonly subject: string | null;
  readonly details: Readonly<Record<string, string | number | boolean | null>>;
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

function isoOrNull(ms: number | null): string | null {
  return ms === null || !Number.isFinite(ms) ? null : isoTime(ms);
}

/**
 * A script asks one question: did this source answer? Anything but `ok` is
 * an error, with a sentence even when the engine held none (a source that
 * was never polled, or one paused until later).
 */
export function sourceHealthJson(source: SourceState): SourceJson {
  const base = { id: source.id, provider: source.provider, demo: source.demo };
  const health: Health = source.health;
  switch (health.status) {
    case 'ok':
      return { ...base, health: 'ok', error: null };
    case 'error':
      return { ...base, health: 'error', error: errorJson(health.error) };
    case 'paused':
      // The engine pauses a source only for a platform's daily request cap; the reason says until when.
      return { ...base, health: 'error', error: { kind: 'rate-limited', message: health.reason } };
    case 'unknown':
      return {
        ...base,
        health: 'error',
        error: { kind: 'timeout', message: `${source.name} gave no answer during this run.` },
      };
  }
}

function errorJson(error: SourceError): { kind: string; message: string } {
  return { kind: error.kind, message: error.message };
}

export function eventJson(event: SessionEvent): EventJson {
  return { at: isoTime(event.at), type: event.type, rawType: event.rawType };
}

export function sessionJson(session: Omit<Session, 'events'>, events: readonly SessionEvent[] | null): SessionJson {
  return {
    sourceId: session.sourceId,
    id: session.id,
    startedAt: isoOrNull(session.startedAt),
    endedAt: isoOrNull(session.endedAt),
    device: session.device,
    os: session.os,
    failed: session.failed,
    startupTimeMs: session.startupTimeMs,
    rebufferingMs: session.rebufferingMs,
    playingMs: session.playingMs,
    events: events === null ? null : events.map(eventJson),
  };
}

export function sessionDetailJson(session: Session): SessionDetailJson {
  const { events: _summary, ...base } = sessionJson(session, null);
  return {
    ...base,
    videoType: session.videoType,
    failures: session.failures.map(({ kind, label }) => ({ kind, label })),
    viewerId: session.viewerId,
    title: session.title,
    country: session.country,
    participants: session.participants,
    attributes: session.attributes,
    events:
      session.events === null
        ? null
        : session.events.map((event) => ({
            ...eventJson(event),
            durationMs: event.durationMs,
            positionS: event.positionS,
            fromS: event.fromS,
            toS: event.toS,
            subject: event.subject,
            details: event.details,
          })),
  };
}

/** Looks up a held session's events; the snapshot's rows carry only a count. */
export type EventsOf = (sourceId: string, sessionId: string) => readonly SessionEvent[] | null;

/**
 * Viewers in source order then time (oldest first, as a script plotting them
 * expects); sessions newest first, undated ones last, as the dashboard lists them.
 */
export function snapshotJson(snapshot: Snapshot, eventsOf: EventsOf): SnapshotJson {
  const order = new Map(snapshot.sources.map((source, index) => [source.id, index]));
  const rank = (sourceId: string) => order.get(sourceId) ?? Number.MAX_SAFE_INTEGER;
  const viewers = snapshot.series
    .flatMap((series) =>
      series.points.map((point) => ({ sourceId: series.sourceId, at: point.at, viewers: point.viewers })),
    )
    .sort((a, b) => rank(a.sourceId) - rank(b.sourceId) || a.at - b.at)
    .map((point) => ({ sourceId: point.sourceId, at: isoTime(point.at), viewers: point.viewers }));
  const sessions = [...snapshot.sessions]
    .sort((a, b) => (b.startedAt ?? -Infinity) - (a.startedAt ?? -Infinity) || rank(a.sourceId) - rank(b.sourceId))
    .map((row) => {
      const { eventCount: _count, ...session } = row;
      return sessionJson(session, eventsOf(row.sourceId, row.id));
    });
  return {
    generatedAt: isoTime(snapshot.generatedAt),
    demo: snapshot.demo,
    sources: snapshot.sources.map(sourceHealthJson),
    viewers,
    sessions,
  };
}

/** 0 when every source answered, 2 when any did not (the snapshot is printed either way). */
export function exitCodeFor(json: Pick<SnapshotJson, 'sources'>): 0 | 2 {
  return json.sources.every((source) => source.health === 'ok') ? 0 : 2;
}

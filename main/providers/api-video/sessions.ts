import type { SourceError } from '@shared/model/errors';
import type { Sample, Session } from '@shared/model/samples';
import { ok, type Result } from '@shared/result';
import type { ApiVideoClient } from './client';
import { isRestricted, periodFor, type ApiVideoOptions } from './options';
import { pageQuery, readPages, type Pages } from './paging';
import { LiveStreamsPageSchema, PlayerSessionsPageSchema, type RawLiveStream } from './schema';
import { toSession, type Media } from './to-model';

/**
 * Request budget of one sessions poll (every 5 minutes): at most 25 requests,
 * which with the viewers' 2 a minute stays under half of the sandbox's
 * 100 reads a minute (production allows 500). Within it: up to 5 pages of
 * live streams (500 streams), then the player sessions of at most 5 media,
 * broadcasting streams first and the others in turn across polls.
 */
export const SESSIONS_REQUEST_BUDGET = 25;
export const MAX_MEDIA_PER_POLL = 5;
export const LIVE_STREAM_PAGES = 5;
export const SESSION_PAGES_PER_MEDIA = 4;

/** The legacy analytics endpoints left the public spec in 2023: a 404 means the account lacks them, not an outage. */
export const LEGACY_NOTE =
  'Session data not available for this account: api.video answered 404 for player-session analytics (removed from its public API in 2023).';

export interface SessionsContext {
  readonly sourceId: string;
  readonly client: ApiVideoClient;
  readonly options: ApiVideoOptions;
  readonly now: () => number;
}

export function listLiveStreams(
  ctx: SessionsContext,
  signal: AbortSignal,
): Promise<Result<Pages<RawLiveStream>, SourceError>> {
  return readPages(
    'live streams',
    (page) => ctx.client.get('/live-streams', pageQuery(page), LiveStreamsPageSchema, signal),
    LIVE_STREAM_PAGES,
  );
}

/** Broadcasting streams first; the rest rotate from `cursor` so every medium gets its turn. */
export function chooseMedia(live: readonly Media[], idle: readonly Media[], cursor: number): Media[] {
  const chosen = live.slice(0, MAX_MEDIA_PER_POLL);
  const room = Math.min(MAX_MEDIA_PER_POLL - chosen.length, idle.length);
  for (let i = 0; i < room; i++) chosen.push(idle[(cursor + i) % idle.length]!);
  return chosen;
}

export function createSessionsPoll(
  ctx: SessionsContext,
): (signal: AbortSignal) => Promise<Result<Sample, SourceError>> {
  let cursor = 0;
  const { client, options } = ctx;

  return async (signal) => {
    const start = client.requestCount();
    const notes: string[] = [];
    const live: Media[] = [];
    const idle: Media[] = [];
    const watchStreams = !isRestricted(options) || options.liveStreamIds.length > 0;
    if (watchStreams) {
      const streams = await listLiveStreams(ctx, signal);
      if (!streams.ok) return streams;
      if (streams.value.note) notes.push(streams.value.note);
      const wanted = new Set(options.liveStreamIds);
      const found = streams.value.items.filter((s) => wanted.size === 0 || wanted.has(s.liveStreamId));
      for (const stream of found) {
        const media: Media = { id: stream.liveStreamId, type: 'live-stream', name: stream.name ?? null };
        (stream.broadcasting === true ? live : idle).push(media);
      }
      const missing = options.liveStreamIds.filter((id) => !found.some((s) => s.liveStreamId === id));
      if (missing.length > 0) notes.push(`Live streams not found in this account: ${missing.join(', ')}.`);
    }
    idle.push(...options.videoIds.map((id): Media => ({ id, type: 'video', name: null })));

    const chosen = chooseMedia(live, idle, cursor);
    cursor += Math.max(0, chosen.length - Math.min(live.length, MAX_MEDIA_PER_POLL));
    const total = live.length + idle.length;
    if (total > chosen.length)
      notes.push(`Player sessions are read for ${chosen.length} of ${total} media per poll, in turn.`);

    const period = periodFor(options.sessionsPeriod, ctx.now());
    const sessions = new Map<string, Session>();
    for (const media of chosen) {
      const left = SESSIONS_REQUEST_BUDGET - (client.requestCount() - start);
      if (left <= 0) {
        notes.push(`Stopped at ${SESSIONS_REQUEST_BUDGET} requests for this poll; the other media come next time.`);
        break;
      }
      const path = `/analytics/${media.type}s/${encodeURIComponent(media.id)}`;
      const read = await readPages(
        `player sessions of ${media.name ?? media.id}`,
        (page) => client.get(path, [['period', period], ...pageQuery(page)], PlayerSessionsPageSchema, signal),
        Math.min(SESSION_PAGES_PER_MEDIA, left),
      );
      if (!read.ok) {
        if (read.error.status === 404) {
          notes.push(LEGACY_NOTE);
          break;
        }
        return read;
      }
      if (read.value.note) notes.push(read.value.note);
      for (const raw of read.value.items) sessions.set(raw.session.sessionId, toSession(ctx.sourceId, raw, media));
    }

    const rateLimit = client.rateLimit();
    return ok({
      sessions: [...sessions.values()],
      // Always sent, even empty: the hub keeps an endpoint's notes until its next sample replaces them.
      notes,
      ...(rateLimit ? { rateLimit } : {}),
    });
  };
}

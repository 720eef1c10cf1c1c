import { DAY, MINUTE, type Scenario } from '../scenario';
import type { SimRequest, SimResponse } from '../sim-server';
import { eventsOf } from './events';
import { isPageRequest, paginate, readPageRequest, type LyingPagination } from './paging';
import { findSession, playerSessionJson, sessionsIn, type SessionWorld } from './player-sessions';
import { problem } from './problems';
import { findMedia, isBroadcasting, mediaViewersAt, type BroadcastOverrides, type SimMedia, type World } from './world';

/** What every route reads: the world, the clock's reading for this request, and the switches. */
export interface RouteContext {
  readonly scenario: Scenario;
  readonly world: World;
  readonly overrides: BroadcastOverrides;
  readonly now: number;
  readonly lying: LyingPagination;
  readonly sandbox: boolean;
}

const ok = (body: unknown): SimResponse => ({ status: 200, body });
const notFound = (what: string) => problem(404, 'not-found', 'The requested resource was not found.', { detail: what });
const iso = (ms: number) => new Date(ms).toISOString();

function paged(ctx: RouteContext, request: SimRequest, items: readonly unknown[]): SimResponse {
  const page = readPageRequest(request.query);
  if (!isPageRequest(page)) return page;
  return ok(paginate(request.path, items, page, ctx.lying));
}

function liveStreamJson(ctx: RouteContext, media: SimMedia): Record<string, unknown> {
  const player = `https://embed.api.video/live/${media.id}`;
  return {
    liveStreamId: media.id,
    name: media.name,
    streamKey: `sim-stream-key-${media.index}`,
    public: true,
    record: false,
    broadcasting: isBroadcasting(media, ctx.now, ctx.overrides),
    playerId: null,
    createdAt: '2024-01-08T14:56:31+00:00',
    updatedAt: '2024-01-08T14:56:31+00:00',
    assets: { iframe: `<iframe src="${player}"></iframe>`, player, hls: `https://live.api.video/${media.id}.m3u8` },
  };
}

export function listLiveStreams(ctx: RouteContext, request: SimRequest): SimResponse {
  const streams = ctx.world.media.filter((m) => m.type === 'live-stream').map((m) => liveStreamJson(ctx, m));
  return paged(ctx, request, streams);
}

export function showLiveStream(ctx: RouteContext, id: string): SimResponse {
  const media = findMedia(ctx.world, id, 'live-stream');
  return media ? ok(liveStreamJson(ctx, media)) : notFound(`No live stream ${id}.`);
}

export function listVideos(ctx: RouteContext, request: SimRequest): SimResponse {
  const videos = ctx.world.media
    .filter((m) => m.type === 'video')
    .map((m) => ({ videoId: m.id, title: m.name, public: true, createdAt: '2024-01-08T14:56:31+00:00' }));
  return paged(ctx, request, videos);
}

/**
 * `period`: "today" (the default, a UTC day), "yesterday", one day, or
 * "from/to" days inclusive; the sandbox keeps only the last 24 hours.
 */
function periodRange(ctx: RouteContext, period: string | null): { from: number; to: number } | null {
  const words: Record<string, string> = {
    today: iso(ctx.now).slice(0, 10),
    yesterday: iso(ctx.now - DAY).slice(0, 10),
  };
  const text = words[period ?? 'today'] ?? period!;
  const match = /^(\d{4}-\d{2}-\d{2})(?:\/(\d{4}-\d{2}-\d{2}))?$/.exec(text);
  if (!match) return null;
  const from = Date.parse(`${match[1]}T00:00:00Z`);
  const to = Date.parse(`${match[2] ?? match[1]}T00:00:00Z`) + DAY;
  if (Number.isNaN(from) || Number.isNaN(to) || to <= from) return null;
  return { from: ctx.sandbox ? Math.max(from, ctx.now - DAY) : from, to };
}

export function listPlayerSessions(
  ctx: RouteContext,
  request: SimRequest,
  type: SimMedia['type'],
  id: string,
): SimResponse {
  const media = findMedia(ctx.world, id, type);
  if (!media) return notFound(`No ${type === 'video' ? 'video' : 'live stream'} ${id}.`);
  const range = periodRange(ctx, request.query.get('period'));
  if (!range) {
    return problem(400, 'invalid-query-parameter', 'A query parameter is invalid.', {
      problems: [{ name: 'period', title: 'Use a day (2024-01-01) or a range of days (2024-01-01/2024-01-15).' }],
    });
  }
  const w: SessionWorld = { scenario: ctx.scenario, world: ctx.world, overrides: ctx.overrides };
  const sessions = sessionsIn(w, media, range.from, range.to, ctx.now).map((s) => playerSessionJson(w, s));
  return paged(ctx, request, sessions);
}

export function listSessionEvents(ctx: RouteContext, request: SimRequest, sessionId: string): SimResponse {
  const w: SessionWorld = { scenario: ctx.scenario, world: ctx.world, overrides: ctx.overrides };
  const session = findSession(w, sessionId, ctx.now);
  if (!session) return notFound(`No player session ${sessionId}.`);
  return paged(ctx, request, eventsOf(ctx.scenario.seed, session, ctx.now));
}

const invalid = (name: string, title: string) =>
  problem(400, 'invalid-query-parameter', 'A query parameter is invalid.', { problems: [{ name, title }] });

/**
 * The spec accepts the mediaId and mediaType filters only on play/total and the
 * play-total buckets; the ccv endpoints refuse them, as a strict server would.
 */
function refusedFilter(query: URLSearchParams): SimResponse | null {
  for (const name of query.keys()) {
    if (/^filterBy\[media(Id|Type)\]/.test(name)) {
      return invalid(name, 'The mediaId and mediaType filters are only accepted on play totals.');
    }
  }
  return null;
}

/** ATOM date-time: whole seconds and a numeric offset, as the analytics endpoints ask. */
const ATOM = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/;

function atomParam(query: URLSearchParams, name: string, fallback: number): number | SimResponse {
  const text = query.get(name);
  if (text === null) return fallback;
  const ms = ATOM.test(text) ? Date.parse(text) : NaN;
  return Number.isNaN(ms) ? invalid(name, 'Use the ATOM date-time form, 2024-02-05T00:00:00+01:00.') : ms;
}

function audienceAt(ctx: RouteContext, media: readonly SimMedia[], at: number): number {
  return media.reduce((sum, m) => sum + mediaViewersAt(ctx.scenario, m, at, ctx.overrides), 0);
}

export function ccvLive(ctx: RouteContext, request: SimRequest): SimResponse {
  const refused = refusedFilter(request.query);
  if (refused) return refused;
  const media = ctx.world.media;
  return ok({
    context: { metric: 'ccv', aggregation: 'live', timeframe: { from: iso(ctx.now - 20_000), to: iso(ctx.now) } },
    data: audienceAt(ctx, media, ctx.now),
  });
}

export function ccvPeakSeries(ctx: RouteContext, request: SimRequest): SimResponse {
  const q = request.query;
  const interval = q.get('interval') ?? 'hour';
  const step = interval === 'minute' ? MINUTE : interval === 'hour' ? 60 * MINUTE : null;
  const refused = refusedFilter(q);
  if (refused) return refused;
  // Without `to` the platform means now; without `from`, one day before `to`.
  const to = atomParam(q, 'to', ctx.now);
  if (typeof to !== 'number') return to;
  const from = atomParam(q, 'from', to - DAY);
  if (typeof from !== 'number') return from;
  if (step === null) return invalid('interval', 'Use minute or hour.');
  if (to <= from) return invalid('from', 'from must come before to.');
  if (interval === 'minute' && to - from > 60 * MINUTE)
    return invalid('interval', 'A minute interval needs a span under 60 minutes.');
  const media = ctx.world.media;
  const points: Array<{ emittedAt: string; metricValue: number }> = [];
  for (let t = Math.floor(from / step) * step; t < Math.min(to, ctx.now + 1); t += step) {
    points.push({ emittedAt: iso(t), metricValue: audienceAt(ctx, media, t) });
  }
  const page = readPageRequest(q);
  if (!isPageRequest(page)) return page;
  const body = paginate(request.path, points, page, ctx.lying);
  return ok({
    context: { metric: 'ccv', aggregation: 'peak', interval, timeframe: { from: iso(from), to: iso(to) } },
    ...body,
  });
}

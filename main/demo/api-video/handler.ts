import { DEMO_INCIDENTS, incidentActive, MINUTE, type Scenario } from '../scenario';
import type { SimHandler, SimRequest, SimResponse } from '../sim-server';
import { createSimAuth } from './auth';
import { reshapeBody, reshapeToken, type BodyStyle } from './body-styles';
import type { LyingPagination } from './paging';
import { problem } from './problems';
import * as routes from './routes';
import { createWorld, type World, type WorldOptions } from './world';

export interface ApiVideoSimOptions {
  /** Defaults to API_VIDEO_SIM_SCENARIO. */
  readonly scenario?: Scenario;
  /** Injected so tests on a fake clock see tokens expire and rate windows roll over. */
  readonly now: () => number;
  readonly apiKey?: string;
  readonly environment?: 'production' | 'sandbox';
  /** Reads per minute; api.video allows 500 in production and 100 in the sandbox. */
  readonly rateLimitPerMinute?: number;
  /** Access-token lifetime, seconds (api.video: 3600). */
  readonly expiresInS?: number;
  readonly world?: WorldOptions;
  /** Which bodies to answer with: the simulator's own, the spec's examples, minimal ones, or one bad item per list. */
  readonly bodyStyle?: BodyStyle;
}

export interface ApiVideoSimControls {
  /** Every access token issued so far is expired from now on (refresh tokens still work). */
  expireTokens(): void;
  /** false: the legacy /analytics endpoints answer 404, as for accounts without them since 2023. */
  setLegacyAnalytics(available: boolean): void;
  setLyingPagination(mode: LyingPagination): void;
  setRateLimit(perMinute: number): void;
  setApiKey(key: string): void;
  /** Forces a live stream on or off air; null goes back to the schedule. */
  setBroadcasting(liveStreamId: string, on: boolean | null): void;
  setBodyStyle(style: BodyStyle): void;
  stats(): {
    readonly tokensIssued: number;
    readonly refreshes: number;
    readonly refused: number;
    readonly rateLimited: number;
  };
}

export interface ApiVideoSim {
  readonly handler: SimHandler;
  readonly controls: ApiVideoSimControls;
  readonly world: World;
  readonly apiKey: string;
}

export const DEFAULT_SIM_API_KEY = 'sim-api-video-key';
export const API_VIDEO_SIM_SCENARIO: Scenario = { seed: 1701, peakViewers: 160, incidents: DEMO_INCIDENTS };

/** During the expired-token incident a token older than this is refused, so clients must renew. */
const INCIDENT_TOKEN_AGE_MS = MINUTE;

export function createApiVideoSim(options: ApiVideoSimOptions): ApiVideoSim {
  const scenario = options.scenario ?? API_VIDEO_SIM_SCENARIO;
  const apiKey = options.apiKey ?? DEFAULT_SIM_API_KEY;
  const sandbox = options.environment === 'sandbox';
  const world = createWorld(scenario.seed, options.world);
  const auth = createSimAuth(apiKey, options.expiresInS ?? 3600);
  const overrides = new Map<string, boolean>();
  let limit = options.rateLimitPerMinute ?? (sandbox ? 100 : 500);
  let legacyAnalytics = true;
  let lying: LyingPagination = 'off';
  let bodyStyle: BodyStyle = options.bodyStyle ?? 'normal';
  let window = { index: -1, used: 0 };
  let rateLimited = 0;

  function route(request: SimRequest, now: number): SimResponse {
    const ctx: routes.RouteContext = { scenario, world, overrides, now, lying, sandbox };
    const path = request.path.replace(/\/+$/, '');
    if (request.method !== 'GET') return problem(405, 'method-not-allowed', 'Method not allowed.');
    if (path === '/live-streams') return routes.listLiveStreams(ctx, request);
    if (path === '/videos') return routes.listVideos(ctx, request);
    if (path === '/data/metrics/ccv/live') return routes.ccvLive(ctx, request);
    if (path === '/data/timeseries/ccv-peak') return routes.ccvPeakSeries(ctx, request);
    let match = /^\/live-streams\/([^/]+)$/.exec(path);
    if (match) return routes.showLiveStream(ctx, decodeURIComponent(match[1]!));
    if (path.startsWith('/analytics/') && !legacyAnalytics) {
      return problem(404, 'not-found', 'The requested resource was not found.');
    }
    match = /^\/analytics\/(live-streams|videos)\/([^/]+)$/.exec(path);
    if (match) {
      const type = match[1] === 'videos' ? 'video' : 'live-stream';
      return routes.listPlayerSessions(ctx, request, type, decodeURIComponent(match[2]!));
    }
    match = /^\/analytics\/sessions\/([^/]+)\/events$/.exec(path);
    if (match) return routes.listSessionEvents(ctx, request, decodeURIComponent(match[1]!));
    return problem(404, 'not-found', 'The requested resource was not found.');
  }

  const handler: SimHandler = (request) => {
    const now = options.now();
    if (request.path.startsWith('/auth/')) {
      const answer = auth.handle(request, now);
      return answer.status === 200 ? { ...answer, body: reshapeToken(bodyStyle, answer.body) } : answer;
    }
    if (incidentActive(scenario, 'api-outage', now)) {
      return problem(503, 'service-unavailable', 'The service is temporarily unavailable.');
    }
    const index = Math.floor(now / MINUTE);
    if (window.index !== index) window = { index, used: 0 };
    const resetS = Math.max(1, Math.ceil(((index + 1) * MINUTE - now) / 1000));
    const headers = (remaining: number) => ({
      'X-RateLimit-Limit': String(limit),
      'X-RateLimit-Remaining': String(Math.max(0, remaining)),
      'X-RateLimit-Retry-After': String(resetS),
    });
    const tokenAge = incidentActive(scenario, 'expired-token', now) ? INCIDENT_TOKEN_AGE_MS : undefined;
    if (!auth.allows(request.headers.authorization, now, tokenAge)) {
      return problem(401, 'authentication-failed', 'Authentication failed.', {
        detail: 'The API key or access token is missing, invalid or expired.',
        headers: headers(limit - window.used),
      });
    }
    window.used += 1;
    if (window.used > limit || incidentActive(scenario, 'rate-limit-storm', now)) {
      rateLimited += 1;
      return problem(429, 'too-many-requests', 'Too many requests.', {
        detail: `The limit is ${limit} requests per minute.`,
        headers: headers(0),
      });
    }
    const routed = route(request, now);
    const path = request.path.replace(/\/+$/, '');
    const answer = routed.status === 200 ? { ...routed, body: reshapeBody(bodyStyle, path, routed.body) } : routed;
    return { ...answer, headers: { ...answer.headers, ...headers(limit - window.used) } };
  };

  return {
    handler,
    world,
    apiKey,
    controls: {
      expireTokens: () => auth.expireAll(options.now()),
      setLegacyAnalytics: (available) => {
        legacyAnalytics = available;
      },
      setLyingPagination: (mode) => {
        lying = mode;
      },
      setRateLimit: (perMinute) => {
        limit = perMinute;
      },
      setApiKey: (key) => auth.setApiKey(key),
      setBroadcasting: (id, on) => {
        if (on === null) overrides.delete(id);
        else overrides.set(id, on);
      },
      setBodyStyle: (style) => {
        bodyStyle = style;
      },
      stats: () => ({ ...auth.stats, rateLimited }),
    },
  };
}

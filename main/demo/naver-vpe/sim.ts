import { DEMO_INCIDENTS, incidentActive, type Scenario } from '../scenario';
import { startSimServer, type SimHandler, type SimRequest, type SimResponse, type SimServer } from '../sim-server';
import { sessionDetail, sessionItem, viewerPoints } from './payloads';
import { findSession, parseFilter, recentSessions } from './recent';

/**
 * A simulator of NAVER Cloud's Media Analytics API (ma-dashboard-api.vpe.naverncp.com):
 * the same paths, the two auth headers, `limit` and the device / videoType filters,
 * and NAVER's habit of reporting failures inside HTTP 200 bodies.
 *
 * Modes:
 * - `normal`: payloads shaped exactly like NAVER's examples;
 * - `drift`: the documented type drift (code "200", isError "false", numbers as strings);
 * - `bad-field`: one field of the wrong type, for schema errors;
 * - `bad-key`: the configured key is refused too, as after a key was reissued;
 * - `not-subscribed`: the Media Analytics service is not subscribed ("Unauthorized").
 * The scenario's `api-outage` incident answers 503; `expired-token` behaves like `bad-key`.
 * NAVER documents no rate limit, so `rate-limit-storm` has no effect here.
 */

/**
 * 'bad-field' breaks one item (which the provider skips and notes); 'bad-envelope'
 * breaks the answer itself (`result` is no list), which fails the poll.
 */
export type NaverSimMode = 'normal' | 'drift' | 'bad-field' | 'bad-envelope' | 'bad-key' | 'not-subscribed';

export const NAVER_SIM_API_KEY = 'demo-naver-api-key';
export const NAVER_SIM_PROJECT_ID = 'demo-company-id';
export const NAVER_SIM_SCENARIO: Scenario = { seed: 2025, peakViewers: 240, incidents: DEMO_INCIDENTS };

export interface NaverSimOptions {
  /** The scenario clock's "now" (epoch ms); inject a fake one in tests. */
  readonly now: () => number;
  readonly scenario?: Scenario;
  readonly apiKey?: string;
  readonly projectId?: string;
}

export interface NaverSim {
  readonly handler: SimHandler;
  readonly apiKey: string;
  readonly projectId: string;
  readonly scenario: Scenario;
  setMode(mode: NaverSimMode): void;
  mode(): NaverSimMode;
}

const VIEWERS_PATH = '/v1/charts/currentViewers';
const SESSIONS_PATH = '/v1/sessionRecent';
const MAX_LIMIT = 100;

/** HTTP 200 with an `error` object: how NAVER says no. The codes follow NAVER Cloud's gateway family. */
const refusal = (errorCode: string, message: string, details: string): SimResponse => ({
  status: 200,
  body: { error: { errorCode, message, details } },
});

export function createNaverSim(options: NaverSimOptions): NaverSim {
  const scenario = options.scenario ?? NAVER_SIM_SCENARIO;
  const apiKey = options.apiKey ?? NAVER_SIM_API_KEY;
  const projectId = options.projectId ?? NAVER_SIM_PROJECT_ID;
  let mode: NaverSimMode = 'normal';

  function refused(request: SimRequest, now: number): SimResponse | null {
    const keyOk = request.headers['x-api-key'] === apiKey && request.headers['x-project-id'] === projectId;
    if (!keyOk || mode === 'bad-key' || incidentActive(scenario, 'expired-token', now)) {
      return refusal('200', 'Authentication Failed', 'Invalid authentication information.');
    }
    if (mode === 'not-subscribed') return { status: 200, body: { code: 200, message: 'Unauthorized' } };
    return null;
  }

  const ok = (message: string, result: unknown): SimResponse => ({
    status: 200,
    body:
      mode === 'drift'
        ? { code: '200', message, result }
        : { code: 200, message, result: mode === 'bad-envelope' ? 'unavailable' : result },
  });

  function viewers(request: SimRequest, now: number): SimResponse {
    const points: Array<Record<string, unknown>> = viewerPoints(scenario, now, parseFilter(request.query));
    if (mode === 'drift') for (const point of points) point.currentViewerCnt = String(point.currentViewerCnt);
    if (mode === 'bad-field' && points[0]) points[0].currentViewerCnt = 'many';
    return ok('currentViewers (1m)', points);
  }

  function sessions(request: SimRequest, now: number): SimResponse {
    const end = dateParam(request.query.get('endDate'));
    const start = dateParam(request.query.get('startDate'));
    const until = end === null ? now : Math.min(now, end);
    const seen = recentSessions(
      scenario,
      until,
      parseFilter(request.query),
      limitParam(request.query.get('limit')),
      start ?? 0,
    );
    const items: Array<Record<string, unknown>> = seen.map(sessionItem);
    if (mode === 'drift') {
      for (const item of items) {
        item.isError = String(item.isError);
        item.totalStartTime = String(item.totalStartTime);
      }
    }
    if (mode === 'bad-field' && items[0]) items[0].playingTime = 'n/a';
    return ok('sessionRecent (1d)', items);
  }

  function detail(uuid: string, now: number): SimResponse {
    const seen = findSession(scenario, now, uuid);
    if (!seen) return refusal('300', 'Not Found', 'No session with this UUID in the last day.');
    const body = sessionDetail(seen);
    const result =
      mode === 'bad-field' ? { ...body, startTime: { ...body.startTime, totalStartTimeSum: 'n/a' } } : body;
    return ok('sessionRecent detail', result);
  }

  const handler: SimHandler = (request) => {
    const now = options.now();
    const isDetail = request.path.startsWith(`${SESSIONS_PATH}/`);
    if (request.path !== VIEWERS_PATH && request.path !== SESSIONS_PATH && !isDetail) {
      return { status: 404, body: { error: { errorCode: '300', message: 'Not Found' } } };
    }
    if (request.method !== 'GET')
      return { status: 405, body: { error: { errorCode: '100', message: 'Method Not Allowed' } } };
    if (incidentActive(scenario, 'api-outage', now)) {
      return {
        status: 503,
        headers: { 'content-type': 'text/html' },
        body: '<html><head><title>503 Service Temporarily Unavailable</title></head></html>',
      };
    }
    const refusedAnswer = refused(request, now);
    if (refusedAnswer) return refusedAnswer;
    if (request.path === VIEWERS_PATH) return viewers(request, now);
    if (request.path === SESSIONS_PATH) return sessions(request, now);
    return detail(safeDecode(request.path.slice(SESSIONS_PATH.length + 1)), now);
  };

  return {
    handler,
    apiKey,
    projectId,
    scenario,
    setMode: (next) => void (mode = next),
    mode: () => mode,
  };
}

export interface RunningNaverSim extends NaverSim {
  readonly server: SimServer;
  readonly url: string;
  close(): Promise<void>;
}

/** The simulator on a real HTTP port of 127.0.0.1 (0 picks a free one). */
export async function startNaverSim(options: NaverSimOptions, port = 0): Promise<RunningNaverSim> {
  const sim = createNaverSim(options);
  const server = await startSimServer(sim.handler, port);
  return {
    ...sim,
    server,
    get url() {
      return server.url;
    },
    close: () => server.close(),
  };
}

/** `limit` is documented as "N-100": at most 100; absent or unreadable means 100. */
function limitParam(raw: string | null): number {
  const n = Number.parseInt(raw ?? '', 10);
  return Number.isFinite(n) ? Math.min(MAX_LIMIT, Math.max(1, n)) : MAX_LIMIT;
}

/** startDate / endDate are documented as UTC; the format is not, so ISO and "YYYY-MM-DD HH:mm:ss" both work. */
function dateParam(raw: string | null): number | null {
  if (!raw) return null;
  const text = raw.trim().replace(' ', 'T');
  const at = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
  return Number.isNaN(at) ? null : at;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

import { DEMO_INCIDENTS, incidentActive, MINUTE, type Scenario } from '../scenario';
import type { SimHandler, SimRequest, SimResponse } from '../sim-server';
import { answerRealtime } from './realtime';
import { answerSessions, type LimitMode, type SessionQuery } from './sessions-route';

/**
 * A simulator of Conviva Insights API 3.0 (its API reference and docs/platforms.md): HTTP
 * Basic with an API client, `/real-time-metrics/concurrent-plays` (and
 * `/group-by/<dimension>`), `/sessions/content` with its window and limit
 * rules, 403 for features the account lacks, and 429 with no headers.
 */

export const CONVIVA_SIM_BASE_PATH = '/insights/3.0';
export const CONVIVA_SIM_CREDENTIALS = { clientId: 'demo-client', clientSecret: 'demo-secret' } as const;

export type ConvivaSimFeature = 'sessions' | 'real-time' | 'viewer-module';

export interface ConvivaSimOptions {
  readonly now?: () => number;
  readonly scenario?: Scenario;
  readonly clientId?: string;
  readonly clientSecret?: string;
  /** Requests per clock minute before 429s; null turns the limit off. Conviva's own is 400 for sessions. */
  readonly requestsPerMinute?: number | null;
  readonly limitMode?: LimitMode;
  /** Share of the audience whose session ends each minute. */
  readonly endRatePerMinute?: number;
  readonly viewerKey?: string | number;
}

export interface ConvivaSimControls {
  setLimitMode(mode: LimitMode): void;
  setRequestsPerMinute(limit: number | null): void;
  setEntitled(feature: ConvivaSimFeature, entitled: boolean): void;
  /** New credentials: the old ones get 401 from now on (a revoked API client). */
  setCredentials(clientId: string, clientSecret: string): void;
  /** Every `/sessions/content` window answered with 200, oldest first (the last 1,000). */
  sessionQueries(): readonly SessionQuery[];
  clearSessionQueries(): void;
}

export interface ConvivaSim {
  readonly handler: SimHandler;
  readonly controls: ConvivaSimControls;
}

export const DEFAULT_CONVIVA_SCENARIO: Scenario = { seed: 3, peakViewers: 12_000, incidents: DEMO_INCIDENTS };

export function createConvivaSim(options: ConvivaSimOptions = {}): ConvivaSim {
  const now = options.now ?? Date.now;
  const scenario = options.scenario ?? DEFAULT_CONVIVA_SCENARIO;
  const model = {
    scenario,
    endRatePerMinute: options.endRatePerMinute ?? 0.002,
    viewerKey: options.viewerKey ?? 'conviva',
  };
  let authorization = basic(
    options.clientId ?? CONVIVA_SIM_CREDENTIALS.clientId,
    options.clientSecret ?? CONVIVA_SIM_CREDENTIALS.clientSecret,
  );
  let perMinute = options.requestsPerMinute === undefined ? 400 : options.requestsPerMinute;
  let limitMode: LimitMode = options.limitMode ?? 'standard';
  const entitled: Record<ConvivaSimFeature, boolean> = { sessions: true, 'real-time': true, 'viewer-module': true };
  const queries: SessionQuery[] = [];
  const minuteCount = { minute: -1, count: 0 };

  function overLimit(at: number): boolean {
    const minute = Math.floor(at / MINUTE);
    if (minute !== minuteCount.minute) Object.assign(minuteCount, { minute, count: 0 });
    minuteCount.count += 1;
    return perMinute !== null && minuteCount.count > perMinute;
  }

  function handler(request: SimRequest): SimResponse {
    const at = now();
    // Conviva documents no rate-limit headers, so none are sent.
    if (overLimit(at) || incidentActive(scenario, 'rate-limit-storm', at)) {
      return { status: 429, body: 'Too Many Requests' };
    }
    if (incidentActive(scenario, 'api-outage', at)) return { status: 503, body: { message: 'Service Unavailable' } };
    if (request.headers.authorization !== authorization || incidentActive(scenario, 'expired-token', at)) {
      return { status: 401, body: { message: 'Unauthorized' } };
    }
    if (request.method !== 'GET') return { status: 405, body: { message: 'Method Not Allowed' } };
    const path = request.path.startsWith(CONVIVA_SIM_BASE_PATH)
      ? request.path.slice(CONVIVA_SIM_BASE_PATH.length)
      : null;

    if (
      path === '/real-time-metrics/concurrent-plays' ||
      path?.startsWith('/real-time-metrics/concurrent-plays/group-by/')
    ) {
      if (!entitled['real-time']) return forbidden('Real-Time Metrics API');
      const dimension = path.includes('/group-by/') ? decodeURIComponent(path.split('/group-by/')[1] ?? '') : null;
      return answerRealtime(request.query, dimension, { scenario, viewerKey: model.viewerKey, now: at });
    }
    if (path === '/sessions/content') {
      if (!entitled.sessions) return forbidden('Sessions API');
      const answer = answerSessions(request.query, {
        model,
        now: at,
        limitMode,
        viewerModule: entitled['viewer-module'],
      });
      if (answer.logged) queries.push(answer.logged);
      if (queries.length > 1_000) queries.shift();
      return answer.response;
    }
    return { status: 404, body: { message: 'Not Found' } };
  }

  return {
    handler,
    controls: {
      setLimitMode: (mode) => void (limitMode = mode),
      setRequestsPerMinute: (limit) => void (perMinute = limit),
      setEntitled: (feature, value) => void (entitled[feature] = value),
      setCredentials: (clientId, clientSecret) => void (authorization = basic(clientId, clientSecret)),
      sessionQueries: () => [...queries],
      clearSessionQueries: () => void queries.splice(0),
    },
  };
}

/** Bodies may carry `message`, `reason` or plain text (docs/platforms.md); 403 uses `reason` so all three are exercised. */
function forbidden(feature: string): SimResponse {
  return { status: 403, body: { reason: `Forbidden: the ${feature} is not enabled for this account` } };
}

function basic(clientId: string, clientSecret: string): string {
  return `Basic ${Buffer.from(`${clientId}:${clientSecret}`, 'utf8').toString('base64')}`;
}

import { incidentActive, noise, type Scenario } from '../scenario';
import type { AsyncSimHandler, SimRequest, SimResponse } from '../sim-server';
import { checkBearer, expired, type SimCredentials } from './auth';
import { reshapeZoomBody, type ZoomBodyStyle } from './body-styles';
import type { Category, Limits } from './limits';
import { listSessions, listUsers } from './listings';
import type { PageStore } from './paging';
import type { TokenLedger } from './token-ledger';

/**
 * Zoom's request pipeline as the simulator models it: route, outage, JWT,
 * limits, then the listing, with an `x-zm-trackingid` on every answer.
 */

export interface HandlerDeps {
  readonly scenario: Scenario;
  readonly now: () => number;
  readonly credentials: SimCredentials;
  readonly limits: Limits;
  readonly pages: PageStore;
  /** Tokens a test declared expired mid-run; absent, none are. */
  readonly tokens?: TokenLedger;
  /** Which bodies to answer with; absent, the simulator's own. */
  readonly bodyStyle?: () => ZoomBodyStyle;
}

type Route = { readonly kind: 'sessions' } | { readonly kind: 'users' | 'qos'; readonly sessionId: string };

export function createHandler(deps: HandlerDeps): AsyncSimHandler {
  let answered = 0;
  return async (request) => {
    answered += 1;
    const answer = await serve(deps, request);
    const rid = Array.from({ length: 16 }, (_, i) =>
      Math.floor(noise(deps.scenario.seed, 'zoom-rid', answered, i) * 16).toString(16),
    ).join('');
    return { ...answer, headers: { ...answer.headers, 'x-zm-trackingid': `v=2.0;clid=us06;rid=WEB_${rid}` } };
  };
}

async function serve(deps: HandlerDeps, request: SimRequest): Promise<SimResponse> {
  const now = deps.now();
  const route = request.method === 'GET' ? parseRoute(request.path) : null;
  if (!route) return { status: 404, body: { code: 404, message: 'No such API endpoint.' } };
  if (incidentActive(deps.scenario, 'api-outage', now))
    return { status: 503, body: { message: 'Service Unavailable' } };
  const refused = await checkBearer(request.headers.authorization, deps.credentials, now);
  if (refused) return refused;
  if (deps.tokens?.isExpired(bearerOf(request.headers.authorization))) return expired();
  // An expired-token incident: the account's credentials stop being accepted for a while.
  if (incidentActive(deps.scenario, 'expired-token', now)) return expired();
  const category: Category = route.kind === 'sessions' ? 'Resource-intensive' : 'Heavy';
  const limited = deps.limits.admit(category, now);
  if (limited) return limited;
  const context = { scenario: deps.scenario, pages: deps.pages, now, query: request.query };
  const answer =
    route.kind === 'sessions' ? listSessions(context) : listUsers(context, route.sessionId, route.kind === 'qos');
  if (answer.status !== 200) return answer;
  const style = deps.bodyStyle?.() ?? 'normal';
  const body = reshapeZoomBody(style, route.kind === 'sessions' ? 'sessions' : 'users', answer.body);
  return { ...answer, body, headers: deps.limits.headers(category, now) };
}

function bearerOf(authorization: string | undefined): string {
  return /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? '';
}

/**
 * Zoom's gateway decodes the path once and collapses repeated slashes before
 * routing, which is why ids beginning with "/" or containing "//" must be
 * encoded twice: encoded once, their slashes are lost and the session is not
 * found. An id still percent-encoded after the first decoding (a double-encoded
 * one) is decoded again by the route.
 */
export function parseRoute(rawPath: string): Route | null {
  let path: string;
  try {
    path = decodeURIComponent(rawPath).replace(/\/{2,}/g, '/');
  } catch {
    return null;
  }
  path = path.replace(/^\/v2(?=\/)/, '');
  if (path === '/videosdk/sessions') return { kind: 'sessions' };
  const match = /^\/videosdk\/sessions\/(.+)\/users(\/qos)?$/.exec(path);
  if (!match?.[1]) return null;
  let sessionId = match[1];
  if (/%[0-9A-Fa-f]{2}/.test(sessionId)) {
    try {
      sessionId = decodeURIComponent(sessionId);
    } catch {
      return null;
    }
  }
  return { kind: match[2] ? 'qos' : 'users', sessionId };
}

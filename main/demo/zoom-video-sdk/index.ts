import type { Scenario } from '../scenario';
import { startSimServer, type AsyncSimHandler, type SimServer } from '../sim-server';
import type { ZoomBodyStyle } from './body-styles';
import { createHandler } from './handler';
import { createLimits, type ForcedThrottle, type SimPlan } from './limits';
import { createPageStore } from './paging';
import { liveSessions } from './sessions';
import { createTokenLedger } from './token-ledger';
import { usersOf } from './users';

export type { ZoomBodyStyle } from './body-styles';

/** A simulator of the Zoom Video SDK REST API for demo mode and tests. */

/** What demo mode configures its Zoom source with; the simulator accepts any key and secret it is given. */
export const DEMO_ZOOM_CREDENTIALS = { apiKey: 'demo-zoom-api-key', apiSecret: 'demo-zoom-api-secret' } as const;

export interface ZoomSimOptions {
  readonly scenario: Scenario;
  /** The simulator's clock: token expiry, limits and sessions all follow it. */
  readonly now: () => number;
  readonly apiKey?: string;
  readonly apiSecret?: string;
  /** Sets the Resource-intensive per-minute limit (10 Pro, 20 Business) and the default daily cap. */
  readonly plan?: SimPlan;
  readonly dailyCap?: number;
  readonly bodyStyle?: ZoomBodyStyle;
}

export interface ZoomSimControls {
  /** Answer every call with a per-second (QPS) 429 or a daily-limit 429 until set back to null. */
  setThrottle(mode: ForcedThrottle): void;
  /** Zoom's X-RateLimit-* headers are sometimes absent. */
  setRateLimitHeaders(on: boolean): void;
  /** Every page token issued so far stops working, as if 15 minutes had passed. */
  expirePageTokens(): void;
  /** Every access token accepted so far is answered "Access token is expired." from now on; newly signed ones work. */
  expireAccessTokens(): void;
  /** Answer with the simulator's bodies, the reference's edge cases, minimal bodies, or one bad item per list. */
  setBodyStyle(style: ZoomBodyStyle): void;
  /** What the simulator considers live now: ids and participants present, to check a provider against. */
  live(at?: number): Array<{ id: string; name: string; participants: number }>;
}

export interface ZoomSim {
  readonly handler: AsyncSimHandler;
  readonly controls: ZoomSimControls;
}

export function createZoomSim(options: ZoomSimOptions): ZoomSim {
  const limits = createLimits(options.scenario, options.plan ?? 'pro', options.dailyCap);
  const pages = createPageStore(options.scenario.seed);
  const credentials = {
    apiKey: options.apiKey ?? DEMO_ZOOM_CREDENTIALS.apiKey,
    apiSecret: options.apiSecret ?? DEMO_ZOOM_CREDENTIALS.apiSecret,
  };
  const tokens = createTokenLedger();
  let bodyStyle: ZoomBodyStyle = options.bodyStyle ?? 'normal';
  const handler = createHandler({
    scenario: options.scenario,
    now: options.now,
    credentials,
    limits,
    pages,
    tokens,
    bodyStyle: () => bodyStyle,
  });
  return {
    handler,
    controls: {
      setThrottle: (mode) => limits.force(mode),
      setRateLimitHeaders: (on) => limits.showHeaders(on),
      expirePageTokens: () => pages.expireAll(),
      expireAccessTokens: () => tokens.expireAll(),
      setBodyStyle: (style) => {
        bodyStyle = style;
      },
      live(at = options.now()) {
        return liveSessions(options.scenario, at).map((session) => ({
          id: session.id,
          name: session.name,
          participants: usersOf(options.scenario, session).filter((user) => user.join <= at && at < user.leave).length,
        }));
      },
    },
  };
}

export interface RunningZoomSim {
  readonly server: SimServer;
  /** The base URL a Zoom source should use: the server's address plus Zoom's "/v2". */
  readonly baseUrl: string;
  readonly controls: ZoomSimControls;
}

export async function startZoomSim(options: ZoomSimOptions, port = 0): Promise<RunningZoomSim> {
  const sim = createZoomSim(options);
  const server = await startSimServer(sim.handler, port);
  return { server, baseUrl: `${server.url}/v2`, controls: sim.controls };
}

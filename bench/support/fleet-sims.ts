import { API_VIDEO_SIM_SCENARIO, createApiVideoSim } from '../../main/demo/api-video';
import { CONVIVA_SIM_BASE_PATH, createConvivaSim, DEFAULT_CONVIVA_SCENARIO } from '../../main/demo/conviva';
import { createNaverSim, NAVER_SIM_SCENARIO } from '../../main/demo/naver-vpe/sim';
import { DEMO_INCIDENTS } from '../../main/demo/scenario';
import type { AsyncSimHandler } from '../../main/demo/sim-server';
import { createZoomSim } from '../../main/demo/zoom-video-sdk';
import type { SourceConfig } from '@shared/model/source';
import { FLEET, type FleetSource } from './fleet';

/**
 * One simulator per fleet source, each its own platform account: its own
 * credentials and its own audience (the scenario seed differs), at the
 * simulators' default behaviour (only the demo's error spikes and viewer
 * drops; no outages, no 429 storms). The second api.video account is a
 * sandbox one, whose documented limit is five times lower.
 */
export interface FleetSim {
  readonly source: FleetSource;
  readonly handler: AsyncSimHandler;
  /** Where the provider's documented paths start on this simulator ("/insights/3.0", "/v2", or ""). */
  readonly basePath: string;
  /** Host name the in-process fetch routes by; the budget policy reads "sandbox." from it. */
  readonly host: string;
  readonly secrets: Readonly<Record<string, string>>;
}

export function createFleetSims(now: () => number): FleetSim[] {
  return FLEET.map((source, index): FleetSim => {
    const seed = 100 + index;
    const key = `bench-key-${source.id}`;
    switch (source.kind) {
      case 'naver-vpe': {
        const sim = createNaverSim({
          now,
          apiKey: key,
          projectId: `project-${source.id}`,
          scenario: { ...NAVER_SIM_SCENARIO, seed },
        });
        return {
          source,
          handler: sim.handler,
          basePath: '',
          host: `${source.id}.sim`,
          secrets: { apiKey: key, projectId: `project-${source.id}` },
        };
      }
      case 'api-video': {
        const sandbox = source.id.endsWith('-2');
        const sim = createApiVideoSim({
          now,
          apiKey: key,
          scenario: { ...API_VIDEO_SIM_SCENARIO, seed },
          environment: sandbox ? 'sandbox' : 'production',
          rateLimitPerMinute: sandbox ? 100 : 500,
        });
        return {
          source,
          handler: sim.handler,
          basePath: '',
          host: `${sandbox ? 'sandbox.' : 'ws.'}${source.id}.sim`,
          secrets: { apiKey: key },
        };
      }
      case 'conviva': {
        const secrets = { clientId: `client-${source.id}`, clientSecret: key };
        const sim = createConvivaSim({ now, ...secrets, scenario: { ...DEFAULT_CONVIVA_SCENARIO, seed } });
        return { source, handler: sim.handler, basePath: CONVIVA_SIM_BASE_PATH, host: `${source.id}.sim`, secrets };
      }
      case 'zoom-video-sdk': {
        const secrets = { apiKey: key, apiSecret: `secret-${source.id}` };
        const sim = createZoomSim({ now, ...secrets, scenario: { seed, peakViewers: 60, incidents: DEMO_INCIDENTS } });
        return { source, handler: sim.handler, basePath: '/v2', host: `${source.id}.sim`, secrets };
      }
    }
  });
}

/** The source as a user would configure it: only the base URL and secrets, every option at its default. */
export function sourceConfigOf(sim: FleetSim, origin = `http://${sim.host}`): SourceConfig {
  return {
    id: sim.source.id,
    provider: sim.source.kind,
    name: sim.source.name,
    baseUrl: `${origin}${sim.basePath}`,
    enabled: true,
    options: {},
  };
}

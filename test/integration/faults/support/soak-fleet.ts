import { createApiVideoSim } from '../../../../main/demo/api-video';
import { CONVIVA_SIM_BASE_PATH, createConvivaSim } from '../../../../main/demo/conviva';
import { createNaverSim } from '../../../../main/demo/naver-vpe/sim';
import { DAY, HOUR, type Scenario } from '../../../../main/demo/scenario';
import type { Fault } from '../../../../main/demo/sim-faults';
import { createZoomSim, DEMO_ZOOM_CREDENTIALS } from '../../../../main/demo/zoom-video-sdk';
import type { SourceConfig } from '@shared/model/source';
import type { SimHost, SimTransport } from './sim-transport';

/** One soak source: its config and secrets, its simulator, and what can go wrong with it. */
export interface SoakSource {
  readonly config: SourceConfig;
  readonly secrets: Readonly<Record<string, string>>;
  readonly origin: string;
  readonly host: SimHost;
  /** A valid answer with one field of another type, for this platform. */
  readonly changedType: Fault;
  /** Platform-specific trouble switched with the generic faults: on, then off; `fits` says when it may happen. */
  readonly special?: { readonly name: string; on(): void; off(): void; fits?(at: number): boolean };
}

/** Small audiences: the soak is about the engine over time, not about big payloads. */
const quiet = (seed: number, peakViewers: number): Scenario => ({ seed, peakViewers, incidents: [] });

/**
 * Ten sources on ten in-process simulators: three NAVER accounts, two
 * api.video (token auth), three Conviva and two Zoom.
 */
export function soakSources(transport: SimTransport, now: () => number): SoakSource[] {
  const sources: SoakSource[] = [];
  for (let i = 1; i <= 3; i++) {
    const id = `naver-${i}`;
    const origin = `http://${id}.sim`;
    const sim = createNaverSim({ now, scenario: quiet(200 + i, 60), apiKey: `key-${id}`, projectId: `company-${id}` });
    sources.push({
      config: { id, provider: 'naver-vpe', name: id, baseUrl: origin, enabled: true, options: { sessionLimit: 5 } },
      secrets: { apiKey: sim.apiKey, projectId: sim.projectId },
      origin,
      host: transport.add(origin, sim.handler),
      changedType: { type: 'changed-type', path: ['result', 0, 'currentViewerCnt'], value: { count: 3 } },
    });
  }
  for (let i = 1; i <= 2; i++) {
    const id = `api-video-${i}`;
    const origin = `http://${id}.sim`;
    const sim = createApiVideoSim({ now, scenario: quiet(300 + i, 80), apiKey: `key-${id}` });
    sources.push({
      config: { id, provider: 'api-video', name: id, baseUrl: origin, enabled: true, options: { authMode: 'token' } },
      secrets: { apiKey: sim.apiKey },
      origin,
      host: transport.add(origin, sim.handler),
      changedType: { type: 'changed-type', path: ['data'], value: 'n/a' },
      // A one-off event rather than a state: every token issued so far stops working.
      special: { name: 'expired access tokens', on: () => sim.controls.expireTokens(), off: () => undefined },
    });
  }
  for (let i = 1; i <= 3; i++) {
    const id = `conviva-${i}`;
    const origin = `http://${id}.sim`;
    // Conviva lists ended sessions only; at this small audience a faster end rate keeps some coming.
    const sim = createConvivaSim({
      now,
      scenario: quiet(400 + i, 200),
      endRatePerMinute: 0.02,
      clientId: `client-${id}`,
      clientSecret: `secret-${id}`,
    });
    sources.push({
      config: {
        id,
        provider: 'conviva',
        name: id,
        baseUrl: `${origin}${CONVIVA_SIM_BASE_PATH}`,
        enabled: true,
        options: {},
      },
      secrets: { clientId: `client-${id}`, clientSecret: `secret-${id}` },
      origin,
      host: transport.add(origin, sim.handler),
      changedType: { type: 'changed-type', path: ['time_series'], value: 'unavailable' },
    });
  }
  for (let i = 1; i <= 2; i++) {
    const id = `zoom-${i}`;
    const origin = `http://${id}.sim`;
    const sim = createZoomSim({ now, scenario: quiet(500 + i, 40), plan: 'pro' });
    sources.push({
      config: {
        id,
        provider: 'zoom-video-sdk',
        name: id,
        baseUrl: `${origin}/v2`,
        enabled: true,
        options: { plan: 'pro' },
      },
      secrets: { ...DEMO_ZOOM_CREDENTIALS },
      origin,
      host: transport.add(origin, sim.handler),
      changedType: { type: 'changed-type', path: ['sessions'], value: 'none' },
      special: {
        name: 'daily limit',
        on: () => sim.controls.setThrottle('daily'),
        off: () => sim.controls.setThrottle(null),
        // A cap reached in the morning pauses the source until midnight UTC, which is right but
        // would leave its series half empty at the end of the day: let it strike in the evening.
        fits: (at) => at % DAY >= DAY - 2 * HOUR,
      },
    });
  }
  return sources;
}

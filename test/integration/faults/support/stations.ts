import { startApiVideoSim, type RunningApiVideoSim } from '../../../../main/demo/api-video';
import { startConvivaSim, type RunningConvivaSim } from '../../../../main/demo/conviva';
import { startNaverSim, type RunningNaverSim } from '../../../../main/demo/naver-vpe/sim';
import type { Scenario } from '../../../../main/demo/scenario';
import type { SimServer } from '../../../../main/demo/sim-server';
import { DEMO_ZOOM_CREDENTIALS, startZoomSim, type RunningZoomSim } from '../../../../main/demo/zoom-video-sdk';
import type { SourceConfig } from '@shared/model/source';

/**
 * One source and the simulator that serves it alone, so a fault switched on
 * in that simulator reaches exactly one source. Quiet scenarios (no
 * incidents): the only trouble is the trouble a test injects.
 */
export interface Station {
  readonly config: SourceConfig;
  readonly secrets: Readonly<Record<string, string>>;
  readonly server: SimServer;
}

export interface NaverStation extends Station {
  readonly sim: RunningNaverSim;
}
export interface ApiVideoStation extends Station {
  readonly sim: RunningApiVideoSim;
}
export interface ConvivaStation extends Station {
  readonly sim: RunningConvivaSim;
}
export interface ZoomStation extends Station {
  readonly sim: RunningZoomSim;
}

const quiet = (seed: number, peakViewers: number): Scenario => ({ seed, peakViewers, incidents: [] });

export async function naverStation(id: string, seed: number, now: () => number): Promise<NaverStation> {
  // Each NAVER source is its own Company ID, so each has its own request budget.
  const sim = await startNaverSim({ now, scenario: quiet(seed, 240), apiKey: `key-${id}`, projectId: `company-${id}` });
  return {
    sim,
    server: sim.server,
    secrets: { apiKey: sim.apiKey, projectId: sim.projectId },
    // 20 recent sessions rather than 100: the simulator builds each with its action log, and real time is the suite's budget.
    config: { id, provider: 'naver-vpe', name: id, baseUrl: sim.url, enabled: true, options: { sessionLimit: 20 } },
  };
}

export async function apiVideoStation(id: string, seed: number, now: () => number): Promise<ApiVideoStation> {
  const sim = await startApiVideoSim({ now, scenario: quiet(seed, 160), apiKey: `key-${id}` });
  return {
    sim,
    server: sim.server,
    secrets: { apiKey: sim.apiKey },
    // Token auth: the flow whose expiry mid-run is one of the faults.
    config: { id, provider: 'api-video', name: id, baseUrl: sim.url, enabled: true, options: { authMode: 'token' } },
  };
}

export async function convivaStation(id: string, seed: number, now: () => number): Promise<ConvivaStation> {
  const sim = await startConvivaSim({
    now,
    scenario: quiet(seed, 3_000),
    clientId: `client-${id}`,
    clientSecret: `secret-${id}`,
  });
  return {
    sim,
    server: sim.server,
    secrets: sim.secrets,
    config: { id, provider: 'conviva', name: id, baseUrl: sim.baseUrl, enabled: true, options: {} },
  };
}

export async function zoomStation(id: string, seed: number, now: () => number): Promise<ZoomStation> {
  const sim = await startZoomSim({ now, scenario: quiet(seed, 400), plan: 'pro' });
  return {
    sim,
    server: sim.server,
    secrets: { ...DEMO_ZOOM_CREDENTIALS },
    config: { id, provider: 'zoom-video-sdk', name: id, baseUrl: sim.baseUrl, enabled: true, options: { plan: 'pro' } },
  };
}

import { DAY, HOUR, type Scenario } from '../../../../main/demo/scenario';
import type { Fault } from '../../../../main/demo/sim-faults';
import type { Simulator } from '../../../../main/demo/simulator';
import { SIMULATORS, type SimControls, type SimulatedPlatform } from '../../../../main/demo/simulators';
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
/** A simulator of `kind` for source `id`, in-process on `transport`, with its config as a user would set it. */
function soakSim<K extends SimulatedPlatform>(
  transport: SimTransport,
  now: () => number,
  kind: K,
  id: string,
  scenario: Scenario,
  options: Record<string, unknown> = {},
) {
  const sim = (SIMULATORS[kind] as Simulator<SimControls<K>>).create({ now, scenario, account: id });
  const origin = `http://${id}.sim`;
  const config: SourceConfig = {
    id,
    provider: kind,
    name: id,
    baseUrl: `${origin}${sim.basePath}`,
    enabled: true,
    options: { ...sim.sourceOptions, ...options },
  };
  return { sim, base: { config, secrets: sim.secrets, origin, host: transport.add(origin, sim.handler) } };
}

export function soakSources(transport: SimTransport, now: () => number): SoakSource[] {
  const sources: SoakSource[] = [];
  for (let i = 1; i <= 3; i++) {
    const { base } = soakSim(transport, now, 'naver-vpe', `naver-${i}`, quiet(200 + i, 60), { sessionLimit: 5 });
    const changedType: Fault = { type: 'changed-type', path: ['result', 0, 'currentViewerCnt'], value: { count: 3 } };
    sources.push({ ...base, changedType });
  }
  for (let i = 1; i <= 2; i++) {
    const { sim, base } = soakSim(transport, now, 'api-video', `api-video-${i}`, quiet(300 + i, 80), {
      authMode: 'token',
    });
    sources.push({
      ...base,
      changedType: { type: 'changed-type', path: ['data'], value: 'n/a' },
      // A one-off event rather than a state: every token issued so far stops working.
      special: { name: 'expired access tokens', on: () => sim.controls.expireTokens(), off: () => undefined },
    });
  }
  for (let i = 1; i <= 3; i++) {
    // Conviva lists ended sessions only, 0.2 % of the audience a minute: 2,000 viewers keep some coming.
    const { base } = soakSim(transport, now, 'conviva', `conviva-${i}`, quiet(400 + i, 2_000));
    sources.push({ ...base, changedType: { type: 'changed-type', path: ['time_series'], value: 'unavailable' } });
  }
  for (let i = 1; i <= 2; i++) {
    const { sim, base } = soakSim(transport, now, 'zoom-video-sdk', `zoom-${i}`, quiet(500 + i, 40));
    sources.push({
      ...base,
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

import { runSim, type RunningSim, type Simulator } from '../../../../main/demo/simulator';
import { SIMULATORS, type SimControls, type SimulatedPlatform } from '../../../../main/demo/simulators';
import type { SourceConfig } from '@shared/model/source';

/**
 * One source and the simulator that serves it alone, so a fault switched on
 * in that simulator reaches exactly one source. Quiet scenarios (no
 * incidents): the only trouble is the trouble a test injects.
 */
export type Station<K extends SimulatedPlatform = SimulatedPlatform> = RunningSim<SimControls<K>> & {
  readonly config: SourceConfig;
};
export type ApiVideoStation = Station<'api-video'>;
export type ZoomStation = Station<'zoom-video-sdk'>;

/** Each platform's audience size, and the options this suite runs it with. */
const SETUP: Record<SimulatedPlatform, { peakViewers: number; options: Record<string, unknown> }> = {
  // 20 recent sessions rather than 100: the simulator builds each with its action log, and real time is the suite's budget.
  'naver-vpe': { peakViewers: 240, options: { sessionLimit: 20 } },
  // Token auth: the flow whose expiry mid-run is one of the faults.
  'api-video': { peakViewers: 160, options: { authMode: 'token' } },
  conviva: { peakViewers: 3_000, options: {} },
  'zoom-video-sdk': { peakViewers: 400, options: {} },
};

/** A station of `kind` for source `id`: its own account (credentials, budget) and audience (seed). */
export async function station<K extends SimulatedPlatform>(
  kind: K,
  id: string,
  seed: number,
  now: () => number,
): Promise<Station<K>> {
  const { peakViewers, options } = SETUP[kind];
  const simulator = SIMULATORS[kind] as Simulator<SimControls<K>>;
  const sim = await runSim(simulator.create({ now, scenario: { seed, peakViewers, incidents: [] }, account: id }));
  const config: SourceConfig = {
    id,
    provider: kind,
    name: id,
    baseUrl: sim.baseUrl,
    enabled: true,
    options: { ...sim.sourceOptions, ...options },
  };
  return Object.assign(sim, { config });
}

import type { Simulator, SimInstance } from '../../main/demo/simulator';
import { SIMULATORS } from '../../main/demo/simulators';
import type { SourceConfig } from '@shared/model/source';
import { FLEET, type FleetSource } from './fleet';

/**
 * One simulator per fleet source, each its own platform account: its own
 * credentials and its own audience (the scenario seed differs), at the
 * simulators' default behaviour (only the demo's error spikes and viewer
 * drops; no outages, no 429 storms). The second api.video account is a
 * sandbox one, whose documented limit is five times lower. They come from the
 * one list of simulators; the bench drives their handlers in-process (soak)
 * or serves them from a child process (figure 6).
 */
export interface FleetSim extends SimInstance<unknown> {
  readonly source: FleetSource;
  /** Host name the in-process fetch routes by; the budget policy reads "sandbox." from it. */
  readonly host: string;
}

export function createFleetSims(now: () => number): FleetSim[] {
  return FLEET.map((source, index): FleetSim => {
    const simulator: Simulator = SIMULATORS[source.kind];
    const sandbox = source.kind === 'api-video' && source.id.endsWith('-2');
    const sim = simulator.create({
      now,
      scenario: { ...simulator.demoScenario, seed: 100 + index },
      account: `bench-${source.id}`,
      sandbox,
    });
    const host = source.kind === 'api-video' ? `${sandbox ? 'sandbox.' : 'ws.'}${source.id}.sim` : `${source.id}.sim`;
    return { ...sim, source, host };
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

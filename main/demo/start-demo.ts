import type { SourceConfig } from '@shared/model/source';
import { createMemoryStore } from '../credentials/memory-store';
import { storeResolver } from '../credentials/store-resolver';
import { providerFor } from '../providers/registry';
import type { SourceSetup as HeadlessSetup } from '../core/source-setup';
import { runSim, type RunningSim, type Simulator } from './simulator';
import { SIMULATORS } from './simulators';

/**
 * `--demo`: the platform simulators on 127.0.0.1 (free ports), on the real
 * clock, with sources and in-memory secrets pointing at them. Healthy by
 * default — the scenario's incidents come and go on their own; tests that
 * need a failing source configure one themselves.
 *
 * Only platforms whose provider is registered in this build are started, so
 * a half-built platform never shows up as a broken demo source.
 */
export async function startDemo(now: () => number = Date.now): Promise<HeadlessSetup> {
  const kinds = Object.keys(SIMULATORS).filter((kind) => providerFor(kind)) as (keyof typeof SIMULATORS)[];
  const started = await Promise.all(
    kinds.map(async (kind) => {
      const simulator: Simulator = SIMULATORS[kind];
      const sim: RunningSim = await runSim(simulator.create({ now, scenario: simulator.demoScenario }));
      const source: SourceConfig = {
        id: `demo-${kind}`,
        provider: kind,
        name: simulator.demoName,
        baseUrl: sim.baseUrl,
        enabled: true,
        options: { ...sim.sourceOptions },
      };
      return { source, sim };
    }),
  );
  const store = createMemoryStore();
  for (const { source, sim } of started) {
    for (const [field, value] of Object.entries(sim.secrets)) await store.set(source.id, field, value);
  }
  return {
    sources: started.map((demo) => demo.source),
    resolve: storeResolver(store),
    presence: (sourceId) => {
      const found = started.find((demo) => demo.source.id === sourceId);
      return Object.fromEntries(Object.keys(found?.sim.secrets ?? {}).map((field) => [field, true]));
    },
    origin: 'the built-in demo',
    demo: true,
    close: async () => {
      await Promise.all(started.map((demo) => demo.sim.close()));
    },
  };
}

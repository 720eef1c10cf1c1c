import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../main/engine/system-clock';
import { createEngine, type StreamwatchEngine } from '../../main/engine/engine';
import type { Provider } from '../../main/providers/provider';
import { providers as shippedProviders } from '../../main/providers/registry';
import { ok } from '@shared/result';
import { EXAMPLE_BUDGET } from '../support/example-platform/budget';
import { exampleProvider } from '../support/example-platform/index';
import { exampleSimulator, type ExampleSimControls } from '../support/example-platform/sim';
import { runSim, type RunningSim } from '../../main/demo/simulator';

/**
 * A new platform is one folder and one registry entry. The made-up "Example TV"
 * (test/support/example-platform) is registered in a test-only registry, the
 * shipped one plus one line, and runs through the real engine over real HTTP.
 * Nothing else in the product was edited for it.
 */
const registry: Readonly<Record<string, Provider<any>>> = {
  ...shippedProviders,
  [exampleProvider.kind]: exampleProvider,
};

let sim: RunningSim<ExampleSimControls>;
let engine: StreamwatchEngine;

beforeAll(async () => {
  // Its simulator has the one shape every simulator has, so demo mode or the fault suite could list it too.
  sim = await runSim(exampleSimulator.create({ now: Date.now }));
  engine = createEngine({
    fetch,
    clock: systemClock,
    resolveCredentials: async () => ok(sim.secrets),
    providers: (kind) => registry[kind] as Provider | undefined,
  });
  engine.setSources([
    {
      id: 'tv',
      provider: 'example-tv',
      name: 'Lobby',
      baseUrl: sim.baseUrl,
      enabled: true,
      options: { intervalSeconds: 1 },
    },
  ]);
  engine.start();
});

afterAll(async () => {
  await engine.stop();
  await sim.close();
});

describe('a platform added as one folder and one registry entry', () => {
  it('is polled by the engine: its readings reach the state hub and its source is healthy', async () => {
    await expect
      .poll(() => engine.hub.snapshot().series.find((s) => s.sourceId === 'tv')?.points.length ?? 0, {
        timeout: 10_000,
      })
      .toBeGreaterThan(0);
    expect(sim.controls.requests()).toBeGreaterThan(0);
    const source = engine.hub.snapshot().sources.find((s) => s.id === 'tv')!;
    expect(source).toMatchObject({ provider: 'example-tv', providerLabel: 'Example TV', health: { status: 'ok' } });
    expect(source.metric.definition).toContain('Example TV');
  });

  it('is held to the budget it declares', async () => {
    await expect.poll(() => engine.budgetOf('tv')?.minTimeMs, { timeout: 5_000 }).toBe(EXAMPLE_BUDGET.minTimeMs);
  });
});

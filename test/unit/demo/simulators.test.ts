import { describe, expect, it } from 'vitest';
import { runSim, type Simulator } from '../../../main/demo/simulator';
import { SIMULATORS } from '../../../main/demo/simulators';
import { providers } from '../../../main/providers/registry';
import { createEngine } from '../../../main/engine/engine';
import { systemClock } from '../../../main/engine/system-clock';
import { ok } from '@shared/result';

const entries = Object.entries(SIMULATORS) as [string, Simulator][];

describe('the one list of simulators', () => {
  it('has a simulator for every shipped platform, and no other', () => {
    expect(Object.keys(SIMULATORS).sort()).toEqual(Object.keys(providers).sort());
  });

  it.each(entries)(
    '%s: two accounts get two sets of credentials, each naming every secret the provider asks for',
    (kind, simulator) => {
      const a = simulator.create({ now: Date.now, account: 'a' });
      const b = simulator.create({ now: Date.now, account: 'b' });
      expect(a.secrets).not.toEqual(b.secrets);
      const fields = [...providers[kind]!.secretFields].sort();
      expect(Object.keys(a.secrets).sort()).toEqual(fields);
    },
  );

  it.each(entries)(
    '%s: runs on a free port, and its provider reads it healthy through the engine',
    async (kind, simulator) => {
      const sim = await runSim(
        simulator.create({ now: Date.now, scenario: { ...simulator.demoScenario, incidents: [] } }),
      );
      const engine = createEngine({
        fetch,
        clock: systemClock,
        resolveCredentials: async () => ok({ ...sim.secrets }),
      });
      try {
        expect(sim.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
        engine.setSources([
          {
            id: 's',
            provider: kind,
            name: kind,
            baseUrl: sim.baseUrl,
            enabled: true,
            options: { ...sim.sourceOptions },
          },
        ]);
        await engine.pollOnce();
        expect(engine.hub.source('s')?.health.status).toBe('ok');
        expect(sim.server.totalRequests()).toBeGreaterThan(0);
      } finally {
        await engine.stop();
        await sim.close();
      }
    },
    // Zoom's one poll of every endpoint takes about 12 s: its calls are spaced to its documented limits.
    30_000,
  );
});

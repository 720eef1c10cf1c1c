import { afterEach, describe, expect, it } from 'vitest';
import { noise } from '../../../main/demo/scenario';
import { createEngine } from '../../../main/engine/engine';
import type { CredentialResolver } from '../../../main/engine/types';
import { ok } from '@shared/result';
import { installFakeClock, type FakeClock } from '../../support/fake-clock';
import { createFakeSystemEvents } from '../../support/fake-system-events';
import { faultPlan, type Switch } from './support/fault-plan';
import { createSimTransport } from './support/sim-transport';
import { soakSources, type SoakSource } from './support/soak-fleet';
import { createTimeDriver } from './support/time-driver';

/**
 * The soak: ten sources for 24 simulated hours on the fake clock, with
 * faults switched on and off at random (seeded, so a failure replays
 * exactly). The engine is the real one; the network is an in-process fetch
 * into the simulators' handlers (support/sim-transport.ts), because real
 * sockets for a simulated day would take minutes of real time. The faults are
 * the same code the HTTP server applies (main/demo/sim-faults.ts).
 */

const HOUR = 3_600_000;
const MINUTE = 60_000;
const START = Date.parse('2026-02-02T00:30:00Z');
const SEED = 20_260_202;
const SERIES_CAPACITY = 360;
const SESSION_CAPACITY = 400;

let clock: FakeClock | null = null;
afterEach(() => {
  clock?.uninstall();
  clock = null;
});

interface Sample {
  readonly hour: number;
  readonly engineTimers: number;
  readonly allTimers: number;
  readonly systemListeners: number;
  readonly snapshotBytes: number;
}

describe('soak', () => {
  it(
    '10 sources, 24 simulated hours of random faults: bounded, leak-free, consistent with what the simulators served',
    { timeout: 120_000 },
    async () => {
      clock = installFakeClock(START);
      const fake = clock;
      const rejections: unknown[] = [];
      const onRejection = (reason: unknown) => void rejections.push(reason);
      process.on('unhandledRejection', onRejection);

      const transport = createSimTransport();
      const sources = soakSources(transport, () => fake.now());
      const byId = new Map(sources.map((source) => [source.config.id, source]));
      const resolveCredentials: CredentialResolver = async (config, fields) =>
        ok(Object.fromEntries(fields.map((field) => [field, byId.get(config.id)!.secrets[field] ?? ''])));
      let draws = 0;
      const system = createFakeSystemEvents();
      const engine = createEngine({
        fetch: transport.fetch,
        clock: fake,
        random: () => noise(SEED, 'jitter', draws++),
        resolveCredentials,
        systemEvents: system,
        seriesCapacity: SERIES_CAPACITY,
        sessionCapacity: SESSION_CAPACITY,
      });
      const taken = sessionsTakenIn(engine.hub);
      // No sockets here: two quiet turns of the event loop are enough (the Zoom JWT checks are the only other async work).
      const driver = createTimeDriver({
        clock: fake,
        busy: () => transport.inFlight() > transport.parked(),
        quietRounds: 2,
      });
      engine.setSources(sources.map((source) => source.config));
      engine.start();

      // Faults for 23 hours, then a clean last hour in which everything must come back.
      const faultsEnd = START + 23 * HOUR;
      const plan = faultPlan(sources, {
        seed: SEED,
        from: START + 30 * MINUTE,
        to: faultsEnd,
        everyMs: 15 * MINUTE,
        chance: 0.15,
      });
      const samples: Sample[] = [];
      let next = 0;
      for (let hour = 1; hour <= 24; hour++) {
        const end = START + hour * HOUR;
        while (next < plan.length && plan[next]!.at < end) {
          await driver.run(plan[next]!.at - fake.now());
          apply(byId.get(plan[next]!.sourceId)!, plan[next]!.fault, transport.setFault);
          next += 1;
        }
        await driver.run(end - fake.now());
        if (end === faultsEnd) for (const source of sources) apply(source, null, transport.setFault);
        samples.push({
          hour,
          engineTimers: fake.pending(),
          allTimers: fake.allTimers(),
          systemListeners: system.listenerCount(),
          snapshotBytes: JSON.stringify(engine.hub.snapshot()).length,
        });
      }
      process.off('unhandledRejection', onRejection);
      const now = fake.now();
      const snapshot = engine.hub.snapshot();

      // The plan really did switch faults of every kind on and off.
      expect(plan.length).toBeGreaterThan(50);
      expect(new Set(plan.map((step) => step.label.replace(/ \(.*\)|, \d+ s/, ''))).size).toBeGreaterThanOrEqual(11);
      expect(rejections, 'unhandled promise rejections').toEqual([]);

      // After the clean last hour, every source is healthy and fresh.
      for (const source of snapshot.sources) {
        expect(source.health, source.id).toEqual({ status: 'ok' });
        expect(now - source.lastOkAt!, `${source.id}: age of its last good poll`).toBeLessThan(2 * source.intervalMs);
      }

      // Bounded memory: every viewer series is a full ring buffer, the session store is at its cap…
      const lengths = new Map(snapshot.series.map((series) => [series.sourceId, series.points.length]));
      for (const source of sources)
        expect(lengths.get(source.config.id), `${source.config.id}: points held`).toBe(SERIES_CAPACITY);
      expect(snapshot.sessions).toHaveLength(SESSION_CAPACITY);
      expect([...taken.values()].reduce((sum, ids) => sum + ids.size, 0)).toBeGreaterThan(5 * SESSION_CAPACITY);
      // …and what the app holds stops growing once they are full (the first hours fill them).
      const settled = Math.max(...samples.filter((s) => s.hour > 6 && s.hour <= 12).map((s) => s.snapshotBytes));
      expect(Math.max(...samples.filter((s) => s.hour > 12).map((s) => s.snapshotBytes))).toBeLessThanOrEqual(
        settled * 1.15,
      );

      // No growth in timers or listeners: at every hour mark one engine timer per endpoint chain,
      // a few library timers at most, and one system-event listener.
      const chains = samples[0]!.engineTimers;
      for (const sample of samples) {
        expect(sample.engineTimers, `engine timers at hour ${sample.hour}`).toBe(chains);
        expect(sample.allTimers, `all timers at hour ${sample.hour}`).toBeLessThanOrEqual(chains + sources.length);
        expect(sample.systemListeners).toBe(1);
      }

      // Consistent with the simulators' own count: every request the budgets let through reached
      // its simulator; every session the engine took in was served in a usable answer; and every
      // session served once the faults were over was taken in. (During the faults a catch-up batch
      // may exceed the session cap, and then its oldest sessions are dropped on arrival, by design.)
      let servedLately = 0;
      for (const source of sources) {
        const id = source.config.id;
        const served = source.host.served;
        expect(engine.budgetOf(id)!.sent, `${id}: requests sent vs. received`).toBe(served.requests);
        const ids = taken.get(id) ?? new Set<string>();
        expect(served.sessions.size, `${id}: sessions served`).toBeGreaterThan(0);
        expect(
          [...ids].filter((sessionId) => !served.sessions.has(sessionId)),
          `${id}: taken in but never served`,
        ).toEqual([]);
        const lately = [...served.sessions]
          .filter(([, at]) => at >= faultsEnd + 10 * MINUTE)
          .map(([sessionId]) => sessionId);
        expect(
          lately.filter((sessionId) => !ids.has(sessionId)),
          `${id}: served lately but not taken in`,
        ).toEqual([]);
        servedLately += lately.length;
      }
      expect(servedLately).toBeGreaterThan(0);

      // Stopping leaves nothing behind, and nothing polls afterwards.
      await engine.stop();
      await driver.settle();
      expect(fake.pending()).toBe(0);
      expect(fake.allTimers()).toBe(0);
      expect(system.listenerCount()).toBe(0);
      const requests = sources.reduce((sum, source) => sum + source.host.served.requests, 0);
      await driver.run(HOUR);
      expect(sources.reduce((sum, source) => sum + source.host.served.requests, 0)).toBe(requests);
    },
  );
});

function apply(
  source: SoakSource,
  fault: Switch['fault'],
  setFault: (origin: string, fault: Exclude<Switch['fault'], 'special'>) => void,
): void {
  if (fault === 'special') {
    source.special?.on();
    return;
  }
  source.special?.off();
  setFault(source.origin, fault);
}

/** Every session id the engine ever took in, by source, read from its own patches. */
function sessionsTakenIn(hub: ReturnType<typeof createEngine>['hub']): Map<string, Set<string>> {
  const taken = new Map<string, Set<string>>();
  hub.subscribe((patch) => {
    for (const op of patch.ops) {
      if (op.op !== 'sessions') continue;
      for (const row of op.sessions) {
        const ids = taken.get(row.sourceId) ?? new Set<string>();
        ids.add(row.id);
        taken.set(row.sourceId, ids);
      }
    }
  });
  return taken;
}

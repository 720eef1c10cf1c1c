import { afterEach, expect } from 'vitest';
import type { Fault } from '../../../../main/demo/sim-server';
import { HOUR, warmUp } from './checks';
import { startFleet, type Fleet, type FleetOptions } from './fleet';

/**
 * One fleet per test, torn down after it even when the test failed, with
 * every unhandled promise rejection of the test collected (the listener is
 * the process's, so an engine promise nobody awaited shows up here).
 */
export function useFleets(): { open(options?: FleetOptions): Promise<Fleet>; rejections: unknown[] } {
  const rejections: unknown[] = [];
  let fleet: Fleet | null = null;
  const listener = (reason: unknown) => void rejections.push(reason);

  afterEach(async () => {
    process.off('unhandledRejection', listener);
    const open = fleet;
    fleet = null;
    await open?.dispose();
    rejections.length = 0;
  });

  return {
    rejections,
    async open(options) {
      process.on('unhandledRejection', listener);
      fleet = await startFleet(options);
      await warmUp(fleet);
      return fleet;
    },
  };
}

/** Switches the fault on in one source's simulator and lets the engine run into it. Returns when it was on. */
export async function during(
  fleet: Fleet,
  sourceId: string,
  fault: Fault,
  forMs: number,
): Promise<{ from: number; to: number }> {
  const from = fleet.clock.now();
  await fleet.fault(sourceId, fault);
  await fleet.driver.run(forMs);
  return { from, to: fleet.clock.now() };
}

/**
 * Stops the engine and checks it left nothing behind: no timer set through
 * its clock, no system-event listener, no unhandled rejection, and an hour
 * of fake time afterwards sends not one request.
 */
export async function expectCleanStop(fleet: Fleet, rejections: readonly unknown[]): Promise<void> {
  await fleet.engine.stop();
  await fleet.driver.settle();
  expect(fleet.clock.pending(), 'engine timers left after stop()').toBe(0);
  expect(fleet.system.listenerCount(), 'system-event listeners left after stop()').toBe(0);
  const sent = fleet.net.log.length;
  await fleet.driver.run(HOUR);
  expect(fleet.net.log.length, 'requests after stop()').toBe(sent);
  expect(rejections, 'unhandled promise rejections').toEqual([]);
}

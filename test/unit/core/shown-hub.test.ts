import { describe, expect, it } from 'vitest';
import type { Patch, Snapshot } from '@shared/model/state';
import { createShownHub } from '../../../main/core/shown-hub';
import type { StateHub } from '../../../main/engine/types';
import { initialSync, receivePatches, receiveSnapshot, type SyncState } from '../../../renderer/src/state/sync';
import { manualClock } from '../../support/manual-clock';
import { T0, snapshotOf, sourceState } from '../headless/fakes';

/** A hub whose numbers the test sets, as a collector that restarts would. */
function countingHub(sourceId: string, seq: number): StateHub & { next(): void; restart(seq: number): void } {
  const listeners = new Set<(patch: Patch) => void>();
  const base = snapshotOf([sourceState(sourceId)], []);
  let current = seq;
  return {
    snapshot: (): Snapshot => ({ ...base, seq: current }),
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    session: () => undefined,
    next() {
      current++;
      for (const listener of listeners) listener({ seq: current, at: T0, ops: [] });
    },
    restart(seq) {
      current = seq;
      for (const listener of listeners) listener({ seq: current, at: T0, ops: [] });
    },
  };
}

/** A page, as the renderer's sync functions run it: patches in, a snapshot fetched on every gap. */
function page(hub: StateHub) {
  let state: SyncState = receiveSnapshot(initialSync, hub.snapshot()).state;
  let fetched = 0;
  hub.subscribe((patch) => {
    const step = receivePatches(state, [patch]);
    state = step.state;
    if (step.needSnapshot) {
      fetched++;
      state = receiveSnapshot(state, hub.snapshot()).state;
    }
  });
  return { shows: () => state.snapshot?.sources.map((s) => s.id), fetched: () => fetched, state: () => state };
}

describe('the hub a page reads, whichever engine is shown', () => {
  it('a switch makes the page read the new hub at once, with numbers that only rise', () => {
    const local = countingHub('local-1', 500);
    const collector = countingHub('team-1', 3);
    const hub = createShownHub(local, manualClock(T0));
    const seen: number[] = [];
    hub.subscribe((patch) => seen.push(patch.seq));
    const view = page(hub);
    local.next();
    expect(view.shows()).toEqual(['local-1']);
    hub.show(collector);
    expect(view.shows()).toEqual(['team-1']);
    expect(view.fetched()).toBe(1);
    collector.next();
    collector.next();
    local.next(); // no longer shown: nothing reaches the page
    hub.show(local);
    expect(view.shows()).toEqual(['local-1']);
    expect(view.state().awaitingSnapshot).toBe(false);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]!);
    expect(hub.snapshot().seq).toBe(seen.at(-1));
  });

  it('a collector that restarts and counts from 1 again does not freeze the page', () => {
    const collector = countingHub('team-1', 900);
    const hub = createShownHub(collector, manualClock(T0));
    const view = page(hub);
    collector.next();
    const before = view.state().snapshot!.seq;
    collector.restart(1);
    collector.next();
    expect(view.state().snapshot!.seq).toBeGreaterThan(before);
    expect(view.state().awaitingSnapshot).toBe(false);
    expect(view.fetched()).toBe(1);
  });
});

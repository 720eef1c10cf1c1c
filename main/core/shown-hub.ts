import type { Patch, Snapshot } from '@shared/model/state';
import type { Clock, StateHub } from '../engine/types';

/**
 * The hub a page reads: one of several (this desktop's own engine, or the
 * mirror of a team collector), numbered on its own. Pages trust patch
 * numbers to rise one by one and skip any they think they already have, so
 * a switch, or a collector that restarted and counts from 1 again, must
 * never make the numbers fall. A jump in the shown hub's numbers becomes a
 * deliberate gap here, which makes every page fetch a fresh snapshot.
 */
export interface ShownHub extends StateHub {
  /** Shows another hub; pages are told at once (an empty patch after a gap). */
  show(next: StateHub): void;
  shown(): StateHub;
}

export function createShownHub(initial: StateHub, clock: Clock): ShownHub {
  const listeners = new Set<(patch: Patch) => void>();
  let source = initial;
  /** The last number given out, and what to add to the source's numbers to get ours. */
  let out = initial.snapshot().seq;
  let offset = 0;
  let lastSourceSeq = out;

  const emit = (patch: Patch) => {
    for (const listener of listeners) listener(patch);
  };
  const forward = (patch: Patch) => {
    // Skipping a number on purpose: pages that miss one fetch the snapshot, which is what a jump needs.
    if (patch.seq !== lastSourceSeq + 1) offset = out + 2 - patch.seq;
    lastSourceSeq = patch.seq;
    out = patch.seq + offset;
    emit({ ...patch, seq: out });
  };
  let unsubscribe = source.subscribe(forward);

  return {
    snapshot(): Snapshot {
      const snapshot = source.snapshot();
      return { ...snapshot, seq: snapshot.seq + offset };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    session: (sourceId, sessionId) => source.session(sourceId, sessionId),
    show(next) {
      if (next === source) return;
      unsubscribe();
      source = next;
      unsubscribe = source.subscribe(forward);
      lastSourceSeq = source.snapshot().seq;
      out += 2;
      offset = out - lastSourceSeq;
      emit({ seq: out, at: clock.now(), ops: [] });
    },
    shown: () => source,
  };
}

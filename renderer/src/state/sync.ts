import type { Patch, Snapshot } from '@shared/model/state';
import { applyPatches } from './apply-patch';

/**
 * The renderer's half of the sync protocol, as pure functions so it can be
 * tested without a transport: subscribe to patches first, then fetch a
 * snapshot, then apply the patches numbered after it. A gap in the numbers
 * means a patch was lost, so the data can no longer be trusted to match main's:
 * keep showing what we have and fetch a snapshot again.
 */
export interface SyncState {
  /** The last consistent state; kept on screen while a new snapshot is fetched. */
  readonly snapshot: Snapshot | null;
  /** True from the start, and after a gap, until a snapshot arrives. */
  readonly awaitingSnapshot: boolean;
  /** Patches that cannot be applied yet, in seq order. */
  readonly pending: readonly Patch[];
}

export interface SyncStep {
  readonly state: SyncState;
  /** The caller should fetch a snapshot (unless one is already on its way). */
  readonly needSnapshot: boolean;
}

/** Bound on buffered patches: older ones are almost surely covered by the snapshot being fetched. */
export const MAX_PENDING = 2_000;

export const initialSync: SyncState = { snapshot: null, awaitingSnapshot: true, pending: [] };

export function receivePatches(state: SyncState, patches: readonly Patch[]): SyncStep {
  if (patches.length === 0) return { state, needSnapshot: false };
  if (state.awaitingSnapshot || !state.snapshot) {
    return { state: { ...state, pending: bufferPatches(state.pending, patches) }, needSnapshot: false };
  }
  return advance(state.snapshot, sortBySeq(patches));
}

export function receiveSnapshot(state: SyncState, snapshot: Snapshot): SyncStep {
  // Always taken as the new base, even with a lower seq: main may have restarted (headless server).
  return advance(snapshot, state.pending);
}

/** Something outside the seq numbers says we may have missed patches (the bridge reconnected). */
export function markOutOfSync(state: SyncState): SyncStep {
  return { state: { ...state, awaitingSnapshot: true }, needSnapshot: true };
}

function advance(base: Snapshot, patches: readonly Patch[]): SyncStep {
  const applicable: Patch[] = [];
  let expected = base.seq + 1;
  let gapIndex = -1;
  for (let i = 0; i < patches.length; i++) {
    const patch = patches[i]!;
    if (patch.seq < expected) continue; // already in the base
    if (patch.seq > expected) {
      gapIndex = i;
      break;
    }
    applicable.push(patch);
    expected++;
  }
  const snapshot = applyPatches(base, applicable);
  if (gapIndex === -1) {
    return { state: { snapshot, awaitingSnapshot: false, pending: [] }, needSnapshot: false };
  }
  return {
    state: { snapshot, awaitingSnapshot: true, pending: bufferPatches([], patches.slice(gapIndex)) },
    needSnapshot: true,
  };
}

function bufferPatches(pending: readonly Patch[], patches: readonly Patch[]): readonly Patch[] {
  const bySeq = new Map<number, Patch>();
  for (const patch of pending) bySeq.set(patch.seq, patch);
  for (const patch of patches) bySeq.set(patch.seq, patch);
  const sorted = sortBySeq([...bySeq.values()]);
  return sorted.length > MAX_PENDING ? sorted.slice(sorted.length - MAX_PENDING) : sorted;
}

function sortBySeq(patches: readonly Patch[]): Patch[] {
  return [...patches].sort((a, b) => a.seq - b.seq);
}

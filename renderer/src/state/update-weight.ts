import type { Patch } from '@shared/model/state';

/**
 * Applying an update and preparing the views from it share a frame when the
 * two together take less than a quarter of one (the last prepare's time
 * stands for the next): a small update (a viewer point, a health change) is
 * shown a frame sooner. A big one (a poll's 1,500 sessions: a few ms each)
 * gets a frame per step.
 */
export const SHARED_FRAME_MS = 4;

/**
 * An update bringing or evicting this many sessions is heavy whatever its
 * steps measured: a poll's rows cost more after the prepare (the render of
 * the table and the figures, their layout, the collection of what the page
 * now holds) than the two timed steps show, and a fast moment must not put
 * them all in one frame.
 */
const HEAVY_SESSION_ROWS = 100;

/** True when the patches bring or evict a poll's worth of sessions. */
export function bringsManyRows(patches: readonly Patch[]): boolean {
  let rows = 0;
  for (const patch of patches) {
    for (const op of patch.ops) {
      if (op.op === 'sessions') rows += op.sessions.length;
      else if (op.op === 'sessions-evicted') rows += op.keys.length;
    }
  }
  return rows >= HEAVY_SESSION_ROWS;
}

import { describe, expect, it } from 'vitest';
import type { Patch, Snapshot } from '@shared/model/state';
import { initialSync, markOutOfSync, receivePatches, receiveSnapshot } from '../../../renderer/src/state/sync';
import { emptySnapshot } from '../../support/samples';

const base = emptySnapshot(10);
const points = (seq: number, viewers: number): Patch => ({
  seq,
  at: seq * 1000,
  ops: [{ op: 'points', sourceId: 's', points: [{ at: seq * 60_000, viewers }] }],
});
const viewersOf = (snapshot: Snapshot | null) =>
  snapshot?.series.find((s) => s.sourceId === 's')?.points.map((p) => p.viewers);

describe('sync', () => {
  it('buffers patches that arrive before the first snapshot and applies only those numbered after it', () => {
    let step = receivePatches(initialSync, [points(9, 1), points(10, 2), points(11, 3)]);
    expect(step.needSnapshot).toBe(false);
    expect(step.state.snapshot).toBeNull();
    step = receiveSnapshot(step.state, base);
    expect(step.needSnapshot).toBe(false);
    expect(step.state.snapshot?.seq).toBe(11);
    expect(viewersOf(step.state.snapshot)).toEqual([3]);
  });

  it('applies consecutive patches and ignores ones already seen', () => {
    let state = receiveSnapshot(initialSync, base).state;
    state = receivePatches(state, [points(11, 5), points(12, 6)]).state;
    const again = receivePatches(state, [points(12, 6)]);
    expect(again.needSnapshot).toBe(false);
    expect(again.state.snapshot?.seq).toBe(12);
    expect(viewersOf(again.state.snapshot)).toEqual([5, 6]);
  });

  it('asks for a snapshot on a gap, keeps the data it has, and holds later patches', () => {
    let state = receiveSnapshot(initialSync, base).state;
    const gap = receivePatches(state, [points(11, 5), points(13, 7)]);
    expect(gap.needSnapshot).toBe(true);
    expect(gap.state.snapshot?.seq).toBe(11);
    expect(gap.state.awaitingSnapshot).toBe(true);
    state = receivePatches(gap.state, [points(14, 8)]).state;
    expect(state.snapshot?.seq).toBe(11); // nothing applied while waiting
    const repaired = receiveSnapshot(state, {
      ...base,
      seq: 13,
      series: [{ sourceId: 's', points: [{ at: 0, viewers: 1 }] }],
    });
    expect(repaired.needSnapshot).toBe(false);
    expect(repaired.state.snapshot?.seq).toBe(14);
    expect(viewersOf(repaired.state.snapshot)).toEqual([1, 8]);
  });

  it('asks again when the snapshot itself is followed by a gap', () => {
    const state = receivePatches(initialSync, [points(15, 1)]).state;
    const step = receiveSnapshot(state, base);
    expect(step.needSnapshot).toBe(true);
    expect(step.state.snapshot?.seq).toBe(10);
  });

  it('accepts a snapshot with a lower seq (the server restarted)', () => {
    const state = receiveSnapshot(initialSync, { ...base, seq: 500 }).state;
    const out = markOutOfSync(state);
    expect(out.needSnapshot).toBe(true);
    const step = receiveSnapshot(out.state, { ...base, seq: 2 });
    expect(step.state.snapshot?.seq).toBe(2);
    expect(receivePatches(step.state, [points(3, 4)]).state.snapshot?.seq).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import { patch, readyWithPrepareLog, withSessions } from './store-harness';

describe('store: a frame per step for heavy updates', () => {
  it('gives a heavy update a frame per step: applied, prepared, rendered, each after the next frame', async () => {
    const { h, prepared } = await readyWithPrepareLog();
    h.setStepMs(5);
    h.push(patch(6));
    h.tasks();
    // Applied; the views wait for the frame to pass instead of crowding it.
    expect(prepared).toEqual([]);
    h.frame();
    expect(prepared).toEqual([]);
    h.tasks();
    expect(prepared).toEqual([6]);
    expect(h.store.getState().snapshot?.seq).toBe(5);
    // The render waits for the next frame too, and runs in a task after it: the frame after that lays it out.
    h.frame();
    expect(h.store.getState().snapshot?.seq).toBe(5);
    h.tasks();
    expect(h.store.getState().snapshot?.seq).toBe(6);

    // Light updates: the first still expects the 5 ms prepare of the last one and waits a frame; once the
    // prepare is known to be light, an update goes on at once, prepared in the next task.
    h.setStepMs(0.2);
    h.push(patch(7));
    h.tasks();
    expect(prepared).toEqual([6]);
    h.frame();
    h.tasks();
    // Its own apply and prepare are now known to be light: it renders on the frame, not in a task after it.
    h.frame();
    expect(prepared).toEqual([6, 7]);
    expect(h.store.getState().snapshot?.seq).toBe(7);
    h.push(patch(8));
    h.tasks();
    expect(prepared).toEqual([6, 7, 8]);
    h.frame();
    expect(h.store.getState().snapshot?.seq).toBe(8);
  });

  it('counts the last prepare in: two steps of 2.5 ms each share no frame once that is known', async () => {
    const { h, prepared } = await readyWithPrepareLog();
    h.setStepMs(2.5);
    // The first time, the prepare's cost is not known: 2.5 ms of apply fits a quarter frame.
    h.push(patch(6));
    h.tasks();
    expect(prepared).toEqual([6]);
    h.frame();
    // Now it is: 2.5 + 2.5 ms would crowd the frame, so the prepare waits for the next.
    h.push(patch(7));
    h.tasks();
    expect(prepared).toEqual([6]);
    h.frame();
    h.tasks();
    expect(prepared).toEqual([6, 7]);
  });

  it("spreads a poll's worth of sessions over frames even when its steps measured fast", async () => {
    const { h, prepared } = await readyWithPrepareLog();
    h.setStepMs(0.1);
    h.push(withSessions(6, 1_500));
    h.tasks();
    // Applied; the views wait for the next frame though both steps measured a fraction of a ms.
    expect(prepared).toEqual([]);
    h.frame();
    h.tasks();
    expect(prepared).toEqual([6]);
    // The render waits for the next frame as well, and runs in a task after it.
    h.frame();
    expect(h.store.getState().snapshot?.seq).toBe(5);
    h.tasks();
    expect(h.store.getState().snapshot?.seq).toBe(6);

    // A few sessions are a light update: prepared at once, rendered on the next frame.
    h.push(withSessions(7, 3));
    h.tasks();
    expect(prepared).toEqual([6, 7]);
    h.frame();
    expect(h.store.getState().snapshot?.seq).toBe(7);
  });

  it("prepares a heavy update's views one per frame, a light update's all in one task", async () => {
    const { h, prepared } = await readyWithPrepareLog();
    const second: number[] = [];
    h.store.prepare((next) => second.push(next.seq));
    h.setStepMs(0.1);
    h.push(withSessions(6, 1_500));
    h.frame();
    h.tasks();
    expect([prepared, second]).toEqual([[6], []]);
    h.frame();
    expect(second).toEqual([]);
    h.tasks();
    expect(second).toEqual([6]);
    expect(h.store.getState().snapshot?.seq).toBe(5);
    h.frame();
    h.tasks();
    expect(h.store.getState().snapshot?.seq).toBe(6);

    h.push(patch(7));
    h.tasks();
    expect([prepared, second]).toEqual([
      [6, 7],
      [6, 7],
    ]);
  });
});

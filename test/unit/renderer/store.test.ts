import { describe, expect, it } from 'vitest';
import { harness, patch, snapshot } from './store-harness';

describe('store', () => {
  it('subscribes to patches before it asks for the snapshot', () => {
    const h = harness();
    h.store.start();
    expect(h.log).toEqual(['subscribe', 'snapshot']);
    expect(h.store.getState().phase).toBe('loading');
  });

  it('applies a burst of patches in one render per frame', async () => {
    const h = harness();
    h.store.start();
    await h.answer({ ok: true, value: snapshot(5) });
    const before = h.renders();
    for (let seq = 6; seq <= 50; seq++) h.push(patch(seq));
    expect(h.store.getState().snapshot?.seq).toBe(5);
    h.frame();
    expect(h.store.getState().snapshot?.seq).toBe(50);
    expect(h.renders() - before).toBe(1);
  });

  it('applies patches in a task of their own and shows the result on the next frame', async () => {
    const h = harness();
    h.store.start();
    await h.answer({ ok: true, value: snapshot(5) });
    const before = h.renders();
    h.push(patch(6));
    h.push(patch(7));
    h.tasks();
    // Applied, but not shown: the page renders on a frame.
    expect(h.store.getState().snapshot?.seq).toBe(5);
    // Patches that arrive before that frame wait for the next round, so one render is one step.
    h.push(patch(8));
    h.tasks();
    h.frame();
    expect(h.store.getState().snapshot?.seq).toBe(7);
    expect(h.renders() - before).toBe(1);
    h.frame();
    expect(h.store.getState().snapshot?.seq).toBe(8);
    expect(h.renders() - before).toBe(2);
  });

  it('lets views prepare from an update in the task that applied it, before it is shown', async () => {
    const h = harness();
    h.store.start();
    await h.answer({ ok: true, value: snapshot(5) });
    const prepared: Array<[number, number | undefined]> = [];
    const off = h.store.prepare((next) => prepared.push([next.seq, h.store.getState().snapshot?.seq]));
    h.store.prepare(() => {
      throw new Error('a view failing to prepare');
    });
    h.push(patch(6));
    h.tasks();
    // Prepared from seq 6 while the page still shows 5; a throwing preparer does not stop the update.
    expect(prepared).toEqual([[6, 5]]);
    h.frame();
    expect(h.store.getState().snapshot?.seq).toBe(6);
    off();
    h.push(patch(7));
    h.frame();
    expect(prepared).toHaveLength(1);
  });

  it('fetches a snapshot again after a gap and carries on from it', async () => {
    const h = harness();
    h.store.start();
    await h.answer({ ok: true, value: snapshot(5) });
    h.push(patch(6));
    h.push(patch(9));
    h.frame();
    expect(h.log.filter((l) => l === 'snapshot')).toHaveLength(2);
    expect(h.store.getState()).toMatchObject({ resyncing: true, snapshot: { seq: 6 } });
    h.push(patch(10));
    h.frame();
    await h.answer({ ok: true, value: snapshot(9) });
    expect(h.store.getState()).toMatchObject({ resyncing: false, snapshot: { seq: 10 } });
  });

  it('says why when the first snapshot cannot be had, and retries', async () => {
    const h = harness();
    h.store.start();
    await h.answer({ ok: false, error: { code: 'disconnected', message: 'The connection to Streamwatch was lost.' } });
    expect(h.store.getState()).toMatchObject({ phase: 'failed', error: 'The connection to Streamwatch was lost.' });
    expect(h.timers).toHaveLength(1);
    h.timers[0]!();
    await h.answer({ ok: true, value: snapshot(1) });
    expect(h.store.getState()).toMatchObject({ phase: 'ready', error: null });
  });

  it('re-syncs after the bridge reconnects', async () => {
    const h = harness();
    h.store.start();
    await h.answer({ ok: true, value: snapshot(5) });
    h.setConnection('closed');
    expect(h.store.getState().connection).toBe('closed');
    h.setConnection('open');
    expect(h.log.filter((l) => l === 'snapshot')).toHaveLength(2);
    await h.answer({ ok: true, value: snapshot(40) });
    expect(h.store.getState().snapshot?.seq).toBe(40);
  });
});

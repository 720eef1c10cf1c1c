import { describe, expect, it } from 'vitest';
import type { StreamwatchApi } from '@shared/ipc/api';
import type { Patch, Snapshot } from '@shared/model/state';
import type { AppError, Result } from '@shared/result';
import type { Connection, ConnectionState } from '../../../renderer/src/connection';
import { createStore } from '../../../renderer/src/state/store';
import { toRow } from '../../../main/engine/hub-sessions';
import { session } from '../../support/samples';

const snapshot = (seq: number): Snapshot => ({
  seq,
  generatedAt: seq,
  demo: false,
  offline: false,
  paused: false,
  historyProblem: null,
  sources: [],
  series: [],
  sessions: [],
  breakdowns: [],
});
const patch = (seq: number): Patch => ({ seq, at: seq, ops: [] });
/** A patch as a poll makes it: `count` new sessions. */
const withSessions = (seq: number, count: number): Patch => {
  const rows = Array.from({ length: count }, (_, i) => toRow(session('src', `${seq}-${i}`)));
  return { seq, at: seq, ops: [{ op: 'sessions', sessions: rows }] };
};

/** A fake bridge: the test decides when each snapshot answer comes back and pushes patches by hand. */
function harness() {
  const log: string[] = [];
  const answers: Array<(r: Result<Snapshot, AppError>) => void> = [];
  let push: (p: Patch) => void = () => {};
  let connectionState: ConnectionState = 'open';
  const connectionListeners = new Set<() => void>();
  const frames: Array<() => void> = [];
  const tasks: Array<() => void> = [];
  const timers: Array<() => void> = [];
  /** How long each step of an update (the apply, the views' prepare) takes, on the store's clock. */
  let stepMs = 0;
  let clock = 0;
  const api = {
    request: {
      'state:snapshot': () => {
        log.push('snapshot');
        return new Promise<Result<Snapshot, AppError>>((resolve) => answers.push(resolve));
      },
    },
    on: {
      'state:patch': (listener: (p: Patch) => void) => {
        log.push('subscribe');
        push = listener;
        return () => {};
      },
    },
  } as unknown as StreamwatchApi;
  const connection: Connection = {
    get: () => connectionState,
    subscribe: (l) => (connectionListeners.add(l), () => connectionListeners.delete(l)),
  };
  const store = createStore({
    api,
    connection,
    schedule: (f) => frames.push(f),
    scheduleTask: (f) => tasks.push(f),
    setTimeout: (f) => timers.push(f),
    // The store reads its clock before and after each step: each read moves it on a step, so each step takes that.
    now: () => (clock += stepMs),
  });
  let renders = 0;
  store.subscribe(() => renders++);
  return {
    store,
    log,
    push: (p: Patch) => push(p),
    answer: async (r: Result<Snapshot, AppError>) => {
      answers.shift()!(r);
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    /** Every task due, including those the tasks queue. */
    tasks: () => {
      while (tasks.length > 0) tasks.shift()!();
    },
    /** The tasks that are due, then an animation frame. */
    frame: () => {
      while (tasks.length > 0) tasks.shift()!();
      frames.splice(0).forEach((f) => f());
    },
    timers,
    renders: () => renders,
    setStepMs(ms: number) {
      stepMs = ms;
    },
    setConnection(state: ConnectionState) {
      connectionState = state;
      connectionListeners.forEach((l) => l());
    },
  };
}

/** A store showing snapshot 5, and the seq of every snapshot its views prepared from, in order. */
async function readyWithPrepareLog() {
  const h = harness();
  h.store.start();
  await h.answer({ ok: true, value: snapshot(5) });
  const prepared: number[] = [];
  h.store.prepare((next) => prepared.push(next.seq));
  return { h, prepared };
}

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

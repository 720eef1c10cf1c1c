/** The store's test bench: a fake bridge, frames and tasks run by hand, and a clock the test sets. */
import type { Patch, Snapshot } from '@shared/model/state';
import { createStore } from '../../../renderer/src/state/store';
import { toRow } from '../../../main/engine/hub-sessions';
import { emptySnapshot, session } from '../../support/samples';
import { fakeBridge } from './fake-bridge';

export const snapshot = emptySnapshot;
export const patch = (seq: number): Patch => ({ seq, at: seq, ops: [] });
/** A patch as a poll makes it: `count` new sessions. */
export const withSessions = (seq: number, count: number): Patch => {
  const rows = Array.from({ length: count }, (_, i) => toRow(session('src', `${seq}-${i}`)));
  return { seq, at: seq, ops: [{ op: 'sessions', sessions: rows }] };
};

/** The store on a fake bridge: the test decides when each snapshot answer comes back and pushes patches by hand. */
export function harness() {
  const bridge = fakeBridge<Snapshot, Patch>({
    request: 'state:snapshot',
    push: 'state:patch',
    requestLabel: 'snapshot',
  });
  const frames: Array<() => void> = [];
  const tasks: Array<() => void> = [];
  const timers: Array<() => void> = [];
  /** How long each step of an update (the apply, the views' prepare) takes, on the store's clock. */
  let stepMs = 0;
  let clock = 0;
  const store = createStore({
    api: bridge.api,
    connection: bridge.connection,
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
    log: bridge.log,
    push: bridge.push,
    answer: bridge.answer,
    setConnection: bridge.setConnection,
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
  };
}

/** A store showing snapshot 5, and the seq of every snapshot its views prepared from, in order. */
export async function readyWithPrepareLog() {
  const h = harness();
  h.store.start();
  await h.answer({ ok: true, value: snapshot(5) });
  const prepared: number[] = [];
  h.store.prepare((next) => prepared.push(next.seq));
  return { h, prepared };
}

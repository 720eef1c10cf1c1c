/** The store's test bench: a fake bridge, frames and tasks run by hand, and a clock the test sets. */
import type { StreamwatchApi } from '@shared/ipc/api';
import type { Patch, Snapshot } from '@shared/model/state';
import type { AppError, Result } from '@shared/result';
import type { Connection, ConnectionState } from '../../../renderer/src/connection';
import { createStore } from '../../../renderer/src/state/store';
import { toRow } from '../../../main/engine/hub-sessions';
import { emptySnapshot, session } from '../../support/samples';

export const snapshot = emptySnapshot;
export const patch = (seq: number): Patch => ({ seq, at: seq, ops: [] });
/** A patch as a poll makes it: `count` new sessions. */
export const withSessions = (seq: number, count: number): Patch => {
  const rows = Array.from({ length: count }, (_, i) => toRow(session('src', `${seq}-${i}`)));
  return { seq, at: seq, ops: [{ op: 'sessions', sessions: rows }] };
};

/** A fake bridge: the test decides when each snapshot answer comes back and pushes patches by hand. */
export function harness() {
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
export async function readyWithPrepareLog() {
  const h = harness();
  h.store.start();
  await h.answer({ ok: true, value: snapshot(5) });
  const prepared: number[] = [];
  h.store.prepare((next) => prepared.push(next.seq));
  return { h, prepared };
}

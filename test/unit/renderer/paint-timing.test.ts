import { describe, expect, it } from 'vitest';
import { createPaintTiming } from '../../../renderer/src/state/paint-timing';

/** Paint timing against hand-driven frames and tasks, in the browser's order. */
function harness() {
  const frames: Array<() => void> = [];
  const tasks: Array<() => void> = [];
  const timing = createPaintTiming({ nextFrame: (f) => frames.push(f), nextTask: (t) => tasks.push(t) });
  return {
    timing,
    /** Every task due, including those the tasks queue. */
    tasks: () => {
      while (tasks.length > 0) tasks.shift()!();
    },
    /** A frame's work: the callbacks due, and `render` as React does it there. */
    frame: (render: () => void = () => {}) => {
      timing.frameStarted();
      frames.splice(0).forEach((f) => f());
      render();
    },
  };
}

describe('afterPaint', () => {
  it('called between frames (a heavy update renders in a task) waits for the next frame, then runs in a task', () => {
    const h = harness();
    const log: string[] = [];
    h.timing.afterPaint(() => log.push('work'));
    h.tasks();
    expect(log).toEqual([]);
    h.frame();
    expect(log).toEqual([]);
    h.tasks();
    expect(log).toEqual(['work']);
  });

  it('called from a frame’s render runs in the task after that frame, without waiting for another', () => {
    const h = harness();
    const log: string[] = [];
    h.frame(() => h.timing.afterPaint(() => log.push('work')));
    h.tasks();
    expect(log).toEqual(['work']);
    // That frame is over: called from a task now, it waits for the next one.
    h.timing.afterPaint(() => log.push('later'));
    h.tasks();
    expect(log).toEqual(['work']);
    h.frame();
    h.tasks();
    expect(log).toEqual(['work', 'later']);
  });
});

/**
 * When the DOM changes made so far will have been painted. An update's render
 * either runs in an animation frame's work (React renders in a microtask after
 * the frame's callback), and that frame paints it; or in a task between frames
 * (a heavy update, see store.ts), and the next frame paints it. Kept apart from
 * the browser's primitives so it can be tested with a hand-driven clock.
 */
export interface PaintTiming {
  /** Called at the start of each frame's work that may render. */
  frameStarted(): void;
  /** Runs `work` in a task once the DOM changes made so far are painted. */
  afterPaint(work: () => void): void;
}

export interface PaintTimingDeps {
  readonly nextFrame: (callback: () => void) => void;
  readonly nextTask: (work: () => void) => void;
}

export function createPaintTiming({ nextFrame, nextTask }: PaintTimingDeps): PaintTiming {
  /** From a frame's start until the task after it: DOM changes made now are painted by that frame. */
  let inFrame = false;
  return {
    frameStarted() {
      inFrame = true;
      nextTask(() => (inFrame = false));
    },
    afterPaint(work) {
      if (inFrame) nextTask(work);
      else nextFrame(() => nextTask(work));
    },
  };
}

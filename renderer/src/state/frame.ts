import { createPaintTiming } from './paint-timing';

const paint = createPaintTiming({ nextFrame: (callback) => requestAnimationFrame(callback), nextTask });

/**
 * Runs `work` in a task once the DOM changes made so far are painted. The
 * chart's worker is fed from here: it then draws while the page's thread is
 * idle, instead of taking a core from the frame that lays out the update.
 */
export const afterPaint: (work: () => void) => void = paint.afterPaint;

/**
 * Runs `flush` on the next animation frame, so a burst of patches costs one
 * render. Hidden windows (minimised to the tray) get no frames at all, so a
 * timer backs the frame up: patches must not pile up for hours unapplied.
 */
export function perFrame(flush: () => void): void {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    paint.frameStarted();
    flush();
  };
  requestAnimationFrame(run);
  setTimeout(run, 1_000);
}

const channel = new MessageChannel();
const tasks: Array<() => void> = [];
channel.port1.onmessage = () => tasks.shift()?.();

/** Runs `work` in a task of its own, as soon as the event loop gets to it (setTimeout(0) may wait 4 ms or more). */
export function nextTask(work: () => void): void {
  tasks.push(work);
  channel.port2.postMessage(null);
}

/**
 * One shared one-second tick for every "updated N s ago": ages must move even
 * when no data arrives (that is exactly when they matter), and one timer for
 * the whole window is cheaper than one per chip.
 */
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function tick(): void {
  now = Date.now();
  for (const l of listeners) l();
}

/** Components use useNow (clock.ts); this module has no React, so node-side tests can load it. */
export function subscribeClock(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(tick, 1_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/**
 * Ticks now, in the same task as an update being shown, and starts the next
 * second from here. The update renders the window with the new time in one
 * pass, and the clock's own render comes a second later instead of landing in
 * the update's frames, where the two together would crowd one frame.
 */
export function tickWithUpdate(): void {
  if (!timer) return;
  clearInterval(timer);
  timer = setInterval(tick, 1_000);
  tick();
}

export function clockNow(): number {
  return now;
}

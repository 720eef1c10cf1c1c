/**
 * When the page posts a draw to the chart's worker. Once the chart shows
 * readings, a draw waits until the update's DOM work is done and painted, and
 * the draws asked for meanwhile cost one: the worker then draws while the
 * page's thread is idle, instead of competing with it for a core on a busy
 * machine. Until the first reading is shown there is nothing on screen to keep
 * smooth, and a cold start's first point is what the operator waits for: those
 * draws are posted at once.
 */
export interface DrawQueue<Args extends unknown[]> {
  draw(...args: Args): void;
  /** The worker reports a draw done, showing this many readings. */
  drawn(readings: number): void;
  /** Drops a draw not yet posted (the chart is going away). */
  cancel(): void;
}

export function createDrawQueue<Args extends unknown[]>(
  post: (...args: Args) => void,
  afterPaint: (work: () => void) => void,
): DrawQueue<Args> {
  let pending: Args | null = null;
  let showsReadings = false;
  const postPending = () => {
    const args = pending;
    pending = null;
    if (args) post(...args);
  };
  return {
    draw(...args) {
      if (!showsReadings) {
        pending = null;
        post(...args);
        return;
      }
      if (pending === null) afterPaint(postPending);
      pending = args;
    },
    drawn(readings) {
      if (readings > 0) showsReadings = true;
    },
    cancel() {
      pending = null;
    },
  };
}

/**
 * Counts requests on simulated time: per fixed clock minute (for the typical
 * rate) and over a sliding window (for the worst moment, which is what a
 * platform's limiter sees). Its memory is all taken up front (one counter per
 * minute of the run, the window's own timestamps), so the meter cannot pass
 * for heap growth of the engine it watches in the same process.
 */
export interface MeterReport {
  readonly total: number;
  /** Requests in each clock minute from the first to the last, zeros included. */
  readonly perMinute: number[];
  /** The most requests seen in any window of `windowMs`. */
  readonly worstWindow: number;
  readonly windowMs: number;
}

export interface Meter {
  record(at: number): void;
  report(): MeterReport;
}

const MINUTE = 60_000;
/** More requests than this inside one window would be a runaway poller; the meter says so rather than grow. */
const WINDOW_SLOTS = 65_536;

/** A meter for requests between `from` and `to` (epoch ms); requests outside are ignored. */
export function createMeter(from: number, to: number, windowMs = MINUTE): Meter {
  const first = Math.floor(from / MINUTE);
  const minutes = new Uint32Array(Math.ceil(to / MINUTE) - first);
  // A ring of the timestamps inside the sliding window.
  const ring = new Float64Array(WINDOW_SLOTS);
  let head = 0;
  let size = 0;
  let worst = 0;
  let total = 0;
  return {
    record(at) {
      const minute = Math.floor(at / MINUTE) - first;
      if (minute < 0 || minute >= minutes.length) return;
      total++;
      minutes[minute]! += 1;
      while (size > 0 && ring[head]! <= at - windowMs) {
        head = (head + 1) % WINDOW_SLOTS;
        size--;
      }
      if (size === WINDOW_SLOTS) throw new Error(`more than ${WINDOW_SLOTS} requests in ${windowMs / 1000} s`);
      ring[(head + size) % WINDOW_SLOTS] = at;
      size++;
      worst = Math.max(worst, size);
    },
    report: () => ({ total, perMinute: [...minutes], worstWindow: worst, windowMs }),
  };
}

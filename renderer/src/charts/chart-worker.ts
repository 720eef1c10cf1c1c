import type { ToWorker } from './chart-wire';

/**
 * The viewers chart's worker. The first one starts as the page's first script
 * runs, so its script is fetched and compiled while the rest of the page loads
 * and waits for its first snapshot, not after the chart mounts. Only that one
 * is asked to warm chart.js up: a later chart's worker gets its canvas at once,
 * and a warm-up would only come before it.
 */
const start = (): Worker => new Worker(new URL('./viewers-chart.worker.ts', import.meta.url), { type: 'module' });

function startWarm(): Worker {
  const worker = start();
  worker.postMessage({ type: 'warm-up' } satisfies ToWorker);
  return worker;
}

let warm: Worker | null = typeof Worker === 'function' && typeof OffscreenCanvas === 'function' ? startWarm() : null;

/** The worker started at load for the first chart; a new one for each chart after it. */
export function chartWorker(): Worker {
  const worker = warm ?? start();
  warm = null;
  return worker;
}

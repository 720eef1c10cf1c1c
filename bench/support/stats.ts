/** Summary statistics of repeated measurements. Medians, not means: one GC pause must not move a figure. */

export interface Summary {
  readonly n: number;
  readonly min: number;
  readonly median: number;
  readonly p95: number;
  readonly max: number;
}

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  // Nearest-rank: the p95 of 20 samples is the 19th, a value that was actually seen.
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median =
    sorted.length === 0 ? Number.NaN : sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return {
    n: sorted.length,
    min: sorted[0] ?? Number.NaN,
    median,
    p95: quantile(sorted, 0.95),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

export interface RepeatOptions {
  /** Untimed runs first, so the JIT has compiled what is measured. */
  readonly warmup: number;
  readonly minReps: number;
  readonly maxReps: number;
  /** Stop after this long once minReps are done, so a slow figure cannot blow the run's time budget. */
  readonly budgetMs: number;
  /**
   * Calls per sample are raised until the slowest function takes at least this
   * long per sample: a 0.1 ms parse timed alone is mostly timer resolution.
   */
  readonly minSampleMs?: number;
}

/**
 * Times several functions side by side, interleaved in every repetition
 * (a, b, a, b…) so that drift (thermal, other processes, heap growth) hits
 * each one alike. Returns milliseconds per function, one sample per repetition.
 */
export function timeInterleaved(fns: ReadonlyArray<() => unknown>, options: RepeatOptions): number[][] {
  const samples = fns.map((): number[] => []);
  let sink = 0;
  for (let i = 0; i < options.warmup; i++) for (const fn of fns) sink ^= fn() === undefined ? 0 : 1;
  const probe = performance.now();
  for (const fn of fns) sink ^= fn() === undefined ? 0 : 1;
  const batch = Math.max(1, Math.ceil((options.minSampleMs ?? 0) / Math.max(0.001, performance.now() - probe)));
  const started = performance.now();
  for (let rep = 0; rep < options.maxReps; rep++) {
    if (rep >= options.minReps && performance.now() - started > options.budgetMs) break;
    fns.forEach((fn, index) => {
      const t0 = performance.now();
      for (let i = 0; i < batch; i++) sink ^= fn() === undefined ? 0 : 1;
      samples[index]!.push((performance.now() - t0) / batch);
    });
  }
  // Keeps the results observable so the work cannot be optimised away.
  if (sink === 42) console.log('');
  return samples;
}

export function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

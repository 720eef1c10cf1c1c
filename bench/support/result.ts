import type { Summary } from './stats';

/**
 * One row of the report: a figure (or one part of it, like one platform of
 * figure 1) with its samples, its baseline from the same run, and the budget.
 */
/** `info`: measured, but there is nothing documented to compare it with (NAVER has no published rate limit). */
export type Status = 'pass' | 'fail' | 'info' | 'skipped' | 'error';

export interface Row {
  /** "1a", "3", "9c"… stable across runs so results.json can be compared. */
  readonly id: string;
  readonly figure: number;
  readonly title: string;
  readonly unit: string;
  readonly value: Summary | null;
  readonly baseline: { readonly label: string; readonly value: Summary | null; readonly unit: string } | null;
  /** The budget in words ("≤ 3× baseline") and the number actually compared with it. */
  readonly budget: string;
  readonly compared: { readonly label: string; readonly value: number; readonly limit: number } | null;
  readonly status: Status;
  readonly notes: readonly string[];
}

export type Figure = () => Promise<Row[]>;

/** A row for a figure that could not run (missing build, Chromium, a crash), with the reason. */
export function unavailable(
  id: string,
  figure: number,
  title: string,
  budget: string,
  status: Status,
  why: string,
): Row {
  return { id, figure, title, unit: '', value: null, baseline: null, budget, compared: null, status, notes: [why] };
}

/** pass when `value <= limit` (every budget here is an upper bound). */
export function judge(value: number, limit: number): Status {
  return Number.isFinite(value) && value <= limit ? 'pass' : 'fail';
}

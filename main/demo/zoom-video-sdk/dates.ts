import { DAY } from '../scenario';
import type { SimResponse } from '../sim-server';

/**
 * Zoom's rules for `from`/`to` (its API reference): yyyy-mm-dd, at most one month
 * apart, within the last six months. The refusals are 400s with Zoom's
 * validation code 300; their wording is ours, as Zoom does not publish it.
 */

export function validationError(
  message: string,
  errors?: ReadonlyArray<{ field: string; message: string }>,
): SimResponse {
  return { status: 400, body: { code: 300, message, ...(errors ? { errors } : {}) } };
}

export interface DateRange {
  readonly from: string;
  readonly to: string;
  readonly fromMs: number;
  /** The end of the `to` day (exclusive). */
  readonly untilMs: number;
}

export function checkDates(
  from: string | null,
  to: string | null,
  now: number,
  required: boolean,
): { range: DateRange | null; error: SimResponse | null } {
  if (from === null && to === null && !required) return { range: null, error: null };
  const problems = [
    ...(from === null
      ? [{ field: 'from', message: 'Required field.' }]
      : parseDate(from) === null
        ? [{ field: 'from', message: 'Invalid date, use yyyy-mm-dd.' }]
        : []),
    ...(to === null
      ? [{ field: 'to', message: 'Required field.' }]
      : parseDate(to) === null
        ? [{ field: 'to', message: 'Invalid date, use yyyy-mm-dd.' }]
        : []),
  ];
  const fromMs = from === null ? null : parseDate(from);
  const toMs = to === null ? null : parseDate(to);
  if (problems.length > 0 || fromMs === null || toMs === null || from === null || to === null) {
    return { range: null, error: validationError('Validation Failed.', problems) };
  }
  if (fromMs > toMs) return { range: null, error: validationError("The 'from' date must not be after the 'to' date.") };
  if (toMs > addMonths(fromMs, 1))
    return { range: null, error: validationError('The date range must not be more than one month.') };
  const today = Math.floor(now / DAY) * DAY;
  if (fromMs < addMonths(today, -6))
    return { range: null, error: validationError("The 'from' date must be within the last six months.") };
  return { range: { from, to, fromMs, untilMs: toMs + DAY }, error: null };
}

function parseDate(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const at = Date.UTC(year, month - 1, day);
  // Rejects 2026-02-30 and friends, which Date.UTC would roll over.
  return new Date(at).getUTCDate() === day && new Date(at).getUTCMonth() === month - 1 ? at : null;
}

/** The same day n months later, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29). */
function addMonths(at: number, months: number): number {
  const date = new Date(at);
  const target = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1);
  const lastDay = new Date(
    Date.UTC(new Date(target).getUTCFullYear(), new Date(target).getUTCMonth() + 1, 0),
  ).getUTCDate();
  return Date.UTC(
    new Date(target).getUTCFullYear(),
    new Date(target).getUTCMonth(),
    Math.min(date.getUTCDate(), lastDay),
  );
}

export function utcDate(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

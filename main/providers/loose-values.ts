import { z } from 'zod';
import type { AnswerHeaders } from './http';

/**
 * Reading the values platforms send loosely, written once for every provider:
 * numbers sent as text, counts in headers, and the plural of a noun in a sentence.
 */

const NUMERIC = /^\s*-?\d+(\.\d+)?([eE][-+]?\d+)?\s*$/;

/** The number in a number or a numeric string ("2.4"); undefined when it is neither. */
export function numberIn(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && NUMERIC.test(value)) return Number(value);
  return undefined;
}

/** What a value is, for a sentence about a wrong one. */
export function received(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/**
 * A number, also when sent as a numeric string. A bare `z.transform` (one call per
 * field, no pipe): a full page runs tens of thousands of these, and a union or
 * `z.preprocess` cost several times as much. `.nullish()` lets null and absent through.
 */
export const LooseNumber = z.transform((value: unknown, ctx): number => {
  const number = numberIn(value);
  if (number !== undefined) return number;
  ctx.addIssue({ code: 'custom', message: `expected a number, received ${received(value)}` });
  return z.NEVER;
});

/** A count or a number of seconds in a response header; null when absent or not a number. */
export function headerNumber(headers: AnswerHeaders, name: string): number | null {
  const value = headers.get(name);
  return value === null ? null : (numberIn(value) ?? null);
}

/** "1 viewer", "3 viewers". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

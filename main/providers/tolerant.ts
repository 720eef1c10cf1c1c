import { z } from 'zod';
import { sourceError, type SourceError } from '@shared/model/errors';
import { formatPath } from '@shared/zod-issue';

/**
 * Tolerant items, strict envelopes. A list a platform sends must be a list
 * (else the answer is a schema error, as before), but one malformed item in it
 * costs only that item: it is left out, counted, and the first one is
 * described so the source's notes can say what was skipped and why.
 */

export interface Skips {
  readonly count: number;
  /** Path and reason of the first item left out, e.g. "data[3].emittedAt: not a date: \"x\"". */
  readonly first: string | null;
}

export const NO_SKIPS: Skips = { count: 0, first: null };

export interface Tolerated<T> {
  readonly items: T[];
  readonly skips: Skips;
}

/** A list under `name` whose unreadable items are skipped and counted instead of failing the whole answer. */
export function tolerantList<T extends z.ZodType>(name: string, item: T) {
  return z.array(z.unknown()).transform((raw): Tolerated<z.output<T>> => {
    const items: Array<z.output<T>> = [];
    let count = 0;
    let first: string | null = null;
    raw.forEach((value, index) => {
      const parsed = item.safeParse(value);
      if (parsed.success) {
        items.push(parsed.data);
        return;
      }
      count += 1;
      if (first === null) {
        const issue = parsed.error.issues[0];
        first = `${name}${formatPath([index, ...(issue?.path ?? [])])}: ${issue?.message ?? 'invalid'}`;
      }
    });
    return { items, skips: { count, first } };
  });
}

export function addSkips(a: Skips, b: Skips): Skips {
  return { count: a.count + b.count, first: a.first ?? b.first };
}

/** "2 items skipped: data[3].emittedAt: not a date", or nothing when none were. */
export function skipsNote(what: string, skips: Skips): string[] {
  if (skips.count === 0) return [];
  const items = skips.count === 1 ? '1 item' : `${skips.count} items`;
  return [`${what}: ${items} skipped: ${skips.first ?? 'unreadable'}.`];
}

/** A schema error when every item of a list was skipped: a list of nothing but bad items is a bad answer. */
export function nothingReadable(label: string, what: string, kept: number, skips: Skips): SourceError | null {
  if (kept > 0 || skips.count === 0) return null;
  return sourceError('schema', `${label} sent no readable item for ${what}: ${skips.first ?? 'unreadable'}.`);
}

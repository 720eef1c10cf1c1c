import type { z } from 'zod';

/** A zod path as a reader writes it: `sessions[3].start_time`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(body)';
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

export interface FirstIssue {
  /** Where, as `formatPath` writes it; `whole` when the problem is the value itself. */
  readonly path: string;
  readonly message: string;
}

/**
 * The first problem of a failed parse, for a sentence that names the field. An
 * unknown key is named itself, not its parent object (zod reports it at the parent).
 */
export function firstIssue(error: z.ZodError, whole = '(body)', prefix: readonly PropertyKey[] = []): FirstIssue {
  const issue = error.issues[0];
  if (issue === undefined) return { path: whole, message: 'invalid' };
  const unknownKey = issue.code === 'unrecognized_keys';
  const path = [...prefix, ...issue.path, ...(unknownKey ? [issue.keys[0] ?? ''] : [])];
  return { path: path.length === 0 ? whole : formatPath(path), message: unknownKey ? 'unknown key' : issue.message };
}

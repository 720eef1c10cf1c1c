import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { firstIssue, formatPath } from '@shared/zod-issue';

describe('zod issue → sentence parts', () => {
  it('writes paths as a reader would', () => {
    expect(formatPath(['sessions', 3, 'start_time'])).toBe('sessions[3].start_time');
    expect(formatPath([])).toBe('(body)');
  });

  it('names the first bad field and its reason', () => {
    const parsed = z.object({ a: z.object({ b: z.number() }) }).safeParse({ a: { b: 'x' } });
    expect(firstIssue(parsed.error!)).toEqual({ path: 'a.b', message: expect.stringContaining('number') });
  });

  it('names an unknown key itself, not its parent', () => {
    const parsed = z.object({ a: z.object({}).strict() }).safeParse({ a: { typo: 1 } });
    expect(firstIssue(parsed.error!)).toEqual({ path: 'a.typo', message: 'unknown key' });
  });

  it("uses the caller's word for the whole value, and a prefix for nested parses", () => {
    expect(firstIssue(z.number().safeParse('x').error!, '(options)').path).toBe('(options)');
    expect(firstIssue(z.object({ n: z.number() }).safeParse({}).error!, 'options', ['options']).path).toBe('options.n');
  });
});

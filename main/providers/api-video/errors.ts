import { sourceError, type SourceError } from '@shared/model/errors';
import type { RateLimit } from '@shared/model/samples';
import { rateLimitedError } from '../rate-limited';
import { describeBody, parseRetryAfter, type AnswerHeaders, type HttpAnswer } from '../http';
import { ProblemSchema, type Problem } from './schema';
import { headerNumber } from '../loose-values';

export const LABEL = 'api.video';

/**
 * api.video puts its limits on every non-auth answer. X-RateLimit-Retry-After
 * is the seconds until the per-minute window resets, on 200s as well as 429s.
 */
export function readRateLimit(headers: AnswerHeaders, now: number): RateLimit | null {
  const limit = headerNumber(headers, 'x-ratelimit-limit');
  const remaining = headerNumber(headers, 'x-ratelimit-remaining');
  const retryAfter = headerNumber(headers, 'x-ratelimit-retry-after');
  if (limit === null && remaining === null && retryAfter === null) return null;
  return { limit, remaining, resetAt: retryAfter === null ? null : now + retryAfter * 1000 };
}

function retryAtOf(headers: AnswerHeaders, now: number): number | undefined {
  const seconds = headerNumber(headers, 'x-ratelimit-retry-after');
  if (seconds !== null) return now + seconds * 1000;
  return parseRetryAfter(headers.get('retry-after'), now);
}

function parseProblem(text: string): Problem | null {
  try {
    const parsed = ProblemSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** "Title: detail", the first listed problem standing in for a missing detail. */
export function describeProblem(problem: Problem): string {
  const title = problem.title?.trim() || problem.name?.trim() || '';
  const first = problem.problems?.[0];
  const detail = problem.detail?.trim() || first?.detail?.trim() || first?.title?.trim() || '';
  const parts = detail !== '' && detail !== title ? [title, detail] : [title];
  return parts
    .filter((part) => part !== '')
    .map((part) => part.replace(/\.$/, ''))
    .join(': ');
}

function said(answer: HttpAnswer): string {
  const problem = parseProblem(answer.text);
  const described = problem ? describeProblem(problem) : '';
  const text = described !== '' ? described : describeBody(answer.text).replace(/\.$/, '');
  return text ? `: ${text}` : '';
}

/** One sentence for a non-2xx answer. `auth` marks the answers of /auth/*, where a 400 means a bad key. */
export function answerError(answer: HttpAnswer, now: number, during: 'auth' | 'read' = 'read'): SourceError {
  const status = answer.status;
  const detail = said(answer);
  if (status === 429) {
    const retryAt = retryAtOf(answer.headers, now);
    return rateLimitedError({ label: LABEL, said: '429', retryAt: retryAt ?? undefined, now, extra: { status } });
  }
  if (status === 401 || (during === 'auth' && status === 400)) {
    return sourceError('auth', `${LABEL} refused the API key (${status})${detail}.`, { status });
  }
  if (status === 403) return sourceError('auth', `${LABEL} denied access (403)${detail}.`, { status });
  if (status >= 500) return sourceError('http', `${LABEL} server error (${status})${detail}.`, { status });
  return sourceError('http', `${LABEL} answered ${status}${detail}.`, { status });
}

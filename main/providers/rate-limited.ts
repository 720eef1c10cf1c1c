import { sourceError, type SourceError } from '@shared/model/errors';

/**
 * The one sentence for "a platform's limit was reached", for every platform:
 * which limit, what the platform said, and when polling starts again.
 *
 *   "api.video rate limit reached (429); polling resumes at 20:31:00 UTC."
 *   "Zoom daily API limit reached (429); polling resumes at 00:00:00 UTC. (tracking id …)"
 *   "NAVER VPE rate limit reached (Quota exceeded, code 429); polling backs off."
 */
export interface RateLimitFacts {
  /** The platform, as sentences name it. */
  readonly label: string;
  /** Which limit: "rate limit" unless the platform names it ("daily API limit"). */
  readonly limit?: string;
  /** What the platform said: the status, its code or its words. */
  readonly said: string;
  /** When polling starts again, if known; without it the engine's scheduler backs off. */
  readonly retryAt?: number;
  /** Why `retryAt` is our own guess, when it is ("it sends no retry time"). */
  readonly guessed?: string;
  readonly now: number;
  /** Appended after the sentence, e.g. Zoom's tracking id. */
  readonly suffix?: string;
  /** More facts for the error value (status, code, daily). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

export function rateLimitedError(facts: RateLimitFacts): SourceError {
  const { retryAt } = facts;
  const when =
    retryAt === undefined
      ? 'polling backs off'
      : `${facts.guessed ? `${facts.guessed}, so ` : ''}polling resumes ${resumeAt(retryAt, facts.now)}`;
  const message = `${facts.label} ${facts.limit ?? 'rate limit'} reached (${facts.said}); ${when}.${facts.suffix ?? ''}`;
  return sourceError('rate-limited', message, { ...facts.extra, ...(retryAt === undefined ? {} : { retryAt }) });
}

/** In UTC, with "UTC": limits reset on the platform's clock, and the user may be anywhere. */
function resumeAt(at: number, now: number): string {
  const iso = new Date(at).toISOString();
  const time = `${iso.slice(11, 19)} UTC`;
  return at - now < 24 * 3_600_000 ? `at ${time}` : `on ${iso.slice(0, 10)} at ${time}`;
}

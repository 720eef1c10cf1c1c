import { describe, expect, it } from 'vitest';
import { answerError } from '../../../main/providers/api-video/errors';
import { convivaError } from '../../../main/providers/conviva/errors';
import { statusError, type HttpAnswer } from '../../../main/providers/http';
import { failureIn } from '../../../main/providers/naver-vpe/errors';
import { rateLimitedError } from '../../../main/providers/rate-limited';
import { zoomError } from '../../../main/providers/zoom-video-sdk/errors';

const NOW = Date.parse('2026-12-05T20:30:00Z');
const answer = (status: number, headers: Record<string, string> = {}, text = ''): HttpAnswer => ({
  status,
  headers: new Headers(headers),
  text,
});

/** "<platform> <limit> reached (<what it said>); <when polling starts again>.<suffix>" */
const SHAPE =
  /^(NAVER VPE|api\.video|Conviva|Zoom|\S+) [A-Za-z -]*limit( \([^)]+\))? reached \([^)]+\); (.+, so )?polling (backs off|resumes (at \d\d:\d\d:\d\d UTC|on \d{4}-\d\d-\d\d at \d\d:\d\d:\d\d UTC))\./;

describe('one rate-limit sentence for every platform', () => {
  it('says which limit, what the platform said and when polling starts again', () => {
    expect(rateLimitedError({ label: 'X', said: '429', retryAt: NOW + 60_000, now: NOW }).message).toBe(
      'X rate limit reached (429); polling resumes at 20:31:00 UTC.',
    );
    expect(rateLimitedError({ label: 'X', said: '429', now: NOW }).message).toBe(
      'X rate limit reached (429); polling backs off.',
    );
    const later = rateLimitedError({
      label: 'X',
      limit: 'daily API limit',
      said: '429',
      retryAt: NOW + 2 * 86_400_000,
      now: NOW,
    });
    expect(later.message).toBe('X daily API limit reached (429); polling resumes on 2026-12-07 at 20:30:00 UTC.');
    expect(later).toMatchObject({ kind: 'rate-limited', retryAt: NOW + 2 * 86_400_000 });
  });

  it('is the sentence all four platforms and the generic answer reader give', () => {
    const sentences = [
      answerError(answer(429, { 'x-ratelimit-retry-after': '60' }), NOW).message,
      convivaError(answer(429, {}, 'Too Many Requests'), { feature: 'sessions', params: {} }, NOW).message,
      failureIn({ error: { errorCode: '429', message: 'Quota exceeded' } })!.message,
      zoomError(answer(429, { 'x-ratelimit-type': 'daily-limit' }), { now: NOW }).message,
      zoomError(answer(429, { 'x-ratelimit-category': 'Heavy' }), { now: NOW }).message,
      statusError('Other', answer(429, { 'retry-after': '30' }), NOW).message,
    ];
    for (const sentence of sentences) expect(sentence).toMatch(SHAPE);
    expect(sentences[2]).toBe('NAVER VPE rate limit reached (Quota exceeded, code 429); polling backs off.');
  });
});

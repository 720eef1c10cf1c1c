import { describe, expect, it } from 'vitest';
import { convivaError, isLimitRefusal, RATE_LIMIT_WAIT_MS } from '../../../../main/providers/conviva/errors';

const NOW = Date.parse('2025-03-10T20:00:00Z');
const WINDOW = { start: Date.parse('2025-03-10T16:00:00Z'), end: Date.parse('2025-03-10T19:00:00Z') };
const answer = (status: number, text = '', headers: Record<string, string> = {}) => ({
  status,
  text,
  headers: new Headers(headers),
});
const sessions = {
  feature: 'sessions' as const,
  params: { limit: '1500', device_os: 'iOS', is_video_start_failure: 'true' },
  window: WINDOW,
};
const realtime = { feature: 'real-time' as const, params: { minutes: '10', granularity: 'PT1M' } };

describe('Conviva error sentences', () => {
  it('401: refused credentials, with the API-client advice', () => {
    const error = convivaError(answer(401, '{"message":"Unauthorized"}'), realtime, NOW);
    expect(error).toMatchObject({ kind: 'auth', status: 401 });
    expect(error.message).toBe(
      'Conviva refused the API client id and secret (401: Unauthorized); use an API client from Pulse’s API Management page, as Pulse user logins are refused.',
    );
  });

  it('403: names the feature the account lacks', () => {
    expect(convivaError(answer(403, '{"reason":"Forbidden"}'), sessions, NOW).message).toBe(
      'Conviva says this account is not entitled to content sessions (Sessions API) (403: Forbidden); ask Conviva for access or turn off sessions for this source.',
    );
    expect(convivaError(answer(403, 'Forbidden'), realtime, NOW).message).toBe(
      'Conviva says this account is not entitled to real-time metrics (Real-Time Metrics API) (403: Forbidden).',
    );
  });

  it('422: an out-of-range window is named with the rules', () => {
    const error = convivaError(answer(422, '{"message":"The maximum query time range is 3 hours"}'), sessions, NOW);
    expect(error).toMatchObject({ kind: 'http', status: 422, code: 'window-out-of-range' });
    expect(error.message).toBe(
      'Conviva refused the time window 2025-03-10 16:00–19:00 UTC as out of range (422: The maximum query time range is 3 hours): a window may span at most 3 hours and must start within the last 31 days.',
    );
  });

  it('400: names the parameter the body mentions, preferring the longest match', () => {
    expect(convivaError(answer(400, '{"message":"Unknown value for device_os"}'), sessions, NOW).message).toBe(
      'Conviva rejected the parameter device_os=iOS (400: Unknown value for device_os).',
    );
    const limit = convivaError(answer(400, 'Invalid parameter limit: at most 500'), sessions, NOW);
    expect(limit).toMatchObject({ code: 'bad-parameter:limit' });
    expect(limit.message).toBe(
      'Conviva rejected the parameter limit=1500 (400: Invalid parameter limit: at most 500).',
    );
  });

  it('400 without a recognisable parameter says what was rejected', () => {
    expect(convivaError(answer(400, ''), realtime, NOW).message).toBe(
      'Conviva rejected the real-time metrics (Real-Time Metrics API) request (400).',
    );
  });

  it('413: over the 5.7 MB answer limit', () => {
    expect(convivaError(answer(413, 'Request Entity Too Large'), sessions, NOW)).toMatchObject({
      kind: 'http',
      message:
        "Conviva's answer for content sessions (Sessions API) was over its 5.7 MB limit (413: Request Entity Too Large).",
    });
  });

  it('429 without headers waits a little over a minute', () => {
    const error = convivaError(answer(429, 'Too Many Requests'), realtime, NOW);
    expect(RATE_LIMIT_WAIT_MS).toBeGreaterThan(60_000);
    expect(error).toMatchObject({ kind: 'rate-limited', status: 429, retryAt: NOW + RATE_LIMIT_WAIT_MS });
    expect(error.message).toBe(
      'Conviva rate limit reached (429: Too Many Requests); it sends no retry time, so polling resumes at 20:01:05 UTC.',
    );
  });

  it('5xx: JSON message, reason, plain text and HTML all become one sentence', () => {
    expect(convivaError(answer(503, '{"message":"Service Unavailable"}'), realtime, NOW).message).toBe(
      'Conviva server error (503): Service Unavailable.',
    );
    expect(convivaError(answer(500, '{"reason":"backend timeout"}'), realtime, NOW).message).toBe(
      'Conviva server error (500): backend timeout.',
    );
    expect(
      convivaError(answer(502, '<html><head><title>502 Bad Gateway</title></head></html>'), realtime, NOW).message,
    ).toBe('Conviva server error (502): 502 Bad Gateway.');
  });

  it('recognises a refused limit only on 400/422 bodies that mention it', () => {
    expect(isLimitRefusal(answer(400, '{"message":"limit must be <= 500"}'))).toBe(true);
    expect(isLimitRefusal(answer(422, 'Invalid parameter limit'))).toBe(true);
    expect(isLimitRefusal(answer(422, 'The maximum query time range is 3 hours'))).toBe(false);
    expect(isLimitRefusal(answer(429, 'rate limit'))).toBe(false);
  });
});

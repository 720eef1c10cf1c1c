import { rateLimitedError } from '../rate-limited';
import { sourceError, type SourceError } from '@shared/model/errors';
import type { RateLimit } from '@shared/model/samples';
import { parseJson, parseRetryAfter, statusError, type AnswerHeaders, type HttpAnswer } from '../http';
import { ZoomErrorBodySchema, type ZoomErrorBody } from './schema';
import { headerNumber } from '../loose-values';

/**
 * Zoom's error answers as one sentence with Zoom's code ("Zoom · 124 Invalid
 * access token."), classified so the scheduler knows whether to back off, wait
 * for a date or stop until the credentials change.
 *
 * The `x-zm-trackingid` header is appended as "(tracking id …)": it is not a
 * secret, the engine has no logger to hand providers, and it is the one thing
 * Zoom support asks for, so it belongs where the user can copy it.
 */

const LABEL = 'Zoom';

/** What an error answer needs beyond itself: the time, to read Retry-After dates against. */
export interface ThrottleContext {
  readonly now: number;
}

export function zoomError(answer: HttpAnswer, context: ThrottleContext): SourceError {
  const tracking = trackingSuffix(answer.headers);
  if (answer.status === 429) return rateLimitError(answer, context, tracking);
  const body = readErrorBody(answer.text);
  if (body === null || (body.code == null && !body.message)) {
    const plain = statusError(LABEL, answer, context.now);
    return { ...plain, message: `${plain.message}${tracking}` };
  }
  const code = body.code == null ? undefined : String(body.code);
  const sentence = `${LABEL} · ${code ?? `HTTP ${answer.status}`} ${describe(body)}${tracking}`;
  const extra = { status: answer.status, ...(code ? { code } : {}) };
  if (answer.status === 401 || code === '124') return sourceError('auth', sentence, extra);
  if (answer.status === 403) return sourceError('auth', sentence, extra);
  if (answer.status >= 500) return sourceError('http', sentence, extra);
  return sourceError('provider', sentence, extra);
}

/**
 * An expired `next_page_token` (15 minutes after Zoom issued it). Zoom does not
 * document this answer; we assume the usual validation shape, HTTP 400 with
 * code 300 and a message naming the token ("Invalid next_page_token" or "The
 * next page token is invalid or expired"), and match on the message because
 * code 300 also covers every other bad parameter.
 */
export function isPageTokenExpired(error: SourceError): boolean {
  return error.code === '300' && /next[\s_]?page[\s_]?token/i.test(error.message);
}

/** X-RateLimit-Limit / -Remaining when Zoom sends them (not on every answer). */
export function readRateLimit(headers: AnswerHeaders): RateLimit | null {
  const limit = headerNumber(headers, 'x-ratelimit-limit');
  const remaining = headerNumber(headers, 'x-ratelimit-remaining');
  if (limit === null && remaining === null) return null;
  // Zoom gives no reset time for its windows; null rather than a guess.
  return { limit, remaining, resetAt: null };
}

/** "Resource-intensive daily limit" style words for notes, from X-RateLimit-Category and -Type. */
export function rateLimitName(headers: AnswerHeaders): string {
  const category = headers.get('x-ratelimit-category')?.trim();
  const type = headers.get('x-ratelimit-type')?.trim();
  const kind = type && /daily/i.test(type) ? 'daily limit' : type && /qps/i.test(type) ? 'per-second limit' : 'limit';
  return category ? `${category} ${kind}` : kind;
}

function rateLimitError(answer: HttpAnswer, context: ThrottleContext, tracking: string): SourceError {
  const type = answer.headers.get('x-ratelimit-type') ?? '';
  const retryAfter = parseRetryAfter(answer.headers.get('retry-after'), context.now);
  const category = answer.headers.get('x-ratelimit-category')?.trim();
  const which = category ? ` (${category})` : '';
  const code = readErrorBody(answer.text)?.code;
  const extra = { status: 429, ...(code == null ? {} : { code: String(code) }) };
  if (/daily/i.test(type)) {
    // Zoom sends an ISO date-time here. Without one, assume the daily window
    // resets at the next midnight UTC, the only boundary Zoom mentions.
    const retryAt = retryAfter ?? nextUtcMidnight(context.now);
    return rateLimitedError({
      label: LABEL,
      limit: 'daily API limit',
      said: '429',
      retryAt,
      now: context.now,
      suffix: tracking,
      extra: { ...extra, daily: true },
    });
  }
  // Without a Retry-After the engine's scheduler backs off, as for every platform.
  return rateLimitedError({
    label: LABEL,
    limit: `per-second API limit${which}`,
    said: '429',
    retryAt: retryAfter,
    now: context.now,
    suffix: tracking,
    extra,
  });
}

function nextUtcMidnight(now: number): number {
  const day = 24 * 3_600_000;
  return Math.floor(now / day) * day + day;
}

function describe(body: ZoomErrorBody): string {
  const message = (body.message ?? '').trim().replace(/[.\s]+$/, '') || 'error';
  const fields = (body.errors ?? [])
    .map((item) => [item.field, item.message?.trim().replace(/\.+$/, '')].filter(Boolean).join(' — '))
    .filter((item) => item !== '');
  return fields.length > 0 ? `${message}: ${fields.join('; ')}.` : `${message}.`;
}

function readErrorBody(text: string): ZoomErrorBody | null {
  const json = parseJson(LABEL, text);
  if (!json.ok || typeof json.value !== 'object' || json.value === null) return null;
  const parsed = ZoomErrorBodySchema.safeParse(json.value);
  return parsed.success ? parsed.data : null;
}

function trackingSuffix(headers: AnswerHeaders): string {
  const id = headers.get('x-zm-trackingid')?.trim();
  return id ? ` (tracking id ${id})` : '';
}

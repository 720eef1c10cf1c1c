import { firstIssue } from '@shared/zod-issue';
import type { z } from 'zod';
import { rateLimitedError } from './rate-limited';
import { sourceError, type SourceError } from '@shared/model/errors';
import { err, ok, type Result } from '@shared/result';

/** The one thing read of an answer's headers (fetch's Headers has it): a value by name, in any case. */
export interface AnswerHeaders {
  get(name: string): string | null;
}

/**
 * What the engine reads of an answer. A fetch `Response` is one; headless's
 * own client (main/headless/node-http-fetch) makes one without web streams.
 */
export interface FetchAnswer {
  readonly status: number;
  readonly headers: AnswerHeaders;
  text(): Promise<string>;
}

/** Injected so the app can use Electron's `net.fetch` (OS proxy), headless Node's http, and tests a simulator. */
export type FetchLike = (url: string, init: RequestInit) => Promise<FetchAnswer>;

export interface HttpRequest {
  readonly url: string;
  readonly method?: 'GET' | 'POST';
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

export interface HttpAnswer {
  readonly status: number;
  readonly headers: AnswerHeaders;
  readonly text: string;
}

export interface Http {
  /**
   * Sends one request. Network failures, timeouts and aborts become error
   * values; any HTTP status comes back as an answer for the provider to judge,
   * because platforms disagree on what a status means (NAVER fails inside 200s).
   */
  send(request: HttpRequest): Promise<Result<HttpAnswer, SourceError>>;
}

export interface HttpOptions {
  readonly fetch: FetchLike;
  readonly defaultTimeoutMs?: number;
  /** Called after every answer, e.g. to count requests against a budget or log tracking ids. */
  readonly onAnswer?: (request: HttpRequest, answer: HttpAnswer) => void;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

export function createHttp(options: HttpOptions): Http {
  const defaultTimeoutMs = options.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    async send(request) {
      const timeoutMs = request.timeoutMs ?? defaultTimeoutMs;
      const timer = new AbortController();
      // A plain setTimeout (not AbortSignal.timeout) so fake clocks in tests control it.
      const handle = setTimeout(() => timer.abort(), timeoutMs);
      const signal = request.signal ? AbortSignal.any([request.signal, timer.signal]) : timer.signal;
      const host = hostOf(request.url);
      try {
        const response = await options.fetch(request.url, {
          method: request.method ?? 'GET',
          headers: request.headers,
          body: request.body,
          signal,
          redirect: 'error',
        });
        const text = await response.text();
        const answer: HttpAnswer = { status: response.status, headers: response.headers, text };
        options.onAnswer?.(request, answer);
        return ok(answer);
      } catch (cause) {
        if (timer.signal.aborted) {
          return err(sourceError('timeout', `${host} did not answer within ${Math.round(timeoutMs / 1000)} s.`));
        }
        if (request.signal?.aborted) {
          return err(sourceError('network', `The request to ${host} was cancelled.`));
        }
        return err(sourceError('network', `Could not reach ${host}${networkReason(cause)}.`));
      } finally {
        clearTimeout(handle);
      }
    },
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the server';
  }
}

/** Node's fetch hides the useful part ("ECONNREFUSED") in `cause.code`. */
function networkReason(cause: unknown): string {
  const code = (cause as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return ' (connection refused)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return ' (host name not found)';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return ' (connection dropped)';
    default:
      return typeof code === 'string' ? ` (${code})` : '';
  }
}

/** `Retry-After` is either seconds or an HTTP date; some platforms send an ISO date-time. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return now + Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : date;
}

/** The most helpful short text in an error body: a JSON message field, else plain text without markup. */
export function describeBody(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  try {
    const body = JSON.parse(trimmed) as Record<string, unknown>;
    const parts = [body.title, body.detail, body.message, body.reason, body.error_description]
      .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
      .filter((part, index, all) => all.indexOf(part) === index);
    if (parts.length > 0) return clip(parts.join(': '));
  } catch {
    // not JSON: fall through to plain text
  }
  if (/^<!doctype html|^<html/i.test(trimmed)) {
    const title = /<title>([^<]*)<\/title>/i.exec(trimmed)?.[1]?.trim();
    return title ? clip(title) : 'an HTML error page';
  }
  return clip(trimmed.replace(/\s+/g, ' '));
}

function clip(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The default judgement of a non-2xx status, for platforms that use HTTP
 * statuses honestly. `label` names the platform in the sentence.
 */
export function statusError(label: string, answer: HttpAnswer, now: number): SourceError {
  const detail = describeBody(answer.text);
  const said = detail ? `: ${detail}` : '';
  const status = answer.status;
  if (status === 401) return sourceError('auth', `${label} refused the credentials (401)${said}.`, { status });
  if (status === 403) return sourceError('auth', `${label} denied access (403)${said}.`, { status });
  if (status === 429) {
    const retryAt = parseRetryAfter(answer.headers.get('retry-after'), now);
    return rateLimitedError({ label, said: '429', retryAt: retryAt ?? undefined, now, extra: { status } });
  }
  if (status >= 500) return sourceError('http', `${label} server error (${status})${said}.`, { status });
  return sourceError('http', `${label} answered ${status}${said}.`, { status });
}

export function parseJson(label: string, text: string): Result<unknown, SourceError> {
  try {
    return ok(JSON.parse(text) as unknown);
  } catch {
    const start = text.trim().slice(0, 40).replace(/\s+/g, ' ');
    const what = text.trim() === '' ? 'an empty body' : `"${start}${text.length > 40 ? '…' : ''}"`;
    return err(sourceError('schema', `${label} sent a body that is not JSON (${what}).`, { path: '(body)' }));
  }
}

/** Parses untrusted platform data; the error names the first field it could not accept. */
export function parseWith<T>(label: string, schema: z.ZodType<T>, value: unknown): Result<T, SourceError> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return ok(parsed.data);
  const { path, message } = firstIssue(parsed.error);
  return err(sourceError('schema', `${label} sent an unexpected answer: field ${path} — ${message}.`, { path }));
}

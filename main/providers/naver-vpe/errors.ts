import { rateLimitedError } from '../rate-limited';
import type { z } from 'zod';
import { sourceError, type SourceError } from '@shared/model/errors';
import { err, type Result } from '@shared/result';
import { parseJson, parseWith, statusError, type HttpAnswer } from '../http';
import { ErrorBodySchema } from './schema';

/** How messages name the platform. */
export const NAVER_LABEL = 'NAVER VPE';

/**
 * NAVER reports most failures inside HTTP 200 bodies, so a 200 proves nothing:
 * failure is a non-2xx status, an `error` object, `message: "Unauthorized"`
 * (the Media Analytics service is not subscribed), or a `code` other than 200
 * (sent as 200 or "200"). Only then is the body parsed as a success.
 */
export function judge<T>(answer: HttpAnswer, schema: z.ZodType<T>, now: number): Result<T, SourceError> {
  if (answer.status < 200 || answer.status > 299) return err(statusError(NAVER_LABEL, answer, now));
  const json = parseJson(NAVER_LABEL, answer.text);
  if (!json.ok) return json;
  const failure = failureIn(json.value);
  if (failure) return err(failure);
  return parseWith(NAVER_LABEL, schema, json.value);
}

const AUTH_WORDS =
  /authenticat|unauthori[sz]ed|permission|forbidden|access denied|api.?key|invalid key|project.?id|expired/i;
const RATE_WORDS = /quota|throttl|rate.?limit|too many/i;
/** NAVER Cloud's gateway family uses 200 (sic) "Authentication Failed", 210 "Permission Denied", 230 "Forbidden". */
const AUTH_CODES = new Set(['200', '210', '230', '401', '403']);

export function failureIn(body: unknown): SourceError | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null; // the schema names it
  const parsed = ErrorBodySchema.safeParse(body);
  if (!parsed.success) {
    return sourceError('provider', `${NAVER_LABEL} · reported an error it did not describe.`);
  }
  const { error, code, message } = parsed.data;
  if (error) return classifyError(error.errorCode ?? null, error.message ?? null, error.details ?? null);
  if (typeof message === 'string' && message.trim().toLowerCase() === 'unauthorized') {
    return sourceError(
      'auth',
      `${NAVER_LABEL} · Unauthorized: the Media Analytics service is not subscribed for this Company ID.`,
      {
        code: 'Unauthorized',
      },
    );
  }
  if (code === undefined || code === null) return null; // the schema reports the missing code by path
  if (Number(code) !== 200) {
    const said = typeof message === 'string' && message.trim() !== '' ? `: ${message.trim()}` : '';
    return classifyError(String(code), said.slice(2) || null, null);
  }
  return null;
}

function classifyError(code: string | null, message: string | null, details: string | null): SourceError {
  const said = [message, details].filter((part) => part && part.trim() !== '').join(' — ') || 'no reason given';
  const tag = code !== null ? ` (code ${code})` : '';
  const extra = code !== null ? { code } : {};
  if (RATE_WORDS.test(said)) {
    // NAVER names no retry time: the engine's scheduler backs off.
    return rateLimitedError({
      label: NAVER_LABEL,
      said: code !== null ? `${said}, code ${code}` : said,
      now: 0,
      extra,
    });
  }
  if ((code !== null && AUTH_CODES.has(code)) || AUTH_WORDS.test(said)) {
    return sourceError(
      'auth',
      `${NAVER_LABEL} · ${said}${tag}: the API key or Company ID was refused; check both under Media Analytics › Settings › Basic settings.`,
      extra,
    );
  }
  return sourceError('provider', `${NAVER_LABEL} · error${tag}: ${said}.`, extra);
}

import type { z } from 'zod';
import { sourceError, type SourceError } from '@shared/model/errors';
import { err, type Result } from '@shared/result';
import { parseJson, parseWith, statusError, type Http, type HttpAnswer } from '../http';
import {
  CurrentViewersResponseSchema,
  ErrorBodySchema,
  SessionDetailResponseSchema,
  SessionRecentResponseSchema,
} from './schema';

export const NAVER_LABEL = 'NAVER VPE';
export const NAVER_DEFAULT_BASE_URL = 'https://ma-dashboard-api.vpe.naverncp.com';

export interface NaverClientConfig {
  readonly http: Http;
  readonly now: () => number;
  readonly baseUrl: string;
  /** `x-api-key` and `x-project-id` (the "Company ID"): both secrets. */
  readonly apiKey: string;
  readonly projectId: string;
}

export interface NaverQuery {
  readonly device: string;
  readonly videoType: string;
  readonly limit?: number;
}

export type CurrentViewersResponse = z.infer<typeof CurrentViewersResponseSchema>;
export type SessionRecentResponse = z.infer<typeof SessionRecentResponseSchema>;
export type SessionDetailResponse = z.infer<typeof SessionDetailResponseSchema>;

export interface NaverClient {
  currentViewers(query: NaverQuery, signal?: AbortSignal): Promise<Result<CurrentViewersResponse, SourceError>>;
  sessionRecent(query: NaverQuery, signal?: AbortSignal): Promise<Result<SessionRecentResponse, SourceError>>;
  sessionDetail(uuid: string, signal?: AbortSignal): Promise<Result<SessionDetailResponse, SourceError>>;
}

export function createNaverClient(config: NaverClientConfig): NaverClient {
  const base = config.baseUrl.replace(/\/+$/, '');
  const secrets = [config.apiKey, config.projectId].filter((secret) => secret.length >= 4);

  async function get<T>(
    path: string,
    query: Record<string, string | number | undefined>,
    schema: z.ZodType<T>,
    signal?: AbortSignal,
  ) {
    const answer = await config.http.send({
      url: `${base}${path}${queryString(query)}`,
      headers: { accept: 'application/json', 'x-api-key': config.apiKey, 'x-project-id': config.projectId },
      ...(signal ? { signal } : {}),
    });
    if (!answer.ok) return answer;
    const judged = judge(answer.value, schema, config.now());
    return judged.ok ? judged : err(redact(judged.error, secrets));
  }

  return {
    currentViewers: (query, signal) =>
      get(
        '/v1/charts/currentViewers',
        { device: query.device, videoType: query.videoType },
        CurrentViewersResponseSchema,
        signal,
      ),
    sessionRecent: (query, signal) =>
      get(
        '/v1/sessionRecent',
        { device: query.device, videoType: query.videoType, limit: query.limit },
        SessionRecentResponseSchema,
        signal,
      ),
    sessionDetail: (uuid, signal) =>
      get(`/v1/sessionRecent/${encodeURIComponent(uuid)}`, {}, SessionDetailResponseSchema, signal),
  };
}

/** NAVER's examples write `device=PC,Mobile` with a bare comma (legal in a query); keep it that way. */
function queryString(query: Record<string, string | number | undefined>): string {
  const pairs = Object.entries(query)
    .filter((pair): pair is [string, string | number] => pair[1] !== undefined && pair[1] !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value)).replace(/%2C/gi, ',')}`);
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

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
    return sourceError('rate-limited', `${NAVER_LABEL} · ${said}${tag}: too many requests for this account.`, extra);
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

/** Error text can echo what was sent; a secret never reaches a message. */
function redact(error: SourceError, secrets: readonly string[]): SourceError {
  let message = error.message;
  for (const secret of secrets) message = message.split(secret).join('•••');
  return message === error.message ? error : { ...error, message };
}

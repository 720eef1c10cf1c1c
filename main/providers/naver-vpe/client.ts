import type { z } from 'zod';
import type { SourceError } from '@shared/model/errors';
import { err, type Result } from '@shared/result';
import type { Http } from '../http';
import { judge, NAVER_LABEL } from './errors';
import { CurrentViewersResponseSchema, SessionDetailResponseSchema, SessionRecentResponseSchema } from './schema';

export { judge, NAVER_LABEL };

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

/** Error text can echo what was sent; a secret never reaches a message. */
function redact(error: SourceError, secrets: readonly string[]): SourceError {
  let message = error.message;
  for (const secret of secrets) message = message.split(secret).join('•••');
  return message === error.message ? error : { ...error, message };
}

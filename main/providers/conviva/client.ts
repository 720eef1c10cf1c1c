import type { z } from 'zod';
import type { SourceError } from '@shared/model/errors';
import { err, type Result } from '@shared/result';
import { parseJson, parseWith, type Http, type HttpAnswer } from '../http';
import { convivaError, LABEL, type RequestContext } from './errors';

export interface ConvivaClientOptions {
  readonly http: Http;
  /** The resolved base, e.g. https://api.conviva.com/insights/3.0; documented paths are appended. */
  readonly baseUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly now: () => number;
}

export interface ConvivaClient {
  /** One GET; any HTTP status comes back as an answer, network trouble as an error. */
  get(
    path: string,
    params: Readonly<Record<string, string>>,
    signal: AbortSignal,
  ): Promise<Result<HttpAnswer, SourceError>>;
  /** Judges an answer: non-2xx becomes Conviva's sentence, the body is parsed with `schema`. */
  read<T>(answer: HttpAnswer, schema: z.ZodType<T>, context: RequestContext): Result<T, SourceError>;
}

export function createConvivaClient(options: ConvivaClientOptions): ConvivaClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  // HTTP Basic with an API client (not a Pulse user); the secret never appears in a message.
  const authorization = `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`, 'utf8').toString('base64')}`;

  return {
    get(path, params, signal) {
      const query = new URLSearchParams(params).toString();
      return options.http.send({
        url: `${base}${path}${query ? `?${query}` : ''}`,
        headers: { authorization, accept: 'application/json' },
        signal,
      });
    },
    read(answer, schema, context) {
      if (answer.status < 200 || answer.status >= 300) return err(convivaError(answer, context, options.now()));
      const json = parseJson(LABEL, answer.text);
      if (!json.ok) return json;
      return parseWith(LABEL, schema, json.value);
    },
  };
}

/** `get` then `read`, for requests that need no second look at the answer. */
export async function getParsed<T>(
  client: ConvivaClient,
  path: string,
  schema: z.ZodType<T>,
  context: RequestContext,
  signal: AbortSignal,
): Promise<Result<T, SourceError>> {
  const answer = await client.get(path, context.params, signal);
  return answer.ok ? client.read(answer.value, schema, context) : answer;
}

export const PATHS = {
  concurrentPlays: '/real-time-metrics/concurrent-plays',
  groupBy: (dimension: string) => `/real-time-metrics/concurrent-plays/group-by/${dimension}`,
  contentSessions: '/sessions/content',
} as const;

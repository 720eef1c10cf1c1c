import type { z } from 'zod';
import { sourceError, type SourceError } from '@shared/model/errors';
import type { RateLimit } from '@shared/model/samples';
import { err, type Result } from '@shared/result';
import { parseJson, parseWith, type Http, type HttpAnswer } from '../http';
import { createAuth, type AuthMode } from './auth';
import { answerError, LABEL, readRateLimit } from './errors';

export type Query = ReadonlyArray<readonly [string, string]>;

export interface ApiVideoClient {
  /** One authenticated GET, judged and parsed. A 401 is retried once after renewing the token, never more. */
  get<T>(path: string, query: Query, schema: z.ZodType<T>, signal: AbortSignal): Promise<Result<T, SourceError>>;
  /** The newest rate-limit headers seen on any answer. */
  rateLimit(): RateLimit | null;
  /** Requests sent so far (retries included), so a poll can keep to its budget. */
  requestCount(): number;
}

export interface ClientOptions {
  readonly http: Http;
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly authMode: AuthMode;
  readonly now: () => number;
}

export function createApiVideoClient(options: ClientOptions): ApiVideoClient {
  const { http, baseUrl, now } = options;
  const auth = createAuth(options.authMode, { http, baseUrl, apiKey: options.apiKey, now });
  let lastLimit: RateLimit | null = null;
  let sent = 0;

  async function send(url: string, header: string, signal: AbortSignal): Promise<Result<HttpAnswer, SourceError>> {
    sent += 1;
    const answer = await http.send({ url, headers: { authorization: header, accept: 'application/json' }, signal });
    if (answer.ok) lastLimit = readRateLimit(answer.value.headers, now()) ?? lastLimit;
    return answer;
  }

  /** The window is known to be used up: asking anyway would only earn another 429. */
  function exhausted(): SourceError | null {
    if (lastLimit?.remaining !== 0 || lastLimit.resetAt === null || lastLimit.resetAt <= now()) return null;
    const until = new Date(lastLimit.resetAt).toISOString().slice(11, 19);
    return sourceError('rate-limited', `${LABEL} requests for this minute are used up; waiting until ${until} UTC.`, {
      retryAt: lastLimit.resetAt,
    });
  }

  return {
    async get(path, query, schema, signal) {
      const used = exhausted();
      if (used) return err(used);
      const url = `${baseUrl}${path}${query.length > 0 ? `?${new URLSearchParams(query.map(([k, v]): [string, string] => [k, v])).toString()}` : ''}`;
      const header = await auth.header(signal);
      if (!header.ok) return header;
      let answer = await send(url, header.value, signal);
      if (answer.ok && answer.value.status === 401) {
        const renewed = await auth.renewAfterUnauthorized(header.value, signal);
        if (!renewed.ok) return renewed;
        if (renewed.value) {
          const again = await auth.header(signal);
          if (!again.ok) return again;
          answer = await send(url, again.value, signal);
        }
      }
      if (!answer.ok) return answer;
      const { status, text } = answer.value;
      if (status < 200 || status >= 300) return err(answerError(answer.value, now()));
      const json = parseJson(LABEL, text);
      if (!json.ok) return json;
      return parseWith(LABEL, schema, json.value);
    },
    rateLimit: () => lastLimit,
    requestCount: () => sent,
  };
}

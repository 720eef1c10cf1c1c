import type { SourceError } from '@shared/model/errors';
import { err, ok, type Result } from '@shared/result';
import { parseJson, parseWith, type Http } from '../http';
import { answerError, LABEL } from './errors';
import { TokenSchema } from './schema';

export type AuthMode = 'basic' | 'token';

export interface Auth {
  /** The Authorization header for the next request, signing in or renewing first when needed. */
  header(signal: AbortSignal): Promise<Result<string, SourceError>>;
  /**
   * Called once after a 401 with the header that was refused. Returns true when
   * there is something new to retry with; the caller retries once and never again.
   */
  renewAfterUnauthorized(refused: string, signal: AbortSignal): Promise<Result<boolean, SourceError>>;
}

export interface AuthDeps {
  readonly http: Http;
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly now: () => number;
}

export function createAuth(mode: AuthMode, deps: AuthDeps): Auth {
  return mode === 'basic' ? basicAuth(deps.apiKey) : tokenAuth(deps);
}

/** The API key as user name and an empty password. Nothing to renew: a 401 is final. */
function basicAuth(apiKey: string): Auth {
  const header = `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`;
  return {
    header: async () => ok(header),
    renewAfterUnauthorized: async () => ok(false),
  };
}

interface Tokens {
  readonly access: string;
  readonly refresh: string;
  readonly expiresAt: number;
  readonly lifetimeMs: number;
}

/** Renew this long before expiry, so a request never leaves with a token about to lapse. */
const RENEW_MARGIN_MS = 60_000;

function tokenAuth(deps: AuthDeps): Auth {
  let tokens: Tokens | null = null;
  // Both endpoints (viewers, sessions) may ask at once: they share one sign-in.
  let renewing: Promise<Result<Tokens, SourceError>> | null = null;

  async function post(path: string, body: object, signal: AbortSignal): Promise<Result<Tokens, SourceError>> {
    const sent = await deps.http.send({
      url: `${deps.baseUrl}${path}`,
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal,
    });
    if (!sent.ok) return sent;
    const now = deps.now();
    if (sent.value.status < 200 || sent.value.status >= 300) return err(answerError(sent.value, now, 'auth'));
    const json = parseJson(LABEL, sent.value.text);
    if (!json.ok) return json;
    const token = parseWith(LABEL, TokenSchema, json.value);
    if (!token.ok) return token;
    const lifetimeMs = token.value.expires_in * 1000;
    return ok({
      access: token.value.access_token,
      refresh: token.value.refresh_token,
      expiresAt: now + lifetimeMs,
      lifetimeMs,
    });
  }

  /** Refresh when we hold a refresh token; if that is refused, sign in again with the key. Two calls at most. */
  async function renew(signal: AbortSignal): Promise<Result<Tokens, SourceError>> {
    if (tokens) {
      const refreshed = await post('/auth/refresh', { refreshToken: tokens.refresh }, signal);
      if (refreshed.ok || refreshed.error.kind !== 'auth') return refreshed;
    }
    return post('/auth/api-key', { apiKey: deps.apiKey }, signal);
  }

  function shared(signal: AbortSignal): Promise<Result<Tokens, SourceError>> {
    renewing ??= renew(signal).then((result) => {
      renewing = null;
      tokens = result.ok ? result.value : null;
      return result;
    });
    return renewing;
  }

  function fresh(held: Tokens): boolean {
    const margin = Math.min(RENEW_MARGIN_MS, held.lifetimeMs / 4);
    return deps.now() < held.expiresAt - margin;
  }

  return {
    async header(signal) {
      if (tokens && fresh(tokens)) return ok(`Bearer ${tokens.access}`);
      const renewed = await shared(signal);
      return renewed.ok ? ok(`Bearer ${renewed.value.access}`) : renewed;
    },
    async renewAfterUnauthorized(refused, signal) {
      // Another request may already have renewed since this one left: retry with that.
      if (tokens && `Bearer ${tokens.access}` !== refused) return ok(true);
      const renewed = await shared(signal);
      return renewed.ok ? ok(true) : renewed;
    },
  };
}

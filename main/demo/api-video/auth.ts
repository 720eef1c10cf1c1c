import type { SimRequest, SimResponse } from '../sim-server';
import { problem } from './problems';

/**
 * The two ways into api.video: Basic with the API key as user name (empty
 * password), or an access token from POST /auth/api-key, renewed with
 * POST /auth/refresh. Access tokens live `expiresInS`; refresh tokens are
 * single-use, as a renewal hands out a new pair.
 */

interface Issued {
  readonly issuedAt: number;
  expiresAt: number;
}

export interface SimAuth {
  /** Answers POST /auth/api-key and POST /auth/refresh. */
  handle(request: SimRequest, now: number): SimResponse;
  /** Whether the Authorization header lets the request in; `tokenMaxAgeMs` narrows tokens (the expired-token incident). */
  allows(header: string | undefined, now: number, tokenMaxAgeMs?: number): boolean;
  /** Every access token issued so far stops working now. */
  expireAll(now: number): void;
  setApiKey(key: string): void;
  readonly stats: { tokensIssued: number; refreshes: number; refused: number };
}

export function createSimAuth(initialKey: string, expiresInS: number): SimAuth {
  let apiKey = initialKey;
  let serial = 0;
  const access = new Map<string, Issued>();
  const refresh = new Set<string>();
  const stats = { tokensIssued: 0, refreshes: 0, refused: 0 };

  function issue(now: number): SimResponse {
    serial += 1;
    stats.tokensIssued += 1;
    const accessToken = `sim-access-${serial}-${now.toString(36)}`;
    const refreshToken = `sim-refresh-${serial}-${now.toString(36)}`;
    access.set(accessToken, { issuedAt: now, expiresAt: now + expiresInS * 1000 });
    refresh.add(refreshToken);
    const body = {
      token_type: 'Bearer',
      expires_in: expiresInS,
      access_token: accessToken,
      refresh_token: refreshToken,
    };
    return { status: 200, body };
  }

  function field(body: string, name: string): unknown {
    try {
      return (JSON.parse(body) as Record<string, unknown>)[name];
    } catch {
      return undefined;
    }
  }

  return {
    stats,
    setApiKey(key) {
      apiKey = key;
    },
    handle(request, now) {
      if (request.method !== 'POST') return problem(405, 'method-not-allowed', 'Method not allowed.');
      if (request.path === '/auth/api-key') {
        if (field(request.body, 'apiKey') === apiKey) return issue(now);
        stats.refused += 1;
        return problem(400, 'authentication-invalid-api-key', 'The API key is invalid.', {
          detail: 'Check that you use the key of the right environment (production or sandbox).',
        });
      }
      const token = field(request.body, 'refreshToken');
      if (typeof token === 'string' && refresh.delete(token)) {
        stats.refreshes += 1;
        return issue(now);
      }
      stats.refused += 1;
      return problem(400, 'authentication-invalid-refresh-token', 'The refresh token is invalid.');
    },
    allows(header, now, tokenMaxAgeMs) {
      const [scheme, value] = (header ?? '').split(' ', 2);
      let allowed = false;
      if (scheme === 'Basic' && value) {
        allowed = Buffer.from(value, 'base64').toString('utf8') === `${apiKey}:`;
      } else if (scheme === 'Bearer' && value) {
        const issued = access.get(value);
        allowed = issued !== undefined && now < issued.expiresAt;
        if (allowed && tokenMaxAgeMs !== undefined) allowed = now - issued!.issuedAt <= tokenMaxAgeMs;
      }
      if (!allowed) stats.refused += 1;
      return allowed;
    },
    expireAll(now) {
      for (const issued of access.values()) issued.expiresAt = Math.min(issued.expiresAt, now);
    },
  };
}

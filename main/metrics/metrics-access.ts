import { timingSafeEqual } from 'node:crypto';

/**
 * The tokens a collector hands out to its team. No store exists yet: until
 * one does, `tokensGuard(null)` lets every loopback caller read /metrics, and
 * once a store exists with any token in it, /metrics needs one of them.
 */
export interface TokenStore {
  /** Whether any token has been issued; none means the server is still single-user. */
  hasAny(): boolean;
  /** Whether `token` is a current token (compare in constant time). */
  accepts(token: string): boolean;
}

export type AccessDecision =
  { readonly ok: true } | { readonly ok: false; readonly status: 401; readonly message: string };

export type MetricsGuard = (authorization: string | undefined) => AccessDecision;

export function tokensGuard(store: TokenStore | null): MetricsGuard {
  return (authorization) => {
    if (store === null || !store.hasAny()) return { ok: true };
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (token !== undefined && store.accepts(token)) return { ok: true };
    return { ok: false, status: 401, message: 'This collector needs a token: send "Authorization: Bearer <token>".' };
  };
}

/** Constant-time string comparison, for token stores. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

import type { Role, TokenChecker } from './tokens-file';

/**
 * Who may use a team collector. Every data request (the WebSocket, /metrics)
 * shows a token; failures from one address are slowed down: after a few, that
 * address is locked out for a while that doubles with each further failure.
 * Log lines name the address and what was wrong, never the token.
 */
export const FREE_FAILURES = 5;
export const FIRST_LOCKOUT_MS = 1_000;
export const MAX_LOCKOUT_MS = 5 * 60_000;
/** Addresses remembered at most, so a flood of source addresses cannot grow memory without bound. */
const MAX_TRACKED = 10_000;

export type GateDecision =
  | { readonly ok: true; readonly role: Role; readonly name: string }
  | { readonly ok: false; readonly status: 401 | 429; readonly message: string; readonly retryAfterMs?: number };

export interface AccessGate {
  /** `token` is what the caller showed (undefined when nothing was shown). */
  check(address: string, token: string | undefined): GateDecision;
}

export interface GateDeps {
  readonly tokens: TokenChecker;
  readonly now: () => number;
  readonly log: (message: string) => void;
}

export function createAccessGate(deps: GateDeps): AccessGate {
  const failures = new Map<string, { count: number; lockedUntil: number }>();

  return {
    check(address, token) {
      const now = deps.now();
      const record = failures.get(address);
      if (record && now < record.lockedUntil) {
        const retryAfterMs = record.lockedUntil - now;
        return {
          ok: false,
          status: 429,
          message: `Too many failed tokens from this address; try again in ${Math.ceil(retryAfterMs / 1000)} s.`,
          retryAfterMs,
        };
      }
      const found = token === undefined || token === '' ? null : deps.tokens.roleOf(token);
      if (found) {
        failures.delete(address);
        return { ok: true, role: found.role, name: found.name };
      }
      const count = (record?.count ?? 0) + 1;
      const lockout =
        count > FREE_FAILURES ? Math.min(MAX_LOCKOUT_MS, FIRST_LOCKOUT_MS * 2 ** (count - FREE_FAILURES - 1)) : 0;
      if (!record && failures.size >= MAX_TRACKED) failures.delete(failures.keys().next().value!);
      failures.set(address, { count, lockedUntil: now + lockout });
      deps.log(
        `refused ${address}: ${token ? 'unknown or revoked token' : 'no token'} (failure ${count}${lockout ? `, locked out for ${lockout} ms` : ''})`,
      );
      return {
        ok: false,
        status: 401,
        message: token
          ? 'This token is not valid here (unknown or revoked).'
          : 'This collector needs a token: send "Authorization: Bearer <token>".',
      };
    },
  };
}

/** The token of an `Authorization: Bearer <token>` header, if that is what it is. */
export function bearerToken(authorization: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
}

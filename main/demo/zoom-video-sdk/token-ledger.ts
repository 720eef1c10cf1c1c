/**
 * The access tokens the simulator has accepted, so a test can declare them
 * all expired mid-run ("Access token is expired.", Zoom's 401 code 124) the
 * way a token outlives its `exp` when a workstation sleeps through it or its
 * clock jumps. The app signs its own JWTs, so a freshly signed one is a
 * different token and is accepted again.
 */
export interface TokenLedger {
  /** Records an accepted token; returns true when it was declared expired. */
  isExpired(token: string): boolean;
  /** Every token accepted so far is expired from now on. */
  expireAll(): void;
}

/** Enough to cover every token a test run signs; older ones are forgotten first. */
const REMEMBERED = 256;

export function createTokenLedger(): TokenLedger {
  const seen = new Set<string>();
  const expired = new Set<string>();
  return {
    isExpired(token) {
      if (expired.has(token)) return true;
      seen.add(token);
      if (seen.size > REMEMBERED) seen.delete(seen.values().next().value as string);
      return false;
    },
    expireAll() {
      for (const token of seen) expired.add(token);
      seen.clear();
      while (expired.size > REMEMBERED) expired.delete(expired.values().next().value as string);
    },
  };
}

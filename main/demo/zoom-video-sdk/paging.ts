import { MINUTE, noise } from '../scenario';

/**
 * Zoom's `next_page_token`: opaque, tied to one listing, and dead 15 minutes
 * after it was issued. A token remembers when its listing was first asked
 * (`asOf`), so later pages come from the same moment and do not shift as
 * sessions end in between.
 */

export const TOKEN_LIFETIME_MS = 15 * MINUTE;

interface Issued {
  readonly listing: string;
  readonly offset: number;
  readonly asOf: number;
  readonly issuedAt: number;
}

export interface PageStore {
  /** Where a request's page starts: offset 0 without a token; null for an unknown, foreign or expired token. */
  resolve(token: string | null, listing: string, now: number): { offset: number; asOf: number } | null;
  issue(listing: string, offset: number, asOf: number, now: number): string;
  /** As if 15 minutes had passed for every token handed out so far. */
  expireAll(): void;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function createPageStore(seed: number): PageStore {
  const issued = new Map<string, Issued>();
  let counter = 0;
  return {
    resolve(token, listing, now) {
      if (token === null) return { offset: 0, asOf: now };
      const entry = issued.get(token);
      if (!entry || entry.listing !== listing || now - entry.issuedAt > TOKEN_LIFETIME_MS) return null;
      return { offset: entry.offset, asOf: entry.asOf };
    },
    issue(listing, offset, asOf, now) {
      for (const [token, entry] of issued) if (now - entry.issuedAt > TOKEN_LIFETIME_MS) issued.delete(token);
      counter += 1;
      const token = Array.from({ length: 35 }, (_, i) =>
        ALPHABET.charAt(Math.floor(noise(seed, 'zoom-token', counter, i) * ALPHABET.length)),
      ).join('');
      issued.set(token, { listing, offset, asOf, issuedAt: now });
      return token;
    },
    expireAll() {
      for (const [token, entry] of issued) issued.set(token, { ...entry, issuedAt: Number.NEGATIVE_INFINITY });
    },
  };
}

/** One page of `items` and the token for the rest, if any. */
export function page<T>(
  store: PageStore,
  items: readonly T[],
  at: { offset: number; asOf: number },
  pageSize: number,
  listing: string,
  now: number,
): { items: T[]; next_page_token: string } {
  const end = at.offset + pageSize;
  return {
    items: items.slice(at.offset, end),
    next_page_token: end < items.length ? store.issue(listing, end, at.asOf, now) : '',
  };
}

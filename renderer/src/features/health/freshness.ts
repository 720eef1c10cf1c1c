import type { SourceState } from '@shared/model/state';

/**
 * What a source's chip says. Stale is its own state, never folded into "ok":
 * a monitor showing yesterday's numbers as healthy is worse than none.
 */
export type Freshness =
  | { readonly kind: 'ok'; readonly ageMs: number }
  | { readonly kind: 'stale'; readonly ageMs: number | null }
  | { readonly kind: 'error'; readonly message: string; readonly ageMs: number | null; readonly errorKind: string }
  | { readonly kind: 'paused'; readonly reason: string; readonly ageMs: number | null }
  | { readonly kind: 'waiting'; readonly ageMs: number | null };

/** Data older than this many poll intervals is stale (issue 7, "honest freshness"). */
export const STALE_AFTER_INTERVALS = 2;

export function isStale(lastAt: number | null, intervalMs: number, now: number): boolean {
  return lastAt === null || now - lastAt > STALE_AFTER_INTERVALS * intervalMs;
}

export function freshness(source: SourceState, now: number): Freshness {
  const ageMs = source.lastOkAt === null ? null : Math.max(0, now - source.lastOkAt);
  const health = source.health;
  switch (health.status) {
    case 'error':
      return { kind: 'error', message: health.error.message, errorKind: health.error.kind, ageMs };
    case 'paused':
      return { kind: 'paused', reason: health.reason, ageMs };
    case 'unknown':
      return { kind: 'waiting', ageMs };
    case 'ok':
      if (ageMs === null || isStale(source.lastOkAt, source.intervalMs, now)) return { kind: 'stale', ageMs };
      return { kind: 'ok', ageMs };
  }
}

import { isPollStale } from '@shared/figures/freshness';
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
  | { readonly kind: 'waiting'; readonly ageMs: number | null }
  /** The page has lost its connection to the engine: nothing shown is known to be current. */
  | { readonly kind: 'unknown'; readonly ageMs: number | null };

/** What a chip or a table cell says for each kind. */
export const FRESHNESS_TEXT: Readonly<Record<Freshness['kind'], string>> = {
  ok: 'ok',
  stale: 'STALE',
  error: 'error',
  paused: 'paused',
  waiting: 'waiting',
  unknown: 'UNKNOWN',
};

export { isReadingStale } from '@shared/figures/freshness';

export function freshness(source: SourceState, now: number, connected = true): Freshness {
  const ageMs = source.lastOkAt === null ? null : Math.max(0, now - source.lastOkAt);
  if (!connected) return { kind: 'unknown', ageMs };
  const health = source.health;
  switch (health.status) {
    case 'error':
      return { kind: 'error', message: health.error.message, errorKind: health.error.kind, ageMs };
    case 'paused':
      return { kind: 'paused', reason: health.reason, ageMs };
    case 'unknown':
      return { kind: 'waiting', ageMs };
    case 'ok':
      if (ageMs === null || isPollStale(source, now)) return { kind: 'stale', ageMs };
      return { kind: 'ok', ageMs };
  }
}

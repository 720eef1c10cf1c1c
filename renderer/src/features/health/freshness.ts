import { isPollStale } from '@shared/figures/freshness';
import type { SourceState } from '@shared/model/state';

/**
 * What a source's chip says. Stale is its own state, never folded into "ok":
 * a monitor showing yesterday's numbers as healthy is worse than none.
 */
export type Status =
  | { readonly kind: 'ok' }
  | { readonly kind: 'stale' }
  | { readonly kind: 'error'; readonly message: string; readonly errorKind: string }
  | { readonly kind: 'paused'; readonly reason: string }
  | { readonly kind: 'waiting' }
  /** The page has lost its connection to the engine: nothing shown is known to be current. */
  | { readonly kind: 'unknown' };

/** A status with the age of the source's last answer (null: it never answered). */
export type Freshness = Status & { readonly ageMs: number | null };

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

/**
 * A source's status, without its age: the age moves every second, the status
 * only when something happens, so a tile or chip can keep its rendering while
 * only the age text beside it follows the clock (components/age.tsx).
 */
export function status(source: SourceState, now: number, connected = true): Status {
  if (!connected) return { kind: 'unknown' };
  const health = source.health;
  switch (health.status) {
    case 'error':
      return { kind: 'error', message: health.error.message, errorKind: health.error.kind };
    case 'paused':
      return { kind: 'paused', reason: health.reason };
    case 'unknown':
      return { kind: 'waiting' };
    case 'ok':
      return source.lastOkAt === null || isPollStale(source, now) ? { kind: 'stale' } : { kind: 'ok' };
  }
}

/** Two statuses that show the same. */
export function sameStatus(a: Status, b: Status): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'error' && b.kind === 'error') return a.message === b.message && a.errorKind === b.errorKind;
  if (a.kind === 'paused' && b.kind === 'paused') return a.reason === b.reason;
  return true;
}

export function freshness(source: SourceState, now: number, connected = true): Freshness {
  const ageMs = source.lastOkAt === null ? null : Math.max(0, now - source.lastOkAt);
  return { ...status(source, now, connected), ageMs };
}

import type { Clock, TimerHandle } from '../engine/types';
import type { LinkStatus } from './collector-client';

/**
 * Which engine a desktop shows while it follows a team collector: the
 * collector's, normally. With the opt-in fallback on, a collector that stays
 * unreachable for `afterMs` hands over to this desktop's own polling (with
 * its own credentials), and the collector's return hands back, so the desk
 * never polls twice for long. Kept free of Electron so it is tested against
 * a real collector with a clock the test sets.
 */
export const FALLBACK_AFTER_MS = 60_000;

export type ShownSource = 'collector' | 'local';

export interface CollectorModeDeps {
  readonly clock: Clock;
  readonly link: {
    status(): LinkStatus;
    onStatus(listener: (status: LinkStatus) => void): () => void;
  };
  /** The opt-in setting "if the collector is unreachable, poll locally"; off by default. */
  readonly fallback: boolean;
  readonly afterMs?: number;
  readonly startLocal: () => void;
  readonly stopLocal: () => void;
  /** Told whenever the shown source changes, so the window and tray re-read. */
  readonly onSwitch?: (shown: ShownSource) => void;
}

export interface CollectorMode {
  shown(): ShownSource;
  /** Back to plain local polling is the caller's job; this only stops following (and any fallback poll). */
  stop(): void;
}

export function followCollector(deps: CollectorModeDeps): CollectorMode {
  const afterMs = deps.afterMs ?? FALLBACK_AFTER_MS;
  let shown: ShownSource = 'collector';
  let timer: TimerHandle | null = null;

  const cancel = () => {
    if (timer !== null) deps.clock.clearTimeout(timer);
    timer = null;
  };
  const show = (next: ShownSource) => {
    if (shown === next) return;
    shown = next;
    if (next === 'local') deps.startLocal();
    else deps.stopLocal();
    deps.onSwitch?.(next);
  };

  const react = (status: LinkStatus) => {
    if (status.state === 'open') {
      cancel();
      show('collector');
      return;
    }
    if (!deps.fallback || shown === 'local' || timer !== null || status.unreachableSince === null) return;
    // Measured from when the collector went away, not from this call: retries do not restart the wait.
    const wait = Math.max(0, status.unreachableSince + afterMs - deps.clock.now());
    timer = deps.clock.setTimeout(() => {
      timer = null;
      if (deps.link.status().state !== 'open') show('local');
    }, wait);
  };

  const unsubscribe = deps.link.onStatus(react);
  react(deps.link.status());
  return {
    shown: () => shown,
    stop() {
      unsubscribe();
      cancel();
      if (shown === 'local') deps.stopLocal();
      shown = 'collector';
    },
  };
}

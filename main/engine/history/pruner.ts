import type { Retention } from '@shared/model/history';
import type { Clock, TimerHandle } from '../types';
import type { HistoryStore } from './port';
import { log } from '../../log/logger';

export interface Pruner {
  /** Prunes now rather than at the next round (after the retention changed). */
  runSoon(): void;
  stop(): void;
}

export interface PrunerOptions {
  readonly clock: Clock;
  readonly stores: () => readonly HistoryStore[];
  readonly retention: () => Retention;
  readonly everyMs?: number;
  /** Rows per step (a little more at most): small, so one step is a millisecond or two, never a stall. */
  readonly batch?: number;
  /** Pause between steps, so polling and the page get the thread in between. */
  readonly stepGapMs?: number;
}

/** Deletes what is past retention, a small batch at a time, every `everyMs` (and once soon after start). */
export function createPruner(options: PrunerOptions): Pruner {
  const { clock } = options;
  const everyMs = options.everyMs ?? 10 * 60_000;
  const batch = options.batch ?? 250;
  const stepGapMs = options.stepGapMs ?? 50;
  let timer: TimerHandle | null = null;

  function later(ms: number, run: () => void): void {
    if (timer !== null) clock.clearTimeout(timer);
    timer = clock.setTimeout(() => {
      timer = null;
      run();
    }, ms);
  }

  function step(): void {
    let deleted = 0;
    for (const store of options.stores()) {
      try {
        deleted += store.prune(options.retention(), clock.now(), batch);
      } catch (error) {
        // A full disk can refuse even a delete's journal: try again next round.
        log.error('[history] pruning failed; trying again later', error);
      }
    }
    later(deleted > 0 ? stepGapMs : everyMs, step);
  }

  later(30_000, step);
  return {
    runSoon: () => later(0, step),
    stop() {
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
    },
  };
}
